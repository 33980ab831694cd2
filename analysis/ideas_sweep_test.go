package analysis

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charter-tool/charter/internal/notesets"
)

// tuneSets are the sets ideas are measured on before the fresh sets are
// scored: the two tuned on and the holdout.
var tuneSets = []string{notesets.Dev, notesets.Unseen, notesets.Holdout}

// ideaSeeds is the number of k-means seeds each figure averages: ten, or
// $IDEA_SEEDS (30 for the lexicon's drafts, whose differences are small).
func ideaSeeds() int {
	if n, err := strconv.Atoi(os.Getenv("IDEA_SEEDS")); err == nil {
		return n
	}
	return 10
}

// printTune prints, per tuning set, ops/100 (mean over seeds) with the full
// lexicon and averaged over three lexicons with 60% of their terms dropped,
// a stand-in for wording the lexicon lacks, with the ceilings.
func printTune(t *testing.T, name string, p params) {
	t.Helper()
	fmt.Printf("%-26s", name)
	var sum, sumA float64
	seeds := ideaSeeds()
	for _, set := range tuneSets {
		notes := loadPath(t, notesets.Path(set))
		s := scoreSeedsLx(notes, defaultLexicon(), p, seeds)
		var abl, ceilA float64
		for d := range 3 {
			lx := ablated(defaultLexicon(), 0.6, uint64(d))
			abl += scoreSeedsLx(notes, lx, p, seeds).ops / 3
			ceilA += centroidCeilingLx(notes, lx, p.weights) / 3
		}
		sum += s.ops
		sumA += abl
		fmt.Printf(" %s %.1f c%.3f abl %.1f c%.3f |", set[6:9], s.ops, centroidCeiling(notes, p.weights), abl, ceilA)
	}
	fmt.Printf(" mean %.1f abl %.1f\n", sum/3, sumA/3)
}

// TestSweepIdeas prints operations per 100 notes (mean of ten seeds, or
// $IDEA_SEEDS) and the features' ceiling on dev, unseen and holdout, with the
// full lexicon and with 60% of its terms dropped: how lexicon drafts were
// compared. The method ideas of the fourth round of issue 12 it also measured
// (concept groups, character n-grams of the words, shared nearest neighbours)
// moved no set beyond its seed noise and were removed; docs/BENCHMARKS.md says
// where to run them.
//
//	go test ./analysis/ -run SweepIdeas -v -args -sweep
func TestSweepIdeas(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	printTune(t, "default", defaultParams)
}

// TestSweepAreaConstraint clusters each area's notes apart (a hard
// constraint: a theme never mixes areas) and prints ops/100, mean of ten
// seeds, on the tuning sets:
//
//	go test ./analysis/ -run SweepAreaConstraint -v -args -sweep
func TestSweepAreaConstraint(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	for _, set := range tuneSets {
		notes := loadPath(t, notesets.Path(set))
		gold := map[string]string{}
		byArea := map[string][]Doc{}
		for _, n := range notes {
			gold[n.ID] = n.Theme
			byArea[n.Area] = append(byArea[n.Area], n.Doc)
		}
		var sum float64
		for seed := 1; seed <= 10; seed++ {
			sp := defaultSpectral
			sp.seed = uint64(seed)
			p := defaultParams
			p.spectral = &sp
			var g, pr []string
			ti := 0
			for _, docs := range byArea {
				for _, th := range clusterWith(docs, defaultLexicon(), p) {
					for _, id := range th.NoteIDs {
						g = append(g, gold[id])
						pr = append(pr, fmt.Sprint(ti))
					}
					ti++
				}
			}
			m, mv := FacilitatorOps(g, pr)
			sum += 100 * float64(m+mv) / float64(len(notes))
		}
		fmt.Printf("%s by area: ops %.1f\n", set, sum/10)
	}
}

// TestProbeLexicon prints the concepts each line of the file in
// $PROBE_FILE expresses, to check a lexicon draft against phrasings written
// for it (never against an evaluation set's notes).
func TestProbeLexicon(t *testing.T) {
	path := os.Getenv("PROBE_FILE")
	if path == "" {
		t.Skip("set PROBE_FILE")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	st := stemmer{}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var names []string
		for _, k := range defaultLexicon().match(tokenize(line, st)) {
			names = append(names, defaultLexicon().names[k])
		}
		fmt.Printf("%-70s -> %s\n", line, strings.Join(names, ", "))
	}
}

