package main

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// plannedPilot imports the test roster and creates the plan of "Pilot 2027" for
// developers: Berlin, Lyon, Porto and online, ten people invited to each. It
// returns the data directory and the sessions' IDs and codes by title.
func plannedPilot(t *testing.T) (data string, ids, codes map[string]string) {
	t.Helper()
	data = newDataDir(t)
	mustRun(t, "roster", "import", "--data", data, filepath.Join("testdata", "roster.csv"))
	made := mustRun(t, "plan", "--data", data, "--campaign", "Pilot 2027", "--audiences", "developers", "--new", "--create", "--addr", "charter.example.org:2222")
	ids, codes = map[string]string{}, map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^\d+\. (.+): session (\w+), code (\S+),`).FindAllStringSubmatch(made, -1) {
		ids[m[1]], codes[m[1]] = m[2], m[3]
	}
	if ids["Developers, Berlin"] == "" || ids["Developers, Lyon"] == "" {
		t.Fatalf("the plan made:\n%s", made)
	}
	return data, ids, codes
}

// session delete of a planned session whose people were invited says, before it
// asks, that they hold its join code, which deleting refuses, and how to invite
// them again; it asked only whether to delete it with its notes.
func TestDeletingAPlannedSessionSaysItsPeopleHoldItsCode(t *testing.T) {
	t.Parallel()
	data, ids, codes := plannedPilot(t)
	var out, errb bytes.Buffer
	if code := run([]string{"session", "delete", "--data", data, "--session", ids["Developers, Lyon"]}, strings.NewReader("n\n"), &out, &errb); code == 0 {
		t.Fatalf("answered n, session delete exits 0: %s%s", out.String(), errb.String())
	}
	want := `The 10 people invited to it hold its join code ` + codes["Developers, Lyon"] + `, which will refuse them: to invite them again, plan the campaign again (charter plan --data ` +
		data + ` --campaign "Pilot 2027" --create) and send the new letters with the charter invite command it prints, which tell them this session is off. This cannot be undone. [y/N]`
	if !strings.Contains(out.String(), want) || !strings.Contains(out.String(), "Nothing deleted.") {
		t.Errorf("session delete of a planned session asks:\n%s\nwant it to say:\n%s", out.String(), want)
	}
	// A session made by hand invites nobody: asked as before.
	made := mustRun(t, "session", "new", "--data", data, "--title", "Developers, Lyon", "--audience", "developers", "--location", "Lyon", "--campaign", "Pilot 2027")
	byHand := regexp.MustCompile(`session: (\S+)`).FindStringSubmatch(made)[1]
	out.Reset()
	run([]string{"session", "delete", "--data", data, "--session", byHand}, strings.NewReader("n\n"), &out, &errb)
	if strings.Contains(out.String(), "invited") || !strings.Contains(out.String(), "action points? This cannot be undone. [y/N]") {
		t.Errorf("session delete of a session made by hand asks:\n%s", out.String())
	}
}

// session edit prints a session whose day passed in the lobby as session list
// does, "lobby (not held)": it printed "phase: lobby", as if it were to come.
func TestSessionEditSaysAPastDayIsNotHeld(t *testing.T) {
	t.Parallel()
	data, ids, _ := plannedPilot(t)
	out := mustRun(t, "session", "edit", "--data", data, "--session", ids["Developers, Porto"], "--date", "2020-03-02")
	if !strings.Contains(out, "phase: lobby (not held)\n") {
		t.Errorf("session edit of a session past its day prints:\n%s", out)
	}
	out = mustRun(t, "session", "edit", "--data", data, "--session", ids["Developers, Porto"], "--date", "2999-03-02")
	if !strings.Contains(out, "phase: lobby\n") {
		t.Errorf("session edit of a session to come prints:\n%s", out)
	}
}

// invite writes no letter giving a day that has passed: a planned session past its
// day, still in the lobby, is left out of the campaign's letters, and its own
// letter refused, each saying how to give it a new day (found trying the product:
// ten letters said "When: Tuesday 1 December" on the 7th). With --when the letter
// says that instead, and is written.
func TestInviteWritesNoLetterForADayPassed(t *testing.T) {
	t.Parallel()
	data, ids, _ := plannedPilot(t)
	mustRun(t, "session", "edit", "--data", data, "--session", ids["Developers, Lyon"], "--date", "2020-12-01")
	code, out, errs := runCmd("invite", "--data", data, "--campaign", "Pilot 2027", "--addr", "charter.example.org:2222")
	if code != 0 || strings.Contains(out, "December 2020") || strings.Count(out, "To: ") != 30 ||
		!strings.Contains(errs, `left out "Developers, Lyon" (10 invitations): planned for 1 Dec 2020, not held; give it a new day with charter session edit --data `+data+` --session `+ids["Developers, Lyon"]) {
		t.Errorf("invite --campaign with a session past its day: exit %d, %d letters, stderr %q", code, strings.Count(out, "To: "), errs)
	}
	code, out, errs = runCmd("invite", "--data", data, "--session", ids["Developers, Lyon"], "--addr", "charter.example.org:2222")
	if code == 0 || out != "" || !strings.Contains(errs, "planned for 1 Dec 2020, not held; give it a new day first") {
		t.Errorf("invite --session past its day: exit %d, stdout %.80q, stderr %q", code, out, errs)
	}
	if out := mustRun(t, "invite", "--data", data, "--session", ids["Developers, Lyon"], "--addr", "charter.example.org:2222", "--when", "Thursday 10 December, 14:00"); !strings.Contains(out, "When: Thursday 10 December, 14:00") {
		t.Errorf("invite --session --when past its day:\n%.600s", out)
	}
}
