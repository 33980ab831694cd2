package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// A key typed into a box that is full loses that key, but nothing was pasted: the
// box said "The last 1 characters pasted were left out".
func TestTypingIntoAFullBoxIsNotCalledAPaste(t *testing.T) {
	s := writingScreen(0, 80, 24)
	s.loading = false
	s.area = 0
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'n'}})
	if s.input == nil {
		t.Fatal("n opened no box")
	}
	// Exactly what the box holds: nothing is left out.
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.Repeat("x", s.input.in.limit)), Paste: true})
	if v := s.View(); strings.Contains(v, "left out") {
		t.Fatalf("a paste the box held whole said characters were left out:\n%s", v)
	}
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'y'}})
	if v := s.View(); strings.Contains(v, "pasted were left out") {
		t.Errorf("one key typed into the full box is said to be a paste:\n%s", v)
	}
}
