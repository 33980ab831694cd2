package main

import (
	"regexp"
	"strings"
	"testing"
)

// The single letter of invite --session, for everyone a planned session invites,
// tells those moved from a session called off which session holds, as the letters
// of invite --campaign tell each: it said nothing, and they held two letters.
func TestInviteSessionTellsMovedPeopleWhichSessionHolds(t *testing.T) {
	t.Parallel()
	data, ids, _ := plannedPilot(t)
	mustRun(t, "session", "delete", "--data", data, "--session", ids["Developers, Lyon"], "--yes")
	again := mustRun(t, "plan", "--data", data, "--campaign", "Pilot 2027", "--audiences", "developers", "--create", "--addr", "charter.example.org:2222")
	second := regexp.MustCompile(`(?m)^\d+\. Developers, Lyon \(2nd\): session (\w+),`).FindStringSubmatch(again)
	if second == nil {
		t.Fatalf("planned again:\n%s", again)
	}
	code, out, errs := runCmd("invite", "--data", data, "--session", second[1], "--addr", "charter.example.org:2222")
	if code != 0 {
		t.Fatalf("invite --session: exit %d: %s", code, errs)
	}
	if want := "If you were invited before to Developers, Lyon: that session is called off and will not take place. The session below, Developers, Lyon (2nd), is the one that holds."; !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
		t.Errorf("the letter of the session made again lacks %q:\n%.800s", want, out)
	}
	if want := `charter invite: 10 of the people invited to "Developers, Lyon (2nd)" were invited before to a session called off; the letter says this one holds to whoever was, and charter invite --data ` +
		data + ` --campaign "Pilot 2027" --session ` + second[1] + ` writes each their own.`; !strings.Contains(errs, want) {
		t.Errorf("invite --session says on stderr:\n%s\nwant:\n%s", errs, want)
	}
	// Nobody of Berlin's session was moved: its letter says nothing of it.
	if _, out, errs := runCmd("invite", "--data", data, "--session", ids["Developers, Berlin"], "--addr", "charter.example.org:2222"); strings.Contains(out, "called off") || strings.Contains(errs, "called off") {
		t.Errorf("the letter of a session nobody was moved into says:\n%.800s\n%s", out, errs)
	}
}

// A session made by hand beside a planned one of the same place and audience (its
// twin), then the planned one deleted: planned again, the one made by hand stands
// in for it, and its people, who hold a letter for the deleted one, are invited to
// it, their letters saying which holds. plan --create refused ("already holds
// every session") and invite wrote them no letter.
func TestPlanAgainInvitesToTheTwinMadeByHandOfADeletedSession(t *testing.T) {
	t.Parallel()
	data, ids, _ := plannedPilot(t)
	made := mustRun(t, "session", "new", "--data", data, "--title", "Developers in Lyon", "--audience", "developers", "--location", "lyon", "--campaign", "Pilot 2027")
	twin := regexp.MustCompile(`session: (\w+)`).FindStringSubmatch(made)[1]
	mustRun(t, "session", "delete", "--data", data, "--session", ids["Developers, Lyon"], "--yes")
	// The plan shown says so before --create: it listed the place as a session
	// to be made (found in review).
	shown := strings.Join(strings.Fields(mustRun(t, "plan", "--data", data, "--campaign", "Pilot 2027", "--audiences", "developers")), " ")
	if want := `Held by "Developers in Lyon" (code `; !strings.Contains(shown, want) ||
		!strings.Contains(shown, "a session made by hand: --create makes no session here, and invites to it the 10 people of this place who were invited before to a session called off") {
		t.Errorf("the plan shown does not say the twin holds the place:\n%s", shown)
	}
	code, out, errs := runCmd("plan", "--data", data, "--campaign", "Pilot 2027", "--audiences", "developers", "--create", "--addr", "charter.example.org:2222")
	if code != 0 {
		t.Fatalf("plan --create beside the twin: exit %d: %s%s", code, out, errs)
	}
	for _, want := range []string{
		"created no session of the campaign Pilot 2027\n",
		`1. Developers, Lyon (2nd): held by session ` + twin + ` "Developers in Lyon" (developers, lyon); the 10 people planned for it, whose planned session was not held, are invited to it` + "\n",
		`Every invitation of the people planned now, one per person: charter invite --data ` + data + ` --campaign "Pilot 2027" --session ` + twin + " --addr charter.example.org:2222\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("plan --create says:\n%s\nwant it to say:\n%s", out, want)
		}
	}
	out = mustRun(t, "invite", "--data", data, "--campaign", "Pilot 2027", "--session", twin, "--addr", "charter.example.org:2222")
	if n := strings.Count(out, "Subject: Invitation: Developers in Lyon\n"); n != 10 {
		t.Errorf("%d letters to the twin, want 10:\n%.600s", n, out)
	}
	if want := "This invitation replaces your invitation to Developers, Lyon: that session is called off and will not take place. The session below, Developers in Lyon, is the one that holds."; strings.Count(strings.Join(strings.Fields(out), " "), want) != 10 {
		t.Errorf("the letters to the twin do not each say %q:\n%.1200s", want, out)
	}
	if out := mustRun(t, "invite", "--data", data, "--campaign", "Pilot 2027", "--addr", "charter.example.org:2222"); strings.Count(out, "To: ") != 40 {
		t.Errorf("invite --campaign writes %d letters, want 40: everyone the plan invited", strings.Count(out, "To: "))
	}
	// Nobody is left to plan: planned again, the campaign says so.
	if code, out, errs := runCmd("plan", "--data", data, "--campaign", "Pilot 2027", "--audiences", "developers", "--create"); code == 0 || !strings.Contains(errs, "already has 4 planned sessions") {
		t.Errorf("plan --create a third time: exit %d: %s%s", code, out, errs)
	}
}
