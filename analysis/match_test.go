package analysis_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/charter-tool/charter/analysis"
)

func TestMatchThemesFindsSplitThemes(t *testing.T) {
	// Each dev theme's notes dealt alternately to two "sessions": the two
	// halves of a theme should match each other and nothing else.
	var groups [][]string
	var gold []string
	at := map[string]int{}
	for _, n := range loadDevNotes(t) {
		g, ok := at[n.Theme]
		if !ok {
			g = len(groups)
			groups = append(groups, nil, nil)
			gold = append(gold, n.Theme, n.Theme)
		}
		groups[g] = append(groups[g], n.Text)
		at[n.Theme] = g ^ 1
	}
	ids := analysis.MatchThemes(groups, 0.2)
	pred := make([]string, len(ids))
	for i, id := range ids {
		pred[i] = fmt.Sprint(id)
	}
	if ari := analysis.AdjustedRandIndex(gold, pred); ari < 0.85 {
		t.Errorf("ARI of matched halves %.3f, want at least 0.85", ari)
	}
}

func TestMatchThemes(t *testing.T) {
	tests := []struct {
		name   string
		groups [][]string
		want   []int
	}{
		{"none", nil, []int{}},
		{"same theme twice", [][]string{
			{"pen tests", "more penetration tests", "pentest reports"},
			{"deadlines win", "no time in the sprint"},
			{"pentest every year", "external penetration test of our API"},
		}, []int{0, 1, 0}},
		{"empty group matches nothing", [][]string{{}, {"threat modelling"}, {}, {"threat model templates"}}, []int{0, 1, 2, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := analysis.MatchThemes(tt.groups, 0.2)
			if !slices.Equal(got, tt.want) {
				t.Errorf("MatchThemes = %v, want %v", got, tt.want)
			}
		})
	}
}
