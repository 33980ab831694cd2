package session_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// Two people writing at once must not show as alternating runs: after the reveal and
// in the documents, notes come by area, lane and text.
func TestNotesAreListedInAnOrderThatSaysNothingAboutTheirAuthors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc, _ := MustOpenService(t)
	sess := mustSession(t, svc)
	a, _ := svc.Join(ctx, sess.ID, "hash-a")
	b, _ := svc.Join(ctx, sess.ID, "hash-b")
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	// Interleaved: A writes z..., B writes a..., so creation order alternates authors.
	texts := map[int64][]string{a.ID: {"zebra crossings", "yaks", "xylophones"}, b.ID: {"apples", "bananas", "cherries"}}
	for i := range 3 {
		for _, p := range []int64{a.ID, b.ID} {
			if _, err := svc.AddNote(ctx, p, session.Note{Area: session.AreaMotivation, Lane: "motivates", Text: texts[p][i]}); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := []string{"apples", "bananas", "cherries", "xylophones", "yaks", "zebra crossings"}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseReveal); err != nil {
		t.Fatal(err)
	}
	ns, err := svc.NotesFor(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range ns {
		got = append(got, n.Text)
	}
	if !slices.Equal(got, want) {
		t.Errorf("after the reveal: %q, want %q", got, want)
	}
	// In a theme too: its notes, as participants and the board get them, are listed
	// the same way, not by ID (the order written).
	var ids []int64
	for _, n := range ns {
		ids = append(ids, n.ID)
	}
	slices.Sort(ids)
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseGroup); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.NewTheme(ctx, sess.ID, "fruit and animals", ids, true); err != nil {
		t.Fatal(err)
	}
	pv, err := svc.ParticipantView(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	bv, err := svc.BoardView(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	listed := func(themes []*session.Theme, notes []*session.Note) []string {
		byID := map[int64]*session.Note{}
		for _, n := range notes {
			byID[n.ID] = n
		}
		if len(themes) != 1 {
			t.Fatalf("%d themes, want 1", len(themes))
		}
		var out []string
		for _, id := range themes[0].NoteIDs {
			out = append(out, byID[id].Text)
		}
		return out
	}
	if got := listed(pv.Themes, pv.Notes); !slices.Equal(got, want) {
		t.Errorf("a participant's theme lists %q, want %q", got, want)
	}
	if got := listed(bv.ShownThemes(), bv.Notes); !slices.Equal(got, want) {
		t.Errorf("the themes others see list %q, want %q", got, want)
	}
	d, err := report.Load(ctx, svc, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	md := markdown(t, report.Build(d))
	var at []int
	for _, w := range want {
		at = append(at, strings.LastIndex(md, "- "+w))
	}
	if !slices.IsSorted(at) {
		t.Errorf("the findings list notes out of order (positions %v):\n%s", at, md)
	}
}

// Numbers inside notes sort by their value, as people count: "note 2" before
// "note 10", whatever the case of the letters around them.
func TestNotesWithNumbersAreListedByTheNumbersValue(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		texts []string
		want  []string
	}{
		{"numbers of different lengths", []string{"note 10", "note 2", "note 1"}, []string{"note 1", "note 2", "note 10"}},
		{"case does not matter", []string{"Note 10", "note 9", "NOTE 11"}, []string{"note 9", "Note 10", "NOTE 11"}},
		{"a number first", []string{"12 pen tests", "3 pen tests", "pen tests"}, []string{"3 pen tests", "12 pen tests", "pen tests"}},
		{"numbers after numbers", []string{"step 1.10", "step 1.9", "step 2"}, []string{"step 1.9", "step 1.10", "step 2"}},
		{"leading zeros", []string{"room 010", "room 9", "room 08"}, []string{"room 08", "room 9", "room 010"}},
		{"numbers longer than any integer", []string{"id 100000000000000000000000", "id 99999999999999999999999"}, []string{"id 99999999999999999999999", "id 100000000000000000000000"}},
		{"text without numbers as before", []string{"zebra", "Apples", "apples", "bananas"}, []string{"Apples", "apples", "bananas", "zebra"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ns []*session.Note
			for i, text := range tt.texts {
				ns = append(ns, &session.Note{ID: int64(i + 1), Area: session.AreaMotivation, Lane: "motivates", Text: text})
			}
			session.SortNotes(ns)
			var got []string
			for _, n := range ns {
				got = append(got, n.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("listed %q, want %q", got, tt.want)
			}
		})
	}
}
