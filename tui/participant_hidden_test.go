package tui_test

import (
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

// A voter whose dot is on a theme whose notes the facilitator then hides is told
// that the dot came back, and the theme leaves their list.
func TestVoterToldWhenDotComesBack(t *testing.T) {
	t.Parallel()
	w, sess, notes := manyThemesWorld(t)
	voter := w.join(sess, "key-2", "")
	w.setPhase(sess, session.PhaseVote)
	p := w.openAsParticipant(sess, voter)
	p.waitFor("3 of 3 dots left", "theme 8")
	p.keys("j")
	p.waitFor("In “theme 2”")
	p.keys("+")
	p.waitFor("2 of 3 dots left")
	for _, n := range notes[1] {
		if err := w.svc.HideNote(w.ctx, n.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	p.waitFor("Look before you give a dot: your dot is back, “theme 2” is no longer", "3 of 3 dots left")
	if v := p.view(); strings.Contains(strings.ReplaceAll(v, "“theme 2” is no longer", ""), "theme 2") {
		t.Errorf("the voter still sees theme 2:\n%s", v)
	}
}
