package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"github.com/charter-tool/charter/session"
)

var _ session.ThemeStore = (*DB)(nil)

// Theme returns the theme with id and its notes.
func (db *DB) Theme(ctx context.Context, id int64) (*session.Theme, error) {
	var t session.Theme
	var created int64
	var named int
	err := db.read.QueryRowContext(ctx, `SELECT id, session_id, label, created_at, named, name_note_id FROM themes WHERE id = ?`, id).
		Scan(&t.ID, &t.SessionID, &t.Label, &created, &named, &t.NameNote)
	t.Named = named == 1
	if err != nil {
		return nil, notFound("Theme", err)
	}
	cleanAll(&t.Label)
	t.CreatedAt = fromMS(created)
	rows, err := db.read.QueryContext(ctx, `SELECT note_id FROM theme_notes WHERE theme_id = ? ORDER BY note_id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		t.NoteIDs = append(t.NoteIDs, n)
	}
	return &t, rows.Err()
}

// Themes returns a session's themes with their notes, ordered by ID.
func (db *DB) Themes(ctx context.Context, sessionID string) ([]*session.Theme, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT id, session_id, label, created_at, named, name_note_id FROM themes WHERE session_id = ? ORDER BY id`, sessionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*session.Theme
	byID := map[int64]*session.Theme{}
	for rows.Next() {
		var t session.Theme
		var created int64
		var named int
		if err := rows.Scan(&t.ID, &t.SessionID, &t.Label, &created, &named, &t.NameNote); err != nil {
			return nil, err
		}
		t.Named = named == 1
		cleanAll(&t.Label)
		t.CreatedAt = fromMS(created)
		out = append(out, &t)
		byID[t.ID] = &t
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	notes, err := db.read.QueryContext(ctx, `SELECT tn.theme_id, tn.note_id FROM theme_notes tn
		JOIN themes t ON t.id = tn.theme_id WHERE t.session_id = ? ORDER BY tn.note_id`, sessionID)
	if err != nil {
		return nil, err
	}
	defer notes.Close()
	for notes.Next() {
		var tid, nid int64
		if err := notes.Scan(&tid, &nid); err != nil {
			return nil, err
		}
		if t := byID[tid]; t != nil {
			t.NoteIDs = append(t.NoteIDs, nid)
		}
	}
	return out, notes.Err()
}

func putNotes(ctx context.Context, tx querier, themeID int64, noteIDs []int64) error {
	for _, n := range noteIDs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO theme_notes (note_id, theme_id) VALUES (?, ?)
			ON CONFLICT (note_id) DO UPDATE SET theme_id = excluded.theme_id`, n, themeID); err != nil {
			return fmt.Errorf("theme note %d: %w", n, err)
		}
	}
	return nil
}

func insertTheme(ctx context.Context, tx querier, t *session.Theme) error {
	if t.CreatedAt.IsZero() {
		t.CreatedAt = time.Now()
	}
	// ID 0 is the next free one (NULL); any other is a theme put back by an undo.
	res, err := tx.ExecContext(ctx, `INSERT INTO themes (id, session_id, label, created_at, named, name_note_id) VALUES (NULLIF(?, 0), ?, ?, ?, ?, ?)`,
		t.ID, t.SessionID, t.Label, ms(t.CreatedAt), b2i(t.Named), t.NameNote)
	if err != nil {
		return fmt.Errorf("insert theme: %w", err)
	}
	if t.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return putNotes(ctx, tx, t.ID, t.NoteIDs)
}

// ReplaceThemes makes themes the session's only themes in one transaction.
func (db *DB) ReplaceThemes(ctx context.Context, sessionID string, themes []*session.Theme) error {
	keep := map[int64]bool{}
	for _, t := range themes {
		if t.ID != 0 {
			keep[t.ID] = true
		}
	}
	var created []*session.Theme
	err := db.atomic(ctx, func(in *DB) error {
		tx := in.write
		rows, err := tx.QueryContext(ctx, `SELECT id FROM themes WHERE session_id = ?`, sessionID)
		if err != nil {
			return err
		}
		var drop []int64
		have := map[int64]bool{}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			have[id] = true
			if !keep[id] {
				drop = append(drop, id)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, id := range drop {
			if _, err := tx.ExecContext(ctx, `DELETE FROM themes WHERE id = ?`, id); err != nil {
				return fmt.Errorf("delete theme: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM theme_notes WHERE theme_id IN (SELECT id FROM themes WHERE session_id = ?)`, sessionID); err != nil {
			return err
		}
		for _, t := range themes {
			t.SessionID = sessionID
			if t.ID == 0 {
				if err := insertTheme(ctx, tx, t); err != nil {
					return err
				}
				created = append(created, t)
				continue
			}
			if !have[t.ID] {
				if err := insertTheme(ctx, tx, t); err != nil {
					return err
				}
				continue
			}
			res, err := tx.ExecContext(ctx, `UPDATE themes SET label = ?, named = ?, name_note_id = ? WHERE id = ? AND session_id = ?`, t.Label, b2i(t.Named), t.NameNote, t.ID, sessionID)
			if err != nil {
				return fmt.Errorf("update theme: %w", err)
			}
			if err := mustAffect(res, "Theme"); err != nil {
				return err
			}
			if err := putNotes(ctx, tx, t.ID, t.NoteIDs); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		// The new themes were not stored after all.
		for _, t := range created {
			t.ID = 0
		}
	}
	return err
}

// CreateTheme stores t with its notes, taking them out of other themes.
func (db *DB) CreateTheme(ctx context.Context, t *session.Theme) error {
	err := db.atomic(ctx, func(in *DB) error { return insertTheme(ctx, in.write, t) })
	if err != nil {
		t.ID = 0
	}
	return err
}

// UpdateTheme stores the label of t.
func (db *DB) UpdateTheme(ctx context.Context, t *session.Theme) error {
	res, err := db.write.ExecContext(ctx, `UPDATE themes SET label = ?, named = ? WHERE id = ?`, t.Label, b2i(t.Named), t.ID)
	if err != nil {
		return fmt.Errorf("update theme: %w", err)
	}
	return mustAffect(res, "Theme")
}

// MergeThemes moves everything of fromID to intoID and deletes fromID; one
// person's dots on intoID add up to at most maxVotes.
func (db *DB) MergeThemes(ctx context.Context, intoID, fromID int64, maxVotes int) error {
	return db.atomic(ctx, func(in *DB) error {
		tx := in.write
		steps := []string{
			`UPDATE theme_notes SET theme_id = ?1 WHERE theme_id = ?2`,
			`INSERT INTO votes (voter, theme_id, count) SELECT voter, ?1, count FROM votes WHERE theme_id = ?2
				ON CONFLICT (voter, theme_id) DO UPDATE SET count = MIN(count + excluded.count, ?3)`,
			`INSERT INTO shown_votes (voter, theme_id, count) SELECT voter, ?1, count FROM shown_votes WHERE theme_id = ?2
				ON CONFLICT (voter, theme_id) DO UPDATE SET count = MIN(count + excluded.count, ?3)`,
			`UPDATE action_points SET theme_id = ?1 WHERE theme_id = ?2`,
		}
		for _, q := range steps {
			if _, err := tx.ExecContext(ctx, q, intoID, fromID, maxVotes); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM themes WHERE id = ?`, fromID)
		if err != nil {
			return err
		}
		return mustAffect(res, "Theme")
	})
}

// SetNoteTheme puts a note in a theme, or in none when themeID is 0.
func (db *DB) SetNoteTheme(ctx context.Context, noteID, themeID int64) error {
	if themeID == 0 {
		_, err := db.write.ExecContext(ctx, `DELETE FROM theme_notes WHERE note_id = ?`, noteID)
		return err
	}
	return putNotes(ctx, db.write, themeID, []int64{noteID})
}

// DeleteTheme deletes a theme; its votes go with it, its action points stay.
func (db *DB) DeleteTheme(ctx context.Context, id int64) error {
	res, err := db.write.ExecContext(ctx, `DELETE FROM themes WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete theme: %w", err)
	}
	return mustAffect(res, "Theme")
}

// Votes returns every vote in a session, by participant and theme.
func (db *DB) Votes(ctx context.Context, sessionID string) ([]session.Vote, error) {
	return db.votesIn(ctx, "votes", sessionID)
}

// ShownVotes returns a session's votes as last shown, by participant and theme.
func (db *DB) ShownVotes(ctx context.Context, sessionID string) ([]session.Vote, error) {
	return db.votesIn(ctx, "shown_votes", sessionID)
}

// sessionThemes selects the IDs of a session's themes.
const sessionThemes = `SELECT id FROM themes WHERE session_id = ?1`

// HeldVoters returns how many people of a session have votes that differ from the
// ones last shown.
func (db *DB) HeldVoters(ctx context.Context, sessionID string) (int, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT COUNT(DISTINCT voter) FROM (
		SELECT * FROM (SELECT voter, theme_id, count FROM votes WHERE theme_id IN (`+sessionThemes+`)
			EXCEPT SELECT voter, theme_id, count FROM shown_votes WHERE theme_id IN (`+sessionThemes+`))
		UNION ALL
		SELECT * FROM (SELECT voter, theme_id, count FROM shown_votes WHERE theme_id IN (`+sessionThemes+`)
			EXCEPT SELECT voter, theme_id, count FROM votes WHERE theme_id IN (`+sessionThemes+`)))`, sessionID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("held votes: %w", err)
	}
	return n, nil
}

// ReleaseVotes makes a session's votes the ones shown.
func (db *DB) ReleaseVotes(ctx context.Context, sessionID string) error {
	return db.atomic(ctx, func(in *DB) error {
		for _, q := range []string{
			`DELETE FROM shown_votes WHERE theme_id IN (` + sessionThemes + `)`,
			`INSERT INTO shown_votes (voter, theme_id, count) SELECT voter, theme_id, count FROM votes WHERE theme_id IN (` + sessionThemes + `)`,
		} {
			if _, err := in.write.ExecContext(ctx, q, sessionID); err != nil {
				return fmt.Errorf("release votes: %w", err)
			}
		}
		return nil
	})
}

// ClearVotes removes every dot on a theme, shown ones too.
func (db *DB) ClearVotes(ctx context.Context, themeID int64) error {
	return db.atomic(ctx, func(in *DB) error {
		for _, q := range []string{`DELETE FROM votes WHERE theme_id = ?`, `DELETE FROM shown_votes WHERE theme_id = ?`} {
			if _, err := in.write.ExecContext(ctx, q, themeID); err != nil {
				return fmt.Errorf("clear votes: %w", err)
			}
		}
		return nil
	})
}

// votesIn returns the votes of a session in table (votes or shown_votes), by
// participant and theme. A voter token no participant of the session makes (a
// database restored without its key secret) gets a negative ID of its own, as a
// note's author does (see resolve): its dots still count, nobody's are they.
func (db *DB) votesIn(ctx context.Context, table, sessionID string) ([]session.Vote, error) {
	type row struct {
		voter string
		vote  session.Vote
	}
	rows, err := queryAll(ctx, db.read, func(r interface{ Scan(...any) error }) (row, error) {
		var x row
		err := r.Scan(&x.voter, &x.vote.ThemeID, &x.vote.Count)
		return x, err
	}, `SELECT v.voter, v.theme_id, v.count FROM `+table+` v
		JOIN themes t ON t.id = v.theme_id WHERE t.session_id = ?`, sessionID)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	learned := false
	unknown := map[string]int64{}
	out := make([]session.Vote, len(rows))
	for i, r := range rows {
		id, ok := db.voters.who(r.voter)
		if !ok && !learned {
			ids, err := queryAll(ctx, db.read, scanID, `SELECT id FROM participants WHERE session_id = ?`, sessionID)
			if err != nil {
				return nil, err
			}
			db.voters.learn(ids...)
			learned = true
			id, ok = db.voters.who(r.voter)
		}
		if !ok {
			if id, ok = unknown[r.voter]; !ok {
				id = -int64(len(unknown) + 1)
				unknown[r.voter] = id
			}
		}
		out[i] = r.vote
		out[i].ParticipantID = id
	}
	slices.SortFunc(out, func(a, b session.Vote) int {
		return cmp.Or(cmp.Compare(a.ParticipantID, b.ParticipantID), cmp.Compare(a.ThemeID, b.ThemeID))
	})
	return out, nil
}

// ChangeVote checks and applies a change of dots in one write transaction, so two
// quick presses on two screens cannot both spend the last dot.
func (db *DB) ChangeVote(ctx context.Context, participantID, themeID int64, delta int, check func(mine map[int64]int) error) error {
	return db.atomic(ctx, func(in *DB) error {
		tx := in.write
		voter := in.voters.of(participantID)
		rows, err := tx.QueryContext(ctx, `SELECT theme_id, count FROM votes WHERE voter = ?`, voter)
		if err != nil {
			return err
		}
		mine := map[int64]int{}
		for rows.Next() {
			var tid int64
			var c int
			if err := rows.Scan(&tid, &c); err != nil {
				rows.Close()
				return err
			}
			mine[tid] = c
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if err := check(mine); err != nil {
			return err
		}
		n := mine[themeID] + delta
		if n <= 0 {
			_, err = tx.ExecContext(ctx, `DELETE FROM votes WHERE voter = ? AND theme_id = ?`, voter, themeID)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO votes (voter, theme_id, count) VALUES (?, ?, ?)
				ON CONFLICT (voter, theme_id) DO UPDATE SET count = excluded.count`, voter, themeID, n)
		}
		if err != nil {
			return fmt.Errorf("vote: %w", err)
		}
		return nil
	})
}

