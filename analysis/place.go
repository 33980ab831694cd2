package analysis

import "slices"

// placeSim is the least average similarity between a note and the notes of an
// arranged theme at which the note joins it. On held-out dev notes
// (TestSweepPlace) lower values place no more notes rightly, only more
// wrongly; a note offered as new is one the facilitator sees, a note slipped
// into the wrong arranged theme is one they may miss.
const placeSim = 0.25

// placeThreshold is placeSim, a variable only so that TestSweepPlace can vary it.
var placeThreshold = placeSim

// Place adds later notes to the themes a facilitator already arranged, without
// re-clustering them. docs are all the notes, arranged or not; a note that is
// in no arranged theme joins the one its notes are on average most similar to,
// if that reaches a threshold, and the rest are clustered among themselves.
// The result is the arranged themes in their order, each keeping its label
// and notes and gaining the notes placed in it (sorted), followed by the new
// themes, as Cluster orders them. IDs of arranged notes missing from docs are
// kept but take no part.
func Place(arranged []Theme, docs []Doc) []Theme {
	sorted := slices.Clone(docs)
	slices.SortStableFunc(sorted, byContent)
	c := vectorize(sorted, defaultLexicon(), defaultWeights)
	index := map[string]int{}
	for i, d := range sorted {
		index[d.ID] = i
	}
	out := make([]Theme, len(arranged))
	groups := make([][]int, len(arranged))
	taken := map[string]bool{}
	for t, th := range arranged {
		out[t] = Theme{Label: th.Label, NoteIDs: slices.Clone(th.NoteIDs), Representative: th.Representative}
		for _, id := range th.NoteIDs {
			taken[id] = true
			if i, ok := index[id]; ok && len(c.vecs[i]) > 0 {
				groups[t] = append(groups[t], i)
			}
		}
	}
	var rest []int
	for i, d := range sorted {
		if !taken[d.ID] {
			rest = append(rest, i)
		}
	}
	// assign appends to groups; the notes it adds are the placed ones.
	before := make([]int, len(groups))
	for t, g := range groups {
		before[t] = len(g)
	}
	left := assignAny(c.vecs, groups, rest, placeThreshold)
	for t, g := range groups {
		for _, i := range g[before[t]:] {
			out[t].NoteIDs = append(out[t].NoteIDs, sorted[i].ID)
		}
		slices.Sort(out[t].NoteIDs)
	}
	if len(left) == 0 {
		return out
	}
	newDocs := make([]Doc, len(left))
	for k, i := range left {
		newDocs[k] = sorted[i]
	}
	return append(out, Cluster(newDocs)...)
}

// assignAny is assign for groups of any size, single notes included: a
// facilitator's theme of one note is as much a theme as a larger one.
func assignAny(vecs []vec, groups [][]int, rest []int, threshold float64) []int {
	var left []int
	means := make([]vec, len(groups))
	for g, members := range groups {
		if len(members) > 0 {
			means[g] = meanOf(vecs, members)
		}
	}
	for _, i := range rest {
		best, bestSim := -1, threshold
		for g, m := range means {
			if s := sparseDot(vecs[i], m); s > bestSim {
				best, bestSim = g, s
			}
		}
		if best < 0 {
			left = append(left, i)
			continue
		}
		groups[best] = append(groups[best], i)
	}
	return left
}

// NamedTheme is a theme a facilitator named in an earlier session (its name,
// its notes' texts and their lanes), or a suggested one (no name yet).
type NamedTheme struct {
	Name  string
	Texts []string
	// Lanes are the lanes of the theme's notes ("strength", "concern",
	// "keep", ...), in any order: they tell which side the theme is on.
	Lanes []string
}

// ProposeNames proposes, for each suggested theme, the name of the earlier
// theme it matches, or "" when none does. Matching is MatchThemes'
// precision-first rule: a suggestion takes an earlier name only when they are
// each other's best match and similar enough, and never across sides: a name
// given to strengths ("Incident drills pay off") is offered only for strengths,
// not for concerns, wishes or open topics, and a name given to doing more of an
// activity ("Training: hands-on labs") is not offered for doing less of it.
func ProposeNames(earlier, suggestions []NamedTheme) []string {
	// Themes on opposite sides are kept apart, earlier ones among
	// themselves too: joined, they would carry one side's name to the other.
	var groups [][]string
	var sides, ways []int
	for _, t := range append(slices.Clone(earlier), suggestions...) {
		groups = append(groups, t.Texts)
		sides = append(sides, signOf(laneSign, t.Lanes))
		ways = append(ways, signOf(laneWay, t.Lanes))
	}
	// A theme whose notes are on both sides, as many on each, is on neither:
	// it takes no name given to one side ("Incident drills pay off" for drills
	// that pay off and drills that are missed), nor gives its name to one.
	// A name given to one side says that side, so it goes only to a suggestion on
	// that side: not to open topics or wishes ("Pipeline scanning works" for
	// notes that do not say anything works).
	opposite := func(a, b int) bool { return a != 0 && b != 0 && a != b }
	claims := func(named, other int) bool { return named != 0 && named != other }
	var apart [][2]int
	for i := range earlier {
		for j := i + 1; j < len(groups); j++ {
			sideApart := opposite(sides[i], sides[j])
			if j >= len(earlier) {
				sideApart = claims(sides[i], sides[j])
			}
			if sideApart || opposite(ways[i], ways[j]) {
				apart = append(apart, [2]int{i, j})
			}
		}
	}
	names := make([]string, len(suggestions))
	for _, p := range matchPairs(groups, len(earlier), MatchThreshold, apart...) {
		names[p[1]-len(earlier)] = earlier[p[0]].Name
	}
	return names
}

// bothSides is signOf's answer for lanes as many of which have each sign.
const bothSides = 2

// signOf is the sign most of lanes have under sign: +1, -1, bothSides when
// as many have each, or 0 when none has one.
func signOf(sign func(lane string) int, lanes []string) int {
	sum, signed := 0, false
	for _, l := range lanes {
		v := sign(l)
		sum += v
		signed = signed || v != 0
	}
	switch {
	case sum > 0:
		return 1
	case sum < 0:
		return -1
	case signed:
		return bothSides
	}
	return 0
}
