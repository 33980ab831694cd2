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
	slices.SortStableFunc(ns, compareNotes)
}

// SortNoteIDs puts the IDs of notes (a theme's) in the order SortNotes gives the
// notes, byID holding them: listed by ID, a theme's notes would be in the order they
// were written. IDs without a note go last, by ID.
func SortNoteIDs(ids []int64, byID map[int64]*Note) {
	slices.SortStableFunc(ids, func(a, b int64) int {
		na, nb := byID[a], byID[b]
		switch {
		case na == nil && nb == nil:
			return cmp.Compare(a, b)
		case na == nil:
			return 1
		case nb == nil:
			return -1
		}
		return cmp.Or(compareNotes(na, nb), cmp.Compare(a, b))
	})
}

func compareNotes(a, b *Note) int {
	return cmp.Or(cmp.Compare(areaIndex(a.Area), areaIndex(b.Area)), cmp.Compare(a.Lane, b.Lane),
		cmp.Compare(a.Activity, b.Activity), cmp.Compare(strings.ToLower(a.Text), strings.ToLower(b.Text)), cmp.Compare(a.Text, b.Text))
}

func areaIndex(a Area) int {
	for i, b := range Areas {
		if a == b {
			return i
		}
	}
	return len(Areas)
}
