package session_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
)

func TestCampaigns(t *testing.T) {
	t.Parallel()
	day := func(d int) time.Time { return time.Date(2026, 3, d, 9, 0, 0, 0, time.UTC) }
	ss := []*session.Session{
		{ID: "a", Campaign: "Chartering 2026", CreatedAt: day(10)},
		{ID: "b", Campaign: "", CreatedAt: day(20)},
		{ID: "c", Campaign: "Chartering 2026", CreatedAt: day(2)},
		{ID: "d", Campaign: "Pilot", CreatedAt: day(5)},
		// Created later, for paper notes, but held first: its date counts.
		{ID: "e", Campaign: "Pilot", CreatedAt: day(25), Date: "2026-03-01"},
	}
	got := session.Campaigns(ss)
	if len(got) != 3 || got[0].Name != "Chartering 2026" || got[1].Name != "Pilot" || got[2].Name != "" {
		t.Fatalf("order: %+v", got)
	}
	midnight := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	c := got[0]
	if !c.From.Equal(midnight(2)) || !c.To.Equal(midnight(10)) || c.Sessions[0].ID != "c" || c.Sessions[1].ID != "a" {
		t.Fatalf("campaign: %+v", c)
	}
	p := got[1]
	if !p.From.Equal(midnight(1)) || !p.To.Equal(midnight(5)) || p.Sessions[0].ID != "e" || p.Sessions[1].ID != "d" {
		t.Fatalf("a session's date does not order it: %+v", p)
	}
}

func TestValidDate(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"": "", " 2026-03-14 ": "2026-03-14", "2024-02-29": "2024-02-29"} {
		if got, err := session.ValidDate(in); err != nil || got != want {
			t.Errorf("ValidDate(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"14.3.2026", "2026-3-4", "tomorrow"} {
		if _, err := session.ValidDate(in); session.ErrorCode(err) != session.EInvalid || !strings.Contains(session.ErrorMessage(err), "YYYY-MM-DD") {
			t.Errorf("ValidDate(%q): %v; want a message naming the format", in, err)
		}
	}
	// Written right, a day the calendar lacks is said to be so, not to be
	// written wrong ("2027-02-30 is not a day as YYYY-MM-DD" read as a format
	// fault).
	for in, why := range map[string]string{"2027-02-30": "its month has fewer days", "2026-13-01": "there is no month 13"} {
		if _, err := session.ValidDate(in); session.ErrorCode(err) != session.EInvalid || !strings.Contains(session.ErrorMessage(err), "no such day in the calendar: "+why) {
			t.Errorf("ValidDate(%q): %v; want a message saying there is no such day, as %q", in, err, why)
		}
	}
}

// Two campaign names have one key exactly when they differ only in case, in any
// alphabet.
func TestCampaignKey(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"Sécurité 2027", "SÉCURITÉ 2027", true},
		{"Zürich pilot", "ZÜRICH PILOT", true},
		{"Ωmega", "ωMEGA", true},
		{"Kelvin", "\u212Aelvin", true}, // the Kelvin sign folds to K
		{"Sécurité", "Securite", false},
		{"straße", "STRASSE", false}, // EqualFold does not expand ß either
		{"pilot", "pilot 2", false},
	} {
		same := session.CampaignKey(c.a) == session.CampaignKey(c.b)
		if same != c.same || same != strings.EqualFold(c.a, c.b) {
			t.Errorf("%q and %q: same key %v, want %v", c.a, c.b, same, c.same)
		}
	}
}

