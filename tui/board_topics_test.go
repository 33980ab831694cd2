package tui_test

import (
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

// More open topics than the notes tab's summary line holds at 80 columns: the
// topics with the most notes come first and the rest are counted, not cut off
// mid-word unsaid.
func TestBoardCountsOpenTopicsThatDoNotFit(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a, b := w.join(sess, "key-1", ""), w.join(sess, "key-2", "")
	topics := []struct {
		title string
		notes int
	}{
		{"Cloud permissions", 1}, {"Hiring for security", 1}, {"AI coding assistants", 3},
		{"Metrics for teams", 2}, {"Vendor risk reviews", 1}, {"On-call load", 1},
	}
	// The two write in turn, so that every note reaches the board (a batch
	// shows when it holds notes of two people); b writes last.
	written := 0
	for _, tp := range topics {
		for i := range tp.notes {
			p := a
			if written%2 == 1 {
				p = b
			}
			written++
			w.addNote(p, session.AreaOpen, tp.title, "a note on "+strings.ToLower(tp.title)+" number "+string(rune('1'+i)))
		}
	}
	w.addNote(b, session.AreaConfidence, "concern", "nobody reads the topics")
	board := w.openBoard(sess)
	board.waitDrawn("AI coding assistants 3 · Metrics for teams 2 · ", " more")
	screen := board.view()
	for _, line := range strings.Split(screen, "\n") {
		if strings.HasPrefix(line, "Open topics") && strings.Contains(line, "…") {
			t.Errorf("the open topics line is cut: %q", line)
		}
	}
}
