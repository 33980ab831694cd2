package tui

import "strings"

// glyphs is a block font five cells high for what the projector view draws large:
// join codes (letters and digits), clocks and counts. '#' is a filled cell.
var glyphs = map[rune][5]string{
	'A': {".###.", "#...#", "#####", "#...#", "#...#"},
	'B': {"####.", "#...#", "####.", "#...#", "####."},
	'C': {".####", "#....", "#....", "#....", ".####"},
	'D': {"####.", "#...#", "#...#", "#...#", "####."},
	'E': {"#####", "#....", "####.", "#....", "#####"},
	'F': {"#####", "#....", "####.", "#....", "#...."},
	'G': {".####", "#....", "#..##", "#...#", ".####"},
	'H': {"#...#", "#...#", "#####", "#...#", "#...#"},
	'I': {"#####", "..#..", "..#..", "..#..", "#####"},
	'J': {"#####", "...#.", "...#.", "#..#.", ".##.."},
	'K': {"#...#", "#..#.", "###..", "#..#.", "#...#"},
	'L': {"#....", "#....", "#....", "#....", "#####"},
	'M': {"#...#", "##.##", "#.#.#", "#...#", "#...#"},
	'N': {"#...#", "##..#", "#.#.#", "#..##", "#...#"},
	'O': {".###.", "#...#", "#...#", "#...#", ".###."},
	'P': {"####.", "#...#", "####.", "#....", "#...."},
	'Q': {".###.", "#...#", "#.#.#", "#..#.", ".##.#"},
	'R': {"####.", "#...#", "####.", "#..#.", "#...#"},
	'S': {".####", "#....", ".###.", "....#", "####."},
	'T': {"#####", "..#..", "..#..", "..#..", "..#.."},
	'U': {"#...#", "#...#", "#...#", "#...#", ".###."},
	'V': {"#...#", "#...#", "#...#", ".#.#.", "..#.."},
	'W': {"#...#", "#...#", "#.#.#", "##.##", "#...#"},
	'X': {"#...#", ".#.#.", "..#..", ".#.#.", "#...#"},
	'Y': {"#...#", ".#.#.", "..#..", "..#..", "..#.."},
	'Z': {"#####", "...#.", "..#..", ".#...", "#####"},
	'0': {".###.", "#..##", "#.#.#", "##..#", ".###."},
	'1': {"..#..", ".##..", "..#..", "..#..", ".###."},
	'2': {".###.", "#...#", "..##.", ".#...", "#####"},
	'3': {"####.", "....#", ".###.", "....#", "####."},
	'4': {"#...#", "#...#", "#####", "....#", "....#"},
	'5': {"#####", "#....", "####.", "....#", "####."},
	'6': {".###.", "#....", "####.", "#...#", ".###."},
	'7': {"#####", "....#", "...#.", "..#..", "..#.."},
	'8': {".###.", "#...#", ".###.", "#...#", ".###."},
	'9': {".###.", "#...#", ".####", "....#", ".###."},
	'-': {"...", "...", "###", "...", "..."},
	':': {".", "#", ".", "#", "."},
	'/': {"....#", "...#.", "..#..", ".#...", "#...."},
	' ': {"..", "..", "..", "..", ".."},
}

// glyphRows is the height of the block font at scale 1.
const glyphRows = 5

// bigWidth is how many cells s takes in the block font at scale 1, with one blank
// column between glyphs; -1 when s has a character the font lacks.
func bigWidth(s string) int {
	w := 0
	for i, r := range strings.ToUpper(s) {
		g, ok := glyphs[r]
		if !ok {
			return -1
		}
		if i > 0 {
			w++
		}
		w += len(g[0])
	}
	return w
}

// bigScale is the largest scale at which s in the block font fits in maxW cells and
// maxH lines (up to 8), or 0 when it does not fit even at scale 1.
func bigScale(s string, maxW, maxH int) int {
	w := bigWidth(s)
	if w <= 0 {
		return 0
	}
	scale := 0
	for k := 1; k <= 8 && w*k <= maxW && glyphRows*bigRows(k) <= maxH; k++ {
		scale = k
	}
	return scale
}

// bigRows is how many lines one row of a glyph takes at scale k: half the columns,
// as a terminal cell is about twice as tall as it is wide.
func bigRows(k int) int { return max(1, k/2) }

// bigText draws s in the block font at scale k: every cell of a glyph becomes k
// columns and bigRows(k) lines. Every line is as wide as the text, so that texts of
// glyphs as wide line up the same.
func bigText(s string, k int) []string {
	s = strings.ToUpper(s)
	rows := make([]strings.Builder, glyphRows)
	for i, r := range []rune(s) {
		g := glyphs[r]
		for y := range glyphRows {
			if i > 0 {
				rows[y].WriteString(strings.Repeat(" ", k))
			}
			for _, c := range g[y] {
				cell := " "
				if c == '#' {
					cell = "█"
				}
				rows[y].WriteString(strings.Repeat(cell, k))
			}
		}
	}
	out := make([]string, 0, glyphRows*bigRows(k))
	for y := range glyphRows {
		line := rows[y].String()
		for range bigRows(k) {
			out = append(out, line)
		}
	}
	return out
}