// A session planned ahead without a day ("plan --create" leaves it to be given
// later) has no day yet: the day it was created is not when it is held, so it is
// not the campaign's period. The facilitator home read "6 Dec 2026 – 15 Mar 2027"
// for a campaign held in March 2027, whose report said 2027-03-01 – 2027-03-15.
func TestCampaignPeriodLeavesOutSessionsWithoutADayYet(t *testing.T) {
	t.Parallel()
	day := func(d int) time.Time { return time.Date(2026, 3, d, 9, 0, 0, 0, time.UTC) }
	ss := []*session.Session{
		{ID: "planned", Campaign: "C", CreatedAt: day(1), Phase: session.PhaseLobby, Reached: session.PhaseLobby},
		{ID: "held", Campaign: "C", CreatedAt: day(1), Date: "2026-03-09", Phase: session.PhaseClosed, Reached: session.PhaseClosed},
		{ID: "today", Campaign: "C", CreatedAt: day(12), Phase: session.PhaseWrite, Reached: session.PhaseWrite},
		{ID: "alone", Campaign: "D", CreatedAt: day(3), Phase: session.PhaseLobby, Reached: session.PhaseLobby},
	}
	midnight := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	for _, c := range session.Campaigns(ss) {
		switch c.Name {
		case "C":
			if !c.From.Equal(midnight(9)) || !c.To.Equal(midnight(12)) || len(c.Sessions) != 3 {
				t.Errorf("campaign C runs %s – %s with %d sessions, want 9 – 12 March with 3", c.From, c.To, len(c.Sessions))
			}
		case "D":
			// With no session that has a day, the campaign has no period yet: the
			// day its sessions were planned is not when they are held.
			if !c.From.IsZero() || !c.To.IsZero() {
				t.Errorf("campaign D runs %s – %s, want no period", c.From, c.To)
			}
		}
	}
}

// A session whose day passed in the lobby is said in one set of words and one way
// of writing the day, worded for where it stands.
func TestPastDayText(t *testing.T) {
	t.Parallel()
	day := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		w    session.PastDayWording
		want string
	}{
		{session.PlannedNotHeld, "planned for 2 Dec 2026, not held"},
		{session.PlannedAndNotHeld, "planned for 2 Dec 2026 and not held"},
		{session.OnDayNotHeld, "on 2 Dec 2026, and it was not held"},
		{session.DayNotHeld, "2 Dec, not held"},
	} {
		if got := session.PastDayText(day, tc.w); got != tc.want {
			t.Errorf("wording %d: %q, want %q", tc.w, got, tc.want)
		}
	}
	if got := session.DayText(day, true) + " / " + session.DayText(day, false); got != "2 Dec 2026 / 2 Dec" {
		t.Errorf("DayText: %q", got)
	}
}

// A session has no day yet while none was given, it has not begun and it is not
// held: the day it was created is then not when it is held. Once begun or held,
// that day stands for it.
func TestNoDayYet(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		s    session.Session
		want bool
	}{
		{"planned without a day", session.Session{Phase: session.PhaseLobby, Reached: session.PhaseLobby}, true},
		{"planned with a day", session.Session{Date: "2027-03-09", Phase: session.PhaseLobby}, false},
		{"begun without a day", session.Session{Phase: session.PhaseWrite, Reached: session.PhaseWrite}, false},
		{"back in the lobby after it began", session.Session{Phase: session.PhaseLobby, Reached: session.PhaseCheckIn}, false},
		// People in its lobby or paper notes imported: every document dates it on
		// the day it was created, and so do session list and the home.
		{"held in the lobby", session.Session{Phase: session.PhaseLobby, Reached: session.PhaseLobby, Held: true}, false},
	} {
		if got := tc.s.NoDayYet(); got != tc.want {
			t.Errorf("%s: NoDayYet %v, want %v", tc.name, got, tc.want)
		}
	}
}

