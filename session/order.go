package session

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"
)

// SortNotes puts notes in an order that says nothing about who wrote them or when: by
// area, lane, activity and text (CompareText). In the order of writing, two people
// writing at once show as alternating runs that tie each one's notes together.
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
		cmp.Compare(a.Activity, b.Activity), CompareText(a.Text, b.Text))
}

// CompareText orders the texts of notes as people read a list: regardless of case,
// and numbers by their value, so "note 2" comes before "note 10". Texts that differ
// only in case or in a number's leading zeros are ordered as they are written.
func CompareText(a, b string) int {
	return cmp.Or(compareNatural(a, b), cmp.Compare(a, b))
}

func compareNatural(a, b string) int {
	for a != "" && b != "" {
		if isDigit(a[0]) && isDigit(b[0]) {
			var na, nb string
			na, a = digits(a)
			nb, b = digits(b)
			if c := cmp.Or(cmp.Compare(len(na), len(nb)), cmp.Compare(na, nb)); c != 0 {
				return c
			}
			continue
		}
		ra, la := utf8.DecodeRuneInString(a)
		rb, lb := utf8.DecodeRuneInString(b)
		if c := cmp.Compare(unicode.ToLower(ra), unicode.ToLower(rb)); c != 0 {
			return c
		}
		a, b = a[la:], b[lb:]
	}
	return cmp.Compare(len(a), len(b))
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// digits splits the run of digits s starts with off the rest, without its leading
// zeros: the longer run is then the greater number, however long.
func digits(s string) (number, rest string) {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	number = s[:i]
	for len(number) > 1 && number[0] == '0' {
		number = number[1:]
	}
	return number, s[i:]
}

func areaIndex(a Area) int {
	for i, b := range Areas {
		if a == b {
			return i
		}
	}
	return len(Areas)
}
