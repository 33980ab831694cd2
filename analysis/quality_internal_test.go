package analysis

import (
	"fmt"
	"testing"

	"github.com/charter-tool/charter/internal/notesets"
	"github.com/charter-tool/charter/internal/testmain"
)

// tuningSets are the labelled sets parameters may be chosen on. The holdout
// set is left out on purpose: it is only scored, once, by TestClusterQuality.
var tuningSets = []struct{ name, path string }{
	{"dev", "../testdata/notes-dev.jsonl"},
	{"unseen", "../testdata/notes-unseen.jsonl"},
}

// seedScore is the mean, over k-means seeds, of how a clustering compares
// with the gold themes, and the range of its operations per 100 notes.
type seedScore struct{ ari, nmi, ops, merges, moves, themes, lo, hi float64 }

func scoreSeeds(notes []labelled, p params, seeds int) seedScore {
	return scoreSeedsLx(notes, defaultLexicon(), p, seeds)
}

func scoreSeedsLx(notes []labelled, lx *lexicon, p params, seeds int) seedScore {
	docs := make([]Doc, len(notes))
	gold := map[string]string{}
	for i, n := range notes {
		docs[i] = n.Doc
		gold[n.ID] = n.Theme
	}
	s := seedScore{lo: 1e9}
	per := 100 / float64(len(notes))
	for seed := 1; seed <= seeds; seed++ {
		sp := *p.spectral
		sp.seed = uint64(seed)
		q := p
		q.spectral = &sp
		var g, pr []string
		themes := clusterWith(docs, lx, q)
		for ti, th := range themes {
			for _, id := range th.NoteIDs {
				g = append(g, gold[id])
				pr = append(pr, fmt.Sprint(ti))
			}
		}
		m, mv := FacilitatorOps(g, pr)
		ops := per * float64(m+mv)
		s.ari += AdjustedRandIndex(g, pr)
		s.nmi += NMI(g, pr)
		s.ops += ops
		s.merges += per * float64(m)
		s.moves += per * float64(mv)
		s.themes += float64(len(themes))
		s.lo, s.hi = min(s.lo, ops), max(s.hi, ops)
	}
	f := float64(seeds)
	return seedScore{s.ari / f, s.nmi / f, s.ops / f, s.merges / f, s.moves / f, s.themes / f, s.lo, s.hi}
}

// centroidCeiling is the share of notes whose own gold theme is the one
// they are on average most similar to: what the features allow, whatever
// the clustering. A note it misses costs a move even to a perfect method.
func centroidCeiling(notes []labelled, wt weights) float64 {
	return centroidCeilingLx(notes, defaultLexicon(), wt)
}

func centroidCeilingLx(notes []labelled, lx *lexicon, wt weights) float64 {
	docs := make([]Doc, len(notes))
	for i, n := range notes {
		docs[i] = n.Doc
	}
	c := vectorize(docs, lx, wt)
	nodes := make([]node, len(docs))
	for i := range docs {
		nodes[i] = node{members: []int{i}, mean: c.vecs[i]}
	}
	sim := simMatrix(nodes)
	right := 0
	for i := range notes {
		sum, count := map[string]float64{}, map[string]int{}
		for j := range notes {
			if j != i {
				sum[notes[j].Theme] += sim[i][j]
				count[notes[j].Theme]++
			}
		}
		best, bestAvg := "", -1.0
		for th, s := range sum {
			if avg := s / float64(count[th]); avg > bestAvg || avg == bestAvg && th < best {
				best, bestAvg = th, avg
			}
		}
		if best == notes[i].Theme {
			right++
		}
	}
	return float64(right) / float64(len(notes))
}

// TestSweepSeeds prints, for every labelled set, the mean over ten
// k-means seeds of ARI, NMI and operations per 100 notes (merges and moves,
// and the range over the seeds), with the features' ceiling. One seed's run
// moves by several operations, so methods are compared on this, on the dev
// and unseen notes only; the holdout and fresh lines are for the report:
//
//	go test ./analysis/ -run SweepSeeds -v -args -sweep
func TestSweepSeeds(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	for _, name := range notesets.All {
		notes := loadPath(t, notesets.Path(name))
		s := scoreSeeds(notes, defaultParams, 10)
		fmt.Printf("%-19s ARI %.3f NMI %.3f ops %.1f (%.1f-%.1f; merges %.1f, moves %.1f) themes %.1f ceiling %.3f\n",
			name, s.ari, s.nmi, s.ops, s.lo, s.hi, s.merges, s.moves, s.themes, centroidCeiling(notes, defaultWeights))
	}
}

