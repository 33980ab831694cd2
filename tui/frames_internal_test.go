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

// Frames shows the bottom of a view taller than the screen, writes only the rows
// that changed, and erases below a view that got shorter.
func TestFramesDrawsRowsThatChanged(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	f := NewFrames(&out)
	f.resize(40, 3)
	f.draw("row-one\nrow-two\nrow-three\nrow-four\nrow-five")
	got := out.String()
	for _, want := range []string{"row-three", "row-four", "row-five"} {
		if !strings.Contains(got, want) {
			t.Errorf("first frame %q lacks %s", got, want)
		}
	}
	if strings.Contains(got, "row-one") || strings.Contains(got, "row-two") {
		t.Errorf("first frame %q shows the top of a view taller than the screen", got)
	}
	out.Reset()
	f.draw("row-three\nrow-four changed\nrow-five")
	if got := out.String(); got != "\x1b[2H\x1b[2Krow-four changed" {
		t.Errorf("one changed row drawn as %q", got)
	}
	out.Reset()
	f.draw("row-three")
	if got := out.String(); got != "\x1b[2H\x1b[J" {
		t.Errorf("a shorter frame drawn as %q; want the rows below erased", got)
	}
	out.Reset()
	f.draw("row-three")
	if out.Len() != 0 {
		t.Errorf("the same frame again drew %q", out.String())
	}
}