// Sessions planned without a day come after every session that has one, in the
// order they were made: the day they were created put them above a session dated
// later, as if they were held first. Sessions with a day keep their order.
func TestCampaignsListSessionsWithoutADayYetLast(t *testing.T) {
	t.Parallel()
	day := func(d int) time.Time { return time.Date(2027, 3, d, 9, 0, 0, 0, time.UTC) }
	planned := func(id string, created int) *session.Session {
		return &session.Session{ID: id, Campaign: "C", Phase: session.PhaseLobby, Reached: session.PhaseLobby, CreatedAt: day(created)}
	}
	dated := func(id, date string, created int) *session.Session {
		return &session.Session{ID: id, Campaign: "C", Date: date, Phase: session.PhaseLobby, Reached: session.PhaseLobby, CreatedAt: day(created)}
	}
	ss := []*session.Session{
		planned("planned-second", 3),
		dated("dated-20", "2027-03-20", 1),
		planned("planned-first", 2),
		dated("dated-10", "2027-03-10", 4),
		// Begun without a day given: held on the day it was created.
		{ID: "begun-5", Campaign: "C", Phase: session.PhaseWrite, Reached: session.PhaseWrite, CreatedAt: day(5)},
	}
	c := session.Campaigns(ss)[0]
	var got []string
	for _, s := range c.Sessions {
		got = append(got, s.ID)
	}
	want := []string{"begun-5", "dated-10", "dated-20", "planned-first", "planned-second"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("sessions in the order %v, want %v", got, want)
	}

	// Campaigns come by the day of their latest session that has one, newest
	// first, and those with no day yet after them all: C, with sessions planned,
	// came first, above D held after it.
	ss = append(ss,
		&session.Session{ID: "other", Campaign: "D", Date: "2027-04-01", Phase: session.PhaseClosed, Reached: session.PhaseClosed, CreatedAt: day(1)},
		&session.Session{ID: "early", Campaign: "B", Date: "2027-02-01", Phase: session.PhaseClosed, Reached: session.PhaseClosed, CreatedAt: day(1)},
		&session.Session{ID: "planned-only", Campaign: "A", Phase: session.PhaseLobby, Reached: session.PhaseLobby, CreatedAt: day(1)},
		&session.Session{ID: "loose", Phase: session.PhaseClosed, Reached: session.PhaseClosed, Date: "2027-05-01", CreatedAt: day(1)},
	)
	var names []string
	for _, c := range session.Campaigns(ss) {
		names = append(names, c.Name)
	}
	if want := []string{"D", "C", "B", "A", ""}; strings.Join(names, ",") != strings.Join(want, ",") {
		t.Errorf("campaigns in the order %q, want %q", names, want)
	}
}

// A session in the lobby without a day given is dated as its documents date it: no
// day yet while nobody is in it, the day it was created once people are in its
// lobby or paper notes are imported (held, for its findings and the campaign
// report), and no day again once its only participant is removed. Session list
// and the home said "-" and "no date yet" for a session every document dated.
func TestSessionsInTheLobbyAreDatedAsTheirDocumentsDateThem(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	joined, paper := mustSession(t, svc), mustSession(t, svc)
	name := map[string]string{joined.ID: "joined", paper.ID: "paper"}
	check := func(step string, want map[string]bool) {
		t.Helper()
		all, err := svc.Sessions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range all {
			one, err := svc.Session(ctx, s.ID)
			if err != nil {
				t.Fatal(err)
			}
			date := findings(t, svc, s.ID).Session.Date
			if s.NoDayYet() != want[s.ID] || one.NoDayYet() != want[s.ID] || (date == "") != want[s.ID] {
				t.Errorf("%s: session %s has no day yet %v (read alone %v), its findings' date %q; want no day yet %v",
					step, name[s.ID], s.NoDayYet(), one.NoDayYet(), date, want[s.ID])
			}
		}
	}
	check("planned", map[string]bool{joined.ID: true, paper.ID: true})
	p, err := svc.Join(ctx, joined.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	check("someone in the lobby", map[string]bool{joined.ID: false, paper.ID: true})
	rows := []session.ImportRow{{Line: 1, Text: "scanners are noisy", Area: "activities", Lane: "less"}}
	if _, err := svc.Import(ctx, paper.ID, rows, session.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	check("paper notes imported", map[string]bool{joined.ID: false, paper.ID: false})
	if err := svc.RemoveParticipant(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	check("its only participant removed", map[string]bool{joined.ID: true, paper.ID: false})
}
