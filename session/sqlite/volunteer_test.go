package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// A volunteer gives a name for an action point only. A copy of the database alone
// (a backup) does not tie that name to the participant's row (their check-in
// rating, profile and pseudonym) nor to their notes; the running store still knows
// who volunteered, so that they can withdraw.
func TestDatabaseCopyDoesNotLinkAVolunteerToAParticipant(t *testing.T) {
	t.Parallel()
	db, path := mustOpen(t)
	ctx := context.Background()
	s, ps := newSession(t, db, 3)
	for i, p := range ps {
		if err := db.AddNote(ctx, note(s, p, fmt.Sprintf("note by writer %d", i)), nil); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Now()
	a := &session.ActionPoint{SessionID: s.ID, Title: "Run a threat model clinic", Status: session.ActionProposed, CreatedAt: now, UpdatedAt: now}
	if err := db.AddAction(ctx, a); err != nil {
		t.Fatal(err)
	}
	volunteer := ps[1]
	if err := db.SetVolunteer(ctx, a.ID, volunteer.ID, "Alice", true); err != nil {
		t.Fatal(err)
	}
	n := 0
	// The action point's, the name given to volunteer, a time.
	backupOf(t, db).noLink(t, "volunteers", []string{"action_id", "name", "created_at"}, ps, func(map[string]string) { n++ })
	if n != 1 {
		t.Fatalf("the copy holds %d volunteers, want 1", n)
	}

	// The store, and the database opened again with its secret, know the volunteer.
	check := func(db *sqlite.DB, when string) {
		t.Helper()
		got, err := db.Action(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		all, err := db.Actions(ctx, s.ID)
		if err != nil || len(all) != 1 {
			t.Fatalf("%s: actions %+v, %v", when, all, err)
		}
		for _, x := range []*session.ActionPoint{got, all[0]} {
			if !slices.Equal(x.VolunteerIDs, []int64{volunteer.ID}) || !slices.Equal(x.Volunteers, []string{"Alice"}) {
				t.Errorf("%s: volunteers %v %q, want [%d] [Alice]", when, x.VolunteerIDs, x.Volunteers, volunteer.ID)
			}
		}
	}
	check(db, "running")
	db.Close()
	again, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	check(again, "reopened")
	// Withdrawing finds the row.
	if err := again.SetVolunteer(ctx, a.ID, volunteer.ID, "", false); err != nil {
		t.Fatal(err)
	}
	if got, err := again.Action(ctx, a.ID); err != nil || len(got.VolunteerIDs) != 0 || len(got.Volunteers) != 0 {
		t.Fatalf("after withdrawing: %+v, %v", got, err)
	}
}

// A database from before migration 017 names each volunteer's participant: the
// migration replaces it and keeps the names and who volunteered.
func TestVolunteerMigrationKeepsWhoVolunteered(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "charter.db")
	oldDatabase(t, path, "017",
		`INSERT INTO sessions (id, title, audience, mode, code, phase, created_at, updated_at) VALUES ('s1', 'Old', 'developers', 'in-person', 'ABCDEFGH', 'actions', 0, 0)`,
		`INSERT INTO participants (id, session_id, pseudonym, joined_at) VALUES (7, 's1', 'P1', 0), (9, 's1', 'P2', 0)`,
		`INSERT INTO action_points (id, session_id, title, priority, owner, status, created_at, updated_at) VALUES
			(1, 's1', 'first', 1, '', 'proposed', 0, 0), (2, 's1', 'second', 2, '', 'proposed', 0, 0)`,
		`INSERT INTO volunteers (action_id, participant_id, name, created_at) VALUES (1, 9, 'Bea', 1), (1, 7, 'Al', 2), (2, 7, 'Al', 3)`)

	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	all, err := db.Actions(ctx, "s1")
	if err != nil || len(all) != 2 {
		t.Fatalf("actions after the migration: %+v, %v", all, err)
	}
	if !slices.Equal(all[0].VolunteerIDs, []int64{9, 7}) || !slices.Equal(all[0].Volunteers, []string{"Bea", "Al"}) ||
		!slices.Equal(all[1].VolunteerIDs, []int64{7}) || !slices.Equal(all[1].Volunteers, []string{"Al"}) {
		t.Errorf("after the migration: %v %q and %v %q, want [9 7] [Bea Al] and [7] [Al]",
			all[0].VolunteerIDs, all[0].Volunteers, all[1].VolunteerIDs, all[1].Volunteers)
	}
	check, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	if names := columns(t, check, "volunteers"); slices.Contains(names, "participant_id") {
		t.Errorf("volunteers still has participant_id: %v", names)
	}
}
