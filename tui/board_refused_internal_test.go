package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/charter-tool/charter/session"
)

// A refusal at enter that says what the hint under the prompt said is shown
// once, and the prompt stays open: the empty move's hint and refusal, and a name
// too long (said as it is typed, then again at enter), each stood twice.
func TestPromptSaysARefusalOnce(t *testing.T) {
	for _, c := range []struct {
		name, key, typed, prompt, said string
	}{
		{"empty move", "M", "", "Move the note to theme", "Type part of a theme's name or its number"},
		{"move to a number no theme has", "M", "12", "Move the note to theme", "No theme has th"},
		{"rename too long", "R", strings.Repeat("long name ", 7), "New name: ", "A theme's name can be at most 60 characters"},
		{"new theme too long", "M", strings.Repeat("long name ", 7), "Move the note to theme", "can be at most 60 characters"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, _, svc, sess, _ := groupingBoard(t, []string{"more pen tests before release", "pen test findings come too late"},
				func(ids []int64) []session.Theme {
					return []session.Theme{{Label: "pen tests", NoteIDs: ids}}
				}, 80, 24)
			press := func(k tea.KeyMsg) tea.Cmd {
				_, cmd := a.Update(k)
				return cmd
			}
			press(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'j'}}) // the theme's first note
			press(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(c.key)})
			press(tea.KeyMsg{Type: tea.KeyCtrlU})
			if c.typed != "" {
				press(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(c.typed), Paste: true})
			}
			if cmd := press(tea.KeyMsg{Type: tea.KeyEnter}); cmd != nil {
				// Sent to be saved: its outcome, as the program would deliver it.
				if m, ok := cmd().(askSavedMsg); ok {
					a.Update(m)
				}
			}
			v := ansi.Strip(a.View())
			if n := strings.Count(v, c.said); n != 1 {
				t.Errorf("%q is on the screen %d times, want once:\n%s", c.said, n, v)
			}
			if !strings.Contains(v, c.prompt) {
				t.Errorf("the prompt closed:\n%s", v)
			}
			if ts, err := svc.Themes(t.Context(), sess.ID); err != nil || len(ts) != 1 || ts[0].Label != "pen tests" {
				t.Errorf("themes %v, %v; want pen tests alone, as it was", ts, err)
			}
		})
	}
}
