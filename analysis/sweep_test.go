package analysis

import (
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/charter-tool/charter/internal/notesets"
)

// The sweep is how defaultParams were chosen; it prints, it does not check, so
// it only runs when asked: go test ./analysis/ -run Sweep -sweep -v
var sweep = flag.Bool("sweep", false, "print ARI over a grid of clustering parameters on the dev notes")

type labelled struct {
	Doc
	Theme string
}

func loadDev(t testing.TB) []labelled { return loadPath(t, "../testdata/notes-dev.jsonl") }

func loadPath(t testing.TB, path string) []labelled {
	t.Helper()
	var out []labelled
	for _, r := range notesets.Read(t, path) {
		out = append(out, labelled{Doc{ID: r.ID, Text: r.Text, Area: r.Area, Lane: r.Lane, Activity: r.Activity}, r.Theme})
	}
	return out
}

// ablated drops a fraction of the lexicon's terms, to estimate how the
// clustering holds up on notes whose words the lexicon lacks.
func ablated(lx *lexicon, frac float64, seed uint64) *lexicon {
	rng := rand.New(rand.NewPCG(seed, 99))
	out := &lexicon{names: lx.names, labels: lx.labels, synonyms: lx.synonyms, terms: map[string][]lexTerm{}}
	keys := slices.Sorted(maps.Keys(lx.terms))
	for _, k := range keys {
		for _, t := range lx.terms[k] {
			if rng.Float64() >= frac {
				out.terms[k] = append(out.terms[k], t)
			}
		}
	}
	return out
}

func scoreLx(notes []labelled, lx *lexicon, p params) float64 {
	docs := make([]Doc, len(notes))
	gold := map[string]string{}
	for i, n := range notes {
		docs[i] = n.Doc
		gold[n.ID] = n.Theme
	}
	var g, pr []string
	for ti, th := range clusterWith(docs, lx, p) {
		for _, id := range th.NoteIDs {
			g = append(g, gold[id])
			pr = append(pr, fmt.Sprint(ti))
		}
	}
	return AdjustedRandIndex(g, pr)
}

// TestSweepRobust scores the linkage method (before spectral clustering) at each point of a grid on all dev notes, on each half of
// their themes, and averaged over lexicons with 40% of their terms dropped.
func TestSweepRobust(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	notes := loadDev(t)
	var halves [2][]labelled
	for _, n := range notes {
		h := 0
		if n.Theme < "m" {
			h = 1
		}
		halves[h] = append(halves[h], n)
	}
	for _, wc := range []float64{1, 1.5, 2, 2.5, 3, 4} {
		for _, wl := range []float64{0, 0.25, 0.5} {
			for _, th := range []float64{0.2, 0.25, 0.3, 0.35, 0.4} {
				p := defaultParams
				p.spectral = nil
				p.weights = weights{words: 1, concepts: wc, lane: wl}
				p.threshold = th
				full := scoreLx(notes, defaultLexicon(), p)
				h0 := scoreLx(halves[0], defaultLexicon(), p)
				h1 := scoreLx(halves[1], defaultLexicon(), p)
				var abl float64
				for s := range 8 {
					abl += scoreLx(notes, ablated(defaultLexicon(), 0.4, uint64(s)), p) / 8
				}
				fmt.Printf("wc=%.1f wl=%.2f th=%.2f full=%.3f h0=%.3f h1=%.3f abl40=%.3f\n", wc, wl, th, full, h0, h1, abl)
			}
		}
	}
}

// TestSweepMatch prints pairwise precision and recall of campaign matching on
// the dev notes split over sessions, over thresholds:
//
//	go test ./analysis/ -run SweepMatch -v -args -sweep
func TestSweepMatch(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	named, namedGold := campaignOf(t, "notes-dev.jsonl", 4)
	clustered, clusteredGold := clusteredCampaignOf(t, "notes-dev.jsonl", 4)
	for _, th := range []float64{0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5} {
		p, r := pairScores(namedGold, MatchSessionThemes(named, th))
		cp, cr := pairScores(clusteredGold, MatchSessionThemes(clustered, th))
		fmt.Printf("th=%.2f named: precision=%.3f recall=%.3f  clustered: precision=%.3f recall=%.3f\n", th, p, r, cp, cr)
	}
}

// TestSweepSpectral is how the spectral defaults were chosen: ARI and
// facilitator operations per 100 notes on the dev notes and on each half of
// their themes, over neighbours and the weights of lanes, open topics and
// concepts. Only the dev notes: the unseen set is never tuned on.
//
//	go test ./analysis/ -run SweepSpectral -v -args -sweep
func TestSweepSpectral(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	notes := loadDev(t)
	var halves [2][]labelled
	for _, n := range notes {
		h := 0
		if n.Theme < "m" {
			h = 1
		}
		halves[h] = append(halves[h], n)
	}
	for _, nb := range []int{5, 10, 15} {
		for _, wl := range []float64{0, 0.25, 0.5} {
			for _, wt := range []float64{0, 0.5, 1} {
				for _, wc := range []float64{2, 3} {
					sp := defaultSpectral
					sp.neighbours = nb
					p := defaultParams
					p.spectral = &sp
					p.weights = weights{words: 1, concepts: wc, lane: wl, topic: wt}
					fmt.Printf("nb=%d wl=%.2f wt=%.1f wc=%.0f", nb, wl, wt, wc)
					for _, set := range [][]labelled{notes, halves[0], halves[1]} {
						ari, ops, k := evalParams(set, p)
						fmt.Printf("  ARI %.3f ops %.1f k %d", ari, ops, k)
					}
					fmt.Println()
				}
			}
		}
	}
}

func evalParams(notes []labelled, p params) (ari, ops float64, k int) {
	docs := make([]Doc, len(notes))
	gold := map[string]string{}
	for i, n := range notes {
		docs[i] = n.Doc
		gold[n.ID] = n.Theme
	}
	var g, pr []string
	themes := clusterWith(docs, defaultLexicon(), p)
	for ti, th := range themes {
		for _, id := range th.NoteIDs {
			g = append(g, gold[id])
			pr = append(pr, fmt.Sprint(ti))
		}
	}
	m, mv := FacilitatorOps(g, pr)
	return AdjustedRandIndex(g, pr), 100 * float64(m+mv) / float64(len(notes)), len(themes)
}
