package analysis

import (
	"cmp"
	"slices"
	"strings"
)

// MatchThreshold is the least similarity at which themes of different
// sessions count as one campaign theme (see MatchSessionThemes). It is set for
// precision: on the dev notes split over sessions, pairs of session themes
// matched at it are almost never wrong (docs/BENCHMARKS.md).
const MatchThreshold = 0.3

// matchCandidates is how many of a theme's strongest features put it in the
// inverted index that proposes candidate pairs, and postingCap the most
// themes a feature may propose: a feature shared by more themes than that
// tells them apart from nothing, and capping it keeps the work linear.
const (
	matchCandidates = 8
	postingCap      = 64
)

// MatchGroup is one session's theme to match: the session it is in and its
// texts (its label and its notes' texts).
type MatchGroup struct {
	Session int
	Texts   []string
	// Label is the theme's name, when it has one to match by: two themes of
	// different sessions named alike are one theme (a facilitator names them so,
	// and suggestions reuse the names given in earlier sessions), however loose
	// their notes are. "" matches by the texts alone.
	Label string
	// Lanes are the lanes of its notes, one a note, in any order ("motivates",
	// "concern", "keep", ...; "" for an open topic, whose title is on no side).
	// Themes on opposite sides of one area never match (see laneSide).
	Lanes []string
}

// sides counts a theme's notes on each side of each area ([area][0] those on
// the +1 side, [area][1] those on the -1 side) and all its notes.
type sides struct {
	n     [3][2]int
	notes int
}

func sidesOf(lanes []string) sides {
	s := sides{notes: len(lanes)}
	for _, l := range lanes {
		if area, side, ok := laneSide(l); ok {
			s.n[area][(1-side)/2]++
		}
	}
	return s
}

// side is the side at least two thirds of the theme's notes are on, whatever
// their areas; 0 when they are mixed, or on no side (add, open topics).
func (s sides) side() int {
	var pos, neg int
	for _, a := range s.n {
		pos += a[0]
		neg += a[1]
	}
	switch {
	case s.notes == 0:
		return 0
	case 3*pos >= 2*s.notes:
		return 1
	case 3*neg >= 2*s.notes:
		return -1
	}
	return 0
}

// opposes reports whether s and o say opposite things: each on its side, and
// an area where the notes of each are on its side alone. A strength and a
// demotivation are of different areas and say different things, not opposite
// ones; a theme with notes on both sides of the area where they meet is mixed.
func (s sides) opposes(o sides) bool {
	x, y := s.side(), o.side()
	if x == 0 || y == 0 || x == y {
		return false
	}
	for a := range s.n {
		if s.n[a][(1-x)/2] > 0 && s.n[a][(1+x)/2] == 0 && o.n[a][(1-y)/2] > 0 && o.n[a][(1+y)/2] == 0 {
			return true
		}
	}
	return false
}

func (s sides) plus(o sides) sides {
	for a := range s.n {
		s.n[a][0] += o.n[a][0]
		s.n[a][1] += o.n[a][1]
	}
	s.notes += o.notes
	return s
}

// labelKey is a label as MatchSessionThemes compares labels; "" for none.
func labelKey(label string) string {
	k := strings.ToLower(strings.Join(strings.Fields(label), " "))
	if k == "unsorted" {
		return ""
	}
	return k
}

// MatchSessionThemes finds the same theme in different sessions, precision
// first. It returns a match id per group, numbered from 0 in order of first
// appearance, equal for groups found to be about the same thing; two themes
// of one session never match, and a group without texts matches nothing.
//
// Each group is the mean of its texts' vectors (words and concepts), so the
// dot product of two groups is the average similarity of their texts (average
// linkage). Candidate pairs come from an inverted index over each group's
// strongest features, so the work grows with the number of texts, not with
// its square. Candidates at or above threshold are taken most similar first;
// two campaign themes join only when they share no session and their means,
// recomputed as they grow, stay at least threshold similar, which keeps one
// loose pair from chaining unrelated themes together. Each pair in apart (two
// group indexes a facilitator split) never ends up in one campaign theme, nor
// do two campaign themes whose notes are on opposite sides of an area (see
// laneSide and opposes), however alike their words or names.
func MatchSessionThemes(groups []MatchGroup, threshold float64, apart ...[2]int) []int {
	ids, _, _, _ := matchSessionThemes(groups, threshold, apart, nil)
	return ids
}

