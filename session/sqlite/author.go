package sqlite

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"sync"

	"github.com/charter-tool/charter/session"
)

// authors turns participant IDs into the tokens notes are stored under, and back. A
// note's author column holds a keyed hash of the participant's ID under the key
// secret (DATA/key_secret, outside the database): the running server, which holds
// the secret, knows whose note is whose, while a copy of the database alone only
// shows which notes came from the same unnamed person, never which participant.
//
// Volunteers are stored under tokens of their own (see newVolunteers), so that the
// name someone gives for an action point is not tied to their notes either.
type authors struct {
	secret []byte
	// purpose keeps one use's tokens apart from another's: "note author".
	purpose string
	mu      sync.Mutex
	token   map[int64]string
	person  map[string]int64
}

func newAuthors(secret []byte) *authors { return newTokens(secret, "note author") }

// newVolunteers makes the tokens volunteers for action points are stored under.
func newVolunteers(secret []byte) *authors { return newTokens(secret, "volunteer") }

// newRaters makes the tokens check-in ratings are stored under.
func newRaters(secret []byte) *authors { return newTokens(secret, "rating") }

// newVoters makes the tokens dots are stored under.
func newVoters(secret []byte) *authors { return newTokens(secret, "vote") }

func newTokens(secret []byte, purpose string) *authors {
	return &authors{secret: secret, purpose: purpose, token: map[int64]string{}, person: map[string]int64{}}
}

// of returns the token of participant id.
func (a *authors) of(id int64) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.ofLocked(id)
}

func (a *authors) ofLocked(id int64) string {
	if t, ok := a.token[id]; ok {
		return t
	}
	m := hmac.New(sha256.New, a.secret)
	m.Write([]byte(a.purpose + "\x00"))
	m.Write([]byte(strconv.FormatInt(id, 10)))
	t := hex.EncodeToString(m.Sum(nil)[:16])
	a.token[id], a.person[t] = t, id
	return t
}

// learn remembers the tokens of participants ids.
func (a *authors) learn(ids ...int64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, id := range ids {
		a.ofLocked(id)
	}
}

// who returns the participant a token stands for, if known.
func (a *authors) who(token string) (int64, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	id, ok := a.person[token]
	return id, ok
}

// noteRow is a note as stored, with its author token.
type noteRow struct {
	note   *session.Note
	author string
}

// resolve sets the participant of each note from its author token. Tokens not known
// yet are those of participants not read since the server started: the session's
// participants are read once to learn them. A token no participant makes (a database
// restored without its key secret) gets a negative ID of its own, so that notes of one
// person still count as one person while nobody can edit them.
func (db *DB) resolve(ctx context.Context, rows []noteRow) ([]*session.Note, error) {
	out := make([]*session.Note, len(rows))
	var missing map[string]bool // by session
	for i, r := range rows {
		out[i] = r.note
		if id, ok := db.authors.who(r.author); ok {
			r.note.ParticipantID = id
			continue
		}
		if missing == nil {
			missing = map[string]bool{}
		}
		missing[r.note.SessionID] = true
	}
	if missing == nil {
		return out, nil
	}
	for sessionID := range missing {
		ids, err := queryAll(ctx, db.read, scanID, `SELECT id FROM participants WHERE session_id = ?`, sessionID)
		if err != nil {
			return nil, err
		}
		db.authors.learn(ids...)
	}
	unknown := map[string]int64{}
	for _, r := range rows {
		id, ok := db.authors.who(r.author)
		if !ok {
			if id, ok = unknown[r.author]; !ok {
				id = -int64(len(unknown) + 1)
				unknown[r.author] = id
			}
		}
		r.note.ParticipantID = id
	}
	return out, nil
}

func scanID(row interface{ Scan(...any) error }) (int64, error) {
	var id int64
	err := row.Scan(&id)
	return id, err
}

// fillAuthors replaces the placeholders migration 012 left ('participant:ID') with
// the participants' tokens.
func fillAuthors(ctx context.Context, q querier, a *authors) error {
	return fillTokens(ctx, q, a, "notes", "author")
}

// fillTokens replaces the placeholders "participant:ID" a migration left in
// table's column with the tokens of a. The tokens go to a temporary table first, so
// that the replacement is one pass over table whatever index it has: an update per
// participant read the whole table each time (22 s for 20,000 rated participants).
func fillTokens(ctx context.Context, q querier, a *authors, table, column string) error {
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT CAST(substr(`+column+`, 13) AS INTEGER) FROM `+table+` WHERE `+column+` LIKE 'participant:%'`)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return err
	}
	if _, err := q.ExecContext(ctx, `CREATE TEMP TABLE placeholder_tokens (placeholder TEXT PRIMARY KEY, token TEXT NOT NULL) WITHOUT ROWID`); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := q.ExecContext(ctx, `INSERT INTO placeholder_tokens VALUES (?, ?)`, "participant:"+strconv.FormatInt(id, 10), a.of(id)); err != nil {
			return err
		}
	}
	if _, err := q.ExecContext(ctx, `UPDATE `+table+` SET `+column+` = (SELECT token FROM placeholder_tokens WHERE placeholder = `+table+`.`+column+`)
		WHERE `+column+` IN (SELECT placeholder FROM placeholder_tokens)`); err != nil {
		return err
	}
	_, err = q.ExecContext(ctx, `DROP TABLE temp.placeholder_tokens`)
	return err
}
