package tui_test

import (
	"bytes"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/charter-tool/charter/tui"
)

// viewModel shows whatever text it is sent.
type viewModel struct{ text string }

type showMsg string

func (m *viewModel) Init() tea.Cmd { return nil }
func (m *viewModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if s, ok := msg.(showMsg); ok {
		m.text = string(s)
	}
	return m, nil
}
func (m *viewModel) View() string { return m.text }

// TestFramesDrawOnlyWhatChanged checks what Frames writes: the whole screen on the
// alternate screen first, nothing for a view that did not change, only the lines
// that changed, lines cut to the width, the whole screen after a resize, and the
// terminal given back once at Close.
func TestFramesDrawOnlyWhatChanged(t *testing.T) {
	var out bytes.Buffer
	fr := tui.NewFrames(&out)
	m := fr.Model(&viewModel{})
	step := func(msg tea.Msg) string {
		t.Helper()
		out.Reset()
		m, _ = m.Update(msg)
		if v := m.View(); v != "" {
			t.Errorf("bubbletea was given the view %q; Frames draws it", v)
		}
		return out.String()
	}

	got := step(tea.WindowSizeMsg{Width: 10, Height: 5})
	if !strings.Contains(got, ansi.SetModeBracketedPaste) {
		t.Errorf("the first frame does not turn bracketed paste on (a pasted line break would be enter): %q", got)
	}
	if !strings.Contains(got, ansi.SetModeAltScreenSaveCursor) || !strings.Contains(got, ansi.HideCursor) {
		t.Errorf("first frame %q does not enter the alternate screen and hide the cursor", got)
	}
	got = step(showMsg("one\ntwo\nthree"))
	// Rows written one after another are sent as lines, not a cursor move each.
	if !strings.Contains(ansi.Strip(got), "one\r\ntwo\r\nthree") {
		t.Errorf("frame %q does not send consecutive rows as lines", got)
	}
	if got := step(showMsg("one\ntwo\nthree")); got != "" {
		t.Errorf("an unchanged view wrote %q", got)
	}
	got = step(showMsg("one\n2\nthree"))
	if !strings.Contains(got, "\x1b[2H") || !strings.Contains(got, "2") || strings.Contains(got, "one") || strings.Contains(got, "three") {
		t.Errorf("one changed line wrote %q; want only row 2", got)
	}
	got = step(showMsg("one"))
	if !strings.Contains(got, "\x1b[2H"+ansi.EraseScreenBelow) {
		t.Errorf("a shorter view wrote %q; want the rows below erased", got)
	}
	got = step(showMsg("a line far wider than ten cells"))
	if !strings.Contains(got, "a line far") || strings.Contains(got, "wider") {
		t.Errorf("a wide line wrote %q; want it cut to 10 cells", got)
	}
	step(showMsg("x\ny"))
	got = step(tea.WindowSizeMsg{Width: 20, Height: 5})
	if !strings.Contains(got, ansi.EraseEntireScreen) || !strings.Contains(got, "x") || !strings.Contains(got, "y") {
		t.Errorf("after a resize the frame was %q; want the whole screen again", got)
	}

	out.Reset()
	fr.Close()
	fr.Close()
	if got := out.String(); strings.Count(got, ansi.ResetModeAltScreenSaveCursor) != 1 || !strings.Contains(got, ansi.ShowCursor) {
		t.Errorf("Close wrote %q; want the normal screen and the cursor back, once", got)
	}
	if got := step(showMsg("after")); got != "" {
		t.Errorf("a frame after Close wrote %q", got)
	}
}
