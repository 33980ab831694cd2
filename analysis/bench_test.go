package analysis_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charter-tool/charter/analysis"
	"github.com/charter-tool/charter/internal/testmain"
)

// syntheticNotes makes n notes by recombining the dev notes: each takes a dev
// note's area and lane, most of its words in order, and a word or two from
// another note, so that the set has the dev notes' vocabulary and near-repeats
// without copies. The seed is fixed so every run measures the same input.
func syntheticNotes(tb testing.TB, n int) []analysis.Doc {
	dev := loadDevNotes(tb)
	rng := rand.New(rand.NewPCG(42, 7))
	docs := make([]analysis.Doc, n)
	for i := range docs {
		base := dev[rng.IntN(len(dev))]
		other := strings.Fields(dev[rng.IntN(len(dev))].Text)
		var words []string
		for _, w := range strings.Fields(base.Text) {
			if rng.IntN(4) > 0 {
				words = append(words, w)
			}
		}
		for range 1 + rng.IntN(2) {
			words = append(words, other[rng.IntN(len(other))])
		}
		docs[i] = analysis.Doc{ID: fmt.Sprintf("n%05d", i), Text: strings.Join(words, " "), Area: base.Area, Lane: base.Lane}
	}
	return docs
}

func benchmarkCluster(b *testing.B, n int) {
	docs := syntheticNotes(b, n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		analysis.Cluster(docs)
	}
}

func BenchmarkCluster1000(b *testing.B)  { benchmarkCluster(b, 1000) }
func BenchmarkCluster10000(b *testing.B) { benchmarkCluster(b, 10000) }

func TestClusterLargeInputPartition(t *testing.T) {
	t.Parallel()
	testmain.SkipUnderRace(t)
	docs := syntheticNotes(t, 4000)
	checkPartition(t, docs, analysis.Cluster(docs))
}

// benchmarkMatch matches n session themes of five synthetic notes each, spread
// over sessions of 20 themes: the work of a campaign report's matching.
func benchmarkMatch(b *testing.B, n int) {
	docs := syntheticNotes(b, 5*n)
	groups := make([]analysis.MatchGroup, n)
	for i := range groups {
		groups[i].Session = i / 20
		for _, d := range docs[5*i : 5*i+5] {
			groups[i].Texts = append(groups[i].Texts, d.Text)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		analysis.MatchSessionThemes(groups, analysis.MatchThreshold)
	}
}

func BenchmarkMatch1000(b *testing.B)  { benchmarkMatch(b, 1000) }
func BenchmarkMatch10000(b *testing.B) { benchmarkMatch(b, 10000) }
