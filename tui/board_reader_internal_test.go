package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"github.com/charter-tool/charter/session"
)

// A note longer than the room scrolls line by line and by pages, never past its
// ends, and every line fits the width.
func TestNoteReaderScrolls(t *testing.T) {
	var words []string
	for i := range 60 {
		words = append(words, "word"+itoa(i))
	}
	n := &session.Note{Area: session.AreaActivities, Lane: "add", Activity: "pen testing", Text: strings.Join(words, " ")}
	r := newNoteReader(n, "“pen tests”")
	sty := NewStyles(lipgloss.NewRenderer(nil))
	v := r.view(30, 6, sty)
	if !strings.Contains(v, "act add · pen testing") || !strings.Contains(v, "word00") || strings.Contains(v, "word59") {
		t.Fatalf("first page:\n%s", v)
	}
	for _, l := range strings.Split(strings.TrimSuffix(v, "\n"), "\n") {
		if w := lipgloss.Width(l); w > 30 {
			t.Errorf("line %q is %d wide", l, w)
		}
	}
	for _, k := range []string{"end", "down", "pgdown"} {
		if r.update(keyMsg(k)) {
			t.Fatalf("%s closed the reader", k)
		}
	}
	if v := r.view(30, 6, sty); !strings.Contains(v, "word59") {
		t.Errorf("end does not reach the last word:\n%s", v)
	}
	r.update(keyMsg("home"))
	r.update(keyMsg("up"))
	if v := r.view(30, 6, sty); !strings.Contains(v, "word00") || !strings.Contains(v, "lines 1-") {
		t.Errorf("home, up: not on the first page:\n%s", v)
	}
	if !r.update(keyMsg("esc")) || !r.update(keyMsg("enter")) {
		t.Error("esc or enter does not close the reader")
	}
}
