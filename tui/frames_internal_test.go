package tui

import (
	"bytes"
	"fmt"
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

// lentView writes its text into the viewText Frames lends it; plainView returns it.
type lentView struct{ text string }

func (m *lentView) Init() tea.Cmd { return nil }
func (m *lentView) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if s, ok := msg.(string); ok {
		m.text = s
	}
	return m, nil
}
func (m *lentView) View() string { return m.text }
func (m *lentView) viewInto(t *viewText) string {
	for l := range strings.Lines(m.text) {
		t.WriteString(l)
	}
	return t.String()
}

// plainView is lentView without viewInto: a textViewer it is not.
type plainView struct{ text string }

func (m *plainView) Init() tea.Cmd { return nil }
func (m *plainView) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if s, ok := msg.(string); ok {
		m.text = s
	}
	return m, nil
}
func (m *plainView) View() string { return m.text }

// A view written into a lent text is drawn as the same view returned as a string,
// frame after frame, while the lent texts are taken back and lent again (to two
// screens in turn), small ones and one too large to keep.
func TestFramesDrawLentViewsAsStrings(t *testing.T) {
	var lentOut, plainOut bytes.Buffer
	lent := NewFrames(&lentOut).Model(&lentView{})
	plain := NewFrames(&plainOut).Model(&plainView{})
	step := func(msg tea.Msg) {
		t.Helper()
		lentOut.Reset()
		plainOut.Reset()
		lent, _ = lent.Update(msg)
		plain, _ = plain.Update(msg)
		lent.View()
		plain.View()
		if _, ok := lent.(*framed).m.(textViewer); !ok {
			t.Fatal("the lent view is not a textViewer: it was lent nothing")
		}
		if _, ok := plain.(*framed).m.(textViewer); ok {
			t.Fatal("the string view is a textViewer: nothing is compared")
		}
		if lentOut.String() != plainOut.String() {
			t.Fatalf("after %.40q the lent view drew\n%q\nthe string view\n%q", msg, lentOut.String(), plainOut.String())
		}
	}
	step(tea.WindowSizeMsg{Width: 200, Height: 400})
	for i := range 40 {
		var b strings.Builder
		rows := 1 + i*7%30
		if i == 20 {
			rows = 390 // about 70 KiB: not kept for another frame
		}
		for r := range rows {
			fmt.Fprintf(&b, "frame %d row %d %s\n", i, r, strings.Repeat("x", (i+r)%150))
		}
		step(strings.TrimSuffix(b.String(), "\n"))
	}
}
