package session_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
)

func TestNoteRateLimit(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	svc.Now = func() time.Time { return now }
	svc.Limits = session.Limits{NotesPerMinute: 6, NoteBurst: 3}
	ctx := context.Background()
	s := mustSession(t, svc)
	svc.SetPhase(ctx, s.ID, session.PhaseWrite)
	p, _ := svc.Join(ctx, s.ID, "k")
	add := func() error {
		_, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaMotivation, Lane: "motivates", Text: "peers"})
		return err
	}
	for i := 0; i < 3; i++ {
		if err := add(); err != nil {
			t.Fatalf("burst note %d: %v", i, err)
		}
	}
	err := add()
	if session.ErrorCode(err) != session.ELimit || !strings.Contains(session.ErrorMessage(err), "your text is still here") {
		t.Fatalf("4th note at once: %v", err)
	}
	now = now.Add(10 * time.Second) // one token at 6 a minute
	if err := add(); err != nil {
		t.Fatalf("after 10s: %v", err)
	}
	notes, _ := svc.StoreForTest().Notes(ctx, s.ID)
	if len(notes) != 4 {
		t.Fatalf("stored %d notes, want the 4 accepted", len(notes))
	}
}

func TestSessionFull(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	svc.Limits = session.Limits{MaxParticipants: 2}
	ctx := context.Background()
	s := mustSession(t, svc)
	if _, err := svc.Join(ctx, s.ID, "a"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Join(ctx, s.ID, "b"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Join(ctx, s.ID, "c"); session.ErrorCode(err) != session.ELimit {
		t.Fatalf("third person: %v", err)
	}
	if _, err := svc.Join(ctx, s.ID, "a"); err != nil {
		t.Fatalf("a returning person must get back in: %v", err)
	}
}