// TestSweepGrid prints operations per 100 notes, mean over ten seeds, on the
// dev and unseen notes over the weights of concepts, lanes and open topics
// and the number of neighbours: after the lexicon, a plateau (25.7-29.2).
//
//	go test ./analysis/ -run SweepGrid -v -args -sweep
func TestSweepGrid(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	sets := [2][]labelled{loadPath(t, tuningSets[0].path), loadPath(t, tuningSets[1].path)}
	for _, wc := range []float64{2, 3, 4} {
		for _, wl := range []float64{0, 0.25} {
			for _, wt := range []float64{0.5, 1} {
				for _, nb := range []int{10, 15} {
					sp := defaultSpectral
					sp.neighbours = nb
					p := defaultParams
					p.spectral = &sp
					p.weights = weights{words: 1, concepts: wc, lane: wl, topic: wt}
					d, u := scoreSeeds(sets[0], p, 10), scoreSeeds(sets[1], p, 10)
					fmt.Printf("wc=%.0f wl=%.2f wt=%.1f nb=%d  dev %.1f unseen %.1f mean %.1f\n", wc, wl, wt, nb, d.ops, u.ops, (d.ops+u.ops)/2)
				}
			}
		}
	}
}

// TestClusterQualitySeeds fails when the mean over five k-means seeds falls
// below floors a little under what docs/BENCHMARKS.md gives for ten
// (operations per 100 notes since the seventh round of issue 12: dev 19.1,
// unseen 21.1, holdout 16.6, fresh-a 40.8, fresh-b 54.1, activities 32.2;
// seeds 1-5 give 18.9, 20.8, 16.3, 40.8, 54.2 and 32.2). A mean moves less
// than one run does, so its margin is smaller than TestClusterQuality's; five
// seeds keep the test cheap.
func TestClusterQualitySeeds(t *testing.T) {
	t.Parallel()
	testmain.SkipUnderRace(t)
	if testing.Short() {
		t.Skip("five clusterings of each set")
	}
	floors := []struct {
		name          string
		ari, nmi, ops float64
	}{
		{notesets.Dev, 0.60, 0.75, 22},
		{notesets.Unseen, 0.57, 0.74, 24},
		{notesets.Holdout, 0.67, 0.79, 19},
		{notesets.FreshA, 0.26, 0.60, 43},
		{notesets.FreshB, 0.17, 0.50, 57},
		// Ten seeds: 0.510 / 0.711 / 32.2; with the activities left out
		// (before the seventh round) 55.3.
		{notesets.Activities, 0.47, 0.68, 35},
	}
	for _, f := range floors {
		// One set at a time on each core: a set's five clusterings are the
		// package's longest run.
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			s := scoreSeeds(loadPath(t, notesets.Path(f.name)), defaultParams, 5)
			if s.ari < f.ari || s.nmi < f.nmi || s.ops > f.ops {
				t.Errorf("%s, mean of five seeds: ARI %.3f, NMI %.3f, %.1f ops/100; want at least %.2f, %.2f and at most %.1f",
					f.name, s.ari, s.nmi, s.ops, f.ari, f.nmi, f.ops)
			}
		})
	}
}

// TestSweepActivity prints, on the labelled set of notes written under the
// activities their writers chose (testdata/notes-activities.jsonl), the mean over
// ten seeds with the activity left out, as a feature of its own, as words of the
// note's concepts, and both (the default); and the same for every other set,
// which gives no activities, as a check that nothing else moved:
//
//	go test ./analysis/ -run SweepActivity -v -args -sweep
func TestSweepActivity(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	variants := []struct {
		name string
		set  func(*weights)
	}{
		{"left out", func(w *weights) { w.activity, w.activityConcepts = 0, false }},
		{"feature 0.5", func(w *weights) { w.activity, w.activityConcepts = 0.5, false }},
		{"feature 1", func(w *weights) { w.activity, w.activityConcepts = 1, false }},
		{"concepts", func(w *weights) { w.activity, w.activityConcepts = 0, true }},
		{"both (default)", func(w *weights) {}},
	}
	for _, name := range notesets.All {
		notes := loadPath(t, notesets.Path(name))
		for _, v := range variants {
			p := defaultParams
			v.set(&p.weights)
			s := scoreSeeds(notes, p, 10)
			fmt.Printf("%-20s %-15s ARI %.3f NMI %.3f ops %.1f (%.1f-%.1f; merges %.1f, moves %.1f) themes %.1f ceiling %.3f\n",
				name, v.name, s.ari, s.nmi, s.ops, s.lo, s.hi, s.merges, s.moves, s.themes, centroidCeiling(notes, p.weights))
		}
	}
}