const actionCols = `id, session_id, theme_id, title, priority, owner, status, created_at, updated_at, due`

func scanAction(row interface{ Scan(...any) error }) (*session.ActionPoint, error) {
	var a session.ActionPoint
	var theme sql.NullInt64
	var created, updated int64
	if err := row.Scan(&a.ID, &a.SessionID, &theme, &a.Title, &a.Priority, &a.Owner, &a.Status, &created, &updated, &a.Due); err != nil {
		return nil, err
	}
	cleanAll(&a.Title, &a.Owner, &a.Due)
	a.ThemeID = theme.Int64
	a.CreatedAt, a.UpdatedAt = fromMS(created), fromMS(updated)
	return &a, nil
}

// nullID stores theme 0 as NULL, which the foreign key allows.
func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }

// AddAction stores a and sets its ID.
func (db *DB) AddAction(ctx context.Context, a *session.ActionPoint) error {
	res, err := db.write.ExecContext(ctx, `INSERT INTO action_points (session_id, theme_id, title, priority, owner, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, a.SessionID, nullID(a.ThemeID), a.Title, a.Priority, a.Owner, a.Status,
		ms(a.CreatedAt), ms(a.UpdatedAt))
	if err != nil {
		return fmt.Errorf("insert action point: %w", err)
	}
	a.ID, err = res.LastInsertId()
	return err
}

// Action returns the action point with id and the IDs of its volunteers.
func (db *DB) Action(ctx context.Context, id int64) (*session.ActionPoint, error) {
	a, err := scanAction(db.read.QueryRowContext(ctx, `SELECT `+actionCols+` FROM action_points WHERE id = ?`, id))
	if err != nil {
		return nil, notFound("Action point", err)
	}
	rows, err := db.read.QueryContext(ctx, `SELECT volunteer, name FROM volunteers WHERE action_id = ? ORDER BY created_at, rowid`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var tokens []string
	for rows.Next() {
		var token, name string
		if err := rows.Scan(&token, &name); err != nil {
			return nil, err
		}
		tokens = append(tokens, token)
		a.Volunteers = append(a.Volunteers, session.CleanText(name))
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	ids, err := db.whoVolunteered(ctx, a.SessionID, tokens)
	a.VolunteerIDs = ids
	return a, err
}

// whoVolunteered returns the participants behind volunteers' tokens of a session,
// in order. A token no participant of the session makes (a database restored
// without its key secret) stands for a volunteer of its own, with a negative ID, as
// an unknown note author does.
func (db *DB) whoVolunteered(ctx context.Context, sessionID string, tokens []string) ([]int64, error) {
	if len(tokens) == 0 {
		return nil, nil
	}
	for _, t := range tokens {
		if _, ok := db.volunteers.who(t); !ok {
			ids, err := queryAll(ctx, db.read, scanID, `SELECT id FROM participants WHERE session_id = ?`, sessionID)
			if err != nil {
				return nil, err
			}
			db.volunteers.learn(ids...)
			break
		}
	}
	out := make([]int64, len(tokens))
	unknown := map[string]int64{}
	for i, t := range tokens {
		id, ok := db.volunteers.who(t)
		if !ok {
			if id, ok = unknown[t]; !ok {
				id = -int64(len(unknown) + 1)
				unknown[t] = id
			}
		}
		out[i] = id
	}
	return out, nil
}

// UpdateAction stores theme, title, priority, owner, status and updated time of a.
func (db *DB) UpdateAction(ctx context.Context, a *session.ActionPoint) error {
	res, err := db.write.ExecContext(ctx, `UPDATE action_points SET theme_id = ?, title = ?, priority = ?, owner = ?, status = ?, updated_at = ?
		WHERE id = ?`, nullID(a.ThemeID), a.Title, a.Priority, a.Owner, a.Status, ms(a.UpdatedAt), a.ID)
	if err != nil {
		return fmt.Errorf("update action point: %w", err)
	}
	return mustAffect(res, "Action point")
}

// DeleteAction deletes an action point and its volunteers.
func (db *DB) DeleteAction(ctx context.Context, id int64) error {
	res, err := db.write.ExecContext(ctx, `DELETE FROM action_points WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete action point: %w", err)
	}
	return mustAffect(res, "Action point")
}

