package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/tui"
)

// A facilitator's `ssh -t HOST expot` opens the home, saying why it is not what was
// typed: it opened the home without a word, which read as the command ignored.
func TestFacilitatorsUnknownCommandOnATerminalIsNamed(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.newSession("Developers Berlin")
	s := w.open(tui.Options{Facilitator: true, Code: "expot\x1b[31m"})
	s.waitFor("Developers Berlin")
	s.waitDrawn("“expot” opens nothing on a terminal")
	requireFits(t, s.view())
}

// A facilitator who pastes the join line the board shows (`ssh -t HOST AB12-CD34`)
// gets the home with that session selected, told that the code is the session's
// and that their key does not join as a participant: the home said the code
// "opens nothing" with another session selected.
func TestFacilitatorsJoinCodeOnATerminalSelectsItsSession(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.newSession("Developers Berlin")
	ops := w.newSession("Ops remote")
	w.newSession("Service owners Lisbon")
	typed := strings.ToLower(ops.Code[:4] + "-" + ops.Code[4:])
	s := w.open(tui.Options{Facilitator: true, Code: typed})
	s.waitFor("Developers Berlin")
	s.waitDrawn("“"+typed+"” is the join code of “Ops remote”", "another key")
	s.press(tea.KeyEnter)
	s.waitFor("charter Ops remote")
	requireFits(t, s.view())
}