// MatchSessionThemesCentral is MatchSessionThemes that also orders each group's
// texts most central first, as Central does: nearest the group's mean, texts
// without a known word last, ties by text. The vectors are the campaign's, made
// once for both: a report that ordered each theme's notes with Central of its own
// took half again the time and memory of the whole report.
//
// Each pair in together (two group indexes a facilitator joined) is one campaign
// theme before any is matched, whatever they say, unless that would put two
// themes of one session, or two a facilitator split (a pair in apart), together:
// joins are taken in order, and one that would chain a split pair is left out.
// apart keeps the others apart as in MatchSessionThemes.
func MatchSessionThemesCentral(groups []MatchGroup, threshold float64, apart, together [][2]int) (ids []int, central [][]int) {
	ids, c, members, means := matchSessionThemes(groups, threshold, apart, together)
	central = make([][]int, len(groups))
	for g, m := range members {
		texts := groups[g].Texts
		central[g] = c.mostCentral(m, means[g], func(a, b int) int {
			return cmp.Or(cmp.Compare(strings.ToLower(texts[a]), strings.ToLower(texts[b])), cmp.Compare(texts[a], texts[b]), a-b)
		})
	}
	return ids, central
}

func matchSessionThemes(groups []MatchGroup, threshold float64, apart, together [][2]int) ([]int, *corpus, [][]int, []vec) {
	var docs []Doc
	owner := []int{}
	for g, gr := range groups {
		for _, t := range gr.Texts {
			docs = append(docs, Doc{Text: t})
			owner = append(owner, g)
		}
	}
	c := vectorize(docs, defaultLexicon(), weights{words: defaultWeights.words, concepts: defaultWeights.concepts})
	members := make([][]int, len(groups))
	for i, g := range owner {
		members[g] = append(members[g], i)
	}
	means := make([]vec, len(groups))
	for g, m := range members {
		if len(m) > 0 {
			means[g] = meanOf(c.vecs, m)
		}
	}

	// Candidate pairs through the strongest features of each group.
	postings := map[int32][]int{}
	for g, m := range means {
		top := slices.Clone(m)
		slices.SortFunc(top, func(a, b entry) int { return cmp.Or(cmp.Compare(b.w, a.w), cmp.Compare(a.f, b.f)) })
		for _, e := range top[:min(matchCandidates, len(top))] {
			postings[e.f] = append(postings[e.f], g)
		}
	}
	type pair struct {
		a, b int
		sim  float64
		// named: the two groups bear one label, and join whatever their means.
		named bool
	}
	var pairs []pair
	seen := map[[2]int]bool{}
	// Two groups of one label: a loose theme's mean is not similar enough even to
	// itself (its notes' average similarity is low), so the same theme in two
	// sessions went unmatched. They come first, ahead of any pair by similarity.
	byLabel := map[string][]int{}
	for g, gr := range groups {
		if k := labelKey(gr.Label); k != "" && len(members[g]) > 0 {
			byLabel[k] = append(byLabel[k], g)
		}
	}
	for _, gs := range byLabel {
		for x, a := range gs {
			for _, b := range gs[x+1:] {
				if groups[a].Session != groups[b].Session {
					seen[[2]int{a, b}] = true
					pairs = append(pairs, pair{a, b, 2 + sparseDot(means[a], means[b]), true})
				}
			}
		}
	}
	for _, f := range slices.Sorted(func(yield func(int32) bool) {
		for f := range postings {
			if !yield(f) {
				return
			}
		}
	}) {
		ps := postings[f]
		if len(ps) > postingCap {
			continue
		}
		for x, a := range ps {
			for _, b := range ps[x+1:] {
				if groups[a].Session == groups[b].Session || seen[[2]int{a, b}] {
					continue
				}
				seen[[2]int{a, b}] = true
				if len(members[a]) == 1 && len(members[b]) == 1 && !slices.ContainsFunc(c.words[members[a][0]], func(w int32) bool {
					return slices.Contains(c.words[members[b][0]], w)
				}) {
					// Two themes of one note each are two people's sentences: a
					// concept they share and no word (the concept is often all
					// their vectors hold, their words being said once in the
					// campaign) is weak evidence, and each session a theme is
					// raised in weighs in the ranking. They match by a word in
					// common, by name, or through a theme of more notes.
					continue
				}
				if s := sparseDot(means[a], means[b]); s >= threshold {
					pairs = append(pairs, pair{a, b, s, false})
				}
			}
		}
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		return cmp.Or(cmp.Compare(y.sim, x.sim), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})

	// Greedy average linkage over the candidate pairs.
	parent := make([]int, len(groups))
	sessions := make([]map[int]bool, len(groups))
	// inside lists each campaign theme's groups, to check the splits against.
	inside := make([][]int, len(groups))
	splitFrom := map[int][]int{}
	for _, p := range apart {
		splitFrom[p[0]] = append(splitFrom[p[0]], p[1])
		splitFrom[p[1]] = append(splitFrom[p[1]], p[0])
	}
	clusterMean := make([]vec, len(groups))
	size := make([]int, len(groups))
	side := make([]sides, len(groups))
	for g := range groups {
		side[g] = sidesOf(groups[g].Lanes)
		parent[g] = g
		sessions[g] = map[int]bool{groups[g].Session: true}
		clusterMean[g] = means[g]
		size[g] = len(members[g])
		inside[g] = []int{g}
	}
	root := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	sameSession := func(ra, rb int) bool {
		for s := range sessions[rb] {
			if sessions[ra][s] {
				return true
			}
		}
		return false
	}
	join := func(ra, rb int) {
		lo, hi := min(ra, rb), max(ra, rb)
		clusterMean[lo] = weightedMean(clusterMean[lo], size[lo], clusterMean[hi], size[hi])
		size[lo] += size[hi]
		side[lo] = side[lo].plus(side[hi])
		for s := range sessions[hi] {
			sessions[lo][s] = true
		}
		inside[lo] = append(inside[lo], inside[hi]...)
		parent[hi] = lo
	}
	// split reports whether a group of campaign theme ra was split from one of rb.
	split := func(ra, rb int) bool {
		for _, x := range inside[ra] {
			for _, y := range splitFrom[x] {
				if root(y) == rb {
					return true
				}
			}
		}
		return false
	}
	// What a facilitator joined is one theme first, its sides and its words aside,
	// unless a split keeps two of the themes it would put together apart: with a-b
	// and a-c joined and b|c split, c stays out. The split is the narrower word
	// (those two are not one theme), and SplitThemes can only undo a join of the
	// very pair, not the two that chain b to c.
	for _, p := range together {
		if ra, rb := root(p[0]), root(p[1]); ra != rb && !sameSession(ra, rb) && !split(ra, rb) {
			join(ra, rb)
		}
	}
	for _, p := range pairs {
		ra, rb := root(p.a), root(p.b)
		if ra == rb {
			continue
		}
		if sameSession(ra, rb) || split(ra, rb) || side[ra].opposes(side[rb]) || !p.named && sparseDot(clusterMean[ra], clusterMean[rb]) < threshold {
			continue
		}
		join(ra, rb)
	}
	ids := make([]int, len(groups))
	renumber := map[int]int{}
	for g := range groups {
		r := root(g)
		id, ok := renumber[r]
		if !ok {
			id = len(renumber)
			renumber[r] = id
		}
		ids[g] = id
	}
	return ids, c, members, means
}

