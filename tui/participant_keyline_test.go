package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// The participant's key line offers e edit and d delete only with a note selected:
// on an empty lane those letters begin a note (as any letter that is no key there
// does), so the line offered an edit that typed an e.
func TestParticipantKeyLineOffersEditOnlyOnANote(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")
	s.waitDrawn("New note in Strengths") // loaded: the box is open
	s.press(tea.KeyEsc)                  // the box of a new note closed for the list's keys
	s.waitFor("type new note")
	if s.everDrawn("e edit") || s.everDrawn("d delete") {
		t.Error("the key line offers e edit and d delete with no note to edit")
	}
	s.keys("tests take a week")
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored")
	if s.everDrawn("e edit") {
		t.Error("the key line offers e edit in the box open for the next note, where e is a letter")
	}
	s.press(tea.KeyUp) // from the box to the list
	s.waitFor("e edit", "d delete")
	if v := s.view(); !strings.Contains(v, "▸ tests take a week") {
		t.Errorf("the saved note is not the one selected:\n%s", v)
	}
}

// In the group phase, before the facilitator shares any theme, the participant's
// screen has nothing to select or read whole, and its key line offers neither; once
// themes are shared it offers both.
func TestParticipantKeyLineInGroupWaitsForThemes(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a, b := w.join(sess, "key-1", ""), w.join(sess, "key-2", "")
	n1 := w.addNote(a, session.AreaActivities, "more", "more pen tests before release")
	n2 := w.addNote(b, session.AreaActivities, "more", "pen test findings come too late")
	w.setPhase(sess, session.PhaseGroup)
	s := w.openAsParticipant(sess, a)
	s.waitFor("GROUP", "q leave")
	if s.everDrawn("↑/↓ select") || s.everDrawn("read whole") {
		t.Error("with no theme shared, the key line offers to select and read")
	}
	if err := w.svc.SaveThemes(w.ctx, sess.ID, []session.Theme{{Label: "pen tests", NoteIDs: []int64{n1.ID, n2.ID}}}); err != nil {
		t.Fatal(err)
	}
	s.waitFor("pen tests")
	s.waitDrawn("↑/↓ select", "read whole")
}
