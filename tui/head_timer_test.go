package tui_test

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// At 40 columns a paused timer, "5:00 left (paused)", pushed the phase off the
// first line, participant's and board's alike: "… (paused)  W". The timer is said
// shorter there, and the phase stays whole.
func TestPausedTimerLeavesThePhaseWholeAtFortyColumns(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	p := w.join(sess, "key-1", "")
	if _, err := w.svc.ChangeTimer(w.ctx, sess.ID, session.TimerSet, 5*time.Minute); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		who  string
		open func() *term
	}{
		{"participant", func() *term { return w.openSized(tui.Options{KeyHash: p.KeyHash, Code: sess.Code}, 40, 14) }},
		{"board", func() *term {
			// Opened by hand: at 40x14 the board's counts, which openBoardSized
			// waits for, give way to the list.
			b := w.openSized(tui.Options{Facilitator: true}, 40, 14)
			b.waitFor(sess.Title)
			b.press(tea.KeyEnter)
			b.waitFor("1 Notes")
			return b
		}},
	} {
		s := c.open()
		s.waitDrawn("paused")
		head, _, _ := strings.Cut(s.view(), "\n")
		if !strings.HasSuffix(strings.TrimRight(head, " "), "WRITE") || !strings.Contains(head, "5:00 paused") {
			t.Errorf("the %s's first line at 40 columns: %q, want the timer as 5:00 paused and WRITE whole", c.who, head)
		}
	}
}
