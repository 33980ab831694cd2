package session

import (
	"cmp"
	"context"
	"slices"
	"sync"
)

// The facilitator's board must not tie a note to its writer by timing: if each note
// appeared as it was saved while its writer's count went up, a note arriving alone
// would name its writer. So while notes are written, new notes and the per-person
// counts that go with them reach the board together, in batches that hold notes of
// at least MinBatchWriters people, each batch listed in an order of its own content
// (area, lane, activity, text), never of writing. A lone writer's notes are held back
// until someone else writes or the session moves to another phase. People are counted
// by what they wrote: a deleted note still counts for its writer, so that a note
// disappearing and a count going down at once cannot name its writer either.

// MinBatchWriters is how many people's notes a batch shown on the board holds at
// least.
const MinBatchWriters = 2

// ChangeReleased is a batch of notes reaching the facilitator's board.
const ChangeReleased Change = 1 << 6

// BatchStore is what batching needs of a store. Held notes and deletions are those
// not shown on the board yet (batch 0).
type BatchStore interface {
	// HeldWriters returns how many people have held notes or deletions in a session.
	HeldWriters(ctx context.Context, sessionID string) (int, error)
	// ReleaseHeld shows every held note and deletion of a session on the board, as one
	// new batch.
	ReleaseHeld(ctx context.Context, sessionID string) error
	// Written returns, per participant, how many notes the board counts for them in
	// the batches after the one numbered after (0: all): those shown, and those
	// deleted after or before being shown, once shown. last is the highest batch
	// shown so far.
	Written(ctx context.Context, sessionID string, after int64) (counts map[int64]int, last int64, err error)
	// NotesReleased returns the notes shown in the batches after the one numbered
	// after, hidden ones included.
	NotesReleased(ctx context.Context, sessionID string, after int64) ([]*Note, error)
}

// releaseDue is the rule: held notes are shown once they come from at least
// MinBatchWriters people, or all at once when the phase moves on (forced).
func releaseDue(heldWriters int, forced bool) bool {
	return heldWriters >= MinBatchWriters || forced && heldWriters > 0
}

// boardNotes orders notes as the board lists them, oldest batch first, each batch in
// the order of its content; held notes are left out.
func boardNotes(all []*Note) []*Note {
	var shown []*Note
	for _, n := range all {
		if n.Batch > 0 {
			c := *n
			c.ParticipantID = 0 // the board counts people from Written, never from notes
			shown = append(shown, &c)
		}
	}
	SortNotes(shown)
	slices.SortStableFunc(shown, func(a, b *Note) int { return cmp.Compare(a.Batch, b.Batch) })
	return shown
}

// releases runs one release at a time per session: notes saved while one runs are
// taken by the next, so a burst of notes costs a few releases, not one each.
type releases struct {
	mu      sync.Mutex
	running map[string]bool
	again   map[string]bool
}

// release shows a session's held notes on the board when the rule allows. Called
// after each note saved; when a release of the session is running, that one runs
// again instead.
func (s *Service) release(ctx context.Context, sessionID string) error {
	r := &s.releases
	r.mu.Lock()
	if r.running == nil {
		r.running, r.again = map[string]bool{}, map[string]bool{}
	}
	if r.running[sessionID] {
		r.again[sessionID] = true
		r.mu.Unlock()
		return nil
	}
	r.running[sessionID] = true
	r.mu.Unlock()
	for {
		released := false
		// A read first, off the one write connection the note writer needs: a lone
		// writer's notes release nothing. Checked again in the transaction, as a
		// phase move may have released them meanwhile.
		n, err := s.store.HeldWriters(ctx, sessionID)
		if err == nil && releaseDue(n, false) {
			err = s.store.WriteTx(ctx, func(st Store) error {
				n, err := st.HeldWriters(ctx, sessionID)
				if err != nil || !releaseDue(n, false) {
					return err
				}
				released = true
				return st.ReleaseHeld(ctx, sessionID)
			})
		}
		if released && err == nil {
			s.publish(sessionID, ChangeReleased)
		}
		// Whether to go again is decided under the lock that callers set it under,
		// so that no call is lost between the check and the end of this one.
		r.mu.Lock()
		again := r.again[sessionID] && err == nil
		delete(r.again, sessionID)
		if !again {
			delete(r.running, sessionID)
		}
		r.mu.Unlock()
		if !again {
			return err
		}
	}
}

// releaseAll shows every held note of a session, inside the transaction of a phase
// move: the writing is over, whoever wrote last.
func releaseAll(ctx context.Context, st Store, sessionID string) error {
	n, err := st.HeldWriters(ctx, sessionID)
	if err != nil || !releaseDue(n, true) {
		return err
	}
	return st.ReleaseHeld(ctx, sessionID)
}
