package notesets_test

import (
	"testing"

	"github.com/charter-tool/charter/internal/notesets"
)

// Every set reads whole, each note with an id, a place on the board, text and a
// theme.
func TestSetsRead(t *testing.T) {
	t.Parallel()
	for _, name := range notesets.All {
		notes := notesets.Load(t, name)
		if len(notes) < 100 {
			t.Errorf("%s: %d notes, want a set of at least 100", name, len(notes))
		}
		for _, n := range notes {
			if n.ID == "" || n.Area == "" || n.Lane == "" || n.Text == "" || n.Theme == "" {
				t.Errorf("%s: incomplete note %+v", name, n)
				break
			}
		}
	}
}
