package sqlite_test

import (
	"context"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// A deleted row's ID is never given to a new one: what held the ID across the
// deletion (the board's marked notes and undo steps, a participant's kept edit, a
// volunteer's selection, the screen of a participant whose session was deleted,
// a verdict given to a hypothesis) would name another row. The newest row is the
// one deleted, the one whose ID SQLite handed out again before migrations 026 and
// 027.
func TestADeletedRowsIDIsNeverGivenAgain(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cases := []struct {
		name string
		// add stores a new row and returns its ID; remove deletes the row with id.
		add    func(t *testing.T, db *sqlite.DB, s *session.Session, p *session.Participant) int64
		remove func(t *testing.T, db *sqlite.DB, id int64)
	}{
		{
			name: "note",
			add: func(t *testing.T, db *sqlite.DB, s *session.Session, p *session.Participant) int64 {
				n := note(s, p, "a note")
				if err := db.AddNote(ctx, n, nil); err != nil {
					t.Fatal(err)
				}
				return n.ID
			},
			remove: func(t *testing.T, db *sqlite.DB, id int64) {
				if err := db.DeleteNote(ctx, id); err != nil {
					t.Fatal(err)
				}
			},
		},
		{
			name: "action point",
			add: func(t *testing.T, db *sqlite.DB, s *session.Session, _ *session.Participant) int64 {
				now := time.Now()
				a := &session.ActionPoint{SessionID: s.ID, Title: "Run a clinic", Status: session.ActionProposed, CreatedAt: now, UpdatedAt: now}
				if err := db.AddAction(ctx, a); err != nil {
					t.Fatal(err)
				}
				return a.ID
			},
			remove: func(t *testing.T, db *sqlite.DB, id int64) {
				if err := db.DeleteAction(ctx, id); err != nil {
					t.Fatal(err)
				}
			},
		},
		{
			// Participants are only marked removed; they go with their session.
			name: "participant",
			add: func(t *testing.T, db *sqlite.DB, _ *session.Session, _ *session.Participant) int64 {
				s := &session.Session{Title: "Own", Audience: session.AudienceDevelopers, Mode: session.ModeInPerson, Phase: session.PhaseWrite}
				if err := db.CreateSession(ctx, s); err != nil {
					t.Fatal(err)
				}
				p, _, err := db.JoinSession(ctx, s.ID, "", "")
				if err != nil {
					t.Fatal(err)
				}
				return p.ID
			},
			remove: func(t *testing.T, db *sqlite.DB, id int64) {
				p, err := db.Participant(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if err := db.DeleteSession(ctx, p.SessionID); err != nil {
					t.Fatal(err)
				}
			},
		},
		{
			// A verdict given on the campaign overview, or on the command line by
			// a number read before, names the hypothesis by its ID.
			name: "hypothesis",
			add: func(t *testing.T, db *sqlite.DB, _ *session.Session, _ *session.Participant) int64 {
				now := time.Now()
				h := &session.Hypothesis{Campaign: "Chartering 2027", Text: "Teams want deeper training", CreatedAt: now, UpdatedAt: now}
				if err := db.AddHypothesis(ctx, h); err != nil {
					t.Fatal(err)
				}
				return h.ID
			},
			remove: func(t *testing.T, db *sqlite.DB, id int64) {
				if err := db.DeleteHypothesis(ctx, id); err != nil {
					t.Fatal(err)
				}
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			db, _ := mustOpen(t)
			s, ps := newSession(t, db, 1)
			var ids []int64
			for range 3 {
				ids = append(ids, c.add(t, db, s, ps[0]))
			}
			newest := ids[len(ids)-1]
			c.remove(t, db, newest)
			if id := c.add(t, db, s, ps[0]); id <= newest {
				t.Errorf("a new %s after the newest (%d) was deleted has ID %d, want past %d", c.name, newest, id, newest)
			}
		})
	}
}
