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

// A cut activity loses its bracketed part before it loses words: "code scanning
// (SAST)" reads "code scanning" on a narrow list, not "code scanning (…".
func TestNoteTagDropsTheBracketsFirst(t *testing.T) {
	n := &session.Note{Area: session.AreaActivities, Lane: "less", Activity: "code scanning (SAST)"}
	if got := noteTag(n, tagCut(80)); got != "act less · code scanning" {
		t.Errorf("at width 80 the tag is %q, want %q", got, "act less · code scanning")
	}
	if got := noteTag(n, 0); got != "act less · code scanning (SAST)" {
		t.Errorf("the reader's tag is %q, want the activity whole", got)
	}
}
