package session

import (
	"cmp"
	"slices"
	"strings"
)

// SortNotes puts notes in an order that says nothing about who wrote them or when: by
// area, lane, activity and text. In the order of writing, two people writing at once
// show as alternating runs that tie each one's notes together.
func SortNotes(ns []*Note) {
	slices.SortStableFunc(ns, func(a, b *Note) int {
		return cmp.Or(cmp.Compare(areaIndex(a.Area), areaIndex(b.Area)), cmp.Compare(a.Lane, b.Lane),
			cmp.Compare(a.Activity, b.Activity), cmp.Compare(strings.ToLower(a.Text), strings.ToLower(b.Text)), cmp.Compare(a.Text, b.Text))
	})
}

func areaIndex(a Area) int {
	for i, b := range Areas {
		if a == b {
			return i
		}
	}
	return len(Areas)
}
