package tui_test

import (
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// The board keeps a theme whose notes are all hidden, marked, in every phase, out
// of the ranking; while people vote, D deletes such a theme and no other.
func TestBoardMarksThemeOfHiddenNotes(t *testing.T) {
	t.Parallel()
	w, sess, notes := manyThemesWorld(t)
	for _, n := range notes[1] {
		if err := w.svc.HideNote(w.ctx, n.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	b := w.openBoardSized(sess, 80, 40) // the hidden theme, listed last, in view
	// Listed last, so that the numbers others see run without a gap.
	b.waitDrawn("8. theme 2 (2) · hidden: all notes hidden", "1. theme 1 (2)", "2. theme 3 (2)")

	w.setPhase(sess, session.PhaseActions)
	b.waitFor("#1 theme")
	b.press(tea.KeyEnd) // the note without a theme, listed after the themes
	b.keys("kk")
	b.waitFor("▸ theme 2 · hidden: all notes hidden")
	if v := b.view(); strings.Contains(v, "#8 theme") || !strings.Contains(v, "#7 theme") {
		t.Errorf("the ranking does not hold the 7 themes participants see:\n%s", v)
	}

	w.setPhase(sess, session.PhaseVote)
	b = w.openBoardSized(sess, 80, 40)
	b.waitDrawn("8. theme 2 (2 notes) · hidden: all notes hidden")
	b.keys("D")
	b.waitFor("People are voting on this theme")
	b.keys("#8")
	b.press(tea.KeyEnter)
	b.waitFor("▸ 8. theme 2")
	b.keys("D")
	b.waitFor("Delete theme 8 “theme 2”? Its 2 notes stay")
	b.keys("y")
	b.waitFor("Theme deleted")
	ths, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ths) != 7 {
		t.Errorf("%d themes after deleting the hidden one, want 7", len(ths))
	}
}

// Once its notes are hidden, no note of a theme is starred as the one that stands
// for it: the board used to keep the star it had found while they were visible.
func TestBoardStarsNoHiddenNote(t *testing.T) {
	t.Parallel()
	w, sess, notes := manyThemesWorld(t)
	b := w.openBoardSized(sess, 80, 40) // the hidden theme, listed last, in view
	b.waitDrawn("★ [act more] note b")
	for _, n := range notes[1] {
		if err := w.svc.HideNote(w.ctx, n.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	b.waitFor("8. theme 2 (2) · hidden: all notes hidden")
	v := b.view()
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "note b") && strings.Contains(l, "★") {
			t.Errorf("a hidden note is starred: %q\n%s", l, v)
		}
	}
}

// A theme whose last note was moved out says it is empty and how to remove it,
// rather than "hidden", which reads as something the facilitator did.
func TestEmptiedThemeSaysItIsEmpty(t *testing.T) {
	t.Parallel()
	w, sess, notes := groupWorld(t)
	themes, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	var pen int64
	for _, th := range themes {
		if th.Label == "pen tests" {
			pen = th.ID
		}
	}
	if err := w.svc.MoveNote(w.ctx, notes[2].ID, pen); err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.keys("4")
	b.waitDrawn("deadlines (0) · empty: nobody sees it, D deletes it")
	if b.everDrawn("hidden: no notes") {
		t.Error("the emptied theme is said to be hidden")
	}
	// A long name is cut, not what to do: at 80 columns the line ended in the
	// name, and "D deletes it" was never on the screen.
	var dl int64
	for _, th := range themes {
		if th.Label == "deadlines" {
			dl = th.ID
		}
	}
	if err := w.svc.RenameTheme(w.ctx, dl, "deadlines always win over security and the release dates"); err != nil {
		t.Fatal(err)
	}
	b.waitFor("… (0) · empty: nobody sees it, D deletes it")
	requireFits(t, b.view())
}

// A theme with some of its notes hidden says how many beside its count, which is
// the board's own: the room counts without them ("(2)" on the board beside "1
// note" on the projector read as a fault).
func TestBoardSaysHowManyOfAThemesNotesAreHidden(t *testing.T) {
	t.Parallel()
	w, sess, notes := manyThemesWorld(t)
	if err := w.svc.HideNote(w.ctx, notes[1][0].ID, true); err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.waitDrawn("2. theme 2 (2) · 1 hidden", "1. theme 1 (2)")
	if v := b.view(); strings.Contains(v, "1. theme 1 (2) · ") {
		t.Errorf("a theme without hidden notes is marked:\n%s", v)
	}
}

// The ranking says, as the group phase did, how the room sees a theme: read
// aloud from the board, a count or a name others do not see would not match
// theirs.
func TestRankingSaysHowTheRoomSeesATheme(t *testing.T) {
	t.Parallel()
	w, sess, notes := manyThemesWorld(t)
	if err := w.svc.HideNote(w.ctx, notes[0][0].ID, true); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	b := w.openBoardSized(sess, 120, 40)
	b.waitDrawn("theme 1 · score", "· 1 hidden")
	if v := b.view(); !regexp.MustCompile(`#\d+ theme 1 · score[^\n]*· 1 hidden`).MatchString(v) {
		t.Errorf("the ranking row of theme 1 does not say a note is hidden:\n%s", v)
	}
}
