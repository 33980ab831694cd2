package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// reverse is how a text field's cursor is drawn: the character under it reversed.
const reverse = "\x1b[7m"

// A text field draws its cursor in the person's terminal's colours, not in those of
// the server's own output: a server whose output goes to a log file (a service) drew
// no cursor at all, and people typed and moved blind. The tests' own output is no
// terminal either, so lipgloss's default renderer here is the one that showed none.
func TestTextFieldsDrawACursorWhateverTheServersOutput(t *testing.T) {
	at := time.Date(2026, time.March, 10, 14, 0, 0, 0, time.UTC)
	typed := func(m interface {
		Update(tea.Msg) (screen, tea.Cmd)
	}, keys ...string) {
		for _, k := range keys {
			m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
		}
	}
	t.Run("note box", func(t *testing.T) {
		s := writingScreen(0, 80, 24)
		typed(s, "n", "ab")
		if v := s.View(); !strings.Contains(v, reverse) {
			t.Errorf("the note box shows no cursor:\n%s", v)
		}
	})
	t.Run("join code", func(t *testing.T) {
		e := New(Options{Renderer: colours256(), Now: func() time.Time { return at }}).env
		e.w, e.h = 80, 24
		j := newJoin(e, "")
		typed(j, "AB")
		if v := j.View(); !strings.Contains(v, reverse) {
			t.Errorf("the join code field shows no cursor:\n%s", v)
		}
	})
	t.Run("name", func(t *testing.T) {
		e := New(Options{Renderer: colours256(), Now: func() time.Time { return at }}).env
		e.w, e.h = 80, 24
		sess := &session.Session{ID: "s1", Title: "Developers Berlin", Phase: session.PhaseLobby}
		n := newName(e, sess, &session.Participant{ID: 1, SessionID: sess.ID, Pseudonym: "Blue Heron"})
		if v := n.View(); !strings.Contains(v, reverse) {
			t.Errorf("the name field shows no cursor:\n%s", v)
		}
	})
	t.Run("list search", func(t *testing.T) {
		e := New(Options{Renderer: colours256(), Now: func() time.Time { return at }}).env
		l := newList()
		l.n = 3
		l.match = func(int, string) bool { return false }
		l.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")})
		if v := l.inputView(80, e.sty); !strings.Contains(v, reverse) {
			t.Errorf("the search field shows no cursor: %q", v)
		}
	})
}
