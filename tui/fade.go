package tui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// statusFor is how long a screen's status line ("Activities updated") stays before
// it fades. Errors and questions stay until something replaces them.
var statusFor = 5 * time.Second

// fading makes a screen's status line fade: each new status gets a number, and the
// fade message of an older one does nothing.
type fading struct{ seq int }

type statusFadeMsg struct {
	owner *fading
	seq   int
}

// after schedules the fading of the status just set on c (see Conn.Tick): a timer,
// not a command whose goroutine waits statusFor for every status shown (a burst of
// 3,000 notes left 3,000 of them). Without a started c it returns the command.
func (f *fading) after(c *Conn) tea.Cmd {
	f.seq++
	return c.Tick(statusFor, statusFadeMsg{f, f.seq})
}

// faded reports whether msg fades the status shown now.
func (f *fading) faded(msg statusFadeMsg) bool { return msg.owner == f && msg.seq == f.seq }

// fadeStatus runs a screen's update and, when it left a new status that is not an
// error, schedules its fading on c, the screen's connection (nil: none).
func fadeStatus(c *Conn, f *fading, status *string, isErr *bool, msg tea.Msg, update func(tea.Msg) (screen, tea.Cmd)) (screen, tea.Cmd) {
	if m, ok := msg.(statusFadeMsg); ok {
		if f.faded(m) && !*isErr {
			*status = ""
		}
		return nil, nil
	}
	before := *status
	sc, cmd := update(msg)
	if *status != "" && *status != before && !*isErr {
		cmd = tea.Batch(cmd, f.after(c))
	}
	return sc, cmd
}
