package report_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// devNote is one line of testdata/notes-dev.jsonl: a real-sounding note with the
// theme people gave it.
type devNote struct {
	ID    string `json:"id"`
	Area  string `json:"area"`
	Lane  string `json:"lane"`
	Text  string `json:"text"`
	Theme string `json:"theme"`
}

func readDevNotes(t testing.TB) []devNote {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "notes-dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []devNote
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var n devNote
		if err := json.Unmarshal(sc.Bytes(), &n); err != nil {
			t.Fatal(err)
		}
		out = append(out, n)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func openService(t testing.TB) *session.Service {
	t.Helper()
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "charter.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return session.NewService(db, nil)
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

func mustFixture(t testing.TB, notes []devNote) *fixture {
	t.Helper()
	ctx := context.Background()
	svc := openService(t)
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
			must(svc.Volunteer(ctx, fx.people[0].ID, got.ID, true))
			must(svc.Volunteer(ctx, fx.people[5].ID, got.ID, true))
		}
	}
	return fx
}

// activityFor names the security activity a note of the activities area is about,
// from its words, as a participant would have picked it; other notes name none.
func activityFor(n devNote) string {
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
