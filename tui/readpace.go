package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// readEvery is the shortest time between the starts of two reads a screen makes
// of what changed in a session, the board's and the projector's. When hundreds
// save at once, batches are stored every few milliseconds, and the board read
// and drew each one as soon as the last was drawn: a tenth of the server's work
// in the burst, for frames no one can tell apart. What changes meanwhile is read
// together; a change after a quiet spell is read at once.
const readEvery = 20 * time.Millisecond

// readPace spaces a screen's reads by readEvery.
type readPace struct {
	began time.Time // when the last read began
	due   bool      // a read waits for its turn (readDueMsg)
}

// readDueMsg says the wait for a screen's next read is over.
type readDueMsg struct{}

// next is what a read wanted at now does: wait says it waits for its turn, with
// cmd (nil on a started connection, whose timer sends readDueMsg itself);
// otherwise it reads now, counted as begun. A wait that was due (over) reads now.
func (p *readPace) next(c *Conn, now time.Time, due bool) (cmd tea.Cmd, wait bool) {
	if left := readEvery - now.Sub(p.began); left > 0 && !due {
		p.due = true
		// Never longer: a clock set back (a test's) would wait for it.
		return c.Tick(min(left, readEvery), readDueMsg{}), true
	}
	p.began, p.due = now, false
	return nil, false
}

// over takes a readDueMsg: whether the screen's wait was on (a stale one, after
// a read begun otherwise, is not).
func (p *readPace) over() bool {
	was := p.due
	p.due = false
	return was
}
