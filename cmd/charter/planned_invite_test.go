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
