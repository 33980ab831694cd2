package session_test

import (
	"context"
	"sync"
	"testing"

	"github.com/charter-tool/charter/session"
)

// pausingStore stops the first read of a participant outside a transaction until
// release is closed, so that a test can change the participant in between.
type pausingStore struct {
	session.Store
	once    sync.Once
	read    chan struct{} // closed once the participant was read
	release chan struct{}
}

func (s *pausingStore) Participant(ctx context.Context, id int64) (*session.Participant, error) {
	p, err := s.Store.Participant(ctx, id)
	s.once.Do(func() {
		close(s.read)
		<-s.release
	})
	return p, err
}

// A rating that read the participant before the facilitator removed them must not
// undo the removal when it writes: the rating's read and write are one transaction.
func TestRatingDoesNotUndoARemoval(t *testing.T) {
	ctx := context.Background()
	plain, db := MustOpenService(t)
	sess := mustSession(t, plain)
	p, err := plain.Join(ctx, sess.ID, "key")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plain.SetPhase(ctx, sess.ID, session.PhaseCheckIn); err != nil {
		t.Fatal(err)
	}
	st := &pausingStore{Store: db, read: make(chan struct{}), release: make(chan struct{})}
	rating := session.NewService(st, nil)
	rated := make(chan error, 1)
	go func() { rated <- rating.Rate(ctx, p.ID, 4) }()
	select {
	case <-st.read: // the rating read the participant outside a transaction: remove now
		if err := plain.RemoveParticipant(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		close(st.release)
		<-rated
	case err := <-rated: // the rating read and wrote in one transaction
		if err != nil {
			t.Fatal(err)
		}
		if err := plain.RemoveParticipant(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.Participant(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Removed {
		t.Fatal("the rating undid the facilitator's removal")
	}
}
