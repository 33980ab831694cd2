package analysis_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/charter-tool/charter/analysis"
)

// Notes that say the same thing in the same words, but for a number, are one
// theme: every grouping of them scored no silhouette, none was chosen, and the
// clustering panicked (18 imported notes took `charter session edit --group` down).
func TestNotesAlikeButForANumberAreOneTheme(t *testing.T) {
	for _, n := range []int{12, 18, 40} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			docs := make([]analysis.Doc, n)
			for i := range docs {
				docs[i] = analysis.Doc{ID: strconv.Itoa(i + 1), Area: "motivation", Lane: "demotivates",
					Text: fmt.Sprintf("reason number %d why security work stalls in our team", i+1)}
			}
			themes := analysis.Cluster(docs)
			notes := 0
			for _, th := range themes {
				notes += len(th.NoteIDs)
			}
			if len(themes) != 1 || notes != n {
				t.Errorf("%d themes holding %d notes, want one holding all %d", len(themes), notes, n)
			}
		})
	}
}
