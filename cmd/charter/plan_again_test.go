package main

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// plannedPeople returns, per session heading of a plan in Markdown ("2. Developers,
// Lyon"), the names of the people it invites.
func plannedPeople(t *testing.T, md string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, part := range regexp.MustCompile(`(?m)^## `).Split(md, -1)[1:] {
		head, body, _ := strings.Cut(part, "\n")
		if head == "Notes" {
			continue
		}
		for _, m := range regexp.MustCompile(`(?m)^\| ([^|]+?) \| `).FindAllStringSubmatch(body, -1) {
			if m[1] != "Name" && !strings.HasPrefix(m[1], "---") {
				out[head] = append(out[head], m[1])
			}
		}
	}
	return out
}

// A campaign planned and then changed: its Berlin session held, its Lyon session
// deleted, its Porto session closed without anyone joining, its online session still
// to come. Planning the campaign again offers the people of Lyon and Porto, whose
// planned session was not held, and nobody of Berlin or online, who are placed
// already; it marks them and says how many. Before, the plan proposed the whole
// campaign again as if nothing had been made (Berlin's and online's people too),
// said nothing of the campaign's sessions, and --create refused it ("delete its
// sessions first"): the people of Lyon and Porto could not be invited again.
func TestPlanAgainOffersThePeopleOfSessionsNotHeld(t *testing.T) {
	t.Parallel()
	data := newDataDir(t)
	mustRun(t, "roster", "import", "--data", data, filepath.Join("testdata", "roster.csv"))
	base := []string{"plan", "--data", data, "--campaign", "Pilot 2027", "--audiences", "developers"}
	first := mustRun(t, append(base, "--new")...)
	made := mustRun(t, append(base, "--new", "--create", "--plan", regexp.MustCompile(`Plan ID (\w+)\.`).FindStringSubmatch(first)[1],
		"--addr", "charter.example.org:2222")...)
	ids := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^\d+\. (.+): session (\w+),`).FindAllStringSubmatch(made, -1) {
		ids[m[1]] = m[2]
	}
	if len(ids) != 4 || ids["Developers, Lyon"] == "" || ids["Developers, Porto"] == "" || ids["Developers, Berlin"] == "" {
		t.Fatalf("the first plan made:\n%s", made)
	}
	was := plannedPeople(t, first)
	mustRun(t, "import", "--data", data, "--session", ids["Developers, Berlin"], filepath.Join("..", "..", "testdata", "import", "notes.csv"))
	// Deleting and closing say what becomes of the people invited.
	if out := mustRun(t, "session", "delete", "--data", data, "--session", ids["Developers, Lyon"], "--yes"); !strings.Contains(out,
		`The 10 people it invited are offered another session when the campaign is planned again: charter plan --data `+data+` --campaign "Pilot 2027"`) {
		t.Errorf("session delete of a planned session says:\n%s", out)
	}
	if code, _, errs := runCmd("session", "edit", "--data", data, "--session", ids["Developers, Porto"], "--phase", "closed"); code != 0 ||
		!strings.Contains(errs, "note: nobody joined the session and it has no notes: it is closed as not held, and the 10 people it invited are offered another session") {
		t.Errorf("session edit --phase closed of a planned session nobody joined: exit %d, %s", code, errs)
	}

	again := mustRun(t, base...)
	now := plannedPeople(t, again)
	var offered, want []string
	for _, names := range now {
		offered = append(offered, names...)
	}
	want = append(append(want, was["2. Developers, Lyon"]...), was["3. Developers, Porto"]...)
	slices.Sort(offered)
	slices.Sort(want)
	if len(want) != 20 || !slices.Equal(offered, want) {
		t.Errorf("planned again, the plan offers %q\nwant the 20 people of Lyon and Porto %q\n%s", offered, want, again)
	}
	for _, w := range []string{
		"2 sessions for 20 people of 20 teams in 2 locations.",
		"20 people whose planned session was not held are offered again (Planned before): 10 of Developers, Lyon (deleted), 10 of Developers, Porto (closed, not held).",
		"The campaign has 2 planned sessions held or to come (1 held, 1 to come), inviting 20 people: they are not planned again.",
		"| Name | Team | Location | Level | Role | Experience | Team took part before | Planned before |",
		"| " + was["2. Developers, Lyon"][0] + " | ",
		" | Developers, Lyon (deleted) |\n",
	} {
		if !strings.Contains(again, w) {
			t.Errorf("planned again, the plan lacks %q:\n%s", w, again)
		}
	}

	id := regexp.MustCompile(`Plan ID (\w+)\.`).FindStringSubmatch(again)[1]
	code, out, errs := runCmd(append(base, "--create", "--plan", id, "--addr", "charter.example.org:2222")...)
	if code != 0 || !strings.Contains(out, "created 2 sessions of the campaign Pilot 2027:") ||
		!strings.Contains(out, "offered again: 20 people whose planned session was not held") {
		t.Fatalf("--create of the plan made again: exit %d\n%s%s", code, out, errs)
	}
	// The letters of the sessions made now, not again those of online's people.
	invite := regexp.MustCompile(`charter invite --data \S+ --campaign "Pilot 2027" --session (\w+,\w+) --addr`).FindStringSubmatch(out)
	if invite == nil {
		t.Fatalf("--create of the plan made again names no invitations of the sessions it made:\n%s", out)
	}
	letters := mustRun(t, "invite", "--data", data, "--campaign", "Pilot 2027", "--session", invite[1], "--addr", "charter.example.org:2222")
	for _, name := range want {
		if n := strings.Count(letters, "To: "+name+" <"); n != 1 {
			t.Errorf("invite --campaign --session has %d invitations for %s, offered again; want 1", n, name)
		}
	}
	for _, name := range was["4. Developers, online"] {
		if strings.Contains(letters, "To: "+name+" <") {
			t.Errorf("invite --campaign --session writes again to %s, invited to the online session before", name)
		}
	}
	if code, _, errs := runCmd("invite", "--data", data, "--campaign", "Pilot 2027", "--session", ids["Developers, Lyon"]); code != 1 ||
		!strings.Contains(errs, `the campaign "Pilot 2027" has no planned session "`+ids["Developers, Lyon"]+`"`) {
		t.Errorf("invite --session of the deleted session: exit %d, %s", code, errs)
	}

	// Everyone is placed now: nothing is planned, and the plan and --create say
	// why, not how to create it.
	if md := mustRun(t, base...); !strings.Contains(md, "Nobody is left to plan: the campaign's sessions invite everyone this plan would.") ||
		strings.Contains(md, "--create") {
		t.Errorf("planned again with everyone placed, the plan says:\n%s", md)
	}
	code, _, errs = runCmd(append(base, "--create", "--addr", "charter.example.org:2222")...)
	if code != 1 || !strings.Contains(errs, `The campaign "Pilot 2027" already has 5 planned sessions (1 of them held, 1 closed without being held); nothing was created. They invite everyone this plan would;`) {
		t.Errorf("--create with everyone placed: exit %d, %s", code, errs)
	}

	// A held session deleted (its data not kept, say) leaves its people placed:
	// they took part, and are neither offered again nor planned as if new.
	if out := mustRun(t, "session", "delete", "--data", data, "--session", ids["Developers, Berlin"], "--yes"); strings.Contains(out, "offered another session") {
		t.Errorf("session delete of a held session says its people are offered again:\n%s", out)
	}
	if md := mustRun(t, base...); !strings.Contains(md, "Nobody is left to plan") {
		t.Errorf("planned again after a held session was deleted, the plan offers its people:\n%s", md)
	}
}

// A planned session whose day passed while it stayed in the lobby is not to come:
// the plan, its --create and session list say so by its day, where they counted it
// among the sessions to come and a program lead read it as still ahead. Its people
// stay placed while it stands (offered again, they would hold two invitations with
// two days), and the plan says how to offer them again or put the session off.
func TestPlanAgainSaysASessionPastItsDayIsNotToCome(t *testing.T) {
	t.Parallel()
	data := newDataDir(t)
	mustRun(t, "roster", "import", "--data", data, filepath.Join("testdata", "roster.csv"))
	base := []string{"plan", "--data", data, "--campaign", "Pilot 2027", "--audiences", "developers"}
	made := mustRun(t, append(base, "--new", "--create", "--addr", "charter.example.org:2222")...)
	ids := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^\d+\. (.+): session (\w+),`).FindAllStringSubmatch(made, -1) {
		ids[m[1]] = m[2]
	}
	if len(ids) != 4 || ids["Developers, Lyon"] == "" || ids["Developers, Porto"] == "" {
		t.Fatalf("the first plan made:\n%s", made)
	}
	// Lyon's day is long past and it never began; Porto's is far ahead.
	mustRun(t, "session", "edit", "--data", data, "--session", ids["Developers, Lyon"], "--date", "2020-12-02")
	mustRun(t, "session", "edit", "--data", data, "--session", ids["Developers, Porto"], "--date", "2099-03-01")

	md := mustRun(t, base...)
	for _, w := range []string{
		"The campaign has 4 planned sessions held, to come or past their day (0 held, 3 to come, Developers, Lyon planned for 2 Dec 2020, not held), inviting 40 people: they are not planned again.",
		"Developers, Lyon was planned for 2 Dec 2020 and not held: it is still in the lobby, and not to come. Its 10 people stay placed while it stands",
		"Nobody is left to plan",
	} {
		if !strings.Contains(md, w) {
			t.Errorf("planned again with a session past its day, the plan lacks %q:\n%s", w, md)
		}
	}
	if strings.Contains(md, "(0 held, 4 to come)") {
		t.Errorf("the plan counts the session past its day as to come:\n%s", md)
	}
	if js := mustRun(t, append(base, "--format", "json")...); !strings.Contains(js, `"past_day_not_held": [
      {
        "session": "Developers, Lyon",
        "said": "planned for 2 Dec 2020, not held",
        "people": 10
      }
    ]`) {
		t.Errorf("the plan in JSON does not say which session is past its day:\n%s", js)
	}
	if code, _, errs := runCmd(append(base, "--create", "--addr", "charter.example.org:2222")...); code != 1 ||
		!strings.Contains(errs, "already has 4 planned sessions; Developers, Lyon planned for 2 Dec 2020, not held; nothing was created.") {
		t.Errorf("--create with everyone placed and a session past its day: exit %d, %s", code, errs)
	}
	list := mustRun(t, "session", "list", "--data", data)
	for _, l := range strings.Split(list, "\n") {
		past := strings.Contains(l, "lobby (not held)")
		if want := strings.HasPrefix(l, ids["Developers, Lyon"]+" "); past != want {
			t.Errorf("session list says past its day %v, want %v:\n%s", past, want, l)
		}
	}

	// Closed, it is off: its people are offered again, as of a session deleted.
	mustRun(t, "session", "edit", "--data", data, "--session", ids["Developers, Lyon"], "--phase", "closed")
	if md := mustRun(t, base...); !strings.Contains(md, "10 people whose planned session was not held are offered again (Planned before): 10 of Developers, Lyon (closed, not held).") ||
		strings.Contains(md, "past their day") {
		t.Errorf("planned again once the session past its day is closed, the plan says:\n%s", md)
	}
}

