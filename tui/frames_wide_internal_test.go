package tui

import (
	"strings"
	"testing"
)

// A line wider than the screen is cut to it when drawn, and not written again while
// the view gives it unchanged; when it changes, the new line is cut and written.
func TestFramesCutWideLinesOnce(t *testing.T) {
	t.Parallel()
	var out strings.Builder
	f := NewFrames(&out)
	f.resize(10, 3)
	wide := "\x1b[1m" + strings.Repeat("w", 15) + "\x1b[0m"
	f.draw("top\n" + wide)
	if got := out.String(); !strings.Contains(got, strings.Repeat("w", 10)) || strings.Contains(got, strings.Repeat("w", 11)) {
		t.Fatalf("first frame %q: want the wide line cut to 10 cells", got)
	}
	out.Reset()
	f.draw("top2\n" + wide)
	if got := out.String(); !strings.Contains(got, "top2") || strings.Contains(got, "w") {
		t.Errorf("second frame %q: want only the changed first line", got)
	}
	out.Reset()
	f.draw("top2\n" + strings.Repeat("v", 12))
	if got := out.String(); !strings.Contains(got, strings.Repeat("v", 10)) || strings.Contains(got, strings.Repeat("v", 11)) || strings.Contains(got, "top2") {
		t.Errorf("third frame %q: want the changed wide line cut, the other left", got)
	}
}
