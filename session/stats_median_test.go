package session_test

import (
	"testing"

	"github.com/charter-tool/charter/session"
)

// A median is written as the documents write it: "3", not "3.0"; "3.5" stays.
func TestMedianReadsAsTheDocumentsWriteIt(t *testing.T) {
	t.Parallel()
	for v, want := range map[float64]string{3: "3", 3.5: "3.5", 1: "1", 4.5: "4.5", 0: "0"} {
		if got := session.Median(v); got != want {
			t.Errorf("Median(%v) = %q, want %q", v, got, want)
		}
	}
}
