package tui

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// matches answers as key.Matches for every key, one character or several, typed,
// pasted or with alt, and the named keys, against every binding it is asked about
// (those of the participant's screen, its lists, its reader, its themes and the
// text box), none of which is a key of several characters.
func TestMatchesAnswersAsKeyMatches(t *testing.T) {
	var bindings []key.Binding
	for _, keys := range []any{pk, lk, readKeys, vk, editKeys} {
		v := reflect.ValueOf(keys)
		for i := range v.NumField() {
			if b, ok := v.Field(i).Interface().(key.Binding); ok {
				bindings = append(bindings, b)
			}
		}
	}
	for _, b := range bindings {
		for _, k := range b.Keys() {
			if utf8.RuneCountInString(k) > 1 && !strings.ContainsAny(k, "+") && !named[k] {
				t.Errorf("binding %v has the key %q of several characters, which matches never matches", b.Keys(), k)
			}
		}
	}
	var msgs []tea.KeyMsg
	for _, r := range []string{"a", "e", "j", "k", "n", "q", "x", "?", " ", "ab", "jk", "nn", "é", "👩‍💻"} {
		for _, alt := range []bool{false, true} {
			for _, paste := range []bool{false, true} {
				msgs = append(msgs, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(r), Alt: alt, Paste: paste})
			}
		}
	}
	for _, k := range []tea.KeyType{tea.KeyEnter, tea.KeyEsc, tea.KeyUp, tea.KeyDown, tea.KeyLeft, tea.KeyRight, tea.KeyTab,
		tea.KeyBackspace, tea.KeyCtrlW, tea.KeyCtrlC, tea.KeyPgUp, tea.KeyHome, tea.KeySpace, tea.KeyCtrlLeft} {
		msgs = append(msgs, tea.KeyMsg{Type: k}, tea.KeyMsg{Type: k, Alt: true})
	}
	checked := 0
	for _, m := range msgs {
		for _, b := range bindings {
			if got, want := matches(m, b), key.Matches(m, b); got != want {
				t.Errorf("matches(%q, %v) = %v, key.Matches %v", m.String(), b.Keys(), got, want)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d checked", checked)
	}
}

// named are the keys bubbletea names with a word, not typed as characters.
var named = map[string]bool{"enter": true, "esc": true, "up": true, "down": true, "left": true, "right": true, "tab": true,
	"backspace": true, "delete": true, "home": true, "end": true, "pgup": true, "pgdown": true, "space": true, "insert": true}