// Actions returns a session's action points ordered by ID with their volunteers' IDs.
func (db *DB) Actions(ctx context.Context, sessionID string) ([]*session.ActionPoint, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT `+actionCols+` FROM action_points WHERE session_id = ? ORDER BY id`, sessionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*session.ActionPoint
	byID := map[int64]*session.ActionPoint{}
	for rows.Next() {
		a, err := scanAction(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
		byID[a.ID] = a
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	vs, err := db.read.QueryContext(ctx, `SELECT v.action_id, v.volunteer, v.name FROM volunteers v
		JOIN action_points a ON a.id = v.action_id WHERE a.session_id = ? ORDER BY v.created_at, v.rowid`, sessionID)
	if err != nil {
		return nil, err
	}
	defer vs.Close()
	var (
		tokens []string
		of     []*session.ActionPoint
	)
	for vs.Next() {
		var aid int64
		var token, name string
		if err := vs.Scan(&aid, &token, &name); err != nil {
			return nil, err
		}
		if a := byID[aid]; a != nil {
			tokens, of = append(tokens, token), append(of, a)
			a.Volunteers = append(a.Volunteers, session.CleanText(name))
		}
	}
	if err := vs.Err(); err != nil {
		return nil, err
	}
	vs.Close()
	ids, err := db.whoVolunteered(ctx, sessionID, tokens)
	if err != nil {
		return nil, err
	}
	for i, a := range of {
		a.VolunteerIDs = append(a.VolunteerIDs, ids[i])
	}
	return out, nil
}

// SetVolunteer records a participant's volunteering for an action point under name,
// or withdraws it.
func (db *DB) SetVolunteer(ctx context.Context, actionID, participantID int64, name string, on bool) error {
	var err error
	if on {
		_, err = db.write.ExecContext(ctx, `INSERT INTO volunteers (action_id, volunteer, name, created_at) VALUES (?, ?, ?, ?)
			ON CONFLICT DO NOTHING`, actionID, db.volunteers.of(participantID), name, ms(time.Now()))
	} else {
		_, err = db.write.ExecContext(ctx, `DELETE FROM volunteers WHERE action_id = ? AND volunteer = ?`, actionID, db.volunteers.of(participantID))
	}
	if err != nil {
		return fmt.Errorf("volunteer: %w", err)
	}
	return nil
}
