package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/charter-tool/charter/session"
)

// codeAlphabet is the characters of every code people are given.
const codeAlphabet = session.CodeAlphabet

// codeLen gives 31^8, about 2^39.6 codes: guessing one by trying is hopeless with a
// lockout after a few wrong tries.
const codeLen = 8

func newCode() (string, error) {
	var b strings.Builder
	for i := 0; i < codeLen; i++ {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(codeAlphabet))))
		if err != nil {
			return "", err
		}
		b.WriteByte(codeAlphabet[n.Int64()])
	}
	return b.String(), nil
}

func newID() (string, error) {
	b := make([]byte, 4)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

const sessionCols = `id, title, audience, location, mode, campaign, code, phase, activities, vote_budget,
	ratings_shown, timer_set_ms, timer_left_ms, timer_running, timer_ends_ms, created_at, updated_at, held_on, reopened_on, reached`

// sessionHeld is whether the session of table t has taken place as the documents
// tell it (session.Session.Held): someone in it not removed, or a note shown (not
// hidden, nor held back for a second writer). It is read after sessionCols.
func sessionHeld(t string) string {
	return `CASE WHEN EXISTS (SELECT 1 FROM participants WHERE session_id = ` + t + `.id AND removed = 0) THEN 1
		ELSE EXISTS (SELECT 1 FROM notes WHERE session_id = ` + t + `.id AND batch <> 0 AND hidden = 0) END`
}

// selectSessions reads sessionCols and sessionHeld of the sessions.
var selectSessions = `SELECT ` + sessionCols + `, ` + sessionHeld("sessions") + ` FROM sessions`

func scanSession(row interface{ Scan(...any) error }) (*session.Session, error) {
	var r sessionRow
	if err := row.Scan(r.dest()...); err != nil {
		return nil, err
	}
	return r.session()
}

// sessionRow is a row of sessionCols as scanned, before it is a session.
type sessionRow struct {
	s                                 session.Session
	acts                              string
	ratings, running, held            int
	set, left, ends, created, updated int64
}

// dest are the destinations of sessionCols and sessionHeld, in their order.
func (r *sessionRow) dest() []any {
	s := &r.s
	return []any{&s.ID, &s.Title, &s.Audience, &s.Location, &s.Mode, &s.Campaign, &s.Code, &s.Phase,
		&r.acts, &s.VoteBudget, &r.ratings, &r.set, &r.left, &r.running, &r.ends, &r.created, &r.updated, &s.Date, &s.ReopenedOn, &s.Reached, &r.held}
}

func (r *sessionRow) session() (*session.Session, error) {
	s := r.s
	if err := json.Unmarshal([]byte(r.acts), &s.Activities); err != nil {
		return nil, fmt.Errorf("session %s activities: %w", s.ID, err)
	}
	cleanAll(&s.Title, &s.Location, &s.Campaign, &s.Code, &s.Date, &s.ReopenedOn)
	s.Audience = session.Audience(session.CleanText(string(s.Audience)))
	s.Mode = session.Mode(session.CleanText(string(s.Mode)))
	s.Phase = session.Phase(session.CleanText(string(s.Phase)))
	s.Reached = session.Phase(session.CleanText(string(s.Reached)))
	for i := range s.Activities {
		cleanAll(&s.Activities[i])
	}
	s.RatingsShown, s.Held = r.ratings == 1, r.held == 1
	s.Timer = session.Timer{Set: time.Duration(r.set) * time.Millisecond, Left: time.Duration(r.left) * time.Millisecond,
		Running: r.running == 1, Ends: fromMS(r.ends)}
	s.CreatedAt, s.UpdatedAt = fromMS(r.created), fromMS(r.updated)
	return &s, nil
}

// CreateSession stores s with a new ID and join code.
func (db *DB) CreateSession(ctx context.Context, s *session.Session) error {
	now := time.Now()
	s.CreatedAt, s.UpdatedAt = now, now
	acts, err := json.Marshal(s.Activities)
	if err != nil {
		return err
	}
	// A clash of random IDs or codes is rare; try again rather than fail.
	for try := 0; try < 5; try++ {
		if s.ID, err = newID(); err != nil {
			return err
		}
		if s.Code, err = newCode(); err != nil {
			return err
		}
		_, err = db.write.ExecContext(ctx, `INSERT INTO sessions (`+sessionCols+`)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			s.ID, s.Title, s.Audience, s.Location, s.Mode, s.Campaign, s.Code, s.Phase, string(acts), s.VoteBudget,
			b2i(s.RatingsShown), s.Timer.Set.Milliseconds(), s.Timer.Left.Milliseconds(), b2i(s.Timer.Running),
			ms(s.Timer.Ends), ms(now), ms(now), s.Date, s.ReopenedOn, s.Furthest())
		if err == nil || !strings.Contains(err.Error(), "UNIQUE") {
			break
		}
	}
	if err != nil {
		return fmt.Errorf("insert session: %w", err)
	}
	return nil
}

func notFound(what string, err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return session.Errorf(session.ENotFound, "%s not found.", what)
	}
	return err
}

// Session returns the session with id.
func (db *DB) Session(ctx context.Context, id string) (*session.Session, error) {
	s, err := scanSession(db.read.QueryRowContext(ctx, selectSessions+` WHERE id = ?`, id))
	return s, notFound("Session "+id, err)
}

// SessionByCode returns the session whose join code is code (normalized).
func (db *DB) SessionByCode(ctx context.Context, code string) (*session.Session, error) {
	s, err := scanSession(db.read.QueryRowContext(ctx, selectSessions+` WHERE code = ?`, session.NormalizeCode(code)))
	return s, notFound("Session", err)
}

// Sessions returns every session, newest first.
func (db *DB) Sessions(ctx context.Context) ([]*session.Session, error) {
	return queryAll(ctx, db.read, scanSession, selectSessions+` ORDER BY created_at DESC, id`)
}

// UpdateSession stores the changeable fields of s.
func (db *DB) UpdateSession(ctx context.Context, s *session.Session) error {
	acts, err := json.Marshal(s.Activities)
	if err != nil {
		return err
	}
	s.UpdatedAt = time.Now()
	res, err := db.write.ExecContext(ctx, `UPDATE sessions SET phase = ?, activities = ?, vote_budget = ?, ratings_shown = ?,
		timer_set_ms = ?, timer_left_ms = ?, timer_running = ?, timer_ends_ms = ?, updated_at = ?, held_on = ?, reopened_on = ?, reached = ? WHERE id = ?`,
		s.Phase, string(acts), s.VoteBudget, b2i(s.RatingsShown), s.Timer.Set.Milliseconds(), s.Timer.Left.Milliseconds(),
		b2i(s.Timer.Running), ms(s.Timer.Ends), ms(s.UpdatedAt), s.Date, s.ReopenedOn, s.Furthest(), s.ID)
	if err != nil {
		return fmt.Errorf("update session: %w", err)
	}
	return mustAffect(res, "Session "+s.ID)
}

// queryAll runs a query and scans every row with scan.
func queryAll[T any](ctx context.Context, db querier, scan func(interface{ Scan(...any) error }) (T, error), q string, args ...any) ([]T, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func mustAffect(res sql.Result, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return session.Errorf(session.ENotFound, "%s not found.", what)
	}
	return nil
}

// participantCols are a participant's columns. Their check-in rating is not among
// them: it is kept in ratings, under a token (see withRatings).
const participantCols = `id, session_id, key_hash, name, pseudonym, done, removed, joined_at, tenure, appointment, level, paper`

func scanParticipant(row interface{ Scan(...any) error }) (*session.Participant, error) {
	var r participantRow
	if err := row.Scan(r.dest()...); err != nil {
		return nil, err
	}
	return r.participant(), nil
}

// participantRow is a row of participantCols as scanned, before it is a participant.
type participantRow struct {
	p                    session.Participant
	done, removed, paper int
	joined               int64
}

// dest are the destinations of participantCols, in their order.
func (r *participantRow) dest() []any {
	p := &r.p
	return []any{&p.ID, &p.SessionID, &p.KeyHash, &p.Name, &p.Pseudonym, &r.done, &r.removed, &r.joined,
		&p.Profile.Tenure, &p.Profile.Appointment, &p.Profile.Level, &r.paper}
}

func (r *participantRow) participant() *session.Participant {
	p := r.p
	cleanAll(&p.Name, &p.Pseudonym, &p.Profile.Tenure, &p.Profile.Appointment, &p.Profile.Level)
	p.Paper = r.paper != 0
	p.Unlabelled = r.paper == paperUnlabelled
	p.Done, p.Removed, p.JoinedAt = r.done == 1, r.removed == 1, fromMS(r.joined)
	return &p
}

// JoinSession returns the participant with keyHash in the session, or adds a new one.
func (db *DB) JoinSession(ctx context.Context, sessionID, keyHash, name string) (*session.Participant, bool, error) {
	byKey := func() (*session.Participant, error) {
		p, err := scanParticipant(db.read.QueryRowContext(ctx, `SELECT `+participantCols+` FROM participants
			WHERE session_id = ? AND key_hash = ?`, sessionID, keyHash))
		if err != nil {
			return nil, err
		}
		return p, db.withRatings(ctx, p)
	}
	if keyHash != "" {
		p, err := byKey()
		if err == nil {
			return p, false, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return nil, false, err
		}
	}
	// Kept to the day: a time to the millisecond would line the participant up with
	// the connection in the server's log.
	now := time.Now().UTC().Truncate(24 * time.Hour)
	// The pseudonym is chosen inside the insert so that two people joining at once
	// cannot get the same one.
	row := db.write.QueryRowContext(ctx, `INSERT INTO participants (session_id, key_hash, name, pseudonym, joined_at)
		SELECT ?, ?, ?, 'P' || (COUNT(*) + 1), ? FROM participants WHERE session_id = ?
		ON CONFLICT DO NOTHING
		RETURNING `+participantCols, sessionID, keyHash, name, ms(now), sessionID)
	p, err := scanParticipant(row)
	if errors.Is(err, sql.ErrNoRows) && keyHash != "" {
		// The same key joined at the same moment on another connection.
		p, err = byKey()
		return p, false, err
	}
	if err != nil {
		return nil, false, fmt.Errorf("join session: %w", err)
	}
	return p, true, nil
}

// SetRejoinCode stores the keyed hash of participant id's personal rejoin code.
func (db *DB) SetRejoinCode(ctx context.Context, id int64, code string) error {
	res, err := db.write.ExecContext(ctx, `UPDATE participants SET rejoin_hash = ? WHERE id = ?`,
		session.HashRejoinCode(db.authors.secret, code), id)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return session.Errorf(session.EConflict, "That rejoin code is taken.")
		}
		return fmt.Errorf("set rejoin code: %w", err)
	}
	return mustAffect(res, "Participant")
}

// ParticipantByRejoinCode returns the participant whose personal rejoin code is code.
func (db *DB) ParticipantByRejoinCode(ctx context.Context, code string) (*session.Participant, error) {
	h := session.HashRejoinCode(db.authors.secret, code)
	if h == "" {
		return nil, session.Errorf(session.ENotFound, "Participant not found.")
	}
	// Said non-empty, so that the index of rejoin codes (of people without a key
	// only) serves the query: without it every participant ever held was read.
	p, err := scanParticipant(db.read.QueryRowContext(ctx, `SELECT `+participantCols+` FROM participants WHERE rejoin_hash = ? AND rejoin_hash != ''`, h))
	if err != nil {
		return nil, notFound("Participant", err)
	}
	return p, db.withRatings(ctx, p)
}

// Participant returns the participant with id, their rating read in the same
// statement.
func (db *DB) Participant(ctx context.Context, id int64) (*session.Participant, error) {
	var r participantRow
	err := db.read.QueryRowContext(ctx, participantByID, id, db.raters.of(id)).Scan(append(r.dest(), r.ratingDest()...)...)
	if err != nil {
		return nil, notFound("Participant", err)
	}
	return r.participant(), nil
}

// ratingOf joins a participant's rating (of rater ?2) to a statement on
// participants p.
const ratingOf = ` LEFT JOIN ratings r ON r.session_id = p.session_id AND r.rater = ?2`

// ratingCols are the rating and the shown rating of ratingOf, 0 when none.
const ratingCols = `COALESCE(r.rating, 0), COALESCE(r.shown_rating, 0)`

var participantByID = `SELECT ` + qualified("p", participantCols) + `, ` + ratingCols + `
	FROM participants p` + ratingOf + ` WHERE p.id = CAST(?1 AS INTEGER)`

// participantInSession reads a participant, their rating and their session in one
// statement. The ID is cast: compared bare with the joined table's key, a new ID
// bound to the kept statement made SQLite compile it again at every call (as if the
// schema had changed), which was most of the statement's time.
var participantInSession = `SELECT ` + qualified("p", participantCols) + `, ` + qualified("s", sessionCols) + `, ` + sessionHeld("s") + `, ` + ratingCols + `
	FROM participants p JOIN sessions s ON s.id = p.session_id` + ratingOf + ` WHERE p.id = CAST(?1 AS INTEGER)`

// qualified prefixes each of the comma-separated columns cols with table.
func qualified(table, cols string) string {
	fields := strings.Split(cols, ",")
	for i, f := range fields {
		fields[i] = table + "." + strings.TrimSpace(f)
	}
	return strings.Join(fields, ", ")
}

// ParticipantInSession returns the participant with id and their session, read in
// one statement (one snapshot, without a transaction around two reads).
func (db *DB) ParticipantInSession(ctx context.Context, id int64) (*session.Participant, *session.Session, error) {
	if db.batchSessions != nil {
		return db.participantInBatch(ctx, id)
	}
	var pr participantRow
	var sr sessionRow
	dest := append(append(pr.dest(), sr.dest()...), pr.ratingDest()...)
	if err := db.read.QueryRowContext(ctx, participantInSession, id, db.raters.of(id)).Scan(dest...); err != nil {
		return nil, nil, notFound("Participant", err)
	}
	sess, err := sr.session()
	if err != nil {
		return nil, nil, err
	}
	return pr.participant(), sess, nil
}

// NoteAuthor returns the participant with id, of whom only the ID, session and
// removal are read, and their session. In the checks of a note batch (the note
// writer's) the session is read once for the batch: a batch of a burst holds
// notes of many people in one session; the session's twenty columns and
// activities, read and cleaned for each, were a fifth of what the server allocated
// while 300 people saved notes at once. The participant's other columns and
// rating, read for each note, were a tenth.
func (db *DB) NoteAuthor(ctx context.Context, id int64) (*session.Participant, *session.Session, error) {
	if db.batchSessions == nil {
		return db.ParticipantInSession(ctx, id)
	}
	p := &session.Participant{}
	var removed int
	if err := db.read.QueryRowContext(ctx, noteAuthor, id).Scan(&p.ID, &p.SessionID, &removed); err != nil {
		return nil, nil, notFound("Participant", err)
	}
	p.Removed = removed == 1
	sess, err := db.batchSession(ctx, p.SessionID)
	if err != nil {
		return nil, nil, err
	}
	// The batch's own, not a copy (see session.Store): the checks only read it,
	// and a copy of its twenty fields and activities was a twentieth of what a
	// burst of notes allocated.
	return p, sess, nil
}

// noteAuthor reads what NoteAuthor reads of a participant (the ID cast, as in
// participantInSession).
const noteAuthor = `SELECT id, session_id, removed FROM participants WHERE id = CAST(? AS INTEGER)`

// participantInBatch is ParticipantInSession in the checks of a note batch: the
// participant read alone, their session once for the batch (see NoteAuthor).
func (db *DB) participantInBatch(ctx context.Context, id int64) (*session.Participant, *session.Session, error) {
	p, err := db.Participant(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	return db.inBatch(ctx, p)
}

// inBatch returns p with a copy of their session as read for the batch.
func (db *DB) inBatch(ctx context.Context, p *session.Participant) (*session.Participant, *session.Session, error) {
	s, err := db.batchSession(ctx, p.SessionID)
	if err != nil {
		return nil, nil, err
	}
	// Each caller its own copy, as when read for it.
	c := *s
	c.Activities = slices.Clone(s.Activities)
	return p, &c, nil
}

// batchSession is the session with id as read once for the note batch.
func (db *DB) batchSession(ctx context.Context, id string) (*session.Session, error) {
	if s, ok := db.batchSessions[id]; ok {
		return s, nil
	}
	s, err := db.Session(ctx, id)
	if err != nil {
		return nil, err
	}
	db.batchSessions[id] = s
	return s, nil
}

// Participants returns the participants of a session in joining order.
func (db *DB) Participants(ctx context.Context, sessionID string) ([]*session.Participant, error) {
	ps, err := queryAll(ctx, db.read, scanParticipant, `SELECT `+participantCols+` FROM participants WHERE session_id = ? ORDER BY id`, sessionID)
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		// Their notes and dots are usually read next: know their tokens.
		db.authors.learn(p.ID)
		db.voters.learn(p.ID)
	}
	return ps, db.withRatings(ctx, ps...)
}

// ActiveParticipants counts the participants of sessionID not removed.
func (db *DB) ActiveParticipants(ctx context.Context, sessionID string) (int, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM participants WHERE session_id = ? AND NOT removed`, sessionID).Scan(&n)
	return n, err
}

// ParticipationsByKey returns the participants with keyHash in any session, newest first.
func (db *DB) ParticipationsByKey(ctx context.Context, keyHash string) ([]*session.Participant, error) {
	if keyHash == "" {
		return nil, nil
	}
	ps, err := queryAll(ctx, db.read, scanParticipant, `SELECT `+participantCols+` FROM participants WHERE key_hash = ? ORDER BY id DESC`, keyHash)
	if err != nil {
		return nil, err
	}
	return ps, db.withRatings(ctx, ps...)
}

// UpdateParticipant stores name, rating, done and removed of p, all or nothing. A
// rating, once given, is changed but never taken back: a rating of 0 leaves it as
// it is.
func (db *DB) UpdateParticipant(ctx context.Context, p *session.Participant) error {
	return db.atomic(ctx, func(in *DB) error {
		res, err := in.write.ExecContext(ctx, `UPDATE participants SET name = ?, done = ?, removed = ?,
			tenure = ?, appointment = ?, level = ? WHERE id = ?`,
			p.Name, b2i(p.Done), b2i(p.Removed), p.Profile.Tenure, p.Profile.Appointment, p.Profile.Level, p.ID)
		if err != nil {
			return fmt.Errorf("update participant: %w", err)
		}
		if err := mustAffect(res, "Participant"); err != nil || p.Rating == 0 {
			return err
		}
		if _, err := in.write.ExecContext(ctx, `INSERT INTO ratings (session_id, rater, rating) VALUES (?, ?, ?)
			ON CONFLICT (session_id, rater) DO UPDATE SET rating = excluded.rating`, p.SessionID, in.raters.of(p.ID), p.Rating); err != nil {
			return fmt.Errorf("update rating: %w", err)
		}
		return nil
	})
}

// ratingDest are the destinations of ratingCols.
func (r *participantRow) ratingDest() []any { return []any{&r.p.Rating, &r.p.ShownRating} }

// withRatings sets the check-in ratings of ps, which a copy of the database does not
// tie to them: ratings are stored under a token made from the participant's ID with
// the key secret (see authors). Participants of one session take one read.
func (db *DB) withRatings(ctx context.Context, ps ...*session.Participant) error {
	if len(ps) == 0 {
		return nil
	}
	oneSession := true
	for _, p := range ps {
		oneSession = oneSession && p.SessionID == ps[0].SessionID
	}
	if !oneSession || len(ps) == 1 {
		for _, p := range ps {
			err := db.read.QueryRowContext(ctx, `SELECT rating, shown_rating FROM ratings WHERE session_id = ? AND rater = ?`,
				p.SessionID, db.raters.of(p.ID)).Scan(&p.Rating, &p.ShownRating)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("read rating: %w", err)
			}
		}
		return nil
	}
	byToken := make(map[string]*session.Participant, len(ps))
	for _, p := range ps {
		byToken[db.raters.of(p.ID)] = p
	}
	rows, err := db.read.QueryContext(ctx, `SELECT rater, rating, shown_rating FROM ratings WHERE session_id = ?`, ps[0].SessionID)
	if err != nil {
		return fmt.Errorf("read ratings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var rater string
		var rating, shown int
		if err := rows.Scan(&rater, &rating, &shown); err != nil {
			return fmt.Errorf("read ratings: %w", err)
		}
		if p := byToken[rater]; p != nil {
			p.Rating, p.ShownRating = rating, shown
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read ratings: %w", err)
	}
	return nil
}

const noteCols = `id, session_id, author, area, lane, activity, activity_filed, text, hidden, created_at, updated_at, batch`

// scanNote reads a note and its author token; resolve sets its participant.
func scanNote(row interface{ Scan(...any) error }) (noteRow, error) {
	var n session.Note
	var author string
	var filed, hidden int
	var created, updated int64
	if err := row.Scan(&n.ID, &n.SessionID, &author, &n.Area, &n.Lane, &n.Activity, &filed, &n.Text, &hidden, &created, &updated, &n.Batch); err != nil {
		return noteRow{}, err
	}
	cleanAll(&n.Text, &n.Lane, &n.Activity)
	n.Area = session.Area(session.CleanText(string(n.Area)))
	n.ActivityFiled, n.Hidden, n.CreatedAt, n.UpdatedAt = filed == 1, hidden == 1, fromMS(created), fromMS(updated)
	return noteRow{&n, author}, nil
}

// notesOf runs a query of notes and sets their participants.
func (db *DB) notesOf(ctx context.Context, q string, args ...any) ([]*session.Note, error) {
	rows, err := queryAll(ctx, db.read, scanNote, q, args...)
	if err != nil {
		return nil, err
	}
	return db.resolve(ctx, rows)
}

// cleanAll strips control characters and escape sequences from text read back. Text
// is cleaned before it is stored; cleaning it again on the way out means that a
// database written by anything else (an older version, a hand edit, a restored copy)
// still cannot reach anyone's terminal with escape sequences.
func cleanAll(fields ...*string) {
	for _, f := range fields {
		*f = session.CleanText(*f)
	}
}

// AddNote stores n and sets its ID, after check (when not nil) passed in the same
// transaction. It returns after the transaction is committed; notes arriving
// together share one transaction, in the order they arrived.
func (db *DB) AddNote(ctx context.Context, n *session.Note, check func(ctx context.Context, st session.Store) error) error {
	if db.tx != nil {
		// Inside a transaction the note is one of its writes: the note writer would
		// wait for the connection the transaction holds.
		if check != nil {
			if err := check(ctx, db); err != nil {
				return err
			}
		}
		res, err := db.write.ExecContext(ctx, insertNote, n.SessionID, db.authors.of(n.ParticipantID), n.Area, n.Lane, n.Activity, b2i(n.ActivityFiled), n.Text,
			b2i(n.Hidden), ms(n.CreatedAt), ms(n.UpdatedAt))
		if err != nil {
			return fmt.Errorf("insert note: %w", err)
		}
		n.ID, err = res.LastInsertId()
		return err
	}
	return db.notes.add(ctx, n, db.authors.of(n.ParticipantID), check)
}

// Note returns the note with id.
func (db *DB) Note(ctx context.Context, id int64) (*session.Note, error) {
	r, err := scanNote(db.read.QueryRowContext(ctx, `SELECT `+noteCols+` FROM notes WHERE id = ?`, id))
	if err != nil {
		return nil, notFound("Note", err)
	}
	ns, err := db.resolve(ctx, []noteRow{r})
	if err != nil {
		return nil, err
	}
	return ns[0], nil
}

// UpdateNote stores text, area, lane, activity (and whether it was filed) and
// hidden of n.
func (db *DB) UpdateNote(ctx context.Context, n *session.Note) error {
	res, err := db.write.ExecContext(ctx, `UPDATE notes SET text = ?, area = ?, lane = ?, activity = ?, activity_filed = ?, hidden = ?, updated_at = ? WHERE id = ?`,
		n.Text, string(n.Area), n.Lane, n.Activity, b2i(n.ActivityFiled), b2i(n.Hidden), ms(n.UpdatedAt), n.ID)
	if err != nil {
		return fmt.Errorf("update note: %w", err)
	}
	return mustAffect(res, "Note")
}

// DeleteNote removes the note with id. Its writer's token and batch are kept in
// note_deletions when the board has shown it: the board goes on counting the note
// for them. A note still held (never shown) goes without a trace: a held deletion
// counted as a second writer, and released the one other person's note alone.
func (db *DB) DeleteNote(ctx context.Context, id int64) error {
	return db.atomic(ctx, func(in *DB) error {
		if _, err := in.write.ExecContext(ctx, `INSERT INTO note_deletions (session_id, author, batch)
			SELECT session_id, author, batch FROM notes WHERE id = ? AND batch > 0`, id); err != nil {
			return fmt.Errorf("delete note: %w", err)
		}
		res, err := in.write.ExecContext(ctx, `DELETE FROM notes WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete note: %w", err)
		}
		return mustAffect(res, "Note")
	})
}

// Notes returns every note of a session, oldest first.
func (db *DB) Notes(ctx context.Context, sessionID string) ([]*session.Note, error) {
	return db.notesOf(ctx, `SELECT `+noteCols+` FROM notes WHERE session_id = ? ORDER BY id`, sessionID)
}

// OpenTopics returns the titles the session's open topics were written under, each
// once, in the order first written.
func (db *DB) OpenTopics(ctx context.Context, sessionID string) ([]string, error) {
	return queryAll(ctx, db.read, func(row interface{ Scan(...any) error }) (string, error) {
		var lane string
		err := row.Scan(&lane)
		return session.CleanText(lane), err
	}, `SELECT lane FROM notes WHERE session_id = ? AND area = 'open' GROUP BY lane ORDER BY MIN(id)`, sessionID)
}

// NoteActivities returns the activities the session's notes were written under,
// each once, in the order first written.
func (db *DB) NoteActivities(ctx context.Context, sessionID string) ([]string, error) {
	return queryAll(ctx, db.read, func(row interface{ Scan(...any) error }) (string, error) {
		var activity string
		err := row.Scan(&activity)
		return session.CleanText(activity), err
	}, `SELECT activity FROM notes WHERE session_id = ? AND activity != '' GROUP BY activity ORDER BY MIN(id)`, sessionID)
}

// NotesBy returns one participant's notes, oldest first.
func (db *DB) NotesBy(ctx context.Context, participantID int64) ([]*session.Note, error) {
	return db.notesOf(ctx, `SELECT `+noteCols+` FROM notes WHERE author = ? ORDER BY id`, db.authors.of(participantID))
}

// UpdateSessionDetails stores what the facilitator may edit of a session.
func (db *DB) UpdateSessionDetails(ctx context.Context, s *session.Session) error {
	s.UpdatedAt = time.Now()
	res, err := db.write.ExecContext(ctx, `UPDATE sessions SET title = ?, location = ?, campaign = ?, audience = ?, mode = ?,
		held_on = ?, updated_at = ? WHERE id = ?`, s.Title, s.Location, s.Campaign, s.Audience, s.Mode, s.Date, ms(s.UpdatedAt), s.ID)
	if err != nil {
		return fmt.Errorf("update session: %w", err)
	}
	return mustAffect(res, "Session "+s.ID)
}

// DeleteSession deletes a session; its participants, notes, themes, votes and action
// points go with it (the foreign keys cascade). Whom it invited, when it is a
// session of a campaign, is kept as deleted_invitations with whether it was held: a
// plan of the campaign made again offers the people of one not held another
// session, and leaves those of one held placed (they took part).
func (db *DB) DeleteSession(ctx context.Context, id string) error {
	return db.atomic(ctx, func(in *DB) error {
		if _, err := in.write.ExecContext(ctx, `INSERT INTO deleted_invitations (campaign, title, person_id, deleted_at, held)
			SELECT s.campaign, s.title, i.person_id, ?, `+sessionHeld("s")+` FROM sessions s JOIN invitations i ON i.session_id = s.id
			WHERE s.id = ? AND s.campaign != '' ORDER BY i.position`, ms(time.Now()), id); err != nil {
			return fmt.Errorf("delete session: keep its invitations: %w", err)
		}
		res, err := in.write.ExecContext(ctx, `DELETE FROM sessions WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete session: %w", err)
		}
		return mustAffect(res, "Session "+id)
	})
}
