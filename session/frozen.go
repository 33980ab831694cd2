package session

import "context"

// A closed session's results are frozen: notes, hiding, who took part, ratings,
// votes, themes, action points and volunteers change only after the facilitator
// reopens it, and the findings then say that it was reopened.

// closedError is what every change to a closed session's results is refused with.
func closedError() error {
	return Errorf(EForbidden, "The session is closed: its results are frozen. To change them, reopen it on the board ([ goes back to actions); the findings will say it was reopened.")
}

// notFrozen returns the session when its results may still change.
func (s *Service) notFrozen(ctx context.Context, st Store, sessionID string) (*Session, error) {
	sess, err := st.Session(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	if sess.Phase == PhaseClosed {
		return nil, closedError()
	}
	return sess, nil
}

// reopening records the day a closed session is taken out of the closed phase.
func (s *Service) reopening(sess *Session, to Phase) {
	if sess.Phase == PhaseClosed && to != PhaseClosed {
		sess.ReopenedOn = s.Now().UTC().Format(DateLayout)
	}
}

// sameAction reports whether two versions of an action point say the same thing.
func sameAction(a, b *ActionPoint) bool {
	return a.ThemeID == b.ThemeID && a.Title == b.Title && a.Priority == b.Priority && a.Owner == b.Owner && a.Status == b.Status
}
