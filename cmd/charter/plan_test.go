package main

import (
	"path/filepath"
	"regexp"
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
