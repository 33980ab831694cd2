package report_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charter-tool/charter/internal/notesets"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// load loads a fixture's session with the fields that differ from run to run fixed.
func load(t testing.TB, svc *session.Service, sessionID string) *report.Data {
	t.Helper()
	d, err := report.Load(context.Background(), svc, sessionID)
	if err != nil {
		t.Fatal(err)
	}
	d.Session.ID = "5e551011"
	d.Session.CreatedAt = time.Date(2026, 3, 5, 9, 30, 0, 0, time.UTC)
	if d.Session.Date != "" {
		// Begun undated, it was dated the day it began: that day, as run.
		d.Session.Date = "2026-03-05"
	}
	return d
}

func render(t testing.TB, f *report.Findings) (md, js string) {
	t.Helper()
	var a, b bytes.Buffer
	if err := f.WriteMarkdown(&a); err != nil {
		t.Fatal(err)
	}
	if err := f.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	return a.String(), b.String()
}

func TestGolden(t *testing.T) {
	t.Parallel()
	fx := mustFixture(t, readDevNotes(t))
	f := report.Build(load(t, fx.svc, fx.sess.ID))
	md, js := render(t, f)
	var csv, html bytes.Buffer
	if err := f.WriteCSV(&csv); err != nil {
		t.Fatal(err)
	}
	if err := f.WriteHTML(&html); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, map[string]string{"findings.golden.md": md, "findings.golden.json": js,
		"findings.golden.csv": csv.String(), "findings.golden.html": html.String()})
}

// checkGolden compares documents with the golden files of their names in testdata,
// or rewrites those with -update.
func checkGolden(t *testing.T, docs map[string]string) {
	t.Helper()
	for name, got := range docs {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from the golden file; run go test -update and review the diff", name)
		}
	}
}

// TestPrivacy checks what the document must never say, in both formats.
func TestPrivacy(t *testing.T) {
	t.Parallel()
	fx := mustFixture(t, readDevNotes(t)[:40])
	md, js := render(t, report.Build(load(t, fx.svc, fx.sess.ID)))
	tests := []struct {
		name    string
		text    string
		present bool
	}{
		{"volunteer named", volunteer, true},
		{"anonymous volunteer never by pseudonym", fx.people[5].Pseudonym, false},
		{"anonymous volunteer without a name", session.AnonymousVolunteer, true},
		{"other names never", nonVolunteer, false},
		{"hidden note never", "SECRET-HIDDEN", false},
		{"join code never", fx.sess.Code, false},
		{"a note", "threat model", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for format, doc := range map[string]string{"md": md, "json": js} {
				if got := strings.Contains(doc, tt.text); got != tt.present {
					t.Errorf("%s: contains %q = %v, want %v", format, tt.text, got, tt.present)
				}
			}
		})
	}
}

func TestMarkdownStructure(t *testing.T) {
	t.Parallel()
	fx := mustFixture(t, readDevNotes(t)[:40])
	md, _ := render(t, report.Build(load(t, fx.svc, fx.sess.ID)))
	var headings, rows []string
	section, cells := "", 0
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "#") {
			headings = append(headings, line)
		}
		if strings.HasPrefix(line, "## ") {
			section = line
		}
		switch {
		case !strings.HasPrefix(line, "|"):
			cells = 0
		case cells == 0:
			cells = strings.Count(line, "|")
		case strings.Count(line, "|") != cells:
			t.Errorf("table row with %d pipes, the header has %d: %q", strings.Count(line, "|"), cells, line)
		}
		if strings.HasPrefix(line, "|") && section == "## Action points" {
			rows = append(rows, line)
		}
		if strings.Contains(line, "<script") {
			t.Errorf("raw HTML in %q", line)
		}
	}
	// Header, separator and one row per action point of the fixture.
	if len(rows) != 2+4 {
		t.Errorf("action table has %d lines, want 6", len(rows))
	}
	for _, h := range headings {
		if strings.Contains(h, "not a heading") {
			t.Errorf("user text became a heading: %q", h)
		}
	}
	for _, want := range []string{"## Participation", "## Confidence", "## Prioritized themes", "## Action points", "## Appendix: all notes", "#### Strengths"} {
		if !strings.Contains(md, "\n"+want+"\n") {
			t.Errorf("missing %q", want)
		}
	}
}

