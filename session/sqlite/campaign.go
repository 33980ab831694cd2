package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/charter-tool/charter/session"
)

var (
	_ session.RosterStore     = (*DB)(nil)
	_ session.PlanStore       = (*DB)(nil)
	_ session.HypothesisStore = (*DB)(nil)
)

// SaveRoster adds or updates the teams and people of a checked roster in one
// transaction: teams by name, people by e-mail, both ignoring case.
func (db *DB) SaveRoster(ctx context.Context, teams []*session.Team) (added, updated int, err error) {
	tx, err := db.writePool.BeginTx(ctx, nil)
	if err != nil {
		return 0, 0, err
	}
	defer tx.Rollback()
	for _, t := range teams {
		err := tx.QueryRowContext(ctx, `INSERT INTO roster_teams (name, location, cluster, level) VALUES (?, ?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET name = excluded.name, location = excluded.location, cluster = excluded.cluster, level = excluded.level
			RETURNING id`, t.Name, t.Location, t.Cluster, t.Level).Scan(&t.ID)
		if err != nil {
			return 0, 0, fmt.Errorf("team %s: %w", t.Name, err)
		}
		for _, p := range t.People {
			// Counted as updated only when something of the person changed: a
			// roster imported again tells what it changed.
			var had, same int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(CASE WHEN team_id = ? AND name = ? AND role = ? AND experience = ? THEN 1 END)
				FROM roster_people WHERE email = ?`, t.ID, p.Name, p.Role, p.Experience, p.Email).Scan(&had, &same); err != nil {
				return 0, 0, err
			}
			err := tx.QueryRowContext(ctx, `INSERT INTO roster_people (team_id, name, email, role, experience) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (email) DO UPDATE SET team_id = excluded.team_id, name = excluded.name, email = excluded.email,
					role = excluded.role, experience = excluded.experience
				RETURNING id`, t.ID, p.Name, p.Email, p.Role, p.Experience).Scan(&p.ID)
			if err != nil {
				return 0, 0, fmt.Errorf("person on team %s: %w", t.Name, err)
			}
			p.TeamID = t.ID
			switch {
			case had == 0:
				added++
			case same == 0:
				updated++
			}
		}
	}
	return added, updated, tx.Commit()
}

// Roster returns every team with its people, teams by name and people by ID.
func (db *DB) Roster(ctx context.Context) ([]*session.Team, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT id, name, location, cluster, level FROM roster_teams ORDER BY name COLLATE NOCASE, id`)
	if err != nil {
		return nil, fmt.Errorf("roster: %w", err)
	}
	var teams []*session.Team
	byID := map[int64]*session.Team{}
	for rows.Next() {
		t := &session.Team{}
		if err := rows.Scan(&t.ID, &t.Name, &t.Location, &t.Cluster, &t.Level); err != nil {
			rows.Close()
			return nil, fmt.Errorf("roster: %w", err)
		}
		cleanRosterTeam(&t.RosterTeam)
		teams = append(teams, t)
		byID[t.ID] = t
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("roster: %w", err)
	}
	rows, err = db.read.QueryContext(ctx, `SELECT id, team_id, name, email, role, experience FROM roster_people ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("roster: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		p := &session.Person{}
		if err := rows.Scan(&p.ID, &p.TeamID, &p.Name, &p.Email, &p.Role, &p.Experience); err != nil {
			return nil, fmt.Errorf("roster: %w", err)
		}
		cleanPerson(p)
		if t := byID[p.TeamID]; t != nil {
			t.People = append(t.People, p)
		}
	}
	return teams, rows.Err()
}

func cleanRosterTeam(t *session.RosterTeam) {
	t.Name, t.Location, t.Cluster, t.Level = session.CleanText(t.Name), session.CleanText(t.Location),
		session.CleanText(t.Cluster), session.CleanText(t.Level)
}

func cleanPerson(p *session.Person) {
	p.Name, p.Email, p.Experience = session.CleanText(p.Name), session.CleanText(p.Email), session.CleanText(p.Experience)
	p.Role = session.Role(session.CleanText(string(p.Role)))
}

// CreatePlan creates the sessions (new IDs and join codes) and their invitations
// in one transaction; inside WriteTx, in that one, so that what the caller checked
// there still holds.
func (db *DB) CreatePlan(ctx context.Context, sessions []*session.Session, invitees [][]int64) error {
	if len(sessions) != len(invitees) {
		return fmt.Errorf("create plan: %d sessions but %d invitee lists", len(sessions), len(invitees))
	}
	return db.atomic(ctx, func(in *DB) error {
		now := time.Now()
		for i, s := range sessions {
			// A millisecond apart, so that sessions held the same day keep the
			// plan's order in reports, which order them by day, then by creation.
			if err := insertSessionTx(ctx, in.write, s, now.Add(time.Duration(i)*time.Millisecond)); err != nil {
				return err
			}
			if err := in.invite(ctx, s.ID, invitees[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// Invite records that the session with the ID sessionID, which invites nobody yet,
// invites the people personIDs; inside WriteTx, in that transaction.
func (db *DB) Invite(ctx context.Context, sessionID string, personIDs []int64) error {
	return db.atomic(ctx, func(in *DB) error { return in.invite(ctx, sessionID, personIDs) })
}

// invite inserts the invitations of a session, in order; call inside atomic.
func (db *DB) invite(ctx context.Context, sessionID string, personIDs []int64) error {
	for pos, id := range personIDs {
		res, err := db.write.ExecContext(ctx, `INSERT INTO invitations (session_id, person_id, team_id, position)
			SELECT ?, id, team_id, ? FROM roster_people WHERE id = ?`, sessionID, pos, id)
		if err != nil {
			return fmt.Errorf("invite: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return session.Errorf(session.EConflict, "A planned person is no longer on the roster; plan again.")
		}
	}
	return nil
}

// insertSessionTx stores s with a new ID and join code inside the transaction tx.
func insertSessionTx(ctx context.Context, tx querier, s *session.Session, now time.Time) error {
	s.CreatedAt, s.UpdatedAt = now, now
	acts, err := json.Marshal(s.Activities)
	if err != nil {
		return err
	}
	// A clash of random IDs or codes is rare; a savepoint lets the transaction try
	// again instead of failing.
	for try := 0; try < 5; try++ {
		if s.ID, err = newID(); err != nil {
			return err
		}
		if s.Code, err = newCode(); err != nil {
			return err
		}
		if _, err = tx.ExecContext(ctx, `SAVEPOINT new_session`); err != nil {
			return err
		}
		// A planned session is new: the columns not named keep their defaults
		// (no timer, ratings hidden, never reopened).
		_, err = tx.ExecContext(ctx, `INSERT INTO sessions (id, title, audience, location, mode, campaign, code, phase,
			activities, vote_budget, created_at, updated_at, held_on, reached) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			s.ID, s.Title, s.Audience, s.Location, s.Mode, s.Campaign, s.Code, s.Phase, string(acts), s.VoteBudget,
			ms(now), ms(now), s.Date, s.Furthest())
		if err == nil {
			_, err = tx.ExecContext(ctx, `RELEASE new_session`)
			return err
		}
		if _, rerr := tx.ExecContext(ctx, `ROLLBACK TO new_session`); rerr != nil {
			return rerr
		}
		if !strings.Contains(err.Error(), "UNIQUE") {
			break
		}
	}
	return fmt.Errorf("insert session: %w", err)
}

