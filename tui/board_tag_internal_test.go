package tui

import (
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

// A note's tag keeps a long activity whole where the list has room and in the note
// reader, and cuts it only on a narrow list.
func TestNoteTagCutsOnlyWhenNarrow(t *testing.T) {
	n := &session.Note{Area: session.AreaActivities, Lane: "less", Activity: "code scanning (SAST) in every pipeline"}
	for _, w := range []int{120, 200} {
		if got := noteTag(n, tagCut(w)); !strings.HasSuffix(got, "code scanning (SAST) in every pipeline") {
			t.Errorf("at width %d the tag is %q, want the activity whole", w, got)
		}
	}
	if got := noteTag(n, tagCut(80)); strings.Contains(got, "pipeline") || !strings.HasPrefix(got, "act less · code scan") {
		t.Errorf("at width 80 the tag is %q, want the activity cut", got)
	}
	if got := noteTag(n, 0); !strings.Contains(got, "in every pipeline") {
		t.Errorf("the reader's tag %q cuts the activity", got)
	}
}
