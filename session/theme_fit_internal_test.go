package session

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charter-tool/charter/analysis"
)

// Two suggestions under one long open-topic title, told apart by long phrases, stay
// apart once fitted to a theme name's length (they became one "…" name before).
func TestFitLabelKeepsLongPhrasesApart(t *testing.T) {
	title := strings.Repeat("Supply chain attacks on our build pipeline ", 2)[:60]
	for _, pair := range [][2]string{
		{title + ": signed commits required for every release branch now", title + ": pinned dependency versions in every service we run"},
		{title + ": short one", title + ": another short one"},
	} {
		a, b := fitLabel(pair[0]), fitLabel(pair[1])
		if a == b {
			t.Errorf("both fitted to %q", a)
		}
		for _, l := range []string{a, b} {
			if n := utf8.RuneCountInString(l); n > MaxTopicLen {
				t.Errorf("%q has %d characters, more than %d", l, n, MaxTopicLen)
			}
		}
	}
}

// A new theme's name under a long open topic is told apart from every name taken
// as it is once fitted: round after round, the later notes of one kind are offered
// under a name not yet taken (the cut name of the round before came back).
func TestNameApartStaysApartOnceCut(t *testing.T) {
	title := "Penetration testing of the customer portals and partner APIs"
	if n := utf8.RuneCountInString(title); n != MaxTopicLen {
		t.Fatalf("the title has %d characters, want %d", n, MaxTopicLen)
	}
	texts := []string{"nobody retests after the pentest", "pentest results arrive too late to fix"}
	labels := []string{title}
	taken := map[string]bool{nameKey(title): true}
	for round := 1; round <= 4; round++ {
		name := nameApart(title, texts, labels, taken)
		if taken[nameKey(name)] {
			t.Fatalf("round %d: %q is taken already: %q", round, name, labels)
		}
		if n := utf8.RuneCountInString(name); n > MaxTopicLen {
			t.Errorf("round %d: %q has %d characters, more than %d", round, name, n, MaxTopicLen)
		}
		labels = append(labels, name)
		taken[nameKey(name)] = true
	}
	t.Logf("%q", labels)
}

// A long label told apart by "(another)", "(a third)", ... keeps that whole once
// fitted, the label before it shortened, so that the names stay apart.
func TestFitLabelKeepsWhatTellsApart(t *testing.T) {
	title := "Penetration testing of the customer portals and partner APIs"
	seen := map[string]bool{}
	for _, l := range analysis.DistinctLabels(slices.Repeat([]string{title}, 12), nil)[1:] {
		_, suffix := analysis.SplitApart(l)
		got := fitLabel(l)
		if !strings.HasSuffix(got, suffix) || !strings.HasPrefix(got, "Penetration testing") {
			t.Errorf("fitLabel(%q) = %q, want the start of the title and %q", l, got, suffix)
		}
		if n := utf8.RuneCountInString(got); n > MaxTopicLen {
			t.Errorf("%q has %d characters, more than %d", got, n, MaxTopicLen)
		}
		if seen[got] {
			t.Errorf("%q twice", got)
		}
		seen[got] = true
	}
}
