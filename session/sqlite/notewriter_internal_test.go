package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

// A panic in the board's rule, applied to a batch of notes, fails the batch with an
// error that carries the stack, instead of ending the server.
func TestReleaseThatPanicsFailsTheBatch(t *testing.T) {
	w := &noteWriter{}
	live := []*noteWrite{{note: &session.Note{SessionID: "s1"}}}
	// A database that is nil panics as soon as the rule reads it.
	var released map[string]int64
	err := recovered("release of held notes", func() (err error) {
		released, err = w.release(context.Background(), nil, live, []error{nil})
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "panic") || !strings.Contains(err.Error(), "goroutine") {
		t.Fatalf("released %v, err %v: want the panic, with its stack, as the batch's error", released, err)
	}
}

// BenchmarkWriterChecksInABatch is what the note writer's check of a note reads in a
// batch whose session is already read: the author as NoteAuthor reads them
// (author), and the whole participant as it read them before (participant);
// compare BenchmarkWriterChecks/joined, what it read before that.
func BenchmarkWriterChecksInABatch(b *testing.B) {
	db, err := Open(filepath.Join(b.TempDir(), "charter.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	s := &session.Session{Title: "Bench", Audience: session.AudienceDevelopers, Mode: session.ModeInPerson, Phase: session.PhaseWrite}
	if err := db.CreateSession(ctx, s); err != nil {
		b.Fatal(err)
	}
	p, _, err := db.JoinSession(ctx, s.ID, "", "")
	if err != nil {
		b.Fatal(err)
	}
	err = db.WriteTx(ctx, func(st session.Store) error {
		in := st.(*DB)
		in.batchSessions = map[string]*session.Session{}
		for name, read := range map[string]func(context.Context, int64) (*session.Participant, *session.Session, error){
			"author": in.NoteAuthor, "participant": in.ParticipantInSession,
		} {
			b.Run(name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, _, err := read(ctx, p.ID); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}
