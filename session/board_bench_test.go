package session_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// BenchmarkBoardAfterRelease is what the facilitator's board reads for one batch of
// notes in a session of 1,000 people with 1,000 notes on the board: the whole view
// again (whole) or only the new batch (release). One op: two people write a note
// each, which releases them as one batch (not timed), then the board reads.
func BenchmarkBoardAfterRelease(b *testing.B) {
	ctx := context.Background()
	db, err := sqlite.Open(filepath.Join(b.TempDir(), "charter.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	svc := session.NewService(db, nil)
	sess, err := svc.NewSession(ctx, session.Session{Title: "A thousand", Audience: session.AudienceDevelopers})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		b.Fatal(err)
	}
	var ps []*session.Participant
	for i := range 1000 {
		p, err := svc.Join(ctx, sess.ID, fmt.Sprintf("key-%d", i))
		if err != nil {
			b.Fatal(err)
		}
		ps = append(ps, p)
	}
	note := func(i int) {
		if _, err := svc.AddNote(ctx, ps[i%len(ps)].ID, session.Note{Area: session.AreaConfidence, Lane: "concern", Text: fmt.Sprintf("note %d about the threat models", i)}); err != nil {
			b.Fatal(err)
		}
	}
	written := 0
	for ; written < 1000; written++ {
		note(written)
	}
	for _, mode := range []string{"whole", "release"} {
		b.Run(mode, func(b *testing.B) {
			v, err := svc.BoardView(ctx, sess.ID)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				note(written)
				note(written + 1)
				written += 2
				b.StartTimer()
				if mode == "whole" {
					v, err = svc.BoardView(ctx, sess.ID)
				} else {
					v, err = svc.BoardViewAfterRelease(ctx, v)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			if len(v.Notes) != written {
				b.Fatalf("the board has %d notes, %d were written", len(v.Notes), written)
			}
		})
	}
}

// BenchmarkJoinAFullRoom is one more person joining (with a key, from an address,
// as the server joins them) a session that 1,000 people have joined. One op: a
// new key joins.
func BenchmarkJoinAFullRoom(b *testing.B) {
	ctx := context.Background()
	svc := joinService(b)
	sess := room(b, svc, "A thousand", 1000)
	b.ReportAllocs()
	i := 1000
	for b.Loop() {
		if _, _, err := svc.JoinFrom(ctx, sess.ID, fmt.Sprintf("key-%s-%d", sess.Title, i), "10.0.0.1"); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// joinService is a service over a new database that admits rooms of any size.
func joinService(b *testing.B) *session.Service {
	db, err := sqlite.Open(filepath.Join(b.TempDir(), "charter.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	svc := session.NewService(db, nil)
	svc.Limits.MaxParticipants = 1 << 30
	return svc
}

// room is a new session titled title that people have joined, from one address.
func room(b *testing.B, svc *session.Service, title string, people int) *session.Session {
	ctx := context.Background()
	sess, err := svc.NewSession(ctx, session.Session{Title: title, Audience: session.AudienceDevelopers})
	if err != nil {
		b.Fatal(err)
	}
	for i := range people {
		if _, _, err := svc.JoinFrom(ctx, sess.ID, fmt.Sprintf("key-%s-%d", title, i), "10.0.0.1"); err != nil {
			b.Fatal(err)
		}
	}
	return sess
}

// BenchmarkJoinAfterManySessions is one more person joining a session of 10 after a
// program held 200 sessions of 50 people each, and the board reading that session:
// what a session costs should not grow with the sessions held before it.
func BenchmarkJoinAfterManySessions(b *testing.B) {
	ctx := context.Background()
	svc := joinService(b)
	for s := range 200 {
		room(b, svc, fmt.Sprintf("Earlier %d", s), 50)
	}
	sess := room(b, svc, "Now", 10)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, _, err := svc.JoinFrom(ctx, sess.ID, fmt.Sprintf("key-later-%d", i), "10.0.0.1"); err != nil {
			b.Fatal(err)
		}
		if _, err := svc.BoardView(ctx, sess.ID); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