func TestBuild(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := []struct {
		name string
		// setup writes notes and more into a session in the write phase with two
		// participants.
		setup    func(t *testing.T, svc *session.Service, sessionID string, a, b int64)
		contains []string
		excludes []string
		themes   int
	}{
		{"empty session", func(*testing.T, *session.Service, string, int64, int64) {},
			[]string{"No themes yet", "No confidence ratings", "No action points yet", "No notes."}, nil, 0},
		{"notes but no themes yet", func(t *testing.T, svc *session.Service, id string, a, b int64) {
			addNote(t, svc, a, session.AreaActivities, "keep", "keep the SAST gate", "code scanning (SAST)")
			addNote(t, svc, b, session.AreaOpen, "Hiring", "we need more security people", "")
		}, []string{"No themes yet", "### Security activities", "#### Keep", "- keep the SAST gate (activity: code scanning (SAST))",
			"### Open topics", "#### Hiring", "- we need more security people"}, []string{"(theme:"}, 0},
		{"theme of only hidden notes left out", func(t *testing.T, svc *session.Service, id string, a, b int64) {
			n1 := addNote(t, svc, a, session.AreaMotivation, "demotivates", "boss X shouts", "")
			n2 := addNote(t, svc, b, session.AreaMotivation, "motivates", "praise from peers", "")
			if err := svc.HideNote(ctx, n1, true); err != nil {
				t.Fatal(err)
			}
			if err := svc.SaveThemes(ctx, id, []session.Theme{{Label: "boss X", NoteIDs: []int64{n1}}, {Label: "recognition", NoteIDs: []int64{n2}}}); err != nil {
				t.Fatal(err)
			}
		}, []string{"### 1. recognition (score 3)", "Score 3 = 3 × 0 votes + 2 × 1 person + 1 × 1 note."}, []string{"boss X"}, 1},
		{"theme of only hidden notes left out with its action point", func(t *testing.T, svc *session.Service, id string, a, b int64) {
			n1 := addNote(t, svc, a, session.AreaMotivation, "demotivates", "boss X shouts", "")
			n2 := addNote(t, svc, b, session.AreaMotivation, "motivates", "praise from peers", "")
			if err := svc.SaveThemes(ctx, id, []session.Theme{{Label: "boss X", NoteIDs: []int64{n1}}, {Label: "recognition", NoteIDs: []int64{n2}}}); err != nil {
				t.Fatal(err)
			}
			ths, err := svc.Themes(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := svc.SetPhase(ctx, id, session.PhaseActions); err != nil {
				t.Fatal(err)
			}
			if _, err := svc.AddAction(ctx, session.ActionPoint{SessionID: id, ThemeID: ths[0].ID, Title: "talk to managers", Priority: session.PriorityHigh}); err != nil {
				t.Fatal(err)
			}
			if err := svc.HideNote(ctx, n1, true); err != nil {
				t.Fatal(err)
			}
		}, []string{"### 1. recognition (score 3)", "talk to managers"}, []string{"boss X"}, 1},
		{"a name made from a hidden note is not in the document", func(t *testing.T, svc *session.Service, id string, a, b int64) {
			n1 := addNote(t, svc, a, session.AreaMotivation, "demotivates", "boss X shouts at us", "")
			n2 := addNote(t, svc, b, session.AreaMotivation, "demotivates", "no praise from peers", "")
			if err := svc.SaveThemes(ctx, id, []session.Theme{{Label: "boss X shouts", NoteIDs: []int64{n1, n2}}}); err != nil {
				t.Fatal(err)
			}
			if err := svc.HideNote(ctx, n1, true); err != nil {
				t.Fatal(err)
			}
		}, []string{"### 1. no praise from peers (score 3)"}, []string{"boss X"}, 1},
		{"unthemed notes counted", func(t *testing.T, svc *session.Service, id string, a, b int64) {
			n1 := addNote(t, svc, a, session.AreaConfidence, "concern", "no time for security", "")
			addNote(t, svc, b, session.AreaConfidence, "concern", "unclear who owns it", "")
			if err := svc.SaveThemes(ctx, id, []session.Theme{{Label: "time", NoteIDs: []int64{n1}}}); err != nil {
				t.Fatal(err)
			}
		}, []string{"1 note is in no theme.", "- no time for security (theme: time)"}, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc := openService(t)
			sess, err := svc.NewSession(ctx, session.Session{Title: "Managers", Audience: session.AudienceManagers})
			if err != nil {
				t.Fatal(err)
			}
			a, _ := svc.Join(ctx, sess.ID, "a")
			b, _ := svc.Join(ctx, sess.ID, "b")
			if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
				t.Fatal(err)
			}
			tt.setup(t, svc, sess.ID, a.ID, b.ID)
			f := report.Build(load(t, svc, sess.ID))
			if len(f.Themes) != tt.themes {
				t.Errorf("%d themes, want %d", len(f.Themes), tt.themes)
			}
			md, js := render(t, f)
			for _, s := range tt.contains {
				if !strings.Contains(md, s) {
					t.Errorf("markdown lacks %q:\n%s", s, md)
				}
			}
			for _, s := range tt.excludes {
				if strings.Contains(md, s) || strings.Contains(js, s) {
					t.Errorf("document contains %q", s)
				}
			}
			var back report.Findings
			if err := json.Unmarshal([]byte(js), &back); err != nil {
				t.Fatalf("JSON does not read back: %v", err)
			}
			if len(back.Themes) != len(f.Themes) || back.Participation != f.Participation {
				t.Errorf("JSON differs from the document: %+v", back)
			}
		})
	}
}

