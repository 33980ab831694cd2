package session

import "context"

// BoardNotes returns the notes the facilitator's board shows. While notes are being
// written (write and reveal), they reach the board only in batches that hold notes of
// at least two people, each batch in an order of its own content (area, lane, text),
// never of writing: the board's per-person counts come from the same notes, so a new
// note and the count that went up with it cannot be matched. A lone writer's notes
// wait until someone else writes, or until the group phase, when all are shown.
// Batches follow the order of writing, so a note once shown stays shown.
func (s *Service) BoardNotes(ctx context.Context, sessionID string) ([]*Note, error) {
	sess, err := s.Store.Session(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	all, err := s.Store.Notes(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	if sess.Phase != PhaseWrite && sess.Phase != PhaseReveal {
		return all, nil
	}
	return releasedNotes(all), nil
}

// releasedNotes cuts notes, in the order they were written, into batches that each
// close with the first note of a second person; the last batch, of one person only,
// is held back.
func releasedNotes(all []*Note) []*Note {
	var out, batch []*Note
	authors := map[int64]bool{}
	for _, n := range all {
		batch = append(batch, n)
		authors[n.ParticipantID] = true
		if len(authors) >= 2 {
			// The note that closed the batch is always the second person's: the
			// order within a batch must say nothing, so it is that of the texts.
			SortNotes(batch)
			out = append(out, batch...)
			batch, authors = nil, map[int64]bool{}
		}
	}
	return out
}
