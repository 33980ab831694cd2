package main

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// plan --create says what the preview's notes said, and makes a move into a
// session of another audience only when --cross-audience says it is meant: the
// person's invitation tells them they are one of that audience, and the findings
// count them so.
func TestPlanCreateSaysThePlansNotesAndRefusesACrossAudienceMove(t *testing.T) {
	t.Parallel()
	data := newDataDir(t)
	mustRun(t, "roster", "import", "--data", data, filepath.Join("testdata", "roster.csv"))
	args := []string{"plan", "--data", data, "--campaign", "Pilot 2027", "--new", "--move", "ada.abril@example.org=2", "--addr", "charter.example.org:2222"}
	moved := "Ada Abril (security-engineer) was moved into session 2 for developers: a session holds one audience so that peers speak freely, and the findings will count what Ada Abril says as developers."
	preview := mustRun(t, args...)
	if !strings.Contains(preview, "- "+moved+" --create makes it only with --cross-audience.\n") {
		t.Fatalf("the preview does not say Ada Abril was moved across audiences, nor what --create needs:\n%s", preview)
	}

	args = append(args, "--plan", regexp.MustCompile(`Plan ID (\w+)\.`).FindStringSubmatch(preview)[1])
	code, out, errs := runCmd(append(args, "--create")...)
	if code != 1 || out != "" || !strings.Contains(errs, moved) || !strings.Contains(errs, "Nothing was created: to create the plan with this move, add --cross-audience") {
		t.Fatalf("plan --create with a move across audiences: exit %d\nstdout %q\nstderr %q", code, out, errs)
	}
	if list := mustRun(t, "session", "list", "--data", data); strings.Contains(list, "Pilot 2027") {
		t.Fatalf("a refused plan made sessions:\n%s", list)
	}

	code, out, errs = runCmd(append(args, "--create", "--cross-audience")...)
	if code != 0 || !strings.Contains(out, "2. Developers, Berlin: session ") {
		t.Fatalf("plan --create --cross-audience: exit %d\n%s%s", code, out, errs)
	}
	for _, n := range []string{moved, "Team Harbor has no security engineer.", "Session 2 (Developers, Berlin) has 11 people, outside 8-10"} {
		if !strings.Contains(preview, n) || !strings.Contains(errs, "note: "+n) {
			t.Errorf("plan --create does not say the preview's note %q:\n%s", n, errs)
		}
	}
}

// plan --create of a campaign planned already says what the campaign holds now:
// after one planned session was held and one made by hand, it said "already has
// 12 planned sessions" as on the day it was planned.
func TestPlanCreateAgainCountsWhatTheCampaignHolds(t *testing.T) {
	t.Parallel()
	data := newDataDir(t)
	mustRun(t, "roster", "import", "--data", data, filepath.Join("testdata", "roster.csv"))
	args := []string{"plan", "--create", "--data", data, "--campaign", "Pilot 2027", "--audiences", "developers", "--addr", "charter.example.org:2222"}
	out := mustRun(t, args...)
	first := regexp.MustCompile(`(?m)^1\. .*: session (\w+),`).FindStringSubmatch(out)
	if first == nil || !strings.Contains(out, "created 4 sessions") {
		t.Fatalf("plan --create said:\n%s", out)
	}
	if code, _, errs := runCmd(args...); code != 1 || !strings.Contains(errs, `The campaign "Pilot 2027" already has 4 planned sessions; nothing was created.`) {
		t.Errorf("planning twice: exit %d, %s", code, errs)
	}
	mustRun(t, "import", "--data", data, "--session", first[1], filepath.Join("..", "..", "testdata", "import", "notes.csv"))
	mustRun(t, "session", "new", "--data", data, "--title", "Extra", "--audience", "developers", "--campaign", "Pilot 2027")
	want := `The campaign "Pilot 2027" already has 5 sessions: 4 planned (1 of them held) and 1 made by hand; nothing was created.`
	if code, _, errs := runCmd(args...); code != 1 || !strings.Contains(errs, want) {
		t.Errorf("planning again after a session was held and one made by hand: exit %d, %s\nwant %s", code, errs, want)
	}
}

// plan --create makes the plan that was looked at, numbered as it was shown, or
// nothing: --move and --date name sessions by number, and the numbers follow what
// took part in other campaigns, which changed when a session of another campaign
// was held between the preview and --create (a person moved into the preview's
// session 2, Developers in Berlin, landed in another city's).
func TestPlanCreateMakesThePlanShownOrNothing(t *testing.T) {
	t.Parallel()
	data := newDataDir(t)
	mustRun(t, "roster", "import", "--data", data, filepath.Join("testdata", "roster.csv"))
	pilot := mustRun(t, "plan", "--create", "--data", data, "--campaign", "Pilot 2027", "--audiences", "developers", "--addr", "charter.example.org:2222")
	berlin := regexp.MustCompile(`(?m)^1\. Developers, Berlin: session (\w+),`).FindStringSubmatch(pilot)
	if berlin == nil {
		t.Fatalf("the pilot does not open in Berlin:\n%s", pilot)
	}
	args := []string{"plan", "--data", data, "--campaign", "Test X", "--new", "--audiences", "developers", "--move", "carla.ortega@example.org=2",
		"--date", "2=2027-03-09", "--addr", "charter.example.org:2222"}
	shown := func() (id string, sessions []string) {
		t.Helper()
		md := mustRun(t, args...)
		for _, m := range regexp.MustCompile(`(?m)^## (\d+\. .+)$`).FindAllStringSubmatch(md, -1) {
			sessions = append(sessions, m[1])
		}
		m := regexp.MustCompile(`Plan ID (\w+)\.`).FindStringSubmatch(md)
		if m == nil {
			t.Fatalf("the plan shows no ID to create it by:\n%s", md)
		}
		return m[1], sessions
	}
	before, _ := shown()
	if code, _, errs := runCmd(append(args, "--create")...); code != 1 || !strings.Contains(errs, "add --plan "+before) {
		t.Errorf("--create with --move and no --plan: exit %d, %s", code, errs)
	}

	// The pilot's Berlin session is held: Berlin took part before.
	mustRun(t, "import", "--data", data, "--session", berlin[1], filepath.Join("..", "..", "testdata", "import", "notes.csv"))
	code, out, errs := runCmd(append(args, "--create", "--plan", before)...)
	if code != 1 || out != "" || !strings.Contains(errs, "the plan is not the one shown with the ID "+before) {
		t.Fatalf("--create of a plan changed since it was shown: exit %d\n%s%s", code, out, errs)
	}
	if list := mustRun(t, "session", "list", "--data", data); strings.Contains(list, "Test X") {
		t.Fatalf("a plan changed since it was shown made sessions:\n%s", list)
	}

	id, sessions := shown()
	if id == before {
		t.Fatalf("the plan keeps its ID %s though Berlin now comes last: %q", id, sessions)
	}
	out = mustRun(t, append(args, "--create", "--plan", id)...)
	var made []string
	for _, m := range regexp.MustCompile(`(?m)^(\d+\. .+): session \w+,`).FindAllStringSubmatch(out, -1) {
		made = append(made, m[1])
	}
	if !slices.Equal(made, sessions) || len(made) < 2 {
		t.Errorf("--create made %q, the preview showed %q", made, sessions)
	}
}
