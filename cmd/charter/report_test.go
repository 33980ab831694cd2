package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

// reportData makes a data directory holding sessions of the given campaigns (one
// session per entry; "" for none), each with three participants and a few notes.
func reportData(t *testing.T, campaigns ...string) string {
	t.Helper()
	ctx := context.Background()
	dir := newDataDir(t)
	db, err := openData(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := session.NewService(db, nil)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	texts := []string{"deadlines always win over security", "no time in the sprint for security work", "more penetration tests"}
	for i, c := range campaigns {
		sess, err := svc.NewSession(ctx, session.Session{Title: "Session " + string(rune('A'+i)), Audience: session.AudienceDevelopers,
			Location: "Porto", Campaign: c})
		must(err)
		_, err = svc.SetPhase(ctx, sess.ID, session.PhaseWrite)
		must(err)
		for k, text := range texts {
			p, err := svc.Join(ctx, sess.ID, "")
			must(err)
			must(svc.SetName(ctx, p, "Secretname"))
			_, err = svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaConfidence, Lane: "concern", Text: text})
			must(err)
			must(svc.Rate(ctx, p.ID, 1+k))
		}
	}
	return dir
}

func runReportCmd(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(append([]string{"report"}, args...), nil, &out, &errb)
	return code, out.String(), errb.String()
}

func TestReport(t *testing.T) {
	t.Parallel()
	dir := reportData(t, "Alpha 2026", "Alpha 2026", "Beta", "")

	t.Run("markdown of the campaign asked for", func(t *testing.T) {
		code, out, errs := runReportCmd("--data", dir, "--campaign", "Alpha 2026")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		for _, want := range []string{"# Campaign report: Alpha 2026\n", "| S1 |", "| S2 |", "## Saturation", "## Action points"} {
			if !strings.Contains(out, want) {
				t.Errorf("report lacks %q:\n%s", want, out)
			}
		}
		if strings.Contains(out, "| S3 |") || strings.Contains(out, "Secretname") {
			t.Errorf("report holds another campaign's session or a name:\n%s", out)
		}
	})

	t.Run("JSON to a file, atomically and private", func(t *testing.T) {
		outDir := t.TempDir()
		path := filepath.Join(outDir, "beta.json")
		code, out, errs := runReportCmd("--data", dir, "--campaign", "Beta", "--format", "json", "-o", path)
		if code != 0 || out != "" {
			t.Fatalf("exit %d, stdout %q, stderr %s", code, out, errs)
		}
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("mode %v, want 0600", st.Mode().Perm())
		}
		var doc struct {
			Campaign string            `json:"campaign"`
			Sessions []json.RawMessage `json:"sessions"`
		}
		b, _ := os.ReadFile(path)
		if err := json.Unmarshal(b, &doc); err != nil || doc.Campaign != "Beta" || len(doc.Sessions) != 1 {
			t.Errorf("JSON %s: %v", b, err)
		}
		if entries, _ := os.ReadDir(outDir); len(entries) != 1 {
			t.Errorf("%d files in the output directory, want only the report", len(entries))
		}
	})

	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"several campaigns, none chosen", []string{"--data", dir}, 1, []string{"several campaigns", `"Alpha 2026"`, `"Beta"`}},
		{"unknown campaign", []string{"--data", dir, "--campaign", "Gamma"}, 1, []string{`No campaign is called "Gamma"`, `"Alpha 2026"`, `"Beta"`}},
		{"unknown format", []string{"--data", dir, "--campaign", "Beta", "--format", "pdf"}, 2, []string{`unknown format "pdf"`}},
		{"no data", []string{"--data", filepath.Join(t.TempDir(), "none")}, 1, []string{"no charter data in"}},
		{"split of unknown themes", []string{"--data", dir, "--campaign", "Beta", "--split", "998,999"}, 1, []string{"--split 998,999: Theme", "ID 16", "group that session's notes on its board first"}},
		{"split not two IDs", []string{"--data", dir, "--campaign", "Beta", "--split", "12"}, 2, []string{"ID,ID"}},
		{"unwritable output", []string{"--data", dir, "--campaign", "Beta", "-o", filepath.Join(t.TempDir(), "missing", "r.md")}, 1, []string{"write"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runReportCmd(tt.args...)
			if code != tt.code || out != "" {
				t.Fatalf("exit %d, stdout %q, want exit %d and no output", code, out, tt.code)
			}
			for _, w := range tt.want {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr %q lacks %q", errs, w)
				}
			}
		})
	}

	t.Run("no data directory is created", func(t *testing.T) {
		missing := filepath.Join(t.TempDir(), "none")
		runReportCmd("--data", missing)
		if _, err := os.Stat(missing); !os.IsNotExist(err) {
			t.Errorf("report created %s", missing)
		}
	})

	t.Run("the only campaign needs no flag", func(t *testing.T) {
		code, out, errs := runReportCmd("--data", reportData(t, "Solo", ""))
		if code != 0 || !strings.Contains(out, "# Campaign report: Solo\n") {
			t.Fatalf("exit %d, stderr %s, stdout:\n%s", code, errs, out)
		}
	})
}

