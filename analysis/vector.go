package analysis

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// entry is one non-zero feature of a sparse vector.
type entry struct {
	f int32
	w float64
}

// vec is a sparse vector with entries sorted by feature.
type vec []entry

func (v vec) norm() float64 {
	var s float64
	for _, e := range v {
		s += e.w * e.w
	}
	return math.Sqrt(s)
}

func (v vec) scale(k float64) {
	for i := range v {
		v[i].w *= k
	}
}

// weights sets how much each kind of evidence counts in a note's vector. Each
// block is normalised on its own before weighting, so a weight is the block's
// share of the note's length whatever the number of words it has.
type weights struct {
	words, concepts, lane float64
	// topic weighs an open topic's title: a participant's own grouping, a
	// stronger hint than an area and lane that can be about anything.
	topic float64
	// activity weighs the activity a note was written under, another grouping
	// of the participant's own; activityConcepts counts its words towards the
	// note's concepts, as an open topic's title does.
	activity         float64
	activityConcepts bool
}

// defaultWeights were first chosen for linkage clustering in the middle of a
// broad plateau of a grid search on the development notes (TestSweepRobust);
// spectral clustering kept them and added the open topic's weight, the best
// of TestSweepSpectral on the dev notes and their halves. Concepts weigh more
// than words because notes of one theme rarely share words but do share what
// they are about.
var defaultWeights = weights{words: 1, concepts: 3, lane: 0.25, topic: 0.5, activity: 0.5, activityConcepts: true}

// corpus holds the per-note features of one clustering run.
type corpus struct {
	vecs []vec
	// stems and surfaces name the word features, for labels; stemID finds a
	// stem's feature and texts are the notes' texts.
	stems    []string
	surfaces []string
	stemID   map[string]int32
	texts    []string
	// wordDocs counts, per word feature, the notes using it.
	wordDocs []int
	// words lists each note's distinct word features, for labels.
	words [][]int32
	// concepts lists each note's concepts, for labels of themes whose notes
	// share no word; lx names them.
	concepts [][]int
	lx       *lexicon
}

