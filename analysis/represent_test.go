package analysis_test

import (
	"slices"
	"testing"

	"github.com/charter-tool/charter/analysis"
)

// The representative is one of the notes, the one nearest the others, whatever
// their order.
func TestRepresentative(t *testing.T) {
	docs := []analysis.Doc{
		{ID: "1", Text: "pen tests come too late in the release"},
		{ID: "2", Text: "pen test findings arrive after the release"},
		{ID: "3", Text: "pen tests before every release"},
		{ID: "4", Text: "the coffee machine is broken"},
	}
	got := analysis.Representative(docs)
	if got == "" || got == "4" {
		t.Fatalf("Representative = %q, want one of the pen-test notes", got)
	}
	rev := slices.Clone(docs)
	slices.Reverse(rev)
	if again := analysis.Representative(rev); again != got {
		t.Errorf("reversed order gives %q, first %q", again, got)
	}
	if got := analysis.Representative(nil); got != "" {
		t.Errorf("no notes: %q", got)
	}
	if got := analysis.Representative([]analysis.Doc{{ID: "9", Text: "!!"}}); got != "9" {
		t.Errorf("a note without words: %q", got)
	}
}

// Central puts Representative's pick first, and its order depends only on the set
// of notes, not on the order they come in.
func TestCentralStartsWithTheRepresentativeWhateverTheOrder(t *testing.T) {
	docs := []analysis.Doc{
		{ID: "1", Text: "patching the base images is slow"},
		{ID: "2", Text: "nobody owns the patching of old servers"},
		{ID: "3", Text: "patches wait for the next release"},
		{ID: "4", Text: "lunch was good"},
		{ID: "5", Text: "!!!"},
	}
	want := analysis.Central(docs)
	if len(want) != len(docs) || want[0] != analysis.Representative(docs) {
		t.Fatalf("Central %v, Representative %s", want, analysis.Representative(docs))
	}
	if slices.Contains(want[:3], "5") || slices.Contains(want[:3], "4") {
		t.Errorf("a note without a word of the others comes before theirs: %v", want)
	}
	rev := slices.Clone(docs)
	slices.Reverse(rev)
	if got := analysis.Central(rev); !slices.Equal(got, want) {
		t.Errorf("reversed, Central gives %v, not %v", got, want)
	}
}
