package session

import (
	"context"
	"fmt"
)

// SetActionDue sets the day an action point is due, YYYY-MM-DD, or clears it when
// due is empty; a later campaign's follow-up shows it beside the status. A day before
// the session is refused: most likely a slip of the year, it would reach the
// findings as overdue from the start.
func (s *Service) SetActionDue(ctx context.Context, actionID int64, due string) error {
	d, err := ValidDate(due)
	if err != nil {
		return err
	}
	var sessionID string
	err = s.store.WriteTx(ctx, func(st Store) error {
		a, err := st.Action(ctx, actionID)
		if err != nil {
			return err
		}
		sessionID = a.SessionID
		if d != "" {
			sess, err := st.Session(ctx, a.SessionID)
			if err != nil {
				return err
			}
			if day := sess.Day().Format(DateLayout); d < day {
				return Errorf(EInvalid, "%s is before the session (%s): give a day from %s on.", d, day, day)
			}
		}
		if err := st.SetActionDue(ctx, actionID, d, s.Now()); err != nil {
			return fmt.Errorf("set due date: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.publish(sessionID, ChangeThemes)
	return nil
}
