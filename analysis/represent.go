package analysis

import (
	"slices"
	"strings"
)

// Representative returns the ID of the note that best stands for a group of
// notes (the one nearest their mean, as Cluster picks it), so that a theme a
// facilitator arranged by hand can show one under its name too; "" for none.
// Like Cluster, it depends only on the set of docs, not on their order.
func Representative(docs []Doc) string {
	if len(docs) == 0 {
		return ""
	}
	return Central(docs)[0]
}

// Central returns the IDs of the docs, most central first: the nearest the mean
// of the group's word vectors (Representative's pick) first, the docs without a
// known word last, ties in content order. Like Cluster, it depends only on the
// set of docs: not on their order, nor on who wrote them or when.
func Central(docs []Doc) []string {
	sorted := slices.Clone(docs)
	slices.SortStableFunc(sorted, byContent)
	c := vectorize(sorted, defaultLexicon(), defaultParams.weights)
	all := make([]int, len(sorted))
	var known []int
	for i, v := range c.vecs {
		all[i] = i
		if len(v) > 0 {
			known = append(known, i)
		}
	}
	var mean vec
	if len(known) > 0 {
		mean = meanOf(c.vecs, known)
	}
	out := make([]string, len(sorted))
	for k, i := range c.mostCentral(all, mean, func(a, b int) int { return a - b }) {
		out[k] = sorted[i].ID
	}
	return out
}

// mostCentral orders the positions of the texts idx (indexes into c.vecs): texts
// with a known word first, the most similar to mean first, then by tie, which
// compares two positions.
func (c *corpus) mostCentral(idx []int, mean vec, tie func(a, b int) int) []int {
	sim := make([]float64, len(idx))
	for k, i := range idx {
		sim[k] = sparseDot(c.vecs[i], mean)
	}
	known := func(k int) bool { return len(c.vecs[idx[k]]) > 0 }
	order := make([]int, len(idx))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case known(a) != known(b):
			if known(a) {
				return -1
			}
			return 1
		case sim[a] > sim[b]+1e-12:
			return -1
		case sim[b] > sim[a]+1e-12:
			return 1
		}
		return tie(a, b)
	})
	return order
}

// NamedAfter returns the ID of the doc a theme's name was made from: the one whose
// words begin with the name's words (two at least), once a side (" (concern)") and
// a cut ("…") are taken off the name; "" when no doc does. Several that do: the
// first by content, as Cluster orders them.
func NamedAfter(label string, docs []Doc) string {
	label, _ = cutSide(label)
	want := strings.Fields(strings.ToLower(strings.TrimSuffix(strings.TrimSpace(label), "…")))
	if len(want) < 2 {
		return ""
	}
	sorted := slices.Clone(docs)
	slices.SortStableFunc(sorted, byContent)
	for _, d := range sorted {
		ws := strings.Fields(strings.ToLower(d.Text))
		if len(ws) < len(want) {
			continue
		}
		match := true
		for i, w := range want {
			got, w := strings.TrimRight(ws[i], ".,;:!?"), strings.TrimRight(w, ".,;:!?")
			// The last word may have been cut short.
			if got != w && (i < len(want)-1 || !strings.HasPrefix(got, w)) {
				match = false
				break
			}
		}
		if match {
			return d.ID
		}
	}
	return ""
}
