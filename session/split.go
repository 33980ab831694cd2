package session

import (
	"context"
)

// SplitStore keeps the pairs of session themes a facilitator split apart after
// campaign matching put them together.
type SplitStore interface {
	// AddThemeSplit records that themes a and b (a < b) are not one campaign theme;
	// recording a pair twice changes nothing.
	AddThemeSplit(ctx context.Context, a, b int64) error
	// ThemeSplits returns the split pairs (lower ID first) that involve a theme of
	// the session.
	ThemeSplits(ctx context.Context, sessionID string) ([][2]int64, error)
	// RemoveThemeSplit forgets the split of themes a and b (a < b) and reports
	// whether there was one.
	RemoveThemeSplit(ctx context.Context, a, b int64) (bool, error)
}

// UnsplitThemes undoes SplitThemes: the two session themes may be matched again.
// ENotFound when they were not split.
func (s *Service) UnsplitThemes(ctx context.Context, themeA, themeB int64) error {
	n, err := s.UndoThemePairs(ctx, [][2]int64{{themeA, themeB}}, nil)
	if err == nil && n == 0 {
		return Errorf(ENotFound, "Themes %d and %d were not split.", themeA, themeB)
	}
	return err
}

// UndoThemePairs undoes the splits (SplitThemes) and the joins (JoinThemes) of
// the pairs given, in one transaction, so that overviews hear of it once. A pair
// not split or joined (another facilitator undid it meanwhile) is passed over;
// n is how many were undone, and nothing is published when none was.
func (s *Service) UndoThemePairs(ctx context.Context, splits, joins [][2]int64) (n int, err error) {
	err = s.store.WriteTx(ctx, func(st Store) error {
		n = 0
		for _, undo := range []struct {
			pairs  [][2]int64
			remove func(ctx context.Context, a, b int64) (bool, error)
		}{{splits, st.RemoveThemeSplit}, {joins, st.RemoveThemeJoin}} {
			for _, p := range undo.pairs {
				had, err := undo.remove(ctx, min(p[0], p[1]), max(p[0], p[1]))
				if err != nil {
					return err
				}
				if had {
					n++
				}
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if n > 0 {
		s.publish(SessionList, ChangeSession) // campaign overviews show the undo
	}
	return n, nil
}

// SplitThemes keeps two session themes of one campaign from being matched as one
// campaign theme in later reports: a facilitator's correction of a wrong match.
// A join of the two (JoinThemes) is undone: the later word stands.
func (s *Service) SplitThemes(ctx context.Context, themeA, themeB int64) error {
	return s.SplitThemePairs(ctx, [][2]int64{{themeA, themeB}})
}

// SplitThemePairs is SplitThemes for every pair at once, as splitting a session
// theme from its campaign theme splits it from each other session theme there:
// every pair is checked and stored in one transaction, so a pair refused stores
// none, and overviews hear of the split once.
func (s *Service) SplitThemePairs(ctx context.Context, pairs [][2]int64) error {
	return s.storeThemePairs(ctx, pairs, "split", "split from", "a campaign never matches those.",
		Store.RemoveThemeJoin, Store.AddThemeSplit)
}

// storeThemePairs checks that each pair is of two themes of different sessions of
// one campaign, forgets it with remove (the other word on the pair: the later
// stands) and records it with add, all in one transaction, so that the pairs are
// stored as checked and a pair refused stores none, and publishes the change once.
// verb and verbWith name the change in a refusal ("split", "split from");
// sameSession ends the message when a pair's themes are of one session.
func (s *Service) storeThemePairs(ctx context.Context, pairs [][2]int64, verb, verbWith, sameSession string,
	remove func(st Store, ctx context.Context, a, b int64) (bool, error),
	add func(st Store, ctx context.Context, a, b int64) error) error {
	if len(pairs) == 0 {
		return Errorf(EInvalid, "No themes to %s.", verb)
	}
	for _, p := range pairs {
		if p[0] == p[1] {
			return Errorf(EInvalid, "A theme cannot be %s itself.", verbWith)
		}
	}
	err := s.store.WriteTx(ctx, func(st Store) error {
		if err := campaignPairs(ctx, st, pairs, sameSession); err != nil {
			return err
		}
		for _, p := range pairs {
			a, b := min(p[0], p[1]), max(p[0], p[1])
			if _, err := remove(st, ctx, a, b); err != nil {
				return err
			}
			if err := add(st, ctx, a, b); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		s.publish(SessionList, ChangeSession) // campaign overviews show the change
	}
	return err
}

// campaignPairs checks that the two themes of each pair are of different sessions
// of one campaign, reading each theme and each session once however many pairs
// hold it; sameSession ends the message when a pair's are of one session.
func campaignPairs(ctx context.Context, st Store, pairs [][2]int64, sameSession string) error {
	themes := map[int64]*Theme{}
	sessions := map[string]*Session{}
	campaign := func(themeID int64) (*Theme, string, error) {
		t, ok := themes[themeID]
		if !ok {
			var err error
			if t, err = st.Theme(ctx, themeID); err != nil {
				return nil, "", err
			}
			themes[themeID] = t
		}
		s, ok := sessions[t.SessionID]
		if !ok {
			var err error
			if s, err = st.Session(ctx, t.SessionID); err != nil {
				return nil, "", err
			}
			sessions[t.SessionID] = s
		}
		return t, s.Campaign, nil
	}
	for _, p := range pairs {
		a, ca, err := campaign(p[0])
		if err != nil {
			return err
		}
		b, cb, err := campaign(p[1])
		if err != nil {
			return err
		}
		if a.SessionID == b.SessionID {
			return Errorf(EInvalid, "Themes %d and %d are in the same session; %s", p[0], p[1], sameSession)
		}
		if !SameCampaign(ca, cb) {
			return Errorf(EInvalid, "Themes %d and %d are not in sessions of one campaign.", p[0], p[1])
		}
	}
	return nil
}
