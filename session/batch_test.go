package session_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/charter-tool/charter/session"
)

// writingSession opens a session in the write phase with n participants joined.
func writingSession(t *testing.T, svc *session.Service, n int) (*session.Session, []*session.Participant) {
	t.Helper()
	ctx := context.Background()
	sess := mustSession(t, svc)
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	people := make([]*session.Participant, n)
	for i := range people {
		p, err := svc.Join(ctx, sess.ID, fmt.Sprintf("key-%d", i))
		if err != nil {
			t.Fatal(err)
		}
		people[i] = p
	}
	return sess, people
}

// boardScreen is what the facilitator's board shows: the notes (an edited note is
// the same note) and how many notes it counts for each person.
type boardScreen struct {
	notes   map[int64]string
	written map[int64]int
}

func lookAtBoard(t *testing.T, svc *session.Service, sessionID string) boardScreen {
	t.Helper()
	v, err := svc.BoardView(context.Background(), sessionID)
	if err != nil {
		t.Fatal(err)
	}
	b := boardScreen{notes: map[int64]string{}, written: map[int64]int{}}
	for _, n := range v.Notes {
		if n.ParticipantID != 0 {
			t.Fatalf("the board got the author of %q", n.Text)
		}
		b.notes[n.ID] = n.Text
	}
	for id, c := range v.Written {
		b.written[id] = c
	}
	return b
}

