package analysis

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"testing"
)

var sweep = flag.Bool("sweep", false, "print ARI/NMI over a grid of clustering parameters on the dev notes")

type labelled struct {
	Doc
	Theme string
}

func loadDev(t testing.TB) []labelled {
	f, err := os.Open("../testdata/notes-dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r struct{ ID, Text, Area, Lane, Theme string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		out = append(out, labelled{Doc{r.ID, r.Text, r.Area, r.Lane}, r.Theme})
	}
	return out
}

func scoreWith(notes []labelled, p params) (ari, nmi float64, k int) {
	docs := make([]Doc, len(notes))
	gold := map[string]string{}
	for i, n := range notes {
		docs[i] = n.Doc
		gold[n.ID] = n.Theme
	}
	themes := clusterWith(docs, defaultLexicon, p)
	var g, pr []string
	for ti, th := range themes {
		for _, id := range th.NoteIDs {
			g = append(g, gold[id])
			pr = append(pr, fmt.Sprint(ti))
		}
	}
	return AdjustedRandIndex(g, pr), NMI(g, pr), len(themes)
}

func TestSweep(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	notes := loadDev(t)
	for _, wc := range []float64{0, 0.6, 1, 1.4, 2, 3} {
		for _, wl := range []float64{0, 0.25, 0.5} {
			for _, th := range []float64{0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5} {
				p := defaultParams
				p.weights = weights{words: 1, concepts: wc, lane: wl}
				p.threshold = th
				ari, nmi, k := scoreWith(notes, p)
				fmt.Printf("wc=%.1f wl=%.2f th=%.2f  ARI=%.3f NMI=%.3f k=%d\n", wc, wl, th, ari, nmi, k)
			}
		}
	}
}
