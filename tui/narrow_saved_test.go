package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/tui"
)

// At 40x14, once a note is saved, the two-line status, the box and the lanes did not
// fit: two of the three header lines scrolled off the top and the saved note was
// not in view. The blank lines, the count of characters and the rest of the status
// give way instead: the header stays, and so do the notes just saved.
func TestNarrowScreenKeepsHeaderAndSavedNote(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, 40, 14)
	p.waitFor("New note in Strengths")
	check := func(notes ...string) {
		t.Helper()
		v := p.view()
		requireFitsIn(t, v, 40, 14)
		lines := strings.Split(v, "\n")
		if len(lines) < 3 || !strings.HasPrefix(lines[0], "charter ") || !strings.Contains(lines[1], "Write notes") || !strings.HasPrefix(lines[2], "────") {
			t.Errorf("the header is not the top three lines:\n%s", v)
		}
		for _, n := range notes {
			if !strings.Contains(v, n) {
				t.Errorf("the note %q is not in view:\n%s", n, v)
			}
		}
	}
	p.keys("pen tests come too late")
	p.press(tea.KeyEnter)
	p.waitFor("Saved. Your note is stored")
	check("▸ pen tests come too late")

	p = w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, 40, 14)
	p.waitFor("New note in Strengths")
	p.keys("champions meet monthly")
	p.press(tea.KeyEnter)
	p.waitFor("Saved. Your note is stored")
	check("pen tests come too late", "▸ champions meet monthly")
}
