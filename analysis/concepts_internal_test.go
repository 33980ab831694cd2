package analysis

import (
	"slices"
	"testing"
)

func TestLexiconMatch(t *testing.T) {
	lx, err := parseLexicon(`
legacy: end-of-support legacy
management: support manager
sharing: share sharing
defaults: shared-library paved-road
both: paved-road
`)
	if err != nil {
		t.Fatal(err)
	}
	names := func(ks []int) []string {
		var out []string
		for _, k := range ks {
			out = append(out, lx.names[k])
		}
		return out
	}
	tests := []struct {
		text string
		want []string
	}{
		{"the manager's support", []string{"management"}},
		{"servers past end of support", []string{"legacy"}},
		{"end of support, and no support from the manager", []string{"legacy", "management"}},
		{"a shared library for token checks", []string{"defaults"}},
		{"sharing a shared library", []string{"sharing", "defaults"}},
		{"the paved road", []string{"defaults", "both"}},
		{"end of the support", []string{"management"}},
	}
	for _, tt := range tests {
		if got := names(lx.match(tokenize(tt.text, stemmer{}))); !slices.Equal(got, tt.want) {
			t.Errorf("match(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
