package session

import (
	"context"
	"slices"
)

// PlaceNotes puts notes that have no theme into the session's themes, as the
// facilitator accepted them from SuggestThemes once themes were arranged: a place
// with a theme's ID adds its notes to that theme, one without an ID makes a new
// theme of them. Nothing the facilitator arranged changes: a note that has a theme
// by now (moved meanwhile) stays where it is, and notes placed into a theme deleted
// meanwhile stay without one. It returns how many notes were placed.
func (s *Service) PlaceNotes(ctx context.Context, sessionID string, places []Theme) (int, error) {
	placed := 0
	err := s.store.WriteTx(ctx, func(st Store) error {
		placed = 0
		existing, err := st.Themes(ctx, sessionID)
		if err != nil {
			return err
		}
		notes, err := sessionNotes(ctx, st, sessionID)
		if err != nil {
			return err
		}
		taken := map[int64]bool{}
		out := make([]Theme, len(existing))
		index := map[int64]int{}
		for i, t := range existing {
			out[i] = *t
			out[i].NoteIDs = slices.Clone(t.NoteIDs)
			index[t.ID] = i
			for _, id := range t.NoteIDs {
				taken[id] = true
			}
		}
		for _, p := range places {
			var ids []int64
			for _, id := range p.NoteIDs {
				if notes[id] != nil && !taken[id] {
					taken[id] = true
					ids = append(ids, id)
				}
			}
			if len(ids) == 0 {
				continue
			}
			if p.ID == 0 {
				out = append(out, Theme{Label: p.Label, Named: p.Named, NoteIDs: ids})
				placed += len(ids)
				continue
			}
			if i, ok := index[p.ID]; ok {
				out[i].NoteIDs = append(out[i].NoteIDs, ids...)
				placed += len(ids)
			}
		}
		if err := s.saveThemes(ctx, st, sessionID, out, false); err != nil {
			return err
		}
		// A suggested name's side says what its notes now agree on, as after a move.
		return relabelSides(ctx, st, sessionID)
	})
	if err != nil {
		return 0, err
	}
	s.publish(sessionID, ChangeThemes)
	return placed, nil
}