// Invitations returns the planned sessions of a campaign in the order they were
// created, each with its invitees in plan order. The campaign's invitations are
// found through its sessions (CROSS JOIN keeps that order): read the other way,
// every invitation of every campaign was read.
func (db *DB) Invitations(ctx context.Context, campaign string) ([]session.SessionInvitations, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT i.session_id, p.id, p.name, p.email, p.role, p.experience, t.name, t.location, t.level
		FROM sessions s CROSS JOIN invitations i ON i.session_id = s.id
		JOIN roster_people p ON p.id = i.person_id JOIN roster_teams t ON t.id = i.team_id
		WHERE campaign_key(s.campaign) = ? ORDER BY s.created_at, s.rowid, i.position`, campaignKey(campaign))
	if err != nil {
		return nil, fmt.Errorf("invitations: %w", err)
	}
	var out []session.SessionInvitations
	for rows.Next() {
		var id string
		var inv session.Invitee
		if err := rows.Scan(&id, &inv.PersonID, &inv.Name, &inv.Email, &inv.Role, &inv.Experience, &inv.Team, &inv.Location, &inv.Level); err != nil {
			rows.Close()
			return nil, fmt.Errorf("invitations: %w", err)
		}
		inv.Name, inv.Email, inv.Team = session.CleanText(inv.Name), session.CleanText(inv.Email), session.CleanText(inv.Team)
		inv.Location, inv.Level, inv.Experience = session.CleanText(inv.Location), session.CleanText(inv.Level), session.CleanText(inv.Experience)
		inv.Role = session.Role(session.CleanText(string(inv.Role)))
		if len(out) == 0 || out[len(out)-1].Session.ID != id {
			out = append(out, session.SessionInvitations{Session: &session.Session{ID: id}})
		}
		last := &out[len(out)-1]
		last.Invitees = append(last.Invitees, inv)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("invitations: %w", err)
	}
	for i := range out {
		s, err := db.Session(ctx, out[i].Session.ID)
		if err != nil {
			return nil, err
		}
		out[i].Session = s
	}
	return out, nil
}

// InviteeCount counts the people invited to the session, by the primary key's
// index: none of the campaign's other invitations is read.
func (db *DB) InviteeCount(ctx context.Context, sessionID string) (int, error) {
	var n int
	if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM invitations WHERE session_id = ?`, sessionID).Scan(&n); err != nil {
		return 0, fmt.Errorf("invitee count: %w", err)
	}
	return n, nil
}

