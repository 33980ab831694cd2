package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
	"github.com/charter-tool/charter/session/sqlite"
)

// A copy of the database alone does not tell who gave which check-in rating: the
// participant's row (their name, their profile) holds no rating, and the ratings are
// kept under tokens that nothing the copy holds turns into a participant. The
// running store, and the database opened again with its secret, still know them.
func TestDatabaseCopyDoesNotLinkARatingToAParticipant(t *testing.T) {
	t.Parallel()
	db, path := mustOpen(t)
	ctx := context.Background()
	s, ps := newSession(t, db, 3)
	for i, p := range ps {
		p.Name = fmt.Sprintf("Person %d", i)
		p.Rating = i + 2
		if err := db.UpdateParticipant(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.ReleaseRatings(ctx, s.ID); err != nil {
		t.Fatal(err)
	}
	c := backupOf(t, db)
	for _, name := range columns(t, c.raw, "participants") {
		if strings.Contains(name, "rating") {
			t.Errorf("participants has a column %q beside the names", name)
		}
	}
	c.withoutRowID(t, "ratings")
	var ratings []int
	// The session's, and the rating (again as shown).
	c.noLink(t, "ratings", []string{"session_id", "rating", "shown_rating"}, ps, func(row map[string]string) {
		n, _ := strconv.Atoi(row["rating"])
		ratings = append(ratings, n)
	})
	slices.Sort(ratings)
	if !slices.Equal(ratings, []int{2, 3, 4}) {
		t.Fatalf("the copy holds ratings %v, want [2 3 4]", ratings)
	}

	check := func(db *sqlite.DB, when string) {
		t.Helper()
		all, err := db.Participants(ctx, s.ID)
		if err != nil || len(all) != len(ps) {
			t.Fatalf("%s: participants %v, %v", when, all, err)
		}
		for i, p := range ps {
			one, err := db.Participant(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			inSession, _, err := db.ParticipantInSession(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, got := range []*session.Participant{all[i], one, inSession} {
				if got.Rating != i+2 || got.ShownRating != i+2 {
					t.Errorf("%s: participant %d rated %d, shown %d; want %d", when, p.ID, got.Rating, got.ShownRating, i+2)
				}
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
	check(again, "opened again")
}

// A rating is held until released, then shown; a new one is held again, and one
// from before the batching was already shown.
func TestRatingsAreHeldUntilReleased(t *testing.T) {
	t.Parallel()
	db, _ := mustOpen(t)
	ctx := context.Background()
	s, ps := newSession(t, db, 2)
	held := func(want session.HeldRatings) {
		t.Helper()
		if h, err := db.HeldRatings(ctx, s.ID); err != nil || h != want {
			t.Fatalf("held ratings %+v, %v; want %+v", h, err, want)
		}
		shown, err := db.ShownRatings(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		// The views read both in one statement, and must read the same.
		if both, h, err := db.ShownAndHeldRatings(ctx, s.ID); err != nil || h != want || fmt.Sprint(both) != fmt.Sprint(shown) {
			t.Fatalf("shown and held ratings %v, %+v, %v; want %v, %+v", both, h, err, shown, want)
		}
	}
	held(session.HeldRatings{})
	ps[0].Rating = 4
	if err := db.UpdateParticipant(ctx, ps[0]); err != nil {
		t.Fatal(err)
	}
	held(session.HeldRatings{First: 1})
	if p, err := db.Participant(ctx, ps[0].ID); err != nil || p.Rating != 4 || p.ShownRating != 0 {
		t.Fatalf("after rating: %+v, %v", p, err)
	}
	if err := db.ReleaseRatings(ctx, s.ID); err != nil {
		t.Fatal(err)
	}
	held(session.HeldRatings{})
	ps[0].Rating = 2
	if err := db.UpdateParticipant(ctx, ps[0]); err != nil {
		t.Fatal(err)
	}
	held(session.HeldRatings{Changes: 1})
	// A change of name keeps the rating.
	p, err := db.Participant(ctx, ps[0].ID)
	if err != nil || p.Rating != 2 || p.ShownRating != 4 {
		t.Fatalf("after a second rating: %+v, %v", p, err)
	}
	p.Name = "Ada"
	if err := db.UpdateParticipant(ctx, p); err != nil {
		t.Fatal(err)
	}
	if p, err := db.Participant(ctx, ps[0].ID); err != nil || p.Name != "Ada" || p.Rating != 2 || p.ShownRating != 4 {
		t.Fatalf("after a new name: %+v, %v", p, err)
	}
	if p, err := db.Participant(ctx, ps[1].ID); err != nil || p.Rating != 0 || p.ShownRating != 0 {
		t.Fatalf("someone who did not rate: %+v, %v", p, err)
	}
}

// Ratings given before they were kept apart stay with their participants.
func TestRatingMigrationKeepsEveryRating(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "charter.db")
	oldDatabase(t, path, "022",
		`INSERT INTO sessions (id, title, audience, mode, code, phase, created_at, updated_at) VALUES ('s1', 'Old', 'developers', 'in-person', 'ABCDEFGH', 'write', 0, 0)`,
		`INSERT INTO participants (id, session_id, name, pseudonym, joined_at, rating, shown_rating) VALUES
			(7, 's1', 'Al', 'P1', 0, 3, 3), (9, 's1', 'Bea', 'P2', 0, 5, 2), (11, 's1', 'Cy', 'P3', 0, 0, 0)`)

	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	want := map[int64][2]int{7: {3, 3}, 9: {5, 2}, 11: {0, 0}}
	all, err := db.Participants(ctx, "s1")
	if err != nil || len(all) != 3 {
		t.Fatalf("participants after the migration: %v, %v", all, err)
	}
	for _, p := range all {
		if got := [2]int{p.Rating, p.ShownRating}; got != want[p.ID] || p.Name == "" {
			t.Errorf("participant %d (%s): rating and shown %v, want %v", p.ID, p.Name, got, want[p.ID])
		}
	}
	if h, err := db.HeldRatings(ctx, "s1"); err != nil || h != (session.HeldRatings{Changes: 1}) {
		t.Errorf("held ratings after the migration: %+v, %v; want Bea's 5, a change", h, err)
	}
	check, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	if names := columns(t, check, "participants"); slices.Contains(names, "rating") || slices.Contains(names, "shown_rating") {
		t.Errorf("participants still has its ratings: %v", names)
	}
	var placeholders int
	if err := check.QueryRow(`SELECT COUNT(*) FROM ratings WHERE rater LIKE 'participant:%' OR rater IN ('7', '9', '11')`).Scan(&placeholders); err != nil || placeholders != 0 {
		t.Errorf("%d ratings still name their participant (%v)", placeholders, err)
	}
}

// A backup restored without its key secret no longer knows whose rating is whose,
// and still counts every rating shown, as the documents count every note.
func TestRatingsWithoutTheSecretStillCount(t *testing.T) {
	t.Parallel()
	db, _ := mustOpen(t)
	ctx := context.Background()
	s, ps := newSession(t, db, 3)
	for i, p := range ps {
		p.Rating = 5 - i
		if err := db.UpdateParticipant(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.ReleaseRatings(ctx, s.ID); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := db.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	restored, err := sqlite.Open(backup)
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	for _, st := range []*sqlite.DB{db, restored} {
		got, err := st.ShownRatings(ctx, s.ID)
		if err != nil || !slices.Equal(got, []int{3, 4, 5}) {
			t.Errorf("shown ratings %v, %v; want [3 4 5]", got, err)
		}
		// What the screens and the documents count.
		svc := session.NewService(st, nil)
		if got, err := svc.Ratings(ctx, s.ID); err != nil || !slices.Equal(got, []int{3, 4, 5}) {
			t.Errorf("the service's ratings %v, %v; want [3 4 5]", got, err)
		}
		data, err := svc.ReportData(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(data.Ratings, []int{3, 4, 5}) {
			t.Errorf("the findings' ratings %v; want [3 4 5]", data.Ratings)
		}
		f := report.Build(data)
		if f.Participation.Rated != 3 || f.Confidence == nil || f.Confidence.Ratings != 3 {
			t.Errorf("the findings: %d rated, confidence %+v; want 3 and 3", f.Participation.Rated, f.Confidence)
		}
		c := report.BuildCampaign("c", []*report.Data{data})
		if c.Confidence == nil || c.Confidence.Ratings != 3 || len(c.Audiences) != 1 || c.Audiences[0].Confidence == nil || c.Audiences[0].Confidence.Ratings != 3 {
			t.Errorf("the campaign's confidence %+v, its audience's %+v; want 3 ratings each", c.Confidence, c.Audiences)
		}
		// A mode is whole sessions, as an audience is.
		for _, b := range c.Segments {
			if b.By == "mode" && (len(b.Segments) != 1 || b.Segments[0].Confidence == nil || b.Segments[0].Confidence.Ratings != 3) {
				t.Errorf("the campaign's mode breakdown %+v; want one mode of 3 ratings", b.Segments)
			}
		}
		// What the board and the projector say: "3 rated".
		v, err := svc.BoardView(ctx, s.ID)
		if err != nil || v.Rated != 3 || len(v.Ratings) != 3 {
			t.Errorf("the board: %d rated beside %d ratings (%v); want 3 and 3", v.Rated, len(v.Ratings), err)
		}
	}
	all, err := restored.Participants(ctx, s.ID)
	if err != nil || len(all) != 3 {
		t.Fatalf("participants: %v, %v", all, err)
	}
	for _, p := range all {
		if p.Rating != 0 || p.ShownRating != 0 {
			t.Errorf("participant %d is tied to rating %d without the secret", p.ID, p.Rating)
		}
	}
}

// Right after the migration, a copy of the database file itself (not a backup)
// holds no rating beside a name: the migration's writes do not wait in the log.
func TestMigratedFileHoldsNoRatingBesideNames(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "charter.db")
	oldDatabase(t, path, "022",
		`INSERT INTO sessions (id, title, audience, mode, code, phase, created_at, updated_at) VALUES ('s1', 'Old', 'developers', 'in-person', 'ABCDEFGH', 'write', 0, 0)`,
		`INSERT INTO participants (id, session_id, name, pseudonym, joined_at, rating, shown_rating) VALUES (7, 's1', 'Al', 'P1', 0, 3, 3)`)
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	buf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(cp, buf, 0o600); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", cp)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if names := columns(t, raw, "participants"); slices.Contains(names, "rating") {
		t.Errorf("the file copied after the migration still has participants' ratings: %v", names)
	}
}

// BenchmarkRatingMigration opens a database of the version before ratings moved out
// of participants, with 5,000 rated participants in one session: migration 022 and
// the tokens that replace its placeholders.
func BenchmarkRatingMigration(b *testing.B) {
	const people = 5000
	old := filepath.Join(b.TempDir(), "old.db")
	oldDatabase(b, old, "022",
		`INSERT INTO sessions (id, title, audience, mode, code, phase, created_at, updated_at) VALUES ('s1', 'Old', 'developers', 'in-person', 'ABCDEFGH', 'write', 0, 0)`,
		fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
			INSERT INTO participants (id, session_id, name, pseudonym, joined_at, rating, shown_rating)
			SELECT i, 's1', 'P' || i, 'P' || i, 0, 1 + i %% 5, 1 + i %% 5 FROM n`, people))
	buf, err := os.ReadFile(old)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), fmt.Sprintf("charter%d.db", i))
		if err := os.WriteFile(path, buf, 0o600); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		db, err := sqlite.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}

// A participant's update is all or nothing: when their rating cannot be stored, the
// rest of the update is not kept either.
func TestParticipantUpdateIsAllOrNothing(t *testing.T) {
	t.Parallel()
	db, _ := mustOpen(t)
	ctx := context.Background()
	_, ps := newSession(t, db, 1)
	p := *ps[0]
	p.Name, p.Rating = "Renamed", 4
	// The rating's row refers to a session that is not there.
	p.SessionID = "no-such-session"
	if err := db.UpdateParticipant(ctx, &p); err == nil {
		t.Fatal("a rating for a session that does not exist was stored")
	}
	got, err := db.Participant(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != ps[0].Name || got.Rating != 0 {
		t.Errorf("after a failed update the participant is %q rated %d; want %q unrated", got.Name, got.Rating, ps[0].Name)
	}
}
