package sqlite

import (
	"context"
	"fmt"
	"time"
)

// SetActionDue stores the due day of an action point in one single-column update.
func (db *DB) SetActionDue(ctx context.Context, actionID int64, due string, updated time.Time) error {
	res, err := db.write.ExecContext(ctx, `UPDATE action_points SET due = ?, updated_at = ? WHERE id = ?`, due, ms(updated), actionID)
	if err != nil {
		return fmt.Errorf("set due date: %w", err)
	}
	return mustAffect(res, "Action point")
}
