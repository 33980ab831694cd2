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
	return s.storeThemePairs(ctx, pairs, "join", "joined with", "merge them on its board instead.",
		Store.RemoveThemeSplit, Store.AddThemeJoin)
}

// UnjoinThemes undoes JoinThemes: the two session themes are matched by what
// they say again. ENotFound when they were not joined.
func (s *Service) UnjoinThemes(ctx context.Context, themeA, themeB int64) error {
	n, err := s.UndoThemePairs(ctx, nil, [][2]int64{{themeA, themeB}})
	if err == nil && n == 0 {
		return Errorf(ENotFound, "Themes %d and %d were not joined.", themeA, themeB)
	}
	return err
}