// campaignKey is the key campaign_key() gives the stored names, for a name asked for.
func campaignKey(name string) string {
	return session.CampaignKey(strings.TrimSpace(name))
}

// heldSession is the SQL condition that session s took place: someone joined it,
// or notes were imported into it.
const heldSession = `EXISTS (SELECT 1 FROM participants pa WHERE pa.session_id = s.id AND pa.removed = 0)`

// TookPart returns the teams invited to, and the locations of, held sessions
// of campaigns other than exceptCampaign (sessions without a campaign do not count).
func (db *DB) TookPart(ctx context.Context, exceptCampaign string) (session.TookPart, error) {
	p := session.TookPart{Teams: map[string]bool{}, Locations: map[string]bool{}}
	except := campaignKey(exceptCampaign)
	rows, err := db.read.QueryContext(ctx, `SELECT DISTINCT t.name FROM sessions s
		CROSS JOIN invitations i ON i.session_id = s.id JOIN roster_teams t ON t.id = i.team_id
		WHERE s.campaign != '' AND campaign_key(s.campaign) != ? AND `+heldSession, except)
	if err != nil {
		return p, err
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return p, err
		}
		p.Teams[strings.ToLower(session.CleanText(n))] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return p, err
	}
	rows, err = db.read.QueryContext(ctx, `SELECT DISTINCT s.location, s.mode FROM sessions s
		WHERE s.campaign != '' AND campaign_key(s.campaign) != ? AND `+heldSession, except)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var loc, mode string
		if err := rows.Scan(&loc, &mode); err != nil {
			return p, err
		}
		if session.Mode(mode) == session.ModeOnline {
			p.Online = true
		} else if loc = strings.ToLower(session.CleanText(loc)); loc != "" {
			p.Locations[loc] = true
		}
	}
	return p, rows.Err()
}

