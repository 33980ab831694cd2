package tui_test

import (
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

// The selection in the vote phase is a theme: the screen loading again after a dot
// (or anyone's change) leaves it there, also for someone with a note in the lane
// they last looked at. It used to be read as a note selection and put back on the
// first theme, so the next dot went to a theme the person had moved away from.
func TestVoteSelectionStaysAfterAReload(t *testing.T) {
	t.Parallel()
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

// A voter's selection follows the theme, not the row: themes deleted, renamed or
// merged by the facilitator while the person chooses never move the selection to a
// theme they did not pick. It used to stay on the row, so a theme deleted above
// the selected one put the next dot on the theme below it.
func TestVoteSelectionFollowsTheTheme(t *testing.T) {
	t.Parallel()
	w, sess, _ := manyThemesWorld(t)
	me := w.join(sess, "key-1", "")
	w.setPhase(sess, session.PhaseVote)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	p := w.openAsParticipant(sess, me)
	p.waitFor("3 of 3 dots left", "theme 8")
	p.keys("jj")
	p.waitFor("In “theme 3”")

	// Theme 1 deleted and theme 2 renamed above the selection.
	if err := w.svc.DeleteTheme(w.ctx, ts[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := w.svc.RenameTheme(w.ctx, ts[1].ID, "theme two"); err != nil {
		t.Fatal(err)
	}
	p.waitFor("theme two")
	p.keys("+")
	p.waitFor("2 of 3 dots left")
	if mine := votesOf(t, w, me); mine[ts[2].ID] != 1 || len(mine) != 1 {
		t.Fatalf("dots %v, want one on theme 3 (id %d), the theme selected", mine, ts[2].ID)
	}

	// The selected theme merged into theme 5: the selection goes with its notes,
	// and the status says so whole, wrapped, however long the names.
	const into = "Security requirements in every planning meeting"
	if err := w.svc.RenameTheme(w.ctx, ts[4].ID, into); err != nil {
		t.Fatal(err)
	}
	p.waitFor(into)
	if err := w.svc.MergeThemes(w.ctx, ts[4].ID, ts[2].ID); err != nil {
		t.Fatal(err)
	}
	p.waitFor("“theme 3” was merged into “Security requirements in every planning meeting”, now", "selected.")
	p.keys("+")
	p.waitFor("1 of 3 dots left")
	if mine := votesOf(t, w, me); mine[ts[4].ID] != 2 || len(mine) != 1 {
		t.Fatalf("dots %v, want both on theme 5 (id %d), which holds theme 3's notes", mine, ts[4].ID)
	}

	// The selected theme, renamed to a long name, deleted: the selection goes to
	// the next one, and says so. The warning to look before the next dot comes
	// first on the one status line of 80 columns, before the name it would cut.
	const long = "Threat modelling and security testing earlier in every project"
	if err := w.svc.RenameTheme(w.ctx, ts[4].ID, long[:60]); err != nil {
		t.Fatal(err)
	}
	p.waitFor("In “" + long[:20])
	if err := w.svc.DeleteTheme(w.ctx, ts[4].ID); err != nil {
		t.Fatal(err)
	}
	p.waitFor("Look before you give a dot", "In “theme 6”")
	requireFits(t, p.view())
}

func votesOf(t *testing.T, w *world, p *session.Participant) map[int64]int {
	t.Helper()
	mine, err := w.svc.MyVotes(w.ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	for id, n := range mine {
		if n == 0 {
			delete(mine, id)
		}
	}
	return mine
}

// While the facilitator groups, a note a participant has selected that moves to
// another theme does not take the selection with it: the person stays in the theme
// they were reading (the selection went up the list to a note of another theme,
// its name off the screen).
func TestParticipantSelectionStaysInTheThemeWhenANoteMoves(t *testing.T) {
	t.Parallel()
	w, sess, notes := groupWorld(t)
	me := w.participant(notes[0].ParticipantID)
	p := w.openAsParticipant(sess, me)
	p.waitFor("pen test findings come too late")
	p.keys("jj") // the theme's second note
	p.waitFor("▸    [Do more · pen testing] pen test findings come too late")
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.svc.MoveNotes(w.ctx, []int64{notes[1].ID}, ts[1].ID); err != nil {
		t.Fatal(err)
	}
	p.waitFor("▸ 1. pen tests")
	if v := p.view(); strings.Contains(v, "▸    [Do more] pen test findings") {
		t.Errorf("the selection followed the moved note:\n%s", v)
	}
}