// weightedMean averages two sparse means weighted by their numbers of texts.
func weightedMean(a vec, na int, b vec, nb int) vec {
	wa, wb := float64(na)/float64(na+nb), float64(nb)/float64(na+nb)
	out := make(vec, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i].f < b[j].f:
			out = append(out, entry{a[i].f, a[i].w * wa})
			i++
		case i == len(a) || b[j].f < a[i].f:
			out = append(out, entry{b[j].f, b[j].w * wb})
			j++
		default:
			out = append(out, entry{a[i].f, a[i].w*wa + b[j].w*wb})
			i++
			j++
		}
	}
	return out
}

// matchPairs returns the pairs (earlier, later) of groups that match, where
// the first n groups are earlier ones and the rest later ones: each later
// group is matched to at most one earlier group, and never to one it is
// kept apart from.
func matchPairs(groups [][]string, n int, threshold float64, apart ...[2]int) [][2]int {
	mg := make([]MatchGroup, len(groups))
	for g, texts := range groups {
		// The later suggestions are of one session and never match each
		// other; earlier themes may come from any session.
		side := 1
		if g < n {
			side = -1 - g
		}
		mg[g] = MatchGroup{Session: side, Texts: texts}
	}
	ids := MatchSessionThemes(mg, threshold, apart...)
	first := map[int]int{}
	for g := range n {
		if _, ok := first[ids[g]]; !ok {
			first[ids[g]] = g
		}
	}
	var out [][2]int
	for g := n; g < len(groups); g++ {
		if e, ok := first[ids[g]]; ok && len(groups[g]) > 0 {
			out = append(out, [2]int{e, g})
		}
	}
	return out
}