// conceptDropped drops a share of the lexicon's concepts whole, every term of
// each: a stand-in for notes on themes the lexicon does not cover at all, as
// some of the fresh sets' are. ablated drops terms at random instead, which
// leaves every concept some of its words.
func conceptDropped(lx *lexicon, frac float64, seed uint64) *lexicon {
	rng := rand.New(rand.NewPCG(seed, 77))
	drop := make([]bool, len(lx.names))
	for k := range drop {
		drop[k] = rng.Float64() < frac
	}
	out := &lexicon{names: lx.names, labels: lx.labels, synonyms: lx.synonyms, terms: map[string][]lexTerm{}}
	for _, k := range slices.Sorted(maps.Keys(lx.terms)) {
		for _, t := range lx.terms[k] {
			if !drop[t.concept] {
				out.terms[k] = append(out.terms[k], t)
			}
		}
	}
	return out
}

// devProxies prints ops/100 on what parameters may be chosen on: the dev
// notes (ten seeds), each half of their themes (30 seeds: a half's figure
// moves more), the dev notes with 60% of the lexicon's terms dropped (three
// draws) or half its concepts dropped whole (eight draws), ten seeds each, and
// the dev notes dealt over 2, 3 and 4 sessions as the campaign tests deal
// them, each session clustered alone (ten seeds; ops over all the notes).
func devProxies(t *testing.T, name string, p params) {
	t.Helper()
	notes := loadPath(t, notesets.Path(notesets.Dev))
	var halves [2][]labelled
	for _, n := range notes {
		h := 0
		if n.Theme < "m" {
			h = 1
		}
		halves[h] = append(halves[h], n)
	}
	s := scoreSeeds(notes, p, 10)
	h0, h1 := scoreSeeds(halves[0], p, 30), scoreSeeds(halves[1], p, 30)
	var abl, drop, dropK float64
	for d := range 3 {
		abl += scoreSeedsLx(notes, ablated(defaultLexicon(), 0.6, uint64(d)), p, 10).ops / 3
	}
	const draws = 8
	for d := range draws {
		r := scoreSeedsLx(notes, conceptDropped(defaultLexicon(), 0.5, uint64(d)), p, 10)
		drop += r.ops / draws
		dropK += r.themes / draws
	}
	fmt.Printf("%-16s dev %.1f (k %.1f) | halves %.1f %.1f | terms dropped %.1f | concepts dropped %.1f (k %.1f) | sessions",
		name, s.ops, s.themes, h0.ops, h1.ops, abl, drop, dropK)
	for _, sessions := range []int{2, 3, 4} {
		by := make([][]labelled, sessions)
		next := map[string]int{}
		for _, n := range notes {
			s := next[n.Theme] % sessions
			next[n.Theme]++
			by[s] = append(by[s], n)
		}
		var ops float64
		for _, sn := range by {
			ops += scoreSeeds(sn, p, 10).ops * float64(len(sn)) / float64(len(notes))
		}
		fmt.Printf(" %.1f", ops)
	}
	fmt.Println()
}

// TestSweepRefine prints devProxies without the modularity refinement of
// k-means' themes (resolution 0), at resolutions 1 to 6 refining every
// grouping, then at the default resolution 3 refining only groupings whose
// themes average at least 0.3-0.7 times the neighbour count: how the seventh
// round of issue 12 chose resolution 3 and 0.5.
//
//	go test ./analysis/ -run SweepRefine -v -args -sweep
func TestSweepRefine(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	for _, r := range []float64{0, 1, 2, 3, 4, 6} {
		sp := defaultSpectral
		sp.resolution, sp.refineSize = r, 0
		p := defaultParams
		p.spectral = &sp
		devProxies(t, fmt.Sprintf("resolution %g", r), p)
	}
	for _, m := range []float64{0.3, 0.4, 0.5, 0.6, 0.7} {
		sp := defaultSpectral
		sp.refineSize = m
		p := defaultParams
		p.spectral = &sp
		devProxies(t, fmt.Sprintf("3, size %g", m), p)
	}
}
