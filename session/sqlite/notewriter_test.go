package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/charter-tool/charter/session"
)

// Notes sent at once by many authors are all stored, each author's in the order sent,
// and a note that cannot be stored fails alone, not the others committed with it.
func TestNotesAtOnceKeepEachAuthorsOrder(t *testing.T) {
	const authors, each = 60, 5
	db, _ := mustOpen(t)
	ctx := context.Background()
	s, ps := newSession(t, db, authors)

	var wg sync.WaitGroup
	errs := make(chan error, authors*each)
	start := make(chan struct{})
	for a, p := range ps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			var last int64
			for i := range each {
				n := note(s, p, fmt.Sprintf("a%d-%d", a, i))
				if err := db.AddNote(ctx, n, nil); err != nil {
					errs <- err
					return
				}
				if n.ID <= last {
					errs <- fmt.Errorf("author %d note %d got id %d after %d", a, i, n.ID, last)
				}
				last = n.ID
			}
		}()
	}
	// A note its check refuses, among the others: its answer is the check's error,
	// as it is, and it alone is not stored.
	wg.Add(1)
	refused := errors.New("refused by its check")
	refusedErr := make(chan error, 1)
	go func() {
		defer wg.Done()
		<-start
		checked := false
		err := db.AddNote(ctx, note(s, ps[1], "refused"), func(ctx context.Context, st session.Store) error {
			// The check reads in the batch's transaction.
			if _, _, err := st.ParticipantInSession(ctx, ps[1].ID); err != nil {
				return err
			}
			checked = true
			return refused
		})
		if !checked {
			err = fmt.Errorf("the check did not read the participant: %w", err)
		}
		refusedErr <- err
	}()
	// A note of a session that does not exist, among the others.
	wg.Add(1)
	badErr := make(chan error, 1)
	go func() {
		defer wg.Done()
		<-start
		bad := note(&session.Session{ID: "no-such-session"}, ps[0], "nowhere")
		badErr <- db.AddNote(ctx, bad, nil)
	}()
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := <-refusedErr; err != refused {
		t.Errorf("a refused note: got %v, want the check's error as it is", err)
	}
	if err := <-badErr; err == nil {
		t.Error("a note of no session was stored")
	}
	notes, err := db.Notes(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != authors*each {
		t.Fatalf("stored %d notes, want %d", len(notes), authors*each)
	}
}

// A note sent after the database is closed gets an error, not a hang.
func TestNoteAfterCloseFails(t *testing.T) {
	db, _ := mustOpen(t)
	s, ps := newSession(t, db, 1)
	db.Close()
	if err := db.AddNote(context.Background(), note(s, ps[0], "late"), nil); err == nil {
		t.Fatal("a note was accepted after close")
	}
}

// A check that panics fails its own note; the writer goes on storing notes.
func TestANoteCheckThatPanicsFailsItsNoteAlone(t *testing.T) {
	db, _ := mustOpen(t)
	ctx := context.Background()
	s, ps := newSession(t, db, 1)
	err := db.AddNote(ctx, note(s, ps[0], "checked by a bug"), func(context.Context, session.Store) error {
		panic("a bug in a rule")
	})
	if err == nil || !strings.Contains(err.Error(), "a bug in a rule") {
		t.Fatalf("a panicking check: got %v, want its panic as the note's error", err)
	}
	if err := db.AddNote(ctx, note(s, ps[0], "after it"), nil); err != nil {
		t.Fatalf("the next note: %v", err)
	}
	notes, err := db.Notes(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 1 || notes[0].Text != "after it" {
		t.Errorf("stored %d notes, want only the one after the panic", len(notes))
	}
}

// Notes of two sessions arriving together are checked in shared transactions, and
// each check reads its own writer's session as it is (phase, activities) and its
// writer as they are (a removed one), whatever the check did to what an earlier
// check of the batch was given.
func TestNotesOfABatchAreCheckedAgainstTheirOwnSession(t *testing.T) {
	t.Parallel()
	const each = 40
	db, _ := mustOpen(t)
	ctx := context.Background()
	a, aps := newSession(t, db, each)
	b := &session.Session{Title: "Other", Audience: session.AudienceDevelopers, Mode: session.ModeInPerson, Phase: session.PhaseReveal,
		Activities: []string{"Threat modelling", "Pen tests"}}
	if err := db.CreateSession(ctx, b); err != nil {
		t.Fatal(err)
	}
	var bps []*session.Participant
	for i := range each {
		p, _, err := db.JoinSession(ctx, b.ID, fmt.Sprintf("other-%d", i), "")
		if err != nil {
			t.Fatal(err)
		}
		bps = append(bps, p)
	}
	removed := aps[3]
	removed.Removed = true
	if err := db.UpdateParticipant(ctx, removed); err != nil {
		t.Fatal(err)
	}
	want := map[string]session.Session{a.ID: *a, b.ID: *b}

	var mu sync.Mutex
	var problems []string
	check := func(p *session.Participant) func(ctx context.Context, st session.Store) error {
		return func(ctx context.Context, st session.Store) error {
			got, sess, err := st.ParticipantInSession(ctx, p.ID)
			if err != nil {
				return err
			}
			w := want[p.SessionID]
			mu.Lock()
			defer mu.Unlock()
			if sess.ID != w.ID || sess.Phase != w.Phase || !slices.Equal(sess.Activities, w.Activities) {
				problems = append(problems, fmt.Sprintf("participant %d of %s was given session %s in %s with %q", p.ID, w.ID, sess.ID, sess.Phase, sess.Activities))
			}
			if got.ID != p.ID || got.Removed != (p.ID == removed.ID) {
				problems = append(problems, fmt.Sprintf("participant %d was given participant %d, removed %v", p.ID, got.ID, got.Removed))
			}
			// What a check does to its copy is not what the next one reads.
			sess.Phase = session.PhaseClosed
			if len(sess.Activities) > 0 {
				sess.Activities[0] = "changed by a check"
			}
			sess.Activities = append(sess.Activities, "added by a check")
			return nil
		}
	}
	// Until a transaction has held notes of several writers (at once, they do).
	for try := 0; ; try++ {
		before := db.Stats().WriteTxs
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range each {
			for _, pair := range [][2]any{{a, aps[i]}, {b, bps[i]}} {
				s, p := pair[0].(*session.Session), pair[1].(*session.Participant)
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					if err := db.AddNote(ctx, note(s, p, fmt.Sprintf("try %d note of %d", try, p.ID)), check(p)); err != nil {
						mu.Lock()
						problems = append(problems, err.Error())
						mu.Unlock()
					}
				}()
			}
		}
		close(start)
		wg.Wait()
		for _, p := range problems {
			t.Error(p)
		}
		if t.Failed() {
			return
		}
		if txs := db.Stats().WriteTxs - before; txs < 2*each {
			break
		} else if try == 9 {
			t.Fatalf("%d notes took %d transactions ten times: no batch held two notes to check", 2*each, txs)
		}
	}
}
