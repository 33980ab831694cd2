package analysis

import (
	"fmt"
	"testing"
)

// Notes that all say the same thing in the same words are one theme, however
// many there are: from 4833bb8 on, 12 to 20 of them (and 22, 23) came out as two
// themes of half each, "… (keep)" and "… (keep): note". Beside a theme of other
// notes they stay one theme too.
func TestIdenticalNotesAreOneTheme(t *testing.T) {
	t.Parallel()
	for n := 2; n <= 40; n++ {
		var docs []Doc
		for i := range n {
			docs = append(docs, Doc{ID: fmt.Sprint(i), Text: "the same note about threat modelling", Area: "keep", Lane: "keep"})
		}
		if th := Cluster(docs); len(th) != 1 {
			t.Errorf("%d identical notes: %d themes", n, len(th))
		}
		for i := range 12 {
			docs = append(docs, Doc{ID: fmt.Sprint("o", i), Text: fmt.Sprintf("deadlines push security work out of sprint %d planning", i), Area: "concern", Lane: "concern"})
		}
		same := map[string]bool{}
		for _, th := range Cluster(docs) {
			for _, id := range th.NoteIDs {
				if id[0] != 'o' {
					same[fmt.Sprint(th.NoteIDs)] = true
				}
			}
		}
		if len(same) != 1 {
			t.Errorf("%d identical notes beside 12 others: in %d themes", n, len(same))
		}
	}
}
