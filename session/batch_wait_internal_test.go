package session

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// BenchmarkBatchRuleWait simulates the batching rule alone, with no server time:
// notes notes, one per writer, at moments drawn uniformly over span; a note waits on
// the board until releaseDue lets its batch out. It reports the wait's p95 and p99
// over 50 runs, the floor the rule puts under submit-to-board latency at that pace
// (docs/BENCHMARKS.md, issue 14):
//
//	go test -run '^$' -bench BatchRuleWait ./session/
func BenchmarkBatchRuleWait(b *testing.B) {
	for _, pace := range []struct {
		name  string
		notes int
		span  time.Duration
	}{
		{"1000_notes_in_20s", 1000, 20 * time.Second},
		{"1000_notes_in_3.3s", 1000, 3333 * time.Millisecond},
	} {
		b.Run(pace.name, func(b *testing.B) {
			var waits []time.Duration
			for range b.N {
				waits = waits[:0]
				for run := range 50 {
					waits = append(waits, ruleWaits(rand.New(rand.NewPCG(uint64(run), 7)), pace.notes, pace.span)...)
				}
			}
			slices.Sort(waits)
			at := func(q float64) float64 {
				return float64(waits[int(q*float64(len(waits)-1))]) / float64(time.Millisecond)
			}
			b.ReportMetric(at(0.95), "p95-ms")
			b.ReportMetric(at(0.99), "p99-ms")
		})
	}
}

// ruleWaits returns how long each note waited for its release, the last note held
// at the end left out (the phase's end releases it).
func ruleWaits(r *rand.Rand, notes int, span time.Duration) []time.Duration {
	at := make([]time.Duration, notes)
	for i := range at {
		at[i] = time.Duration(r.Int64N(int64(span)))
	}
	slices.Sort(at)
	var held []time.Duration // moments of the held notes, each of another writer
	waits := make([]time.Duration, 0, notes)
	for _, t := range at {
		held = append(held, t)
		if releaseDue(len(held), false) {
			for _, h := range held {
				waits = append(waits, t-h)
			}
			held = held[:0]
		}
	}
	return waits
}

// The simulation follows the rule: with one writer's note held, the next writer's
// note releases both, the first after waiting and the second at once.
func TestRuleWaitsReleaseInPairs(t *testing.T) {
	waits := ruleWaits(rand.New(rand.NewPCG(1, 7)), 1001, 20*time.Second)
	if len(waits) != 1000 {
		t.Fatalf("%d waits for 1001 notes, want 1000 (the last one held)", len(waits))
	}
	zero := 0
	for _, w := range waits {
		if w < 0 {
			t.Fatalf("a negative wait %v", w)
		}
		if w == 0 {
			zero++
		}
	}
	if zero < 500 {
		t.Fatalf("%d notes released at once, want at least half (each pair's second)", zero)
	}
}
