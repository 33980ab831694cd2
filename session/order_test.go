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
