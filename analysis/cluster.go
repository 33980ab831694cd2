// Package analysis groups the notes of chartering sessions into themes and
// measures how well a grouping agrees with one made by people.
//
// Everything here is a pure function of its input: no I/O, no clock, and
// pseudo-random choices only from fixed seeds, so a board can re-run it on every new note and get the same
// themes for the same notes.
package analysis

import (
	"cmp"
	"slices"
	"strings"
)

// Doc is one note to cluster.
type Doc struct {
	ID, Text, Area, Lane string
}

// Theme is one cluster.
type Theme struct {
	Label   string
	NoteIDs []string
}

// params are the knobs of one clustering run; Cluster uses defaultParams.
type params struct {
	weights
	// threshold is the least average cosine similarity at which two groups
	// merge, when clustering by linkage (few notes, or spectral unset).
	threshold float64
	// exactLimit is the largest number of notes clustered in one exact pass.
	exactLimit int
	// labelWords is how many words a theme's label has at most.
	labelWords int
	// spectral, when set, clusters by spectral clustering instead of a
	// linkage threshold.
	spectral *spectralParams
}

var defaultParams = params{
	weights:    defaultWeights,
	threshold:  0.25,
	exactLimit: 1000,
	labelWords: 3,
	spectral:   &defaultSpectral,
}

// Cluster groups docs into themes. Every doc is in exactly one theme; notes
// with no usable words share one theme labelled "unsorted". Themes come
// largest first, then by label; note IDs within a theme are sorted. The result
// depends only on the set of docs, not on their order.
func Cluster(docs []Doc) []Theme {
	return clusterWith(docs, defaultLexicon, defaultParams)
}

func clusterWith(docs []Doc, lx *lexicon, p params) []Theme {
	if len(docs) == 0 {
		return []Theme{}
	}
	// Sorting first makes the result independent of input order.
	sorted := slices.Clone(docs)
	slices.SortStableFunc(sorted, func(a, b Doc) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(a.Text, b.Text),
			cmp.Compare(a.Area, b.Area), cmp.Compare(a.Lane, b.Lane))
	})
	c := vectorize(sorted, lx, p.weights)

	var withWords, empty []int
	for i, v := range c.vecs {
		if len(v) == 0 {
			empty = append(empty, i)
		} else {
			withWords = append(withWords, i)
		}
	}
	var groups [][]int
	// A handful of notes has no neighbourhood structure to find: linkage
	// with a threshold decides them.
	if p.spectral != nil && len(withWords) >= p.spectral.minNotes {
		groups = spectralPartition(c.vecs, withWords, *p.spectral)
	} else {
		groups = partition(c.vecs, withWords, p.threshold, p.exactLimit)
	}

	themes := make([]Theme, 0, len(groups)+1)
	for _, g := range groups {
		themes = append(themes, Theme{Label: c.label(g, p.labelWords), NoteIDs: idsOf(sorted, g)})
	}
	distinctLabels(themes, groups, sorted)
	if len(empty) > 0 {
		themes = append(themes, Theme{Label: "unsorted", NoteIDs: idsOf(sorted, empty)})
	}
	slices.SortStableFunc(themes, func(a, b Theme) int {
		return cmp.Or(cmp.Compare(len(b.NoteIDs), len(a.NoteIDs)),
			cmp.Compare(a.Label, b.Label), cmp.Compare(a.NoteIDs[0], b.NoteIDs[0]))
	})
	return themes
}

func idsOf(docs []Doc, members []int) []string {
	ids := make([]string, len(members))
	for k, i := range members {
		ids[k] = docs[i].ID
	}
	slices.Sort(ids)
	return ids
}

// label names a theme by its most distinctive words: those used by many of its
// notes and few others (share of the theme's notes times IDF, at least twice as
// common in the theme as overall), shown in their most common surface form. A word of a single note labels only a single note,
// so that a theme is not named after one of its members' quirks.
func (c *corpus) label(members []int, max int) string {
	count := map[int32]int{}
	for _, i := range members {
		for _, w := range c.words[i] {
			count[w]++
		}
	}
	n := len(c.vecs)
	type scored struct {
		w     int32
		score float64
	}
	var cands []scored
	for w, k := range count {
		share := float64(k) / float64(len(members))
		// A word the theme uses no more than the notes at large (such as
		// "security") says nothing about the theme.
		if k < 2 && len(members) > 1 || share < 2*float64(c.wordDocs[w])/float64(n) {
			continue
		}
		// In a sizeable set, a word in more than a quarter of all notes names no
		// theme, however often a small theme repeats it.
		if n >= 20 && c.wordDocs[w]*4 > n {
			continue
		}
		cands = append(cands, scored{w, share * idf(n, c.wordDocs[w])})
	}
	slices.SortFunc(cands, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(c.surfaces[a.w], c.surfaces[b.w]))
	})
	var words []string
	for _, s := range cands {
		if len(words) == max {
			break
		}
		words = append(words, c.surfaces[s.w])
	}
	if len(words) > 0 {
		return strings.Join(words, ", ")
	}
	return c.conceptLabel(members)
}

// conceptLabel names a theme by the concept most of its notes share, the
// first in the lexicon on a tie.
func (c *corpus) conceptLabel(members []int) string {
	count := make([]int, len(c.conceptNames))
	best := -1
	for _, i := range members {
		for _, k := range c.concepts[i] {
			count[k]++
		}
	}
	for k, n := range count {
		if n > 0 && (best < 0 || n > count[best]) {
			best = k
		}
	}
	if best < 0 {
		return "misc"
	}
	return strings.ReplaceAll(c.conceptNames[best], "-", " ")
}

// distinctLabels keeps two themes from carrying the same label: a facilitator
// reading the list must tell them apart. A repeated label gets the opening words of
// the theme's first note.
func distinctLabels(themes []Theme, groups [][]int, docs []Doc) {
	seen := map[string]int{}
	for _, t := range themes {
		seen[t.Label]++
	}
	for i := range themes {
		if seen[themes[i].Label] < 2 || i >= len(groups) {
			continue
		}
		first := docs[groups[i][0]].Text
		if words := strings.Fields(first); len(words) > 4 {
			first = strings.Join(words[:4], " ") + "…"
		}
		themes[i].Label += ": " + first
	}
}
