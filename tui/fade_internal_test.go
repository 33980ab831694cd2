package tui

import (
	"io"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// A status fades with its own fade message, not with one of an earlier status; an
// error does not fade.
func TestStatusFades(t *testing.T) {
	defer func(d time.Duration) { statusFor = d }(statusFor)
	statusFor = 0
	var f fading
	status, isErr := "", false
	set := func(text string, e bool) tea.Cmd {
		_, cmd := fadeStatus(nil, &f, &status, &isErr, "key", func(tea.Msg) (screen, tea.Cmd) {
			status, isErr = text, e
			return nil, nil
		})
		return cmd
	}
	first := set("Activities updated.", false)
	if first == nil {
		t.Fatal("a new status schedules no fading")
	}
	oldFade := first()
	second := set("Timer started.", false)
	fadeStatus(nil, &f, &status, &isErr, oldFade, nil)
	if status != "Timer started." {
		t.Fatalf("the first status's fade removed the second: %q", status)
	}
	fadeStatus(nil, &f, &status, &isErr, second(), nil)
	if status != "" {
		t.Fatalf("status %q did not fade", status)
	}
	if cmd := set("Type minutes like 10.", true); cmd != nil {
		t.Error("an error is set to fade")
	}
}

// fadeModel shows a status that fades, as a screen does, and reports what it shows
// after every message.
type fadeModel struct {
	conn   *Conn
	f      fading
	status string
	isErr  bool
	cmds   int // fade commands returned to bubbletea
	shown  chan string
}

func (m *fadeModel) Init() tea.Cmd { return nil }

func (m *fadeModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := fadeStatus(m.conn, &m.f, &m.status, &m.isErr, msg, func(msg tea.Msg) (screen, tea.Cmd) {
		if s, ok := msg.(string); ok {
			m.status = s
		}
		return nil, nil
	})
	if cmd != nil {
		m.cmds++
	}
	if _, ok := msg.(statusFadeMsg); ok {
		m.shown <- m.status
	}
	return m, cmd
}

func (m *fadeModel) View() string { return "" }

// On a started connection a status fades by the connection's timer, with no command
// (and so no goroutine) waiting for it.
func TestStatusFadesByTheConnsTimer(t *testing.T) {
	defer func(d time.Duration) { statusFor = d }(statusFor)
	statusFor = time.Millisecond
	m := &fadeModel{conn: NewHub().Connect(), shown: make(chan string, 1)}
	p := tea.NewProgram(m, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutSignals(), tea.WithoutRenderer())
	done := make(chan struct{})
	go func() {
		defer close(done)
		if _, err := p.Run(); err != nil {
			t.Errorf("program: %v", err)
		}
	}()
	m.conn.Start(p)
	p.Send("Saved.")
	select {
	case s := <-m.shown:
		if s != "" {
			t.Errorf("status %q did not fade", s)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the status's fade never arrived")
	}
	p.Quit()
	<-done
	m.conn.Close()
	if m.cmds != 0 {
		t.Errorf("%d commands returned for the fade, want 0: it waits in a goroutine", m.cmds)
	}
}
