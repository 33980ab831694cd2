package tui_test

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/charter-tool/charter/tui"
)

// ctrl+c on the facilitator's home cancels a search or a question as esc does,
// and on the list itself asks before it closes the connection, as the board
// does: it closed the connection at once.
func TestHomeCtrlCCancelsAndAsksBeforeLeaving(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("▸ " + sess.Title)

	s.keys("/berl")
	s.waitFor("/berl")
	s.press(tea.KeyCtrlC)
	s.waitFor("n new session") // the home's keys again, the search gone

	s.keys("D")
	s.waitFor("This cannot be undone.")
	s.press(tea.KeyCtrlC)
	s.waitFor("Kept “Developers Berlin”.")

	s.press(tea.KeyCtrlC)
	s.waitFor("Close the connection?", "ctrl+c = close")
	s.keys("n") // stays, and opens no form
	s.waitFor("You stay on the list of sessions.")
	s.press(tea.KeyCtrlC)
	s.waitFor("Close the connection?")
	s.press(tea.KeyCtrlC)
	s.tm.WaitFinished(t, teatest.WithFinalTimeout(waitTime))
	if got := len(w.homeOrder()); got != 1 {
		t.Errorf("%d sessions after ctrl+c on the home, want the one there was", got)
	}
}

// ctrl+c on the new-session form cancels it as esc does, keeping what was typed
// for n: it closed the connection at once.
func TestNewSessionFormCtrlCCancels(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("No sessions yet")
	s.keys("n")
	s.waitFor("new session", "Title")
	s.keys("Half typed")
	s.waitFor("Half typed")
	s.press(tea.KeyCtrlC)
	s.waitFor("Not created; n opens the form again as you left it.")
	s.keys("n")
	s.waitFor("new session", "Half typed")
}
