package tui_test

import (
	"testing"

	"github.com/charter-tool/charter/session"
)

// The selection in the vote phase is a theme: the screen loading again after a dot
// (or anyone's change) leaves it there, also for someone with a note in the lane
// they last looked at. It used to be read as a note selection and put back on the
// first theme, so the next dot went to a theme the person had moved away from.
func TestVoteSelectionStaysAfterAReload(t *testing.T) {
	w, sess, _ := groupWorld(t)
	me := w.join(sess, "key-3", "")
	w.setPhase(sess, session.PhaseWrite)
	w.addNote(me, session.AreaConfidence, "strength", "our CTO follows up on findings")
	w.setPhase(sess, session.PhaseGroup)
	w.setPhase(sess, session.PhaseVote)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	p := w.openAsParticipant(sess, me)
	p.waitFor("3 of 3 dots left", "deadlines")
	p.keys("j")
	p.keys("+")
	p.waitFor("2 of 3 dots left")
	p.keys("+")
	p.waitFor("1 of 3 dots left")
	mine, err := w.svc.MyVotes(w.ctx, me.ID)
	if err != nil {
		t.Fatal(err)
	}
	if mine[ts[1].ID] != 2 || mine[ts[0].ID] != 0 {
		t.Fatalf("dots %v, want both on the second theme %q (id %d)", mine, ts[1].Label, ts[1].ID)
	}
}