func addNote(t *testing.T, svc *session.Service, participantID int64, area session.Area, lane, text, activity string) int64 {
	t.Helper()
	n, err := svc.AddNote(context.Background(), participantID, session.Note{Area: area, Lane: lane, Text: text, Activity: activity})
	if err != nil {
		t.Fatal(err)
	}
	return n.ID
}

func TestLoadUnknownSession(t *testing.T) {
	t.Parallel()
	svc := openService(t)
	_, err := report.Load(context.Background(), svc, "nope")
	if session.ErrorCode(err) != session.ENotFound {
		t.Errorf("Load of unknown session: %v", err)
	}
}

// BenchmarkExport500 measures loading, building and writing a 500-note session; the
// target is under 200 ms.
func BenchmarkExport500(b *testing.B) {
	dev := readDevNotes(b)
	var notes []notesets.Note
	for len(notes) < 500 {
		notes = append(notes, dev...)
	}
	fx := mustFixture(b, notes[:500])
	ctx := context.Background()
	for _, format := range []string{"md", "html"} {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				d, err := report.Load(ctx, fx.svc, fx.sess.ID)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := report.Render(report.Build(d), format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestOneRanking checks that the board's ranking (Service.Priorities) and the
// findings rank the same themes the same way, also when all notes of a theme are
// hidden: such a theme is ranked by neither.
func TestOneRanking(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	fx := mustFixture(t, readDevNotes(t)[:40])
	gone := fx.themes[len(fx.themes)-1]
	for _, id := range gone.NoteIDs {
		if err := fx.svc.HideNote(ctx, id, true); err != nil {
			t.Fatal(err)
		}
	}
	board, err := fx.svc.Priorities(ctx, fx.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	f := report.Build(load(t, fx.svc, fx.sess.ID))
	if len(board) != len(f.Themes) {
		t.Fatalf("board ranks %d themes, the findings %d", len(board), len(f.Themes))
	}
	for i, p := range board {
		th := f.Themes[i]
		if p.ID != th.ID || p.Rank != th.Rank || p.Score != th.Score {
			t.Errorf("#%d: board has theme %d rank %d score %d, findings theme %d rank %d score %d",
				i, p.ID, p.Rank, p.Score, th.ID, th.Rank, th.Score)
		}
		if p.ID == gone.ID {
			t.Errorf("theme %q, all of whose notes are hidden, is ranked", gone.Label)
		}
	}
}

// The findings say how many of the participants wrote on paper, as the board does
// ("4 people (+1 on paper)"): "5 participants" alone read as a different count.
func TestFindingsSayWhoWroteOnPaper(t *testing.T) {
	t.Parallel()
	d := pureSession("a", 1, session.AudienceDevelopers, make([]session.Profile, 5), map[string][]string{"x": {"more pen tests"}})
	d.Participants[4].Paper = true
	f := report.Build(d)
	md, js := render(t, f)
	for _, want := range []string{"- Who took part: 5 participants (developers), 1 of them on paper", "- Participants (developers): 5, 1 of them on paper"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	if !strings.Contains(js, `"on_paper": 1`) {
		t.Errorf("JSON lacks on_paper:\n%s", js)
	}
}

// When no note names an activity, the matrix has one row: a total below it would
// be the same row again.
func TestMatrixOfOneRowHasNoTotal(t *testing.T) {
	t.Parallel()
	d := pureSession("a", 1, session.AudienceDevelopers, make([]session.Profile, 3), map[string][]string{"x": {"more pen tests", "keep the scanner", "less paperwork"}})
	for i, n := range d.Notes {
		n.Area, n.Lane = session.AreaActivities, []string{"more", "keep", "less"}[i]
	}
	md, _ := render(t, report.Build(d))
	if !strings.Contains(md, "| "+report.NoActivity+" |") || strings.Contains(md, "| all activities |") {
		t.Errorf("the matrix of one row:\n%s", md)
	}
}

// The CSV has a row per ranked theme with its score, dots and notes, so that a
// sheet shows the vote totals the Markdown and JSON give (a program lead found
// only the rank there); in a campaign's too.
func TestCSVListsEveryThemesScoreAndVotes(t *testing.T) {
	t.Parallel()
	fx := mustFixture(t, readDevNotes(t))
	f := report.Build(load(t, fx.svc, fx.sess.ID))
	c := mustCampaign(t)
	cf := report.BuildCampaign(campaignName, c.load(t))
	type want struct{ rank, score, votes, notes, people, sessions int }
	check := func(name string, doc interface{ WriteCSV(io.Writer) error }, themes map[string]want) {
		t.Helper()
		var b bytes.Buffer
		if err := doc.WriteCSV(&b); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := func(n string) int { return slices.Index(rows[0], n) }
		got := map[string]want{}
		for _, r := range rows[1:] {
			if r[col("kind")] == "theme" {
				n := func(c string) int { v, _ := strconv.Atoi(r[col(c)]); return v }
				w := want{n("theme_rank"), n("score"), n("votes"), n("notes"), n("people"), n("sessions")}
				got[r[col("theme")]] = w
				// A sheet computes the score again from the row alone.
				if again := 5*max(w.sessions-1, 0) + 3*w.votes + 2*w.people + w.notes; again != w.score {
					t.Errorf("%s: %q's score %d, but its row's figures make %d", name, r[col("theme")], w.score, again)
				}
			}
		}
		if len(themes) == 0 || !maps.Equal(got, themes) {
			t.Errorf("%s: the CSV's theme rows %v, want %v", name, got, themes)
		}
	}
	themes := map[string]want{}
	for _, th := range f.Themes {
		themes[th.Label] = want{th.Rank, th.Score, th.Votes, th.Notes, th.Authors, 0}
	}
	check("a session", f, themes)
	themes = map[string]want{}
	for _, th := range cf.Themes {
		themes[th.Label] = want{th.Rank, th.Score, th.Votes, th.Notes, th.Participants, th.Sessions}
	}
	check("a campaign", cf, themes)
}

// An activity proposed by two people in another case or spacing ("Container
// Scanning", "container  scanning"), or spelled otherwise in two sessions' lists,
// is one row of the matrix: two rows read as two activities, each with half the
// notes, and the campaign's signals missed it. The row takes the list's spelling.
func TestMatrixOneRowPerActivityWhateverItsCase(t *testing.T) {
	t.Parallel()
	mk := func(id string, day int, acts []string, list ...string) *report.Data {
		texts := make([]string, len(acts))
		for i := range acts {
			texts[i] = fmt.Sprintf("note %s %d on scanning", id, i)
		}
		d := pureSession(id, day, session.AudienceDevelopers, make([]session.Profile, 3), map[string][]string{"x": texts})
		d.Session.Activities = list
		for i, n := range d.Notes {
			n.Area, n.Lane, n.Activity = session.AreaActivities, "keep", acts[i]
		}
		return d
	}
	check := func(name string, m report.ActivityMatrix, want string, notes int) {
		t.Helper()
		var got []string
		for _, r := range m.Activities {
			got = append(got, fmt.Sprintf("%s:%d", r.Activity, r.Notes))
		}
		if w := []string{fmt.Sprintf("%s:%d", want, notes)}; !slices.Equal(got, w) {
			t.Errorf("%s: the matrix's rows %q, want %q", name, got, w)
		}
	}
	f := report.Build(mk("a", 1, []string{"Container Scanning", "container scanning", "container  scanning", "container scanning"}))
	check("a session", f.Matrix, "container scanning", 4)
	a := mk("a", 1, []string{"Pen Testing", "pen testing"}, "Pen Testing")
	b := mk("b", 2, []string{"pen testing"}, "pen testing")
	cf := report.BuildCampaign("c", []*report.Data{a, b})
	check("a campaign", cf.Matrix, "Pen Testing", 3)
}
