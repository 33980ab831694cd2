package tui

import (
	"testing"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

func helpKeys() []key.Binding {
	return []key.Binding{pk.Area, pk.Lane, pk.New, pk.Edit, pk.Delete, pk.Done}
}

func TestHelpViewCachedEqualsRendered(t *testing.T) {
	t.Parallel()
	a := New(Options{})
	e := a.env
	for _, w := range []int{80, 40, 200} {
		e.w = w
		keys := helpKeys()
		want := renderHelp(e.sty.helpModel, keys, e.w)
		for range 2 {
			if got := e.helpView(keys); got != want {
				t.Fatalf("width %d: helpView = %q, want %q", w, got, want)
			}
		}
		if lipgloss.Width(want) > w {
			t.Errorf("width %d: help is %d wide", w, lipgloss.Width(want))
		}
	}
	// A binding switched off leaves the help line.
	e.w = 200
	keys := helpKeys()
	before := e.helpView(keys)
	keys[2].SetEnabled(false)
	if after := e.helpView(keys); after == before || after != renderHelp(e.sty.helpModel, keys, e.w) {
		t.Errorf("disabling a key did not change the cached help: %q", after)
	}
}

func BenchmarkHelpView(b *testing.B) {
	e := New(Options{}).env
	keys := helpKeys()
	b.Run("cached", func(b *testing.B) {
		for b.Loop() {
			e.helpView(keys)
		}
	})
	b.Run("rendered", func(b *testing.B) {
		for b.Loop() {
			renderHelp(e.sty.helpModel, keys, e.w)
		}
	})
}
