package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// Where a hypothesis's quote was written stays on one line when it fits one:
// "(S1 · do" ended a line and "less)" began the next, read as two things.
func TestQuoteLinesKeepWhereItWasWrittenWhole(t *testing.T) {
	text := "Fewer scanner findings that turn out to be false positives."
	for _, c := range []struct {
		where string
		w     int
	}{
		{"S1 · do less", 72},
		{"S2 · demotivates", 72},
		{"S2 · developers, whom it names · do more · in feature deadlines", 72},
		{"S1 · do less", 32},
	} {
		lines := quoteLines(text, c.where, c.w)
		for i, l := range lines {
			if lipgloss.Width(l) > c.w {
				t.Errorf("%q at %d: line %d is %d wide: %q", c.where, c.w, i, lipgloss.Width(l), l)
			}
			if strings.Contains(l, "\u00a0") {
				t.Errorf("%q at %d: line %d keeps a no-break space: %q", c.where, c.w, i, l)
			}
		}
		if last := lines[len(lines)-1]; !strings.Contains(last, "("+c.where+")") {
			t.Errorf("%q at %d is broken:\n%s", c.where, c.w, strings.Join(lines, "\n"))
		}
		if got, want := strings.Join(strings.Fields(strings.Join(lines, " ")), " "), "“"+text+"” ("+c.where+")"; got != want {
			t.Errorf("%q at %d: the words changed:\n got %q\nwant %q", c.where, c.w, got, want)
		}
	}
	// Wider than a line, it wraps as any text does rather than run past the edge.
	where := "S2 · developers, whom it names · do more · in a theme with a long name"
	for i, l := range quoteLines(text, where, 40) {
		if lipgloss.Width(l) > 40 {
			t.Errorf("line %d is %d wide: %q", i, lipgloss.Width(l), l)
		}
	}
}
