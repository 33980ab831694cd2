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

// after returns the command that fades the status just set.
func (f *fading) after() tea.Cmd {
	f.seq++
	m := statusFadeMsg{f, f.seq}
	return tea.Tick(statusFor, func(time.Time) tea.Msg { return m })
}

// faded reports whether msg fades the status shown now.
func (f *fading) faded(msg statusFadeMsg) bool { return msg.owner == f && msg.seq == f.seq }

// fadeStatus runs a screen's update and, when it left a new status that is not an
// error, schedules its fading.
func fadeStatus(f *fading, status *string, isErr *bool, msg tea.Msg, update func(tea.Msg) (screen, tea.Cmd)) (screen, tea.Cmd) {
	if m, ok := msg.(statusFadeMsg); ok {
		if f.faded(m) && !*isErr {
			*status = ""
		}
		return nil, nil
	}
	before := *status
	sc, cmd := update(msg)
	if *status != "" && *status != before && !*isErr {
		cmd = tea.Batch(cmd, f.after())
	}
	return sc, cmd
}
