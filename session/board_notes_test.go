package session_test

import (
	"context"
	"slices"
	"testing"

	"github.com/charter-tool/charter/session"
)

// Two named people write in turns while the facilitator watches the board after
// every note: each change of the board adds notes of both (so the per-person counts,
// which come from the same notes, go up for both at once) in an order of their texts,
// never one person's notes alone or the order of writing. No sequence of board screens
// ties a note to a person.
func TestBoardNotesNeverTieANoteToAPerson(t *testing.T) {
	ctx := context.Background()
	svc, _ := MustOpenService(t)
	sess := mustSession(t, svc)
	ana, _ := svc.Join(ctx, sess.ID, "hash-ana")
	ben, _ := svc.Join(ctx, sess.ID, "hash-ben")
	svc.SetName(ctx, ana, "Ana")
	svc.SetName(ctx, ben, "Ben")
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	writes := []struct {
		who  *session.Participant
		text string
	}{
		{ana, "a1 tooling"}, {ana, "z2 deadlines"}, {ben, "m1 training"}, {ben, "b2 champions"},
		{ana, "k3 audits"}, {ben, "c3 guild"}, {ana, "y4 pentests"}, {ana, "d5 budget"}, {ana, "x6 metrics"},
	}
	var shown []*session.Note
	for i, w := range writes {
		if _, err := svc.AddNote(ctx, w.who.ID, session.Note{Area: session.AreaMotivation, Lane: "motivates", Text: w.text}); err != nil {
			t.Fatal(err)
		}
		now, err := svc.BoardNotes(ctx, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.EqualFunc(now[:min(len(shown), len(now))], shown, func(a, b *session.Note) bool { return a.ID == b.ID }) || len(now) < len(shown) {
			t.Fatalf("after write %d the board took back or reordered what it showed", i)
		}
		added := now[len(shown):]
		if len(added) == 0 {
			shown = now
			continue
		}
		authors := map[int64]bool{}
		var texts []string
		for _, n := range added {
			authors[n.ParticipantID] = true
			texts = append(texts, n.Text)
		}
		if len(authors) < 2 {
			t.Errorf("after write %d the board added %q, all by one person", i, texts)
		}
		if !slices.IsSorted(texts) {
			t.Errorf("after write %d the board added %q in the order of writing, not of the texts", i, texts)
		}
		shown = now
	}
	// Ana's last two notes wait for someone else, or for the end of writing.
	if len(shown) != 7 {
		t.Errorf("the board shows %d notes, want 7 with Ana's last two held back", len(shown))
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseGroup); err != nil {
		t.Fatal(err)
	}
	if all, _ := svc.BoardNotes(ctx, sess.ID); len(all) != len(writes) {
		t.Errorf("after writing the board shows %d notes, want all %d", len(all), len(writes))
	}
}
