package tui

import (
	"bytes"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// An app drawn by Frames keeps no drawing of its own: a tick that changes nothing on
// screen draws nothing, and the next change is drawn as before.
func TestFramedAppKeepsNoDrawing(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	fr := NewFrames(&out)
	a := New(Options{})
	m := fr.Model(a)
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.View()
	if !strings.Contains(out.String(), "Join code") {
		t.Fatalf("first frame %q lacks the join screen", out.String())
	}
	out.Reset()
	m, _ = m.Update(tickMsg{})
	m.View()
	if out.Len() != 0 {
		t.Errorf("a tick with nothing changed drew %q", out.String())
	}
	if a.last != "" {
		t.Errorf("the framed app keeps its drawing (%d bytes)", len(a.last))
	}
	m, _ = m.Update(tea.WindowSizeMsg{Width: 60, Height: 24})
	m.View()
	if !strings.Contains(out.String(), "Join code") {
		t.Errorf("after a resize the frame was %q; want the screen again", out.String())
	}
}
