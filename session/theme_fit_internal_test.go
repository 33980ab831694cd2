package session

import (
	"strings"
	"testing"
	"unicode/utf8"
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
