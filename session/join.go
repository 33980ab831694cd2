package session

import "context"

// JoinStore keeps the pairs of session themes a facilitator joined into one
// campaign theme, where campaign matching had left them apart.
type JoinStore interface {
	// AddThemeJoin records that themes a and b (a < b) are one campaign theme;
	// recording a pair twice changes nothing.
	AddThemeJoin(ctx context.Context, a, b int64) error
	// ThemeJoins returns the joined pairs (lower ID first) that involve a theme of
	// the session.
	ThemeJoins(ctx context.Context, sessionID string) ([][2]int64, error)
	// RemoveThemeJoin forgets the join of themes a and b (a < b) and reports
	// whether there was one.
	RemoveThemeJoin(ctx context.Context, a, b int64) (bool, error)
}

// JoinThemes has later reports match two session themes of one campaign as one
// campaign theme, whatever their words: a facilitator's correction of a match
// missed. A split of the two (SplitThemes) is undone: the later word stands.
func (s *Service) JoinThemes(ctx context.Context, themeA, themeB int64) error {
	return s.JoinThemePairs(ctx, [][2]int64{{themeA, themeB}})
}

// JoinThemePairs is JoinThemes for every pair at once, as joining two campaign
// themes joins each session theme of one with each of the other: every pair is
// checked and stored in one transaction, so a pair refused stores none, and
// overviews hear of the join once.
func (s *Service) JoinThemePairs(ctx context.Context, pairs [][2]int64) error {
	if len(pairs) == 0 {
		return Errorf(EInvalid, "No themes to join.")
	}
	for _, p := range pairs {
		if p[0] == p[1] {
			return Errorf(EInvalid, "A theme cannot be joined with itself.")
		}
	}
	err := s.store.WriteTx(ctx, func(st Store) error {
		for _, p := range pairs {
			if err := campaignPair(ctx, st, p[0], p[1], "merge them on its board instead."); err != nil {
				return err
			}
			a, b := min(p[0], p[1]), max(p[0], p[1])
			if _, err := st.RemoveThemeSplit(ctx, a, b); err != nil {
				return err
			}
			if err := st.AddThemeJoin(ctx, a, b); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		s.publish(SessionList, ChangeSession) // campaign overviews show the join
	}
	return err
}

// UnjoinThemes undoes JoinThemes: the two session themes are matched by what
// they say again. ENotFound when they were not joined.
func (s *Service) UnjoinThemes(ctx context.Context, themeA, themeB int64) error {
	had, err := s.store.RemoveThemeJoin(ctx, min(themeA, themeB), max(themeA, themeB))
	if err != nil {
		return err
	}
	if !had {
		return Errorf(ENotFound, "Themes %d and %d were not joined.", themeA, themeB)
	}
	s.publish(SessionList, ChangeSession)
	return nil
}