// --split keeps two matched session themes apart, says so on stderr (stdout stays
// the document), and later reports keep them apart.
func TestReportSplitSaysItKeepsThemesApart(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := reportData(t, "Alpha 2026", "Alpha 2026")
	db, err := openData(dir)
	if err != nil {
		t.Fatal(err)
	}
	svc := session.NewService(db, nil)
	list, err := svc.Sessions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		v, err := svc.BoardView(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, n := range v.Notes {
			ids = append(ids, n.ID)
		}
		if _, err := svc.SetPhase(ctx, s.ID, session.PhaseGroup); err != nil {
			t.Fatal(err)
		}
		if err := svc.SaveThemes(ctx, s.ID, []session.Theme{{Label: "no time for security", NoteIDs: ids}}); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	themesOf := func() [][]int64 {
		t.Helper()
		code, out, errs := runReportCmd("--data", dir, "--campaign", "Alpha 2026", "--format", "json")
		if code != 0 {
			t.Fatalf("report: exit %d: %s", code, errs)
		}
		var doc struct {
			Themes []struct {
				SessionThemes []struct {
					ThemeID int64 `json:"theme_id"`
				} `json:"session_themes"`
			} `json:"themes"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		var out2 [][]int64
		for _, th := range doc.Themes {
			var ids []int64
			for _, st := range th.SessionThemes {
				ids = append(ids, st.ThemeID)
			}
			out2 = append(out2, ids)
		}
		return out2
	}
	before := themesOf()
	if len(before) != 1 || len(before[0]) != 2 {
		t.Fatalf("campaign themes %v: the test needs the two session themes matched as one", before)
	}
	a, b := before[0][0], before[0][1]
	code, out, errs := runReportCmd("--data", dir, "--campaign", "Alpha 2026", "--split", fmt.Sprintf("%d,%d", a, b))
	if code != 0 || !strings.Contains(errs, fmt.Sprintf("themes %d and %d are kept apart from now on", a, b)) || strings.Contains(out, "kept apart from now on") {
		t.Fatalf("--split: exit %d, stdout holds the message %v, stderr %q", code, strings.Contains(out, "kept apart"), errs)
	}
	if after := themesOf(); len(after) != 2 {
		t.Errorf("after --split the campaign themes are %v, want the two apart", after)
	}
	// --unsplit undoes it, and says so; a second one finds nothing to undo.
	code, _, errs = runReportCmd("--data", dir, "--campaign", "Alpha 2026", "--unsplit", fmt.Sprintf("%d,%d", b, a))
	if code != 0 || !strings.Contains(errs, fmt.Sprintf("themes %d and %d may be matched again", b, a)) {
		t.Fatalf("--unsplit: exit %d, stderr %q", code, errs)
	}
	if again := themesOf(); len(again) != 1 {
		t.Errorf("after --unsplit the campaign themes are %v, want the two matched again", again)
	}
	if code, _, errs := runReportCmd("--data", dir, "--campaign", "Alpha 2026", "--unsplit", fmt.Sprintf("%d,%d", a, b)); code != 1 || !strings.Contains(errs, "were not split") {
		t.Errorf("a second --unsplit: exit %d, stderr %q", code, errs)
	}
}

// A campaign only planned (its sessions created, none held) has no date: compared
// either way round, the report says so, and never that the names are the wrong way
// round ("“Chartering 2027” (from 2026-12-05) began after “Chartering 2028” (from );
// … swap the two names").
func TestReportCompareWithACampaignNotHeldSaysSo(t *testing.T) {
	t.Parallel()
	dir := reportData(t, "Chartering 2027")
	db, err := openData(dir)
	if err != nil {
		t.Fatal(err)
	}
	svc := session.NewService(db, nil)
	for _, title := range []string{"Planned A", "Planned B"} {
		if _, err := svc.NewSession(context.Background(), session.Session{Title: title, Audience: session.AudienceDevelopers, Campaign: "Chartering 2028"}); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	for _, tt := range []struct{ campaign, compare, want string }{
		{"Chartering 2028", "Chartering 2027", "“Chartering 2028” has no session held yet (2 planned), so there is nothing to compare with “Chartering 2027”"},
		{"Chartering 2027", "Chartering 2028", "“Chartering 2028” has no session held yet (2 planned), so there is nothing of it to follow up on"},
	} {
		code, out, errs := runReportCmd("--data", dir, "--campaign", tt.campaign, "--compare", tt.compare)
		if code != 1 || out != "" {
			t.Errorf("--campaign %q --compare %q: exit %d, stdout %q, want exit 1 and no document", tt.campaign, tt.compare, code, out)
		}
		if !strings.Contains(errs, tt.want) || strings.Contains(errs, "swap") || strings.Contains(errs, "(from )") {
			t.Errorf("--campaign %q --compare %q: stderr %q, want %q and no advice to swap", tt.campaign, tt.compare, errs, tt.want)
		}
	}
}