// Two named writers (and a third now and then) write, edit and delete while the
// facilitator looks at the board after every step: no step ties a note to a person.
// A note appears only together with the counts of at least two people going up, and
// no count ever goes down (a deleted note still counts for its writer).
func TestNoSequenceOfBoardScreensTiesANoteToItsWriter(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	sess, people := writingSession(t, svc, 3)
	for i, name := range []string{"Ana", "Ben", "Cid"} {
		if err := svc.SetName(ctx, people[i], name); err != nil {
			t.Fatal(err)
		}
	}
	ana, ben, cid := people[0], people[1], people[2]
	var written []*session.Note
	write := func(p *session.Participant, text string) func() {
		return func() {
			n, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaConfidence, Lane: "concern", Text: text})
			if err != nil {
				t.Fatal(err)
			}
			written = append(written, n)
		}
	}
	del := func(p *session.Participant, i int) func() {
		return func() {
			if err := svc.DeleteNote(ctx, p.ID, written[i].ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	edit := func(p *session.Participant, i int, text string) func() {
		return func() {
			if _, err := svc.EditNote(ctx, p.ID, session.Note{ID: written[i].ID, Text: text}); err != nil {
				t.Fatal(err)
			}
		}
	}
	phase := func(ph session.Phase) func() {
		return func() {
			if _, err := svc.SetPhase(ctx, sess.ID, ph); err != nil {
				t.Fatal(err)
			}
		}
	}
	steps := []struct {
		what string
		do   func()
	}{
		{"Ana writes", write(ana, "a1 no time for threat models")},
		{"Ana writes again", write(ana, "a2 scanners are noisy")},
		{"Ben writes", write(ben, "b1 training is dull")},
		{"Ben writes alone", write(ben, "b2 nobody reads the policy")},
		{"Ben deletes a shown note", del(ben, 2)},
		{"Ana writes", write(ana, "a3 pen tests come too late")},
		{"Ana deletes a held note", del(ana, 4)},
		{"Ben writes", write(ben, "b3 champions help")},
		{"Ana edits a shown note", edit(ana, 0, "a1 no time for threat models at all")},
		{"Cid writes", write(cid, "c1 bug bounty pays off")},
		{"Cid writes again", write(cid, "c2 guild meets too rarely")},
		{"Ana writes", write(ana, "a4 SAST finds little")},
		{"Ana writes alone", write(ana, "a5 nobody owns dependencies")},
		{"the facilitator moves on to the reveal", phase(session.PhaseReveal)},
		{"Ben writes in the reveal", write(ben, "b4 incident drills")},
		{"Cid writes in the reveal", write(cid, "c3 metrics are missing")},
		{"the facilitator moves on to grouping", phase(session.PhaseGroup)},
	}
	before := lookAtBoard(t, svc, sess.ID)
	for _, st := range steps {
		st.do()
		after := lookAtBoard(t, svc, sess.ID)
		var appeared []string
		for id, text := range after.notes {
			if _, ok := before.notes[id]; !ok {
				appeared = append(appeared, text)
			}
		}
		var rose []int64
		for _, p := range people {
			switch d := after.written[p.ID] - before.written[p.ID]; {
			case d < 0:
				t.Errorf("%s: %s's count went down: the board tells whose note went", st.what, p.DisplayName())
			case d > 0:
				rose = append(rose, p.ID)
			}
		}
		forced := st.what == "the facilitator moves on to the reveal" || st.what == "the facilitator moves on to grouping"
		if len(appeared) > 0 && len(rose) < 2 && !forced {
			t.Errorf("%s: %q appeared while only %v's count went up", st.what, appeared, rose)
		}
		if len(rose) == 1 && !forced {
			t.Errorf("%s: only %d's count went up", st.what, rose[0])
		}
		before = after
	}
	// In the end everything written is shown and counted, deletions included.
	want := map[int64]int{ana.ID: 5, ben.ID: 4, cid.ID: 3}
	for id, n := range want {
		if before.written[id] != n {
			t.Errorf("participant %d: the board counts %d notes, want %d", id, before.written[id], n)
		}
	}
	if len(before.notes) != 10 {
		t.Errorf("the board shows %d notes at the end, want 10", len(before.notes))
	}
}

// A lone writer's notes wait: the board shows nothing of them until a second person
// writes, and then shows both people's notes at once, in an order of their content.
func TestLoneWritersNotesWaitForASecondWriter(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	sess, people := writingSession(t, svc, 2)
	a, b := people[0], people[1]
	for _, text := range []string{"zz last by content", "aa first by content"} {
		if _, err := svc.AddNote(ctx, a.ID, session.Note{Area: session.AreaConfidence, Lane: "strength", Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	if v, _ := svc.BoardView(ctx, sess.ID); len(v.Notes) != 0 || v.Written[a.ID] != 0 {
		t.Fatalf("a lone writer's notes are on the board: %d notes, %d counted", len(v.Notes), v.Written[a.ID])
	}
	if _, err := svc.AddNote(ctx, b.ID, session.Note{Area: session.AreaConfidence, Lane: "strength", Text: "mm by the other"}); err != nil {
		t.Fatal(err)
	}
	v, err := svc.BoardView(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, n := range v.Notes {
		texts = append(texts, n.Text)
	}
	if fmt.Sprint(texts) != "[aa first by content mm by the other zz last by content]" || v.Written[a.ID] != 2 || v.Written[b.ID] != 1 {
		t.Fatalf("after a second writer the board shows %q with counts %v", texts, v.Written)
	}
}

// The note that makes a batch due is stored and released in one write transaction
// (one commit, one fsync), and comes back with the batch it was shown in; a held
// note comes back with none.
func TestANoteAndItsReleaseAreOneCommit(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	ctx := context.Background()
	sess, people := writingSession(t, svc, 2)
	a, b := people[0], people[1]
	for i, p := range []*session.Participant{a, a, b} {
		before := db.Stats()
		n, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaConfidence, Lane: "strength", Text: fmt.Sprintf("note %d", i)})
		if err != nil {
			t.Fatal(err)
		}
		if w := db.Stats().WriteTxs - before.WriteTxs; w != 1 {
			t.Errorf("note %d took %d write transactions, want 1", i, w)
		}
		if held := i < 2; held != (n.Batch == 0) {
			t.Errorf("note %d came back in batch %d, held %v", i, n.Batch, held)
		}
	}
	v, err := svc.BoardView(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Notes) != 3 || v.Batch == 0 {
		t.Errorf("the board shows %d notes up to batch %d, want all 3", len(v.Notes), v.Batch)
	}
}

// Going back a phase and forward again shows no waiting note or rating, and nor
// does moving on to a phase never reached: only moving past the writing (the reveal
// included) or the check-in for the first time does. Otherwise the facilitator could
// show one person's waiting note or rating on its own at any moment, as often as
// liked, or once, by closing.
func TestGoingBackAndForthShowsNothingWaiting(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	sess, people := writingSession(t, svc, 3)
	if _, err := svc.AddNote(ctx, people[0].ID, session.Note{Area: session.AreaConfidence, Lane: "strength", Text: "a lone note"}); err != nil {
		t.Fatal(err)
	}
	shown := func() (notes, ratings int) {
		t.Helper()
		v, err := svc.BoardView(ctx, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(v.Notes), len(v.Ratings)
	}
	phases := func(phs ...session.Phase) {
		t.Helper()
		for _, ph := range phs {
			if _, err := svc.SetPhase(ctx, sess.ID, ph); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, ph := range []session.Phase{session.PhaseCheckIn, session.PhaseWrite} {
		phases(ph)
		if n, _ := shown(); n != 0 {
			t.Fatalf("back and forth to %s showed the waiting note", ph)
		}
	}
	// A rating given in a check-in gone back to waits for two more raters (see
	// session.MinLateRaters), past the check-in again and on beyond the writing.
	phases(session.PhaseCheckIn)
	if err := svc.Rate(ctx, people[1].ID, 2); err != nil {
		t.Fatal(err)
	}
	phases(session.PhaseLobby)
	if _, r := shown(); r != 0 {
		t.Fatal("going back from check-in showed the waiting rating")
	}
	// Moving on past the writing for the first time shows the note.
	phases(session.PhaseReveal)
	if n, r := shown(); n != 1 || r != 0 {
		t.Fatalf("after moving on to the reveal: %d notes, %d ratings shown; want the note, the rating still waiting", n, r)
	}
	// A second rater does not show them, a third shows all three.
	if err := svc.Rate(ctx, people[0].ID, 4); err != nil {
		t.Fatal(err)
	}
	if _, r := shown(); r != 0 {
		t.Fatalf("after a second rating %d ratings are shown, want none: two latecomers would know each other's", r)
	}
	if err := svc.Rate(ctx, people[2].ID, 5); err != nil {
		t.Fatal(err)
	}
	if _, r := shown(); r != 3 {
		t.Fatalf("after a third rating %d ratings are shown, want 3", r)
	}
	// Once in the reveal, back and forth again: a lone note written in the reveal
	// waits, in the write phase and back in the reveal; moving past the reveal
	// for the first time shows it.
	if _, err := svc.AddNote(ctx, people[1].ID, session.Note{Area: session.AreaConfidence, Lane: "concern", Text: "a late lone note"}); err != nil {
		t.Fatal(err)
	}
	for _, ph := range []session.Phase{session.PhaseWrite, session.PhaseReveal} {
		phases(ph)
		if n, _ := shown(); n != 1 {
			t.Fatalf("back in %s: %d notes shown; want the late note still waiting", ph, n)
		}
	}
	phases(session.PhaseGroup)
	if n, _ := shown(); n != 2 {
		t.Fatalf("after moving on beyond the reveal: %d notes; want 2", n)
	}
	// From the group on, a lone note written after going back, or a lone changed
	// rating, waits for a second person, even past phases never reached.
	phases(session.PhaseReveal)
	if _, err := svc.AddNote(ctx, people[0].ID, session.Note{Area: session.AreaConfidence, Lane: "concern", Text: "a lone note after the group"}); err != nil {
		t.Fatal(err)
	}
	if err := svc.Rate(ctx, people[1].ID, 5); err != nil {
		t.Fatal(err)
	}
	for _, ph := range []session.Phase{session.PhaseGroup, session.PhaseVote, session.PhaseActions, session.PhaseClosed} {
		phases(ph)
		v, err := svc.BoardView(ctx, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(v.Notes) != 2 || !slices.Equal(v.Ratings, []int{2, 4, 5}) {
			t.Fatalf("in %s: %d notes, ratings %v shown; want 2 notes and 2, 4, 5: the lone note and rating change still waiting", ph, len(v.Notes), v.Ratings)
		}
	}
}

// A document holds only the notes the board shows: exported after each note, one
// that held back a lone writer's notes would tie each note to when it was written.
func TestDocumentsHoldOnlyNotesTheBoardShows(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	sess, people := writingSession(t, svc, 2)
	notes := func() int {
		t.Helper()
		d, err := svc.ReportData(ctx, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(d.Notes)
	}
	if _, err := svc.AddNote(ctx, people[0].ID, session.Note{Area: session.AreaConfidence, Lane: "strength", Text: "a lone note"}); err != nil {
		t.Fatal(err)
	}
	if n := notes(); n != 0 {
		t.Fatalf("a document holds %d notes while the board shows none", n)
	}
	if _, err := svc.AddNote(ctx, people[1].ID, session.Note{Area: session.AreaConfidence, Lane: "concern", Text: "a second writer"}); err != nil {
		t.Fatal(err)
	}
	if n := notes(); n != 2 {
		t.Fatalf("after a second writer a document holds %d notes, want 2", n)
	}
}

// Paper notes imported while people write show at once, in a batch of their own: a
// lone writer's held note stays held. Released with them, it showed one person's
// note beside a paper note whoever can run import chose to add.
func TestImportDoesNotReleaseALoneWritersNotes(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	sess, people := writingSession(t, svc, 3)
	if _, err := svc.AddNote(ctx, people[0].ID, session.Note{Area: session.AreaConfidence, Lane: "concern", Text: "my manager ignores security"}); err != nil {
		t.Fatal(err)
	}
	if b := lookAtBoard(t, svc, sess.ID); len(b.notes) != 0 {
		t.Fatalf("a lone writer's note is on the board: %v", b.notes)
	}
	if _, err := svc.Import(ctx, sess.ID, []session.ImportRow{{Line: 1, Text: "a paper note", Area: "confidence", Lane: "strength"}}, session.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	b := lookAtBoard(t, svc, sess.ID)
	if len(b.notes) != 1 || b.written[people[0].ID] != 0 {
		t.Errorf("after the import the board shows %v, counts %v: want the paper note only", b.notes, b.written)
	}
	for _, text := range b.notes {
		if text != "a paper note" {
			t.Errorf("the import released %q", text)
		}
	}
	// A second writer releases both live notes, as before.
	if _, err := svc.AddNote(ctx, people[1].ID, session.Note{Area: session.AreaConfidence, Lane: "strength", Text: "champions help"}); err != nil {
		t.Fatal(err)
	}
	if b := lookAtBoard(t, svc, sess.ID); len(b.notes) != 3 {
		t.Errorf("after a second writer the board shows %v", b.notes)
	}
}

// A note deleted before the board showed it leaves nothing held: counted as a
// second writer, its deletion let the one other person's note reach the board alone.
func TestDeletedHeldNoteIsNoSecondWriter(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	sess, people := writingSession(t, svc, 3)
	draft, err := svc.AddNote(ctx, people[0].ID, session.Note{Area: session.AreaConfidence, Lane: "concern", Text: "a draft I regret"})
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.DeleteNote(ctx, people[0].ID, draft.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddNote(ctx, people[1].ID, session.Note{Area: session.AreaConfidence, Lane: "strength", Text: "a lone note"}); err != nil {
		t.Fatal(err)
	}
	if b := lookAtBoard(t, svc, sess.ID); len(b.notes) != 0 || len(b.written) != 0 {
		t.Fatalf("one person's note reached the board beside a deleted draft: %v, counts %v", b.notes, b.written)
	}
	if _, err := svc.AddNote(ctx, people[2].ID, session.Note{Area: session.AreaMotivation, Lane: "motivates", Text: "a second writer"}); err != nil {
		t.Fatal(err)
	}
	if b := lookAtBoard(t, svc, sess.ID); len(b.notes) != 2 || b.written[people[0].ID] != 0 {
		t.Errorf("after a second writer the board shows %v, counts %v", b.notes, b.written)
	}
}
