package tui

import "testing"

// The volunteer's box asks before a name that is the one given at joining: also
// when it differs only in case or in the spaces inside it, which are collapsed
// when it is stored.
func TestSameNameIgnoresCaseAndSpaces(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		typed, joined string
		want          bool
	}{
		{"Alice Aardvark", "Alice Aardvark", true},
		{" alice aardvark ", "Alice Aardvark", true},
		{"alice  aardvark", "Alice Aardvark", true},
		{"alice\taardvark", "Alice  Aardvark", true},
		{"Alice A.", "Alice Aardvark", false},
		{"", "", false},
		{"anyone", "", false},
	} {
		if got := sameName(tt.typed, tt.joined); got != tt.want {
			t.Errorf("sameName(%q, %q) = %v, want %v", tt.typed, tt.joined, got, tt.want)
		}
	}
}
