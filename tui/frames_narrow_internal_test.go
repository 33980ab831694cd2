package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Every character narrowWithin counts as one cell is one cell to ansi.StringWidth,
// the measure the frames would otherwise take, alone and after a letter.
func TestNarrowRunesAreOneCell(t *testing.T) {
	n := 0
	for r := rune(0x80); r < 0x3000; r++ {
		if !narrowRune(r) {
			continue
		}
		n++
		if w := ansi.StringWidth(string(r)); w != 1 {
			t.Errorf("%U %q is %d cells to ansi.StringWidth", r, r, w)
		}
		if w := ansi.StringWidth("a" + string(r) + "b"); w != 3 {
			t.Errorf("a%qb is %d cells to ansi.StringWidth", r, w)
		}
	}
	if n < 300 {
		t.Errorf("only %d characters count as narrow", n)
	}
}

// narrowWithin never says a line fits when ansi.StringWidth says it does not, and
// tells the lines screens draw (colours, box drawing, accents) without measuring.
func TestNarrowWithinAgreesWithStringWidth(t *testing.T) {
	sty := NewStyles(colours256())
	lines := []string{
		"",
		"plain text",
		sty.Muted.Render("│ Über café — «quoted» · naïve…") + " " + sty.Selected.Render("→ selected"),
		"╭" + strings.Repeat("─", 78) + "╮",
		sty.Error.Render("tab ⇥ is not in the list"),
		"an emoji ❤️ needs measuring",
		"CJK 你好 needs measuring",
		"e\u0301 combining needs measuring",
		"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
		"a\ttab",
	}
	for _, l := range lines {
		for w := 0; w <= 100; w++ {
			got := narrowWithin(l, w)
			if got && ansi.StringWidth(l) > w {
				t.Errorf("narrowWithin(%q, %d) says it fits; it is %d cells", l, w, ansi.StringWidth(l))
			}
		}
	}
	if !narrowWithin(lines[2], 80) || !narrowWithin(lines[3], 80) {
		t.Error("a styled line of box drawing and accents is measured: narrowWithin says false")
	}
	for _, l := range lines[5:] {
		if narrowWithin(l, 200) {
			t.Errorf("narrowWithin(%q) did not give up", l)
		}
	}
}
