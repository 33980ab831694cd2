package report

import (
	"fmt"
	"math"
	"testing"
)

// The shift beside two means is the difference of the means as they are written:
// "3.1 → 3.0 (-0.2)" read as a sum done wrong (3.14 and 2.95, each written to a
// tenth, differ by 0.19).
func TestConfidenceShiftIsThatOfTheMeansShown(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		before, now float64
		want        string
	}{
		{3.136, 2.952, "confidence: 3.1 → 3.0 (-0.1)"},
		{2.46, 2.54, "confidence: 2.5 → 2.5 (no change)"},
		{3.84, 3.857, "confidence: 3.8 → 3.9 (+0.1)"},
		{2.0, 3.5, "confidence: 2.0 → 3.5 (+1.5)"},
	} {
		d := c.now - c.before
		ch := ConfidenceChange{Earlier: &Figure{Mean: c.before}, Now: &Figure{Mean: c.now}, Shift: &d}
		lines := (&Comparison{Confidence: []ConfidenceChange{ch}}).changes()
		if len(lines) < 2 || lines[1] != c.want {
			t.Errorf("means %v and %v: %q, want %q", c.before, c.now, lines, c.want)
		}
		var b, n, s float64
		if _, err := fmt.Sscanf(lines[1], "confidence: %f → %f (%f)", &b, &n, &s); err == nil && math.Abs(n-b-s) > 1e-9 {
			t.Errorf("%q: %.1f − %.1f is not %+.1f", lines[1], n, b, s)
		}
	}
}
