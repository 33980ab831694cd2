package session

import "testing"

// CleanText takes text that is already clean ASCII as it is, and only such text:
// every string of up to four characters from a mix of letters, spaces, controls,
// escapes and non-ASCII is cleaned alike with and without the shortcut.
func TestCleanTextTakesCleanASCIIAsItIs(t *testing.T) {
	alphabet := []string{" ", "a", "~", "!", "\t", "\n", "\x1b", "[", "\x7f", "\x00", "é", "\u200b", "\xff"}
	var all func(prefix string, n int)
	checked := 0
	all = func(prefix string, n int) {
		if got, want := CleanText(prefix), cleanText(prefix); got != want {
			t.Errorf("CleanText(%q) = %q, cleaned in full %q", prefix, got, want)
		}
		if cleanASCII(prefix) && cleanText(prefix) != prefix {
			t.Errorf("%q taken as clean, cleaned in full %q", prefix, cleanText(prefix))
		}
		checked++
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			all(prefix+c, n-1)
		}
	}
	all("", 4)
	if !cleanASCII("Threat models, early!") || cleanASCII("two  spaces") || cleanASCII(" lead") || cleanASCII("tab\there") {
		t.Error("cleanASCII takes the wrong texts")
	}
	t.Logf("%d strings", checked)
}
