package session

import (
	"context"

	"github.com/charter-tool/charter/analysis"
)

// Priorities ranks a session's themes by the documented score of analysis.Prioritize:
// votes, distinct authors and notes. Hidden notes and removed participants' votes
// do not count. Authors are counted here, on the server, so screens that must not
// know who wrote what can still show the same ranking.
func (s *Service) Priorities(ctx context.Context, sessionID string) ([]analysis.Priority, error) {
	themes, err := s.Store.Themes(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	notes, err := s.sessionNotes(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	totals, err := s.VoteTotals(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	in := make([]analysis.PriorityInput, 0, len(themes))
	for _, t := range themes {
		authors := map[int64]bool{}
		count := 0
		for _, id := range t.NoteIDs {
			if n := notes[id]; n != nil && !n.Hidden {
				authors[n.ParticipantID] = true
				count++
			}
		}
		in = append(in, analysis.PriorityInput{ID: t.ID, Key: t.Label, Votes: totals[t.ID], Authors: len(authors), Notes: count})
	}
	return analysis.Prioritize(in), nil
}
