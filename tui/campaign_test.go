package tui_test

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// TestCampaignViewScrollsToTheEnds gives a campaign more hypotheses than a screen
// holds: End shows the last, Home the first again, PgDn a later part.
func TestCampaignViewScrollsToTheEnds(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	if _, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers, Campaign: "Chartering 2027"}); err != nil {
		t.Fatal(err)
	}
	for i := range 30 {
		if _, err := w.svc.AddHypothesis(w.ctx, "Chartering 2027", fmt.Sprintf("hypothesis number %02d", i+1)); err != nil {
			t.Fatal(err)
		}
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Berlin")
	s.keys("c")
	s.waitFor("Themes by campaign priority")
	s.keys("5")
	s.waitFor("H1 hypothesis number 01")
	if s.everDrawn("hypothesis number 30") {
		t.Error("the last of 30 hypotheses shows before scrolling")
	}
	s.press(tea.KeyEnd)
	s.waitFor("H30 hypothesis number 30")
	s.press(tea.KeyHome)
	s.waitFor("H1 hypothesis number 01")
	s.press(tea.KeyPgDown)
	v := s.view()
	requireFits(t, v)
	if strings.Contains(v, "hypothesis number 01") || !strings.Contains(v, "hypothesis number") {
		t.Errorf("PgDn from the top does not show a later part of the hypotheses:\n%s", v)
	}
}
