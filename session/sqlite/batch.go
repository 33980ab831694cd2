package sqlite

import (
	"context"
	"fmt"

	"github.com/charter-tool/charter/session"
)

// HeldWriters returns how many people have notes or deletions in a session that the
// board does not show yet.
func (db *DB) HeldWriters(ctx context.Context, sessionID string) (int, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM (
		SELECT author FROM notes WHERE session_id = ?1 AND batch = 0
		UNION SELECT author FROM note_deletions WHERE session_id = ?1 AND batch = 0)`, sessionID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("held notes: %w", err)
	}
	return n, nil
}

// ReleaseHeld gives every held note and deletion of a session the next batch number,
// which it returns.
func (db *DB) ReleaseHeld(ctx context.Context, sessionID string) (int64, error) {
	var next int64
	err := db.atomic(ctx, func(in *DB) error {
		var err error
		next, err = in.nextBatch(ctx, sessionID)
		if err != nil {
			return err
		}
		if _, err := in.write.ExecContext(ctx, `UPDATE notes SET batch = ? WHERE session_id = ? AND batch = 0`, next, sessionID); err != nil {
			return fmt.Errorf("release notes: %w", err)
		}
		if _, err := in.write.ExecContext(ctx, `UPDATE note_deletions SET batch = ? WHERE session_id = ? AND batch = 0`, next, sessionID); err != nil {
			return fmt.Errorf("release notes: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return next, nil
}

// nextBatch is the number the next batch of a session's notes gets.
func (db *DB) nextBatch(ctx context.Context, sessionID string) (int64, error) {
	var next int64
	if err := db.write.QueryRowContext(ctx, `SELECT MAX(
		(SELECT COALESCE(MAX(batch), 0) FROM notes WHERE session_id = ?1),
		(SELECT COALESCE(MAX(batch), 0) FROM note_deletions WHERE session_id = ?1)) + 1`, sessionID).Scan(&next); err != nil {
		return 0, fmt.Errorf("release notes: %w", err)
	}
	return next, nil
}

// release gives the held notes of a session with an ID after lastBefore (those
// just imported) a batch of their own; other held notes and deletions stay held.
// It runs inside a transaction (db from atomic).
func (db *DB) release(ctx context.Context, sessionID string, lastBefore int64) error {
	next, err := db.nextBatch(ctx, sessionID)
	if err != nil {
		return err
	}
	if _, err := db.write.ExecContext(ctx, `UPDATE notes SET batch = ? WHERE session_id = ? AND batch = 0 AND id > ?`, next, sessionID, lastBefore); err != nil {
		return fmt.Errorf("release notes: %w", err)
	}
	return nil
}

// Written returns, per participant, the notes the board counts for them in the
// batches after the one numbered after (0: all): shown ones and shown deletions. last
// is the highest batch shown so far, of notes or of deletions.
func (db *DB) Written(ctx context.Context, sessionID string, after int64) (map[int64]int, int64, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT author, COUNT(*), MAX(batch) FROM (
		SELECT author, batch FROM notes WHERE session_id = ?1 AND batch > ?2
		UNION ALL SELECT author, batch FROM note_deletions WHERE session_id = ?1 AND batch > ?2) GROUP BY author`, sessionID, after)
	if err != nil {
		return nil, 0, fmt.Errorf("notes per person: %w", err)
	}
	var counted []noteRow
	var counts []int
	last := after
	for rows.Next() {
		var author string
		var n int
		var top int64
		if err := rows.Scan(&author, &n, &top); err != nil {
			rows.Close()
			return nil, 0, err
		}
		counted = append(counted, noteRow{note: &session.Note{SessionID: sessionID}, author: author})
		counts = append(counts, n)
		last = max(last, top)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	// The authors are resolved as notes' are, tokens no participant makes included.
	if _, err := db.resolve(ctx, counted); err != nil {
		return nil, 0, err
	}
	out := make(map[int64]int, len(counted))
	for i, r := range counted {
		out[r.note.ParticipantID] += counts[i]
	}
	return out, last, nil
}

// NotesReleased returns the notes of a session shown in the batches after the one
// numbered after, hidden ones included, oldest first.
func (db *DB) NotesReleased(ctx context.Context, sessionID string, after int64) ([]*session.Note, error) {
	return db.notesOf(ctx, `SELECT `+noteCols+` FROM notes WHERE session_id = ? AND batch > ? ORDER BY id`, sessionID, after)
}

// HeldRatings counts the ratings of a session the screens do not show yet: those
// that differ from the one last shown, none shown (a first rating) or one. A
// shown rating is one of 1 to 5, as ShownRatings and ShownAndHeldRatings read it.
func (db *DB) HeldRatings(ctx context.Context, sessionID string) (session.HeldRatings, error) {
	var h session.HeldRatings
	err := db.read.QueryRowContext(ctx, `SELECT COALESCE(SUM(shown_rating NOT BETWEEN 1 AND 5), 0), COALESCE(SUM(shown_rating BETWEEN 1 AND 5), 0)
		FROM ratings WHERE session_id = ? AND shown_rating != rating`, sessionID).Scan(&h.First, &h.Changes)
	if err != nil {
		return h, fmt.Errorf("held ratings: %w", err)
	}
	return h, nil
}

// ShownRatings returns a session's shown ratings, sorted; see session.RatingStore.
func (db *DB) ShownRatings(ctx context.Context, sessionID string) ([]int, error) {
	out, err := queryAll(ctx, db.read, scanInt, `SELECT shown_rating FROM ratings
		WHERE session_id = ? AND shown_rating BETWEEN 1 AND 5 ORDER BY shown_rating`, sessionID)
	if err != nil {
		return nil, fmt.Errorf("shown ratings: %w", err)
	}
	return out, nil
}

// ShownAndHeldRatings returns ShownRatings and HeldRatings in one statement.
func (db *DB) ShownAndHeldRatings(ctx context.Context, sessionID string) ([]int, session.HeldRatings, error) {
	var h session.HeldRatings
	rows, err := queryAll(ctx, db.read, func(row interface{ Scan(...any) error }) ([2]int, error) {
		var r [2]int
		err := row.Scan(&r[0], &r[1])
		return r, err
	}, `SELECT shown_rating, rating FROM ratings WHERE session_id = ? ORDER BY shown_rating`, sessionID)
	if err != nil {
		return nil, h, fmt.Errorf("ratings: %w", err)
	}
	var shown []int
	for _, r := range rows {
		switch {
		case r[0] >= 1 && r[0] <= 5:
			shown = append(shown, r[0])
			if r[1] != r[0] {
				h.Changes++
			}
		case r[1] != r[0]:
			h.First++
		}
	}
	return shown, h, nil
}

func scanInt(row interface{ Scan(...any) error }) (int, error) {
	var n int
	err := row.Scan(&n)
	return n, err
}

// ReleaseRatings shows every held rating of a session.
func (db *DB) ReleaseRatings(ctx context.Context, sessionID string) error {
	if _, err := db.write.ExecContext(ctx, `UPDATE ratings SET shown_rating = rating WHERE session_id = ? AND shown_rating != rating`, sessionID); err != nil {
		return fmt.Errorf("release ratings: %w", err)
	}
	return nil
}
