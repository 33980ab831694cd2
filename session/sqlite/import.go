package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/charter-tool/charter/session"
)

var _ session.NoteImporter = (*DB)(nil)

// The paper column of participants: 0 for people who joined, else the
// author of imported paper notes, under an author label or as the one
// participant of a session's unlabelled notes.
const (
	paperLabelled   = 1
	paperUnlabelled = 2
)

// ImportNotes adds one anonymous participant per author, with their paper rating
// (shown at once, as their notes are), and the notes in a single transaction, so that
// a failed import leaves the session as it was. Author labels are not stored: the
// participants get pseudonyms only.
func (db *DB) ImportNotes(ctx context.Context, sessionID string, authors []session.PaperPerson, notes []session.Note) error {
	ids := make([]int64, len(authors))
	err := db.atomic(ctx, func(in *DB) error {
		tx := in.write
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM sessions WHERE id = ?`, sessionID).Scan(&n); err != nil {
			return fmt.Errorf("import: %w", err)
		}
		if n == 0 {
			return session.Errorf(session.ENotFound, "Session %s not found.", sessionID)
		}
		// The notes inserted below are the ones after this ID: a transaction
		// writes alone.
		var lastBefore int64
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM notes`).Scan(&lastBefore); err != nil {
			return fmt.Errorf("import: %w", err)
		}
		// Kept to the day, as for people who join (see JoinSession).
		now := ms(time.Now().UTC().Truncate(24 * time.Hour))
		for i, a := range authors {
			// Notes without an author label share one participant in a session,
			// however many imports bring them: a second box of unlabelled sticky
			// notes is not a second person.
			kind := paperLabelled
			if a.Label == session.PaperAuthor && a.Rating == 0 {
				kind = paperUnlabelled
				err := tx.QueryRowContext(ctx, `SELECT id FROM participants
					WHERE session_id = ? AND paper = ? AND removed = 0 ORDER BY id LIMIT 1`, sessionID, kind).Scan(&ids[i])
				if err == nil {
					continue
				}
				if !errors.Is(err, sql.ErrNoRows) {
					return fmt.Errorf("import participant: %w", err)
				}
			}
			// Same pseudonym rule as JoinSession; inside the transaction nobody else
			// can join in between.
			err := tx.QueryRowContext(ctx, `INSERT INTO participants (session_id, key_hash, name, pseudonym, joined_at, paper)
				SELECT ?, '', '', 'P' || (COUNT(*) + 1), ?, ? FROM participants WHERE session_id = ?
				RETURNING id`, sessionID, now, kind, sessionID).Scan(&ids[i])
			if err != nil {
				return fmt.Errorf("import participant: %w", err)
			}
			// A paper rating is shown at once, as the paper notes are.
			if a.Rating != 0 {
				if _, err := tx.ExecContext(ctx, `INSERT INTO ratings (session_id, rater, rating, shown_rating) VALUES (?, ?, ?, ?)`,
					sessionID, db.raters.of(ids[i]), a.Rating, a.Rating); err != nil {
					return fmt.Errorf("import rating: %w", err)
				}
			}
		}
		for i := range notes {
			nt := &notes[i]
			a := nt.ParticipantID
			if a < 0 || int(a) >= len(ids) {
				return fmt.Errorf("import: note %d names author %d of %d", i, a, len(ids))
			}
			if _, err := tx.ExecContext(ctx, insertNote, sessionID, db.authors.of(ids[a]), nt.Area, nt.Lane, nt.Activity, b2i(nt.ActivityFiled), nt.Text, b2i(nt.Hidden),
				ms(nt.CreatedAt), ms(nt.UpdatedAt)); err != nil {
				return fmt.Errorf("import note: %w", err)
			}
		}
		// Paper notes are shown on the board at once, in a batch of their own:
		// a lone writer's held notes and deletions stay held. Released with the
		// paper notes, they would show one person's notes beside a paper note
		// whoever can run import chose to add (a reviewer's finding).
		return in.release(ctx, sessionID, lastBefore)
	})
	if err != nil {
		return err
	}
	for i := range notes {
		notes[i].SessionID, notes[i].ParticipantID = sessionID, ids[notes[i].ParticipantID]
	}
	return nil
}
