package analysis_test

import (
	"slices"
	"testing"

	"github.com/charter-tool/charter/analysis"
)

// An activity is named however its words are inflected, hyphenated or run
// together, and not by words that only look alike: "Developers want pen test
// results earlier" is about pen testing, "testing is slow" is not.
func TestNamedIn(t *testing.T) {
	t.Parallel()
	activities := []string{"pen testing", "threat modelling", "code scanning", "bug bounty", "security training", "testing"}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Pen testing is valued by developers", []string{"pen testing"}},
		{"Developers want pen test results earlier", []string{"pen testing"}},
		{"pen tests find little we did not know", []string{"pen testing"}},
		{"Pen-tested apps ship later", []string{"pen testing"}},
		{"Pentests come too late", []string{"pen testing"}},
		{"penetration testing is seen as low value", []string{"pen testing"}},
		{"Teams skip the threat model", []string{"threat modelling"}},
		{"threat models go stale", []string{"threat modelling"}},
		{"Threat modeling takes too long", []string{"threat modelling"}},
		{"code scans are noise", []string{"code scanning"}},
		{"Bug bounties pay off", []string{"bug bounty"}},
		{"security trainings are too basic", []string{"security training"}},
		{"Pen testing and unit testing both matter", []string{"pen testing", "testing"}},
		{"testing is slow", []string{"testing"}},

		// Near misses: not these activities.
		{"open testing days", []string{"testing"}},
		{"pen and paper testing", []string{"testing"}},
		{"we test with pens", []string{"testing"}},
		{"penetrating tests of the skin", []string{"testing"}},
		{"happen testing", []string{"testing"}},
		{"threats are ignored", nil},
		{"the data model is old", nil},
		{"threatening models", nil},
		{"modelling threats is hard", nil},
		{"code scanners are noise", nil},
		{"the source code is scanned", nil},
		{"bug reports pile up", nil},
		{"a bounty for good ideas", nil},
		{"security trainers are busy", nil},
		{"", nil},
	} {
		named := analysis.NamedIn(tc.text, activities)
		var got []string
		for i, a := range activities {
			if named[i] {
				got = append(got, a)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q names %q, want %q", tc.text, got, tc.want)
		}
	}
	if got := analysis.NamedIn("pen testing", []string{"", "  "}); slices.Contains(got, true) {
		t.Errorf("an empty name is named: %v", got)
	}
}