// InvitedTeams returns, per session of the campaign, the names of the teams it
// invited.
func (db *DB) InvitedTeams(ctx context.Context, campaign string) (map[string][]string, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT DISTINCT i.session_id, t.name FROM sessions s
		CROSS JOIN invitations i ON i.session_id = s.id JOIN roster_teams t ON t.id = i.team_id
		WHERE campaign_key(s.campaign) = ? ORDER BY i.session_id, t.name`, campaignKey(campaign))
	if err != nil {
		return nil, fmt.Errorf("invited teams: %w", err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var id, team string
		if err := rows.Scan(&id, &team); err != nil {
			return nil, fmt.Errorf("invited teams: %w", err)
		}
		out[id] = append(out[id], session.CleanText(team))
	}
	return out, rows.Err()
}

// AddHypothesis stores h and sets its ID.
func (db *DB) AddHypothesis(ctx context.Context, h *session.Hypothesis) error {
	return db.write.QueryRowContext(ctx, `INSERT INTO hypotheses (campaign, text, verdict, why, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, h.Campaign, h.Text, h.Verdict, h.Why, ms(h.CreatedAt), ms(h.UpdatedAt)).Scan(&h.ID)
}

// Hypotheses returns a campaign's hypotheses, oldest first, numbered from 1.
func (db *DB) Hypotheses(ctx context.Context, campaign string) ([]*session.Hypothesis, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT id, campaign, text, verdict, why, created_at, updated_at FROM hypotheses
		WHERE campaign_key(campaign) = ? ORDER BY id`, campaignKey(campaign))
	if err != nil {
		return nil, fmt.Errorf("hypotheses: %w", err)
	}
	defer rows.Close()
	var out []*session.Hypothesis
	for rows.Next() {
		h := &session.Hypothesis{Number: len(out) + 1}
		var created, updated int64
		if err := rows.Scan(&h.ID, &h.Campaign, &h.Text, &h.Verdict, &h.Why, &created, &updated); err != nil {
			return nil, fmt.Errorf("hypotheses: %w", err)
		}
		h.Campaign, h.Text, h.Why = session.CleanText(h.Campaign), session.CleanText(h.Text), session.CleanText(h.Why)
		h.Verdict = session.Verdict(session.CleanText(string(h.Verdict)))
		h.CreatedAt, h.UpdatedAt = fromMS(created), fromMS(updated)
		out = append(out, h)
	}
	return out, rows.Err()
}

// DeleteHypothesis removes the hypothesis with the ID.
func (db *DB) DeleteHypothesis(ctx context.Context, id int64) error {
	res, err := db.write.ExecContext(ctx, `DELETE FROM hypotheses WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("Hypothesis", sql.ErrNoRows)
	}
	return nil
}

// UpdateHypothesis stores the verdict and why of h.
func (db *DB) UpdateHypothesis(ctx context.Context, h *session.Hypothesis) error {
	res, err := db.write.ExecContext(ctx, `UPDATE hypotheses SET verdict = ?, why = ?, updated_at = ? WHERE id = ?`,
		h.Verdict, h.Why, ms(h.UpdatedAt), h.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("Hypothesis", sql.ErrNoRows)
	}
	return nil
}

// DeletedInvitations returns whom the deleted sessions of a campaign invited
// (kept by DeleteSession), oldest deletion first.
func (db *DB) DeletedInvitations(ctx context.Context, campaign string) ([]session.DeletedInvitation, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT person_id, title, held FROM deleted_invitations
		WHERE campaign_key(campaign) = ? ORDER BY deleted_at, rowid`, campaignKey(campaign))
	if err != nil {
		return nil, fmt.Errorf("deleted invitations: %w", err)
	}
	defer rows.Close()
	var out []session.DeletedInvitation
	for rows.Next() {
		var d session.DeletedInvitation
		if err := rows.Scan(&d.PersonID, &d.Title, &d.Held); err != nil {
			return nil, fmt.Errorf("deleted invitations: %w", err)
		}
		d.Title = session.CleanText(d.Title)
		out = append(out, d)
	}
	return out, rows.Err()
}
