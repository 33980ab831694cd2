package sqlite

import (
	"context"
	"fmt"
	"time"
)

// AddThemeJoin records that themes a and b (a < b) are one campaign theme.
func (db *DB) AddThemeJoin(ctx context.Context, a, b int64) error {
	_, err := db.write.ExecContext(ctx, `INSERT INTO theme_joins (theme_a, theme_b, created_at) VALUES (?, ?, ?)
		ON CONFLICT (theme_a, theme_b) DO NOTHING`, a, b, ms(time.Now()))
	if err != nil {
		return fmt.Errorf("join themes: %w", err)
	}
	return nil
}

// RemoveThemeJoin forgets the join of themes a and b (a < b).
func (db *DB) RemoveThemeJoin(ctx context.Context, a, b int64) (bool, error) {
	res, err := db.write.ExecContext(ctx, `DELETE FROM theme_joins WHERE theme_a = ? AND theme_b = ?`, a, b)
	if err != nil {
		return false, fmt.Errorf("unjoin themes: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// ThemeJoins returns the joined pairs involving a theme of the session, both of
// whose themes exist (see ThemeSplits).
func (db *DB) ThemeJoins(ctx context.Context, sessionID string) ([][2]int64, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT theme_a, theme_b FROM theme_joins
		WHERE (theme_a IN (SELECT id FROM themes WHERE session_id = ?)
		    OR theme_b IN (SELECT id FROM themes WHERE session_id = ?))
		  AND theme_a IN (SELECT id FROM themes) AND theme_b IN (SELECT id FROM themes)
		ORDER BY theme_a, theme_b`, sessionID, sessionID)
	if err != nil {
		return nil, fmt.Errorf("theme joins: %w", err)
	}
	defer rows.Close()
	var out [][2]int64
	for rows.Next() {
		var p [2]int64
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
