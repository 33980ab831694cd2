package session_test

import (
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
)

// One rule says whether two sessions are at one place, for planning, the twin of a
// session made by hand and the report: the twin compared locations by case only
// ("New  York" was not "New York") and took no account of a session online with a
// location written ("remote"), where planning did (found in review).
func TestPlannedTwinIsAtTheSamePlaceAsPlanningSaysIt(t *testing.T) {
	t.Parallel()
	at := time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC)
	planned := func(id string, mode session.Mode, location string) *session.Session {
		return &session.Session{ID: id, Title: "Developers", Audience: session.AudienceDevelopers, Campaign: "C 2027",
			Mode: mode, Location: location, Phase: session.PhaseLobby, CreatedAt: at}
	}
	for _, c := range []struct {
		name          string
		made, planned *session.Session
		twin          bool
	}{
		{"spacing and case", planned("made", session.ModeInPerson, "new york"), planned("p", session.ModeInPerson, "New  York"), true},
		{"online, whatever its location says", planned("made", session.ModeOnline, ""), planned("p", session.ModeInPerson, "remote"), true},
		{"another city", planned("made", session.ModeInPerson, "Berlin"), planned("p", session.ModeInPerson, "Lyon"), false},
		{"online and in person", planned("made", session.ModeOnline, "Berlin"), planned("p", session.ModeInPerson, "Berlin"), false},
	} {
		twin, n := session.PlannedTwin(c.made, []*session.Session{c.planned, c.made},
			[]session.SessionInvitations{{Session: c.planned, Invitees: make([]session.Invitee, 10)}})
		if (twin != nil) != c.twin || c.twin && n != 10 {
			t.Errorf("%s: twin %v, %d invited; want a twin %v", c.name, twin, n, c.twin)
		}
		if got := session.PlaceKey(c.made.Mode, c.made.Location) == session.PlaceKey(c.planned.Mode, c.planned.Location); got != c.twin {
			t.Errorf("%s: PlaceKey says one place %v, want %v", c.name, got, c.twin)
		}
	}
}