// The letter to a person moved from a session called off (deleted, or closed
// without being held) into one made again says which holds: they had two letters,
// two days, and no word that the first was off. Nobody else's letter says it.
func TestInvitationOfAPersonMovedSaysTheEarlierSessionIsOff(t *testing.T) {
	t.Parallel()
	data := newDataDir(t)
	mustRun(t, "roster", "import", "--data", data, filepath.Join("testdata", "roster.csv"))
	base := []string{"plan", "--data", data, "--campaign", "Pilot 2027", "--audiences", "developers"}
	first := mustRun(t, append(base, "--new")...)
	made := mustRun(t, append(base, "--new", "--create", "--addr", "charter.example.org:2222")...)
	ids := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^\d+\. (.+): session (\w+),`).FindAllStringSubmatch(made, -1) {
		ids[m[1]] = m[2]
	}
	was := plannedPeople(t, first)
	if len(was["2. Developers, Lyon"]) == 0 || len(was["3. Developers, Porto"]) == 0 || ids["Developers, Lyon"] == "" {
		t.Fatalf("the first plan:\n%s\nmade:\n%s", first, made)
	}
	mustRun(t, "session", "delete", "--data", data, "--session", ids["Developers, Lyon"], "--yes")
	mustRun(t, "session", "edit", "--data", data, "--session", ids["Developers, Porto"], "--phase", "closed")
	again := mustRun(t, append(base, "--create", "--addr", "charter.example.org:2222")...)
	invite := regexp.MustCompile(`charter invite --data \S+ --campaign "Pilot 2027" --session (\w+,\w+) --addr`).FindStringSubmatch(again)
	if invite == nil {
		t.Fatalf("--create of the plan made again:\n%s", again)
	}
	letters := map[string]string{}
	for _, l := range strings.Split(mustRun(t, "invite", "--data", data, "--campaign", "Pilot 2027", "--addr", "charter.example.org:2222"), "\n---\n") {
		to, _, _ := strings.Cut(strings.TrimSpace(l), " <")
		letters[strings.TrimPrefix(to, "To: ")] = strings.Join(strings.Fields(l), " ")
	}
	for from, says := range map[string]string{
		"2. Developers, Lyon":  "This invitation replaces your invitation to Developers, Lyon: that session is called off and will not take place. The session below, Developers, Lyon (2nd), is the one that holds.",
		"3. Developers, Porto": "This invitation replaces your invitation to Developers, Porto: that session is called off and will not take place. The session below, Developers, Porto (2nd), is the one that holds.",
	} {
		for _, name := range was[from] {
			if !strings.Contains(letters[name], says) {
				t.Errorf("the letter to %s, moved from %s, lacks %q:\n%.600s", name, from, says, letters[name])
			}
		}
	}
	for _, name := range append(was["1. Developers, Berlin"], was["4. Developers, online"]...) {
		if l := letters[name]; l == "" || strings.Contains(l, "replaces your invitation") {
			t.Errorf("the letter to %s, invited once, says:\n%.600s", name, l)
		}
	}
}
