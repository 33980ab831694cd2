package tui_test

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// plannedCampaign imports a roster of nine teams in Berlin, each with a security
// engineer and a developer, and creates the campaign's plan (charter plan
// --create): “Developers, Berlin” and “Security engineers, Berlin”, nine people
// invited to each. It returns the planned sessions by title.
func (w *world) plannedCampaign(campaign string) map[string]*session.Session {
	w.t.Helper()
	var rows []session.RosterRow
	for i := range 9 {
		team := fmt.Sprintf("Team %d", i+1)
		level := session.Levels[i%len(session.Levels)]
		for _, role := range []session.Role{session.RoleSecurityEngineer, session.RoleDeveloper} {
			rows = append(rows, session.RosterRow{Team: team, Location: "Berlin", Level: level, Name: fmt.Sprintf("%s %s", role, team),
				Email: fmt.Sprintf("%s.%d@example.org", role, i+1), Role: string(role), Experience: session.Experiences[i%len(session.Experiences)]})
		}
	}
	if _, _, err := w.svc.ImportRoster(w.ctx, rows); err != nil {
		w.t.Fatal(err)
	}
	made, err := w.svc.CreatePlan(w.ctx, session.PlanOptions{Campaign: campaign,
		Audiences: []session.Audience{session.AudienceSecurityEngineers, session.AudienceDevelopers}}, nil)
	if err != nil {
		w.t.Fatal(err)
	}
	out := map[string]*session.Session{}
	for _, c := range made.Created {
		out[c.Session.Title] = c.Session
	}
	if out["Developers, Berlin"] == nil || out["Security engineers, Berlin"] == nil {
		w.t.Fatalf("the plan made %v", out)
	}
	return out
}

// A session made by hand beside the planned session of the same audience and place
// names the planned one with its join code, the code the invitations carry, and
// says to run that one: both were called “Developers, Berlin”, and the note said
// only to run one of the two, which left the facilitator to guess which one the
// nine people invited could join.
func TestNewSessionBesideAPlannedOneNamesTheInvitedOne(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	planned := w.plannedCampaign("Chartering 2027")["Developers, Berlin"]
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers, Berlin")
	s.keys("n")
	s.waitFor("new session")
	s.tm.Type("Developers, Berlin")
	s.press(tea.KeyEnter) // audience: developers
	s.press(tea.KeyEnter)
	s.tm.Type("Berlin")
	s.press(tea.KeyEnter) // mode
	s.press(tea.KeyEnter)
	s.waitFor("Campaigns so far: Chartering 2027")
	s.tm.Type("Chartering 2027")
	s.press(tea.KeyEnter)
	s.waitFor("LOBBY", "Note: Chartering 2027 already plans")
	var byHand *session.Session
	for _, x := range w.homeOrder() {
		if x.Title == "Developers, Berlin" && x.ID != planned.ID {
			byHand = x
		}
	}
	if byHand == nil {
		t.Fatal("the session made by hand is not stored")
	}
	flat := strings.Join(strings.Fields(s.view()), " ")
	want := "Note: Chartering 2027 already plans “Developers, Berlin” for developers in Berlin (code " + codeOf(planned) +
		"), not begun: the 9 people invited to it hold its code. Run that one, and delete this one (code " + codeOf(byHand) + ") on the home (D)."
	if !strings.Contains(flat, want) {
		t.Errorf("the board of the session made by hand says\n%s\nwant\n%s", flat, want)
	}
}

// Beside a planned twin whose day passed, the note does not say to run it as it
// stands: it says to give it a new day or close it (found in review).
func TestNewSessionBesideAPlannedOnePastItsDay(t *testing.T) {
	t.Parallel()
	w := newWorld(t) // the clock is 10 March 2026
	planned := w.plannedCampaign("Chartering 2027")["Developers, Berlin"]
	past := "2026-03-02"
	if _, err := w.svc.EditSession(w.ctx, planned.ID, session.SessionEdit{Date: &past}); err != nil {
		t.Fatal(err)
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("not held")
	s.keys("n")
	s.waitFor("new session")
	s.tm.Type("Berlin again")
	s.press(tea.KeyEnter) // audience: developers
	s.press(tea.KeyEnter)
	s.tm.Type("Berlin")
	s.press(tea.KeyEnter) // mode
	s.press(tea.KeyEnter)
	s.waitFor("Campaigns so far: Chartering 2027")
	s.tm.Type("Chartering 2027")
	s.press(tea.KeyEnter)
	s.waitFor("LOBBY", "Note: Chartering 2027 planned")
	flat := strings.Join(strings.Fields(s.view()), " ")
	want := "Note: Chartering 2027 planned “Developers, Berlin” for developers in Berlin (code " + codeOf(planned) +
		") on 2 Mar 2026, and it was not held: the 9 people invited to it hold its code. Give it a new day (e on the home) and run it, or close it (its people are planned again) and run this one."
	if !strings.Contains(flat, want) {
		t.Errorf("the board of the session made by hand says\n%s\nwant\n%s", flat, want)
	}
}

// codeOf is a session's join code as screens write it: ABCD-EFGH.
func codeOf(s *session.Session) string {
	if len(s.Code) == 8 {
		return s.Code[:4] + "-" + s.Code[4:]
	}
	return s.Code
}

// D on a planned session whose people were invited says that they hold its join
// code, which deleting refuses, and how to invite them again; it asked only
// whether to delete the session with its notes, themes, votes and action points.
func TestDeletingAPlannedSessionSaysItsInvitedPeopleHoldItsCode(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.plannedCampaign("Chartering 2027")["Security engineers, Berlin"]
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers, Berlin")
	for _, x := range w.homeOrder() {
		if x.ID == sess.ID {
			break
		}
		s.keys("j")
	}
	s.waitDrawn("▸ Security")
	s.keys("D")
	s.waitFor("This cannot be undone.")
	flat := strings.Join(strings.Fields(s.view()), " ")
	want := "Delete “Security engineers, Berlin” with all its notes, themes, votes and action points? The 9 people invited to it hold its code " +
		codeOf(sess) + " and will be refused: plan Chartering 2027 again (charter plan --create) and send the new letters with charter invite, which tell them this session is off. This cannot be undone. y deletes, any other key keeps it."
	if !strings.Contains(flat, want) {
		t.Errorf("D on a planned session asks\n%s\nwant\n%s", flat, want)
	}
}

// The board of a planned session whose day passed in the lobby says so beside its
// phase, as the home says "not held"; it said only LOBBY, as if it were to come.
func TestBoardOfASessionPastItsDaySaysNotHeld(t *testing.T) {
	t.Parallel()
	w := newWorld(t) // the clock is 10 March 2026
	planned := w.plannedCampaign("Chartering 2027")["Developers, Berlin"]
	past := "2026-03-02"
	if _, err := w.svc.EditSession(w.ctx, planned.ID, session.SessionEdit{Date: &past}); err != nil {
		t.Fatal(err)
	}
	b := w.open(tui.Options{Facilitator: true})
	b.waitFor("▸ Develop", "not held") // its title, whole or cut
	b.press(tea.KeyEnter)
	b.waitFor("LOBBY")
	head, _, _ := strings.Cut(b.view(), "\n")
	if !strings.Contains(head, "2 Mar, not held") || !strings.Contains(head, "LOBBY") {
		t.Errorf("the board's first line of a session past its day: %q", head)
	}
}
