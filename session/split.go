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
	had, err := s.store.RemoveThemeSplit(ctx, min(themeA, themeB), max(themeA, themeB))
	if err != nil {
		return err
	}
	if !had {
		return Errorf(ENotFound, "Themes %d and %d were not split.", themeA, themeB)
	}
	s.publish(SessionList, ChangeSession)
	return nil
}

// SplitThemes keeps two session themes of one campaign from being matched as one
// campaign theme in later reports: a facilitator's correction of a wrong match.
// A join of the two (JoinThemes) is undone: the later word stands.
func (s *Service) SplitThemes(ctx context.Context, themeA, themeB int64) error {
	if themeA == themeB {
		return Errorf(EInvalid, "A theme cannot be split from itself.")
	}
	// One transaction: the split joins the themes and sessions as checked.
	err := s.store.WriteTx(ctx, func(st Store) error {
		if err := campaignPair(ctx, st, themeA, themeB, "a campaign never matches those."); err != nil {
			return err
		}
		a, b := min(themeA, themeB), max(themeA, themeB)
		if _, err := st.RemoveThemeJoin(ctx, a, b); err != nil {
			return err
		}
		return st.AddThemeSplit(ctx, a, b)
	})
	if err == nil {
		s.publish(SessionList, ChangeSession) // campaign overviews show the split
	}
	return err
}

// campaignPair checks that two themes are of different sessions of one campaign;
// sameSession ends the message when they are of one session.
func campaignPair(ctx context.Context, st Store, themeA, themeB int64, sameSession string) error {
	a, err := st.Theme(ctx, themeA)
	if err != nil {
		return err
	}
	b, err := st.Theme(ctx, themeB)
	if err != nil {
		return err
	}
	if a.SessionID == b.SessionID {
		return Errorf(EInvalid, "Themes %d and %d are in the same session; %s", themeA, themeB, sameSession)
	}
	sa, err := st.Session(ctx, a.SessionID)
	if err != nil {
		return err
	}
	sb, err := st.Session(ctx, b.SessionID)
	if err != nil {
		return err
	}
	if !SameCampaign(sa.Campaign, sb.Campaign) {
		return Errorf(EInvalid, "Themes %d and %d are not in sessions of one campaign.", themeA, themeB)
	}
	return nil
}
