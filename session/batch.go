package session

import (
	"cmp"
	"context"
	"slices"
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
	// new batch, and returns its number.
	ReleaseHeld(ctx context.Context, sessionID string) (int64, error)
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

// ReleaseIfDue shows a session's held notes on the board, in the transaction of st,
// when the rule allows, and returns the batch they were shown in (0: none). A store
// runs it in the transaction that stores new notes (see Store.AddNote), so that a
// batch of notes and their release cost one commit: a release in a transaction of
// its own, after each note, doubled the commits and fsyncs of a burst of notes, and
// the author whose note started it waited for every release others' notes asked for
// meanwhile.
func ReleaseIfDue(ctx context.Context, st Store, sessionID string) (int64, error) {
	return release(ctx, st, sessionID, false)
}

// releaseAll shows every held note of a session, inside the transaction of a phase
// move: the writing is over, whoever wrote last.
func releaseAll(ctx context.Context, st Store, sessionID string) error {
	_, err := release(ctx, st, sessionID, true)
	return err
}

// release shows a session's held notes when releaseDue allows, and returns the
// batch they were shown in (0: none).
func release(ctx context.Context, st Store, sessionID string, forced bool) (int64, error) {
	n, err := st.HeldWriters(ctx, sessionID)
	if err != nil || !releaseDue(n, forced) {
		return 0, err
	}
	return st.ReleaseHeld(ctx, sessionID)
}
