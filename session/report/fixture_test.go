package report_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/charter-tool/charter/internal/notesets"
	"github.com/charter-tool/charter/internal/testdb"
	"github.com/charter-tool/charter/internal/testmain"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// readDevNotes reads testdata/notes-dev.jsonl: real-sounding notes with the themes
// people gave them.
func readDevNotes(t testing.TB) []notesets.Note {
	t.Helper()
	return notesets.Load(t, notesets.Dev)
}

// built is a database written once per test binary, kept as files in dir, and what
// its builder returned about it.
type built struct {
	once  sync.Once
	dir   string
	value any
}

var (
	builtMu sync.Mutex
	builds  = map[string]*built{}
	// buildRoot holds the built databases while the tests run.
	buildRoot string
)

func TestMain(m *testing.M) {
	testmain.NoRaceExitPause()
	var err error
	if buildRoot, err = os.MkdirTemp("", "charter-report-fixtures-"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(buildRoot)
	testmain.Exit(code)
}

// shared returns a service over a copy of the database that build writes, and what
// build returned, building it for the first test that names key. Fixtures of whole
// sessions and campaigns take hundreds of synced writes; built once and copied, each
// test still has a real database of its own that it may change.
func shared[T any](t testing.TB, key string, build func(svc *session.Service) T) (*session.Service, T) {
	t.Helper()
	builtMu.Lock()
	b := builds[key]
	if b == nil {
		b = &built{}
		builds[key] = b
	}
	builtMu.Unlock()
	b.once.Do(func() {
		dir, err := os.MkdirTemp(buildRoot, "fixture-")
		if err != nil {
			t.Fatal(err)
		}
		db, err := sqlite.Open(testdb.Place(t, dir))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		v := build(session.NewService(db, nil))
		// Closed, the database is one file again (the write-ahead log checkpointed).
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		b.dir, b.value = dir, v
	})
	if b.dir == "" {
		t.Fatalf("the fixture %q could not be built: see the first test that needed it", key)
	}
	mine := t.TempDir()
	files, err := os.ReadDir(b.dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		// The database and the key secret beside it, which note authors are hashed with.
		buf, err := os.ReadFile(filepath.Join(b.dir, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(mine, f.Name()), buf, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	db, err := sqlite.Open(filepath.Join(mine, "charter.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return session.NewService(db, nil), b.value.(T)
}

func openService(t testing.TB) *session.Service {
	t.Helper()
	return session.NewService(testdb.Open(t), nil)
}

// Texts the fixture plants, so tests can look for them.
const (
	hiddenText   = "SECRET-HIDDEN note about a named colleague"
	hostileText  = "| pipes | <script>alert(1)</script> # not a heading\n- not a list *nor bold* [link](http://x) ![img](y) `code`"
	volunteer    = "Rosa"
	nonVolunteer = "Zebediah"
)

// fixture is a realistic session run to the actions phase: the development notes
// written by 12 participants and grouped by their gold themes, ratings, dots and
// action points with volunteers, one hidden note and one hostile note.
type fixture struct {
	svc    *session.Service
	sess   *session.Session
	people []*session.Participant
	themes []*session.Theme
}

// mustFixture returns the fixture of notes over a database of the test's own: a copy
// of one built for the first test that asked for these notes.
func mustFixture(t testing.TB, notes []notesets.Note) *fixture {
	t.Helper()
	key := fmt.Sprintf("session of %d notes, %s to %s", len(notes), notes[0].ID, notes[len(notes)-1].ID)
	svc, built := shared(t, key, func(svc *session.Service) *fixture { return buildFixture(t, svc, notes) })
	fx := *built
	fx.svc = svc
	return &fx
}

func buildFixture(t testing.TB, svc *session.Service, notes []notesets.Note) *fixture {
	t.Helper()
	ctx := context.Background()
	sess, err := svc.NewSession(ctx, session.Session{Title: "Developers Berlin #2", Audience: session.AudienceDevelopers,
		Location: "Berlin", Campaign: "Chartering 2026", Mode: session.ModeInPerson})
	if err != nil {
		t.Fatal(err)
	}
	fx := &fixture{svc: svc, sess: sess}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	phase := func(ph session.Phase) {
		t.Helper()
		_, err := svc.SetPhase(ctx, sess.ID, ph)
		must(err)
	}
	for k := 0; k < 12; k++ {
		p, err := svc.Join(ctx, sess.ID, fmt.Sprintf("key-%d", k))
		must(err)
		fx.people = append(fx.people, p)
	}
	must(svc.SetName(ctx, fx.people[0], volunteer))
	must(svc.SetName(ctx, fx.people[1], nonVolunteer))

	phase(session.PhaseCheckIn)
	for k, r := range []int{4, 3, 3, 2, 4, 5, 3, 2, 3, 4} {
		must(svc.Rate(ctx, fx.people[k].ID, r))
	}

	phase(session.PhaseWrite)
	byTheme := map[string][]int64{}
	var order []string
	for i, n := range notes {
		p := fx.people[(i*7)%len(fx.people)]
		text := n.Text
		if i == 3 {
			text = hostileText
		}
		note, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.Area(n.Area), Lane: n.Lane, Text: text, Activity: activityFor(n)})
		must(err)
		if byTheme[n.Theme] == nil {
			order = append(order, n.Theme)
		}
		byTheme[n.Theme] = append(byTheme[n.Theme], note.ID)
	}
	hidden, err := svc.AddNote(ctx, fx.people[2].ID, session.Note{Area: session.AreaOpen, Lane: "People", Text: hiddenText})
	must(err)
	must(svc.HideNote(ctx, hidden.ID, true))
	byTheme[order[0]] = append(byTheme[order[0]], hidden.ID)

	phase(session.PhaseReveal)
	phase(session.PhaseGroup)
	var themes []session.Theme
	for _, label := range order {
		themes = append(themes, session.Theme{Label: label, NoteIDs: byTheme[label]})
	}
	must(svc.SaveThemes(ctx, sess.ID, themes))
	fx.themes, err = svc.Themes(ctx, sess.ID)
	must(err)

	phase(session.PhaseVote)
	for k, p := range fx.people {
		// One dot on one of the first three themes, two on one of the others.
		other := 3 + (k*5)%(len(fx.themes)-3)
		for _, j := range []int{k % 3, other, other} {
			must(svc.Vote(ctx, p.ID, fx.themes[j].ID, 1))
		}
	}

	phase(session.PhaseActions)
	adds := []session.ActionPoint{
		{ThemeID: fx.themes[0].ID, Title: "Threat modelling clinic every sprint", Priority: 1, Owner: "AppSec team", Status: session.ActionAccepted},
		{ThemeID: fx.themes[1].ID, Title: "Year-round hacking challenges", Priority: 2},
		{ThemeID: fx.themes[0].ID, Title: "Keep the threat model next to the code | in the repo", Priority: 3, Status: session.ActionInProgress},
		{Title: "Share these findings with all teams", Priority: 2, Owner: "Program lead"},
	}
	for i, a := range adds {
		a.SessionID = sess.ID
		got, err := svc.AddAction(ctx, a)
		must(err)
		if i == 0 {
			must(svc.VolunteerAs(ctx, fx.people[0].ID, got.ID, volunteer))
			must(svc.Volunteer(ctx, fx.people[5].ID, got.ID, true)) // anonymous
		}
	}
	return fx
}

// activityFor names the security activity a note of the activities area is about,
// from its words, as a participant would have picked it; other notes name none.
func activityFor(n notesets.Note) string {
	if n.Area != string(session.AreaActivities) {
		return ""
	}
	text := strings.ToLower(n.Text)
	for _, a := range []struct{ words, activity string }{
		{"threat model|stride", "threat modelling"},
		{"scan|sast|false positive|alerts", "code scanning (SAST)"},
		{"dependenc", "dependency scanning"},
		{"pentest|penetration|testers", "pen testing"},
		{"bounty", "bug bounty"},
		{"assessment|questionnaire|form|questions", "self-assessment"},
		{"incident|post mortem", "incident handling"},
		{"guild|meetup", "security guild"},
		{"training|course|e-learning|ctf|flag|hack", "security training"},
	} {
		for _, w := range strings.Split(a.words, "|") {
			if strings.Contains(text, w) {
				return a.activity
			}
		}
	}
	return ""
}
