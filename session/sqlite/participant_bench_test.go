package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// benchWriter opens a new database in b's directory, closed when b ends, with a
// session in the write phase and a participant who joined it.
func benchWriter(b *testing.B) (*sqlite.DB, *session.Session, *session.Participant) {
	b.Helper()
	db, err := sqlite.Open(filepath.Join(b.TempDir(), "charter.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	s := &session.Session{Title: "Bench", Audience: session.AudienceDevelopers, Mode: session.ModeInPerson, Phase: session.PhaseWrite}
	if err := db.CreateSession(context.Background(), s); err != nil {
		b.Fatal(err)
	}
	p, _, err := db.JoinSession(context.Background(), s.ID, "", "")
	if err != nil {
		b.Fatal(err)
	}
	return db, s, p
}

// BenchmarkWriterChecks is what AddNote reads to check a note's writer: the
// participant and their session, in one statement (joined) or, as before, in a read
// transaction of two statements (transaction).
func BenchmarkWriterChecks(b *testing.B) {
	db, _, p := benchWriter(b)
	ctx := context.Background()
	b.Run("joined", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := db.ParticipantInSession(ctx, p.ID); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("transaction", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			err := db.ReadTx(ctx, func(st session.Store) error {
				q, err := st.Participant(ctx, p.ID)
				if err != nil {
					return err
				}
				_, err = st.Session(ctx, q.SessionID)
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkWriterInserts is the note writer's insert, through AddNote without
// checks: one note a commit (alone), and notes arriving together from many
// writers, committed in batches (together).
func BenchmarkWriterInserts(b *testing.B) {
	db, s, p := benchWriter(b)
	ctx := context.Background()
	add := func(b *testing.B) {
		now := time.Now()
		n := &session.Note{SessionID: s.ID, ParticipantID: p.ID, Area: session.AreaConfidence, Lane: "strength", Text: "a note", CreatedAt: now, UpdatedAt: now}
		if err := db.AddNote(ctx, n, nil); err != nil {
			b.Error(err)
		}
	}
	b.Run("alone", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			add(b)
		}
	})
	b.Run("together", func(b *testing.B) {
		b.ReportAllocs()
		b.SetParallelism(64)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				add(b)
			}
		})
	})
}
