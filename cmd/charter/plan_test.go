package main

import (
	"fmt"
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

// plan numbers its sessions as the preview printed them, for --move and --date
// alike: moving everyone out of session 1 leaves it out with its number, and
// session 3 is still 3 for the --date given with the moves, in the plan printed
// and in what --create made. The moves numbered the sessions anew, and --date 3
// dated the session printed before as 4.
func TestPlanNumbersStayAsPrintedWithMovesAndDates(t *testing.T) {
	t.Parallel()
	data := newDataDir(t)
	mustRun(t, "roster", "import", "--data", data, filepath.Join("testdata", "roster.csv"))
	args := []string{"plan", "--data", data, "--campaign", "Pilot 2027", "--new", "--audiences", "developers", "--per-session", "1-3",
		"--addr", "charter.example.org:2222"}
	// section returns the title of session n of a printed plan and the names it invites.
	section := func(md string, n int) (title string, names []string) {
		t.Helper()
		m := regexp.MustCompile(fmt.Sprintf(`(?m)^## %d\. (.+)\n\n[^\n]*\n\n[^\n]*\n[^\n]*\n((?:\|.*\n)+)`, n)).FindStringSubmatch(md)
		if m == nil {
			t.Fatalf("the plan has no session %d:\n%s", n, md)
		}
		for _, row := range strings.Split(strings.TrimSpace(m[2]), "\n") {
			names = append(names, strings.TrimSpace(strings.Split(row, "|")[1]))
		}
		return m[1], names
	}
	first := mustRun(t, args...)
	title1, people := section(first, 1)
	title3, people3 := section(first, 3)
	for _, name := range people {
		args = append(args, "--move", name+"=3")
	}
	args = append(args, "--date", "3=2027-03-09")

	moved := mustRun(t, args...)
	if strings.Contains(moved, "\n## 1. ") {
		t.Errorf("session 1, emptied by the moves, is still planned:\n%s", moved)
	}
	n := len(people) + len(people3)
	if got, invited := section(moved, 3); got != title3 || len(invited) != n || !strings.Contains(moved, fmt.Sprintf("## 3. %s\n\ndevelopers, in person, on 2027-03-09, %d people", title3, n)) {
		t.Errorf("session 3 after the moves into 3 and --date 3: %q with %q; want %q with its people and session 1's, on 2027-03-09:\n%s", got, invited, title3, moved)
	}
	if left := fmt.Sprintf("- Session 1 (%s) is left out: --move took everyone it invited into other sessions.", title1); !strings.Contains(moved, left) {
		t.Errorf("the plan does not say %q:\n%s", left, moved)
	}

	id := regexp.MustCompile(`Plan ID (\w+)\.`).FindStringSubmatch(moved)[1]
	code, out, errs := runCmd(append(args, "--create", "--plan", id)...)
	if code != 0 || !strings.Contains(out, "\n3. "+title3+": session ") || strings.Contains(out, "\n1. ") {
		t.Fatalf("plan --create: exit %d, want session 3 as printed and no session 1\n%s%s", code, out, errs)
	}
	if undated := regexp.MustCompile(`note: sessions? ([\d, ]+) ha`).FindStringSubmatch(errs); undated == nil || slices.Contains(strings.Split(undated[1], ", "), "3") {
		t.Errorf("plan --create says which sessions have no date: %q; want every one but 3\n%s", undated, errs)
	}
}
