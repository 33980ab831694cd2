package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// The participant's key line offers e edit and d delete only with a note selected:
// on an empty lane those letters begin a note (as any letter that is no key there
// does), so the line offered an edit that typed an e.
func TestParticipantKeyLineOffersEditOnlyOnANote(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.", "n new note")
	if s.everDrawn("e edit") || s.everDrawn("d delete") {
		t.Error("the key line offers e edit and d delete with no note to edit")
	}
	s.keys("n")
	s.keys("tests take a week")
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored", "e edit", "d delete")
	if v := s.view(); !strings.Contains(v, "▸ tests take a week") {
		t.Errorf("the saved note is not the one selected:\n%s", v)
	}
}
