package analysis_test

import (
	"math"
	"strings"
	"testing"

	"github.com/charter-tool/charter/analysis"
)

func labels(s string) []string { return strings.Fields(s) }

func TestAdjustedRandIndex(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred string
		want       float64
	}{
		{"identical", "a a b b c c", "a a b b c c", 1},
		{"renamed labels", "a a b b c c", "x x z z y y", 1},
		{"both all together", "a a a a", "x x x x", 1},
		{"both all apart", "a b c d", "w x y z", 1},
		// Pairs: gold joins {1,2},{3,4}; pred joins {1,2},{1,3},{2,3}. Index 1,
		// a=2, b=3, expected 2*3/6=1, max 2.5: (1-1)/(2.5-1) = 0.
		{"chance level", "a a b b", "x x x y", 0},
		// Index 0, a=2, b=2, expected 4/6, max 2: (0-2/3)/(2-2/3) = -0.5.
		{"worse than chance", "a a b b", "x y x y", -0.5},
		// Index 1 ({1,2}), a=2 ({1,2},{3,4}), b=1, expected 2/6, max 1.5:
		// (1-1/3)/(1.5-1/3) = 4/7.
		{"one cluster split", "a a b b", "x x y z", 4.0 / 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := analysis.AdjustedRandIndex(labels(tt.gold), labels(tt.pred))
			if math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("ARI(%q, %q) = %v, want %v", tt.gold, tt.pred, got, tt.want)
			}
			if back := analysis.AdjustedRandIndex(labels(tt.pred), labels(tt.gold)); math.Abs(back-got) > 1e-12 {
				t.Errorf("ARI not symmetric: %v vs %v", got, back)
			}
		})
	}
}

func TestNMI(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred string
		want       float64
	}{
		{"identical", "a a b b c c", "a a b b c c", 1},
		{"renamed labels", "a a b b", "y y x x", 1},
		{"independent", "a a b b", "x y x y", 0},
		{"both one cluster", "a a a", "x x x", 1},
		{"one side one cluster", "a a b b", "x x x x", 0},
		// H(gold) = ln 2, H(pred) = 1.5 ln 2, MI = ln 2 (pred refines gold):
		// ln2 / (1.25 ln2) = 0.8.
		{"refinement", "a a b b", "x x y z", 0.8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := analysis.NMI(labels(tt.gold), labels(tt.pred))
			if math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("NMI(%q, %q) = %v, want %v", tt.gold, tt.pred, got, tt.want)
			}
		})
	}
}

func TestScoresPanicOnLengthMismatch(t *testing.T) {
	for name, f := range map[string]func([]string, []string) float64{
		"ARI": analysis.AdjustedRandIndex, "NMI": analysis.NMI,
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("no panic for slices of different lengths")
				}
			}()
			f(labels("a b"), labels("a"))
		})
	}
}

func TestFacilitatorOps(t *testing.T) {
	tests := []struct {
		name          string
		gold, pred    string
		merges, moves int
	}{
		{"identical", "a a b b", "x x y y", 0, 0},
		{"one theme split in two", "a a a a b b", "x x y y z z", 1, 0},
		{"one note astray", "a a a b b b", "x x y y y y", 0, 1},
		// y is mostly a, so it is merged into a's theme and its b moves.
		{"split with a stray", "a a a a b b", "x x y y z y", 1, 1},
		{"all together", "a a b b c c", "x x x x x x", 0, 4},
		// Every note alone: 3 predicted themes per gold theme, 2 merges each.
		{"all apart", "a a a b b b", "u v w x y z", 4, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			merges, moves := analysis.FacilitatorOps(labels(tt.gold), labels(tt.pred))
			if merges != tt.merges || moves != tt.moves {
				t.Errorf("FacilitatorOps(%q, %q) = %d merges, %d moves; want %d, %d", tt.gold, tt.pred, merges, moves, tt.merges, tt.moves)
			}
		})
	}
}
