package tui_test

import (
	"strings"
	"testing"

	"github.com/charter-tool/charter/tui"
)

// The overview names audiences in words, as the report does: "service owners",
// not the key "service-owners", in the themes, the audiences and a hypothesis's
// quotes.
func TestCampaignViewNamesAudiencesInWords(t *testing.T) {
	t.Parallel()
	w, _ := explainWorld(t)
	if _, err := w.svc.AddHypothesis(w.ctx, "Chartering 2027", "service owners follow a control when someone explains why it matters"); err != nil {
		t.Fatal(err)
	}
	s := w.openSized(tui.Options{Facilitator: true}, 140, 30)
	s.waitFor("Developers 2")
	s.keys("c")
	s.waitFor("1 note · service owners")
	s.keys("2")
	s.waitFor("service owners · 2 sessions")
	s.keys("5")
	s.waitFor("service owners, whom it names")
	v := s.view()
	if strings.Contains(v, "service-owners") {
		t.Errorf("the hypotheses view shows the key service-owners:\n%s", v)
	}
}
