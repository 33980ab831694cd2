package tui_test

import (
	"testing"

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
