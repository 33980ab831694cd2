package analysis

import (
	"slices"
	"testing"
)

// cliques links n notes in groups of size, every note to each of its group,
// plus the extra links given, all of weight 1.
func cliques(n, size int, extra [][2]int) [][]edge {
	linked := make([]map[int]bool, n)
	for i := range linked {
		linked[i] = map[int]bool{}
	}
	for i := range n {
		for j := range n {
			if i != j && i/size == j/size {
				linked[i][j] = true
			}
		}
	}
	for _, e := range extra {
		linked[e[0]][e[1]], linked[e[1]][e[0]] = true, true
	}
	g := make([][]edge, n)
	for i, m := range linked {
		for _, j := range slices.Sorted(mapKeys(m)) {
			g[i] = append(g[i], edge{j, 1})
		}
	}
	return g
}

// canonical numbers the themes of an assignment in the order their first
// notes come, so that two of one grouping compare equal.
func canonical(assign []int) []int {
	number := map[int]int{}
	out := make([]int, len(assign))
	for i, c := range assign {
		if _, ok := number[c]; !ok {
			number[c] = len(number)
		}
		out[i] = number[c]
	}
	return out
}

func TestRefineMovesANoteToTheThemeOfItsLinks(t *testing.T) {
	// Three groups of five, loosely tied; k-means put note 4 with the second
	// group and split the third in two.
	g := cliques(15, 5, [][2]int{{4, 5}, {9, 10}})
	assign := []int{0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3}
	got := canonical(refine(g, assign, 4, 1))
	want := []int{0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2}
	if !slices.Equal(got, want) {
		t.Errorf("refine: %v, want %v", got, want)
	}
	if !slices.Equal(assign, []int{0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3}) {
		t.Errorf("refine changed its input: %v", assign)
	}
}

func TestRefineKeepsAGoodGroupingAndLoneNotes(t *testing.T) {
	g := cliques(12, 4, nil)
	g = append(g, nil) // a note with no links stays where it is
	assign := []int{2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 1, 1, 3}
	if got := refine(g, assign, 4, 3); !slices.Equal(got, assign) {
		t.Errorf("refine: %v, want it unchanged", got)
	}
}
