package analysis

import (
	"cmp"
	"maps"
	"math"
	"slices"
)

// contingency counts, for two labelings of the same items, how many items
// each pair of labels shares, and the size of each label's cluster.
type contingency struct {
	n          int
	cells      map[[2]int]int
	rows, cols []int
}

func newContingency(gold, pred []string) contingency {
	if len(gold) != len(pred) {
		panic("analysis: gold and pred label different numbers of items")
	}
	ids := func(labels []string) ([]int, int) {
		m := map[string]int{}
		out := make([]int, len(labels))
		for i, l := range labels {
			id, ok := m[l]
			if !ok {
				id = len(m)
				m[l] = id
			}
			out[i] = id
		}
		return out, len(m)
	}
	g, ng := ids(gold)
	p, np := ids(pred)
	c := contingency{n: len(gold), cells: map[[2]int]int{}, rows: make([]int, ng), cols: make([]int, np)}
	for i := range g {
		c.cells[[2]int{g[i], p[i]}]++
		c.rows[g[i]]++
		c.cols[p[i]]++
	}
	return c
}

// AdjustedRandIndex compares two clusterings of the same items, given as one
// label per item (label names need not match between the two): 1 when they are
// the same partition, about 0 when they agree no more than chance, negative
// when less. Two partitions that are both trivial in the same way (everything
// together, or everything apart) count as identical. It panics if the slices
// differ in length.
func AdjustedRandIndex(gold, pred []string) float64 {
	c := newContingency(gold, pred)
	pairs := func(k int) float64 { return float64(k) * float64(k-1) / 2 }
	var index, a, b float64
	for _, k := range c.cells {
		index += pairs(k)
	}
	for _, k := range c.rows {
		a += pairs(k)
	}
	for _, k := range c.cols {
		b += pairs(k)
	}
	expected := a * b / pairs(c.n)
	maxIndex := (a + b) / 2
	if c.n < 2 || maxIndex == expected {
		return 1
	}
	return (index - expected) / (maxIndex - expected)
}

// NMI is the mutual information of two clusterings of the same items divided by
// the arithmetic mean of their entropies: 1 for the same partition, 0 for
// independent ones. If both have a single cluster it is 1; if only one does, 0.
// It panics if the slices differ in length.
func NMI(gold, pred []string) float64 {
	c := newContingency(gold, pred)
	if c.n == 0 {
		return 1
	}
	n := float64(c.n)
	entropy := func(sizes []int) float64 {
		var h float64
		for _, k := range sizes {
			p := float64(k) / n
			h -= p * math.Log(p)
		}
		return h
	}
	hg, hp := entropy(c.rows), entropy(c.cols)
	if hg == 0 && hp == 0 {
		return 1
	}
	// Summing in a fixed order keeps the result identical from run to run.
	keys := slices.SortedFunc(maps.Keys(c.cells), func(a, b [2]int) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	})
	var mi float64
	for _, cell := range keys {
		nij := float64(c.cells[cell])
		mi += nij / n * math.Log(n*nij/(float64(c.rows[cell[0]])*float64(c.cols[cell[1]])))
	}
	// Rounding can leave a hair above 1 or below 0 for extreme cases.
	return math.Max(0, math.Min(1, mi/((hg+hp)/2)))
}

// FacilitatorOps counts the edits a facilitator needs to turn the predicted
// grouping into the gold one, given as one label per item. Each predicted theme
// is kept for the gold theme owning most of its items (the first label on a
// tie); every other predicted theme kept for the same gold theme is one merge,
// and every item whose predicted theme is kept for another gold theme is one
// move. It panics if the slices differ in length.
func FacilitatorOps(gold, pred []string) (merges, moves int) {
	c := newContingency(gold, pred)
	owner := make([]int, len(c.cols))
	best := make([]int, len(c.cols))
	for cell, k := range c.cells {
		g, p := cell[0], cell[1]
		if k > best[p] || k == best[p] && g < owner[p] {
			owner[p], best[p] = g, k
		}
	}
	kept := make([]int, len(c.rows))
	for p := range c.cols {
		kept[owner[p]]++
		moves += c.cols[p] - best[p]
	}
	for _, k := range kept {
		if k > 1 {
			merges += k - 1
		}
	}
	return merges, moves
}
