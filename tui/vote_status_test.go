package tui_test

import (
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

// When the theme a voter selected is deleted, the warning to look before the next
// dot is on their 80-column screen, not cut off after the theme's name: the status
// line is one line, and a long theme name is what it cuts first.
func TestVoteSelectionWarningFitsTheScreen(t *testing.T) {
	w, sess, _ := manyThemesWorld(t)
	me := w.join(sess, "key-1", "")
	w.setPhase(sess, session.PhaseVote)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	const long = "Threat modelling and security testing earlier in every project"
	if err := w.svc.RenameTheme(w.ctx, ts[2].ID, long[:60]); err != nil {
		t.Fatal(err)
	}
	p := w.openAsParticipant(sess, me)
	p.waitFor("3 of 3 dots left", "theme 8")
	p.keys("jj")
	p.waitFor("In “" + long[:20])
	if err := w.svc.DeleteTheme(w.ctx, ts[2].ID); err != nil {
		t.Fatal(err)
	}
	p.waitFor("In “theme 4”")
	view := p.view()
	if !strings.Contains(strings.ToLower(view), "look before you give a dot") {
		t.Fatalf("the warning to look before the next dot is not on the screen:\n%s", view)
	}
	requireFits(t, view)
}
