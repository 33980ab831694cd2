package analysis_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/charter-tool/charter/analysis"
)

// devNote is one labelled note of testdata/notes-dev.jsonl.
type devNote struct {
	analysis.Doc
	Theme string
}

func loadDevNotes(tb testing.TB) []devNote {
	tb.Helper()
	f, err := os.Open("../testdata/notes-dev.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var notes []devNote
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r struct{ ID, Text, Area, Lane, Theme string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatal(err)
		}
		notes = append(notes, devNote{analysis.Doc{ID: r.ID, Text: r.Text, Area: r.Area, Lane: r.Lane}, r.Theme})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return notes
}

func docsOf(notes []devNote) []analysis.Doc {
	docs := make([]analysis.Doc, len(notes))
	for i, n := range notes {
		docs[i] = n.Doc
	}
	return docs
}

// checkPartition fails unless every doc is in exactly one theme, themes are
// non-empty with a label, and they come largest first, then by label.
func checkPartition(t *testing.T, docs []analysis.Doc, themes []analysis.Theme) {
	t.Helper()
	seen := map[string]int{}
	for i, th := range themes {
		if len(th.NoteIDs) == 0 {
			t.Errorf("theme %d %q is empty", i, th.Label)
		}
		if strings.TrimSpace(th.Label) == "" {
			t.Errorf("theme %d has no label", i)
		}
		for _, id := range th.NoteIDs {
			seen[id]++
		}
		if i > 0 {
			prev := themes[i-1]
			if len(prev.NoteIDs) < len(th.NoteIDs) ||
				len(prev.NoteIDs) == len(th.NoteIDs) && prev.Label > th.Label {
				t.Errorf("theme %d (%d %q) out of order after (%d %q)", i, len(th.NoteIDs), th.Label, len(prev.NoteIDs), prev.Label)
			}
		}
	}
	for _, d := range docs {
		if seen[d.ID] != 1 {
			t.Errorf("note %s is in %d themes, want 1", d.ID, seen[d.ID])
		}
		delete(seen, d.ID)
	}
	for id := range seen {
		t.Errorf("theme lists unknown note %s", id)
	}
}

func TestClusterPartition(t *testing.T) {
	dev := docsOf(loadDevNotes(t))
	tests := []struct {
		name string
		docs []analysis.Doc
	}{
		{"dev notes", dev},
		{"one note", dev[:1]},
		{"same text twice", []analysis.Doc{{ID: "a", Text: "pen tests"}, {ID: "b", Text: "pen tests"}}},
		{"no usable words", []analysis.Doc{{ID: "a", Text: "!!!"}, {ID: "b", Text: "the and of"}, {ID: "c", Text: "more pen testing"}}},
		{"no area or lane", []analysis.Doc{{ID: "x", Text: "threat modelling"}, {ID: "y", Text: "STRIDE workshops"}}},
		{"unicode", []analysis.Doc{{ID: "1", Text: "Sécurité: über-wichtig"}, {ID: "2", Text: "ÜBER wichtig"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkPartition(t, tt.docs, analysis.Cluster(tt.docs))
		})
	}
}

func TestClusterEmpty(t *testing.T) {
	if got := analysis.Cluster(nil); len(got) != 0 {
		t.Errorf("Cluster(nil) = %v, want no themes", got)
	}
}

func TestClusterDeterministic(t *testing.T) {
	docs := docsOf(loadDevNotes(t))
	want := analysis.Cluster(docs)
	if got := analysis.Cluster(docs); !reflect.DeepEqual(got, want) {
		t.Fatal("two runs on the same notes differ")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 3 {
		shuffled := slices.Clone(docs)
		rng.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		if got := analysis.Cluster(shuffled); !reflect.DeepEqual(got, want) {
			t.Errorf("shuffle %d: themes depend on the order of the notes", i)
		}
	}
}

func TestClusterGroupsSameWording(t *testing.T) {
	docs := []analysis.Doc{
		{ID: "1", Text: "too many false positives from the code scanner"},
		{ID: "2", Text: "the code scanner has too many false positives"},
		{ID: "3", Text: "our manager should give us time for security work"},
	}
	themes := analysis.Cluster(docs)
	checkPartition(t, docs, themes)
	if !slices.Equal(themes[0].NoteIDs, []string{"1", "2"}) {
		t.Errorf("largest theme = %v, want the two scanner notes", themes[0].NoteIDs)
	}
}

// scoreAgainstGold clusters notes and scores the result against their themes.
func scoreAgainstGold(notes []devNote) (ari, nmi float64, k int) {
	gold := map[string]string{}
	for _, n := range notes {
		gold[n.ID] = n.Theme
	}
	themes := analysis.Cluster(docsOf(notes))
	var g, p []string
	for i, th := range themes {
		for _, id := range th.NoteIDs {
			g = append(g, gold[id])
			p = append(p, fmt.Sprint(i))
		}
	}
	return analysis.AdjustedRandIndex(g, p), analysis.NMI(g, p), len(themes)
}

// The floors sit a little below what the clustering achieves (see
// docs/BENCHMARKS.md), so a change that makes themes worse fails here.
func TestClusterQualityOnDevNotes(t *testing.T) {
	notes := loadDevNotes(t)
	ari, nmi, k := scoreAgainstGold(notes)
	t.Logf("all themes: ARI %.3f, NMI %.3f, %d themes", ari, nmi, k)
	if ari < 0.48 || nmi < 0.68 {
		t.Errorf("ARI %.3f, NMI %.3f; want at least 0.48 and 0.68", ari, nmi)
	}
	// Each half of the themes on its own: a method tuned to the mix of all
	// fifteen would fall apart on a different mix.
	themes := map[string]bool{}
	for _, n := range notes {
		themes[n.Theme] = true
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for th := range themes {
			if !yield(th) {
				return
			}
		}
	})
	for half := range 2 {
		keep := map[string]bool{}
		for i, th := range names {
			if i%2 == half {
				keep[th] = true
			}
		}
		var part []devNote
		for _, n := range notes {
			if keep[n.Theme] {
				part = append(part, n)
			}
		}
		ari, nmi, k := scoreAgainstGold(part)
		t.Logf("half %d: ARI %.3f, NMI %.3f, %d themes", half, ari, nmi, k)
		if ari < 0.4 {
			t.Errorf("half %d: ARI %.3f, want at least 0.4", half, ari)
		}
	}
}
