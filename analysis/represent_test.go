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