// vectorize turns notes into unit-length vectors: TF-IDF over stemmed words,
// IDF-weighted concepts of the lexicon, and the note's area and lane. Words and
// concepts are in separate feature ranges so one never masks the other.
func vectorize(docs []Doc, lx *lexicon, wt weights) *corpus {
	n := len(docs)
	c := &corpus{vecs: make([]vec, n), words: make([][]int32, n), lx: lx}
	wordID := map[string]int32{}
	surfaceCount := map[string]map[string]int{}
	wordTF := make([]map[int32]int, n)
	concepts := make([][]int, n)
	conceptDocs := make([]int, len(lx.names))
	laneID := map[string]int32{}
	// feature numbers an area, lane or activity key, in the order first seen.
	feature := func(key string) int32 {
		id, ok := laneID[key]
		if !ok {
			id = int32(len(laneID))
			laneID[key] = id
		}
		return id
	}
	lanes := make([][]int32, n)
	activity := make([]int32, n) // a note's activity feature + 1; 0: none

	st := stemmer{}
	for i, d := range docs {
		toks := tokenize(d.Text, st)
		tf := map[int32]int{}
		for _, t := range toks {
			if t.stop || !meaningful(t.surface) {
				continue
			}
			id, ok := wordID[t.stem]
			if !ok {
				id = int32(len(c.stems))
				wordID[t.stem] = id
				c.stems = append(c.stems, t.stem)
				c.wordDocs = append(c.wordDocs, 0)
				surfaceCount[t.stem] = map[string]int{}
			}
			if tf[id] == 0 {
				c.wordDocs[id]++
				c.words[i] = append(c.words[i], id)
			}
			tf[id]++
			surfaceCount[t.stem][t.surface]++
		}
		wordTF[i] = tf
		// An open topic's title is what its notes are about, so its words
		// count towards the concepts of every note filed under it; so do those
		// of the activity a note was written under.
		ctoks := toks
		if d.Area == "open" && d.Lane != "" {
			ctoks = append(tokenize(d.Lane, st), append([]token{{}}, ctoks...)...)
		}
		if a := strings.TrimSpace(d.Activity); a != "" && wt.activityConcepts {
			ctoks = append(tokenize(a, st), append([]token{{}}, ctoks...)...)
		}
		concepts[i] = lx.match(ctoks)
		for _, k := range concepts[i] {
			conceptDocs[k]++
		}
		for _, key := range laneKeys(d) {
			lanes[i] = append(lanes[i], feature(key))
		}
		if a := strings.ToLower(strings.Join(strings.Fields(d.Activity), " ")); a != "" {
			activity[i] = feature("activity/"+a) + 1
		}
	}

	c.concepts = concepts
	c.stemID = wordID
	c.texts = make([]string, n)
	for i, d := range docs {
		c.texts[i] = withoutLinks(d.Text)
	}
	c.surfaces = make([]string, len(c.stems))
	for id, s := range c.stems {
		c.surfaces[id] = commonest(surfaceCount[s])
	}

	nw, nc := int32(len(c.stems)), int32(len(lx.names))
	for i := range docs {
		var words vec
		for _, id := range c.words[i] {
			tf := wordTF[i][id]
			// A word no other note uses cannot make two notes similar; leaving
			// it out keeps it from diluting the words the note does share.
			if c.wordDocs[id] < 2 {
				continue
			}
			words = append(words, entry{id, (1 + math.Log(float64(tf))) * idf(n, c.wordDocs[id])})
		}
		var cons vec
		for _, k := range concepts[i] {
			cons = append(cons, entry{nw + int32(k), idf(n, conceptDocs[k])})
		}
		var ln, topic, act vec
		for _, id := range lanes[i] {
			if docs[i].Area == "open" && wt.topic > 0 {
				topic = append(topic, entry{nw + nc + id, 1})
			} else {
				ln = append(ln, entry{nw + nc + id, 1})
			}
		}
		if activity[i] > 0 {
			act = append(act, entry{nw + nc + activity[i] - 1, 1})
		}
		var v vec
		for _, block := range []struct {
			v vec
			w float64
		}{{words, wt.words}, {cons, wt.concepts}, {ln, wt.lane}, {topic, wt.topic}, {act, wt.activity}} {
			if nb := block.v.norm(); nb > 0 {
				block.v.scale(block.w / nb)
				v = append(v, block.v...)
			}
		}
		sort.Slice(v, func(a, b int) bool { return v[a].f < v[b].f })
		if nv := v.norm(); nv > 0 {
			v.scale(1 / nv)
		}
		c.vecs[i] = v
	}
	return c
}

// laneKeys names the area and lane features of a note. The area and the plain
// lane are weak hints (a "concern" can be about anything); an open topic's
// title is a participant's own grouping, so it gets a feature of its own.
func laneKeys(d Doc) []string {
	area := strings.ToLower(strings.TrimSpace(d.Area))
	lane := strings.ToLower(strings.TrimSpace(d.Lane))
	var keys []string
	if area != "" && lane != "" {
		keys = append(keys, area+"/"+lane)
	}
	return keys
}

// idf is the smoothed inverse document frequency, as in most TF-IDF tools, so
// that a feature present in every note still counts a little.
func idf(n, df int) float64 {
	return math.Log(float64(1+n)/float64(1+df)) + 1
}

// meaningful rejects one-letter words and bare numbers, which name no topic.
func meaningful(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return true
		}
	}
	return false
}

// commonest returns the most used key, the smallest on a tie.
func commonest(m map[string]int) string {
	best, bc := "", -1
	for s, k := range m {
		if k > bc || (k == bc && s < best) {
			best, bc = s, k
		}
	}
	return best
}
