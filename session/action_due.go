package session

import (
	"context"
	"fmt"
)

// SetActionDue sets the day an action point is due, YYYY-MM-DD, or clears it when
// due is empty; a later campaign's follow-up shows it beside the status.
func (s *Service) SetActionDue(ctx context.Context, actionID int64, due string) error {
	d, err := ValidDate(due)
	if err != nil {
		return err
	}
	a, err := s.store.Action(ctx, actionID)
	if err != nil {
		return err
	}
	if err := s.store.SetActionDue(ctx, actionID, d, s.Now()); err != nil {
		return fmt.Errorf("set due date: %w", err)
	}
	s.publish(a.SessionID, ChangeThemes)
	return nil
}
