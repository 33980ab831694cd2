package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

func importRoster(t *testing.T, svc *session.Service, csv string) (added, updated int) {
	t.Helper()
	rows, err := session.ReadRoster(strings.NewReader("team,location,cluster,level,name,email,role,experience\n"+csv), "csv")
	if err != nil {
		t.Fatal(err)
	}
	added, updated, err = svc.ImportRoster(context.Background(), rows)
	if err != nil {
		t.Fatal(err)
	}
	return added, updated
}

// A campaign's sessions made by hand are not made again by its plan: a session
// of the same audience and place holds the plan's, which is left out and said so,
// with nobody invited; the rest are created with their invitations. A plan whose
// every session is held creates nothing.
func TestPlanLeavesOutTheSessionsTheCampaignHolds(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := mustOpen(t)
	svc := session.NewService(db, nil)
	importRoster(t, svc, "Payments,Berlin,,gold,Ada,ada@example.org,security-engineer,>3y\nPayments,Berlin,,gold,Bo,bo@example.org,developer,<1y\n"+
		"Search,remote,,bronze,Cy,cy@example.org,developer,1-3y\n")
	for _, in := range []session.Session{
		{Title: "Dev Berlin", Audience: session.AudienceDevelopers, Location: "berlin", Campaign: "Pilot"},
		// Another campaign's, and another audience's, hold nothing of this one.
		{Title: "Developers, online", Audience: session.AudienceDevelopers, Mode: session.ModeOnline, Campaign: "Other"},
		{Title: "Kick-off", Audience: session.AudienceManagers, Location: "Berlin", Campaign: "pilot"},
	} {
		if _, err := svc.NewSession(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	opt := session.PlanOptions{Campaign: "PILOT", MinSize: 1, MaxSize: 10}
	done, err := svc.CreatePlan(ctx, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	var created, skipped []string
	for _, c := range done.Created {
		created = append(created, fmt.Sprintf("%d. %s", c.Planned.Number, c.Session.Title))
	}
	for _, sk := range done.Skipped {
		skipped = append(skipped, fmt.Sprintf("%d. %s: %s", sk.Planned.Number, sk.Planned.Title, sk.Holder.Title))
	}
	if want := []string{"1. Security engineers, Berlin", "3. Developers, online"}; !reflect.DeepEqual(created, want) {
		t.Errorf("created %q, want %q", created, want)
	}
	if want := []string{"2. Developers, Berlin: Dev Berlin"}; !reflect.DeepEqual(skipped, want) {
		t.Errorf("left out %q, want %q", skipped, want)
	}
	all, err := svc.Sessions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var pilot []string
	for _, s := range all {
		if session.SameCampaign(s.Campaign, "Pilot") {
			pilot = append(pilot, s.Title)
		}
	}
	slices.Sort(pilot)
	if want := []string{"Dev Berlin", "Developers, online", "Kick-off", "Security engineers, Berlin"}; !reflect.DeepEqual(pilot, want) {
		t.Errorf("the campaign's sessions %q, want %q", pilot, want)
	}
	if invited, want := invitedTo(t, svc, "Pilot"), []string{"Security engineers, Berlin: Ada", "Developers, online: Cy"}; !reflect.DeepEqual(invited, want) {
		t.Errorf("invitations %q, want %q", invited, want)
	}

	// A campaign whose every planned session is held by hand: nothing is created.
	for _, in := range []session.Session{
		{Title: "SE", Audience: session.AudienceSecurityEngineers, Location: "Berlin", Campaign: "Held"},
		{Title: "Devs", Audience: session.AudienceDevelopers, Location: "Berlin", Campaign: "Held"},
		{Title: "Devs online", Audience: session.AudienceDevelopers, Mode: session.ModeOnline, Campaign: "Held"},
	} {
		if _, err := svc.NewSession(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	opt = session.PlanOptions{Campaign: "Held", MinSize: 1, MaxSize: 10}
	before, err := svc.Sessions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, err = svc.CreatePlan(ctx, opt, nil)
	if session.ErrorCode(err) != session.EConflict || !strings.Contains(err.Error(), `2. Developers, Berlin (as "Devs")`) {
		t.Errorf("a plan the campaign holds all of: %v, want a conflict naming what holds each", err)
	}
	if after, _ := svc.Sessions(ctx); len(after) != len(before) {
		t.Errorf("%d sessions after a plan held all along, want %d", len(after), len(before))
	}
}

// A session made by hand that holds the place of a planned session since deleted
// (its twin) stands in for it when the campaign is planned again: the people
// invited to the deleted one are invited to it, not those planned there for the
// first time; once it has begun, nobody is, and a plan it holds whole is refused.
func TestPlanAgainInvitesThePeopleOfADeletedSessionToItsTwin(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := mustOpen(t)
	svc := session.NewService(db, nil)
	importRoster(t, svc, "Payments,Berlin,,gold,Ada,ada@example.org,developer,>3y\nSearch,Berlin,,gold,Bo,bo@example.org,developer,<1y\n")
	for _, c := range []struct {
		campaign string
		begun    bool
		day      string // the twin's, one passed for a twin that was not held
	}{{"Pilot", false, ""}, {"Begun", true, ""}, {"Past", false, "2020-01-06"}} {
		opt := session.PlanOptions{Campaign: c.campaign, MinSize: 1, MaxSize: 10, Audiences: []session.Audience{session.AudienceDevelopers}}
		done, err := svc.CreatePlan(ctx, opt, nil)
		if err != nil {
			t.Fatal(err)
		}
		twin, err := svc.NewSession(ctx, session.Session{Title: "Devs Berlin", Audience: session.AudienceDevelopers, Location: "berlin", Campaign: c.campaign, Date: c.day})
		if err != nil {
			t.Fatal(err)
		}
		if err := svc.DeleteSession(ctx, createdOf(done)[0].ID); err != nil {
			t.Fatal(err)
		}
		if c.begun || c.day != "" {
			// Begun, or its day passed in the lobby: neither takes the people of
			// the deleted session (invite would refuse a letter to one past).
			if c.begun {
				if _, err := svc.SetPhase(ctx, twin.ID, session.PhaseCheckIn); err != nil {
					t.Fatal(err)
				}
			}
			_, err := svc.CreatePlan(ctx, opt, nil)
			if session.ErrorCode(err) != session.EConflict || !strings.Contains(err.Error(), `already holds every session of the plan`) {
				t.Errorf("planned again beside a twin begun or past its day (%s): %v, want the plan refused as held", c.campaign, err)
			}
			// Past its day, the refusal says what to do: the plan's people hold a
			// letter for a session called off.
			if says := err != nil && strings.Contains(err.Error(), "its day passed before it was held: give it a new day"); says != (c.day != "") {
				t.Errorf("planned again beside a twin (%s): %v; want the new day advised only past its day", c.campaign, err)
			}
			continue
		}
		// Someone new at the place since: planned there, but not invited to a
		// session made by hand.
		importRoster(t, svc, "Quartz,Berlin,,gold,Cy,cy@example.org,developer,1-3y\n")
		done, err = svc.CreatePlan(ctx, opt, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(done.Created) != 0 || len(done.Skipped) != 1 || done.Skipped[0].Holder.ID != twin.ID {
			t.Fatalf("planned again beside the twin: created %d, skipped %+v", len(done.Created), done.Skipped)
		}
		var standIn, planned []string
		for _, inv := range done.Skipped[0].Invited {
			standIn = append(standIn, inv.Name)
		}
		for _, inv := range done.Skipped[0].Planned.Invitees {
			planned = append(planned, inv.Name)
		}
		slices.Sort(standIn)
		slices.Sort(planned)
		if !slices.Equal(standIn, []string{"Ada", "Bo"}) || !slices.Equal(planned, []string{"Ada", "Bo", "Cy"}) {
			t.Errorf("invited to the twin %q of %q planned there, want Ada and Bo of Ada, Bo and Cy", standIn, planned)
		}
		invited := invitedTo(t, svc, c.campaign)
		slices.Sort(invited)
		if want := []string{"Devs Berlin: Ada", "Devs Berlin: Bo"}; !slices.Equal(invited, want) {
			t.Errorf("invitations %q, want %q", invited, want)
		}
	}
}

// invitedTo lists whom a campaign's planned sessions invite, "Title: Name", in
// the order stored.
func invitedTo(t *testing.T, svc *session.Service, campaign string) []string {
	t.Helper()
	inv, err := svc.Invitations(context.Background(), campaign)
	if err != nil {
		t.Fatal(err)
	}
	var invited []string
	for _, si := range inv {
		for _, i := range si.Invitees {
			invited = append(invited, si.Session.Title+": "+i.Name)
		}
	}
	return invited
}

// createdOf returns the sessions a plan's creation made, in plan order.
func createdOf(done *session.PlanCreated) []*session.Session {
	var out []*session.Session
	for _, c := range done.Created {
		out = append(out, c.Session)
	}
	return out
}

// A second import updates people by e-mail and teams by name, and adds the rest.
func TestRosterImportAddsAndUpdates(t *testing.T) {
	t.Parallel()
	db, _ := mustOpen(t)
	svc := session.NewService(db, nil)
	if a, u := importRoster(t, svc, "Payments,Berlin,Finance,gold,Ada,ada@example.org,security-engineer,>3y\nSearch,Porto,,bronze,Bo,bo@example.org,developer,<1y\n"); a != 2 || u != 0 {
		t.Fatalf("first import: %d added, %d updated", a, u)
	}
	if a, u := importRoster(t, svc, "payments,Berlin,Finance,silver,Ada Lovelace,ADA@example.org,manager,>3y\nPayments,Berlin,Finance,silver,Cy,cy@example.org,developer,1-3y\n"); a != 1 || u != 1 {
		t.Fatalf("second import: %d added, %d updated", a, u)
	}
	// The same file again changes nobody: nobody is counted as updated.
	if a, u := importRoster(t, svc, "payments,Berlin,Finance,silver,Ada Lovelace,ADA@example.org,manager,>3y\nPayments,Berlin,Finance,silver,Cy,cy@example.org,developer,1-3y\n"); a != 0 || u != 0 {
		t.Fatalf("the same import again: %d added, %d updated; want none", a, u)
	}
	teams, err := svc.Roster(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, team := range teams {
		for _, p := range team.People {
			got = append(got, team.Name+"/"+team.Level+"/"+p.Name+"/"+string(p.Role))
		}
	}
	want := []string{"payments/silver/Ada Lovelace/manager", "payments/silver/Cy/developer", "Search/bronze/Bo/developer"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("roster %v, want %v", got, want)
	}
}

// A roster with a bad row stores nothing, not even its good rows.
func TestRosterImportIsAllOrNothing(t *testing.T) {
	t.Parallel()
	db, _ := mustOpen(t)
	svc := session.NewService(db, nil)
	rows, _ := session.ReadRoster(strings.NewReader("team,location,cluster,level,name,email,role,experience\nA,B,,gold,C,c@example.org,developer,>3y\nA,B,,gold,D,d@example.org,tester,>3y\n"), "csv")
	if _, _, err := svc.ImportRoster(context.Background(), rows); err == nil {
		t.Fatal("a bad row was accepted")
	}
	if teams, _ := svc.Roster(context.Background()); len(teams) != 0 {
		t.Errorf("a failed import left %d teams", len(teams))
	}
}

// The plan's sessions and invitations are created together; earlier campaigns
// count once someone took part; a campaign is planned once.
func TestPlanCreatesSessionsWithInvitations(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := mustOpen(t)
	svc := session.NewService(db, nil)
	importRoster(t, svc, "Payments,Berlin,,gold,Ada,ada@example.org,security-engineer,>3y\nPayments,Berlin,,gold,Bo,bo@example.org,developer,<1y\n"+
		"Search,remote,,bronze,Cy,cy@example.org,developer,1-3y\n")
	if _, err := svc.NewSession(ctx, session.Session{Title: "Kick-off", Audience: session.AudienceManagers, Campaign: "Pilot"}); err != nil {
		t.Fatal(err)
	}
	opt := session.PlanOptions{Campaign: "pilot", MinSize: 1, MaxSize: 10}
	done, err := svc.CreatePlan(ctx, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	created := createdOf(done)
	if len(created) != 3 || len(done.Skipped) != 0 {
		t.Fatalf("%d sessions created, want 3", len(created))
	}
	inv, err := svc.Invitations(ctx, "PILOT")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, si := range inv {
		for _, i := range si.Invitees {
			got = append(got, si.Session.Title+": "+i.Name+" <"+i.Email+">")
		}
		if si.Session.Code == "" || si.Session.Campaign != "Pilot" || si.Session.Phase != session.PhaseLobby {
			t.Errorf("session %+v", si.Session)
		}
	}
	want := []string{"Security engineers, Berlin: Ada <ada@example.org>", "Developers, Berlin: Bo <bo@example.org>", "Developers, online: Cy <cy@example.org>"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("invitations\n got %v\nwant %v", got, want)
	}
	if _, err := svc.CreatePlan(ctx, opt, nil); session.ErrorCode(err) != session.EConflict {
		t.Errorf("planning the campaign again: %v, want a conflict", err)
	}
	teams, err := svc.Coverage(ctx, "pilot")
	if err != nil || len(teams.Teams) != 2 || !reflect.DeepEqual(teams.Invited[created[2].ID], []string{"Search"}) {
		t.Errorf("coverage %+v, %v", teams, err)
	}

	// Nothing took part yet; once the Berlin developers' session is held, its team
	// and location did, and the online session.
	if tp, _ := db.TookPart(ctx, "Next"); len(tp.Teams) != 0 || len(tp.Locations) != 0 || tp.Online {
		t.Errorf("before anyone joined: %+v", tp)
	}
	for _, s := range created[1:] {
		if _, _, err := db.JoinSession(ctx, s.ID, "", "x"); err != nil {
			t.Fatal(err)
		}
	}
	tp, err := db.TookPart(ctx, "Next")
	if err != nil || !reflect.DeepEqual(tp.Teams, map[string]bool{"payments": true, "search": true}) ||
		!reflect.DeepEqual(tp.Locations, map[string]bool{"berlin": true}) || !tp.Online {
		t.Errorf("took part %+v, %v", tp, err)
	}
	if tp, _ := db.TookPart(ctx, "pilot"); len(tp.Teams) != 0 {
		t.Errorf("a campaign's own sessions count as earlier: %+v", tp)
	}
}

// Hypotheses are numbered per campaign, the campaign matched ignoring case; a
// verdict needs a why.
func TestHypotheses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := mustOpen(t)
	svc := session.NewService(db, nil)
	for _, c := range []struct{ campaign, text string }{{"Chartering 2027", "teams want deeper training"}, {"Other", "x"}, {"chartering 2027", "the self-assessment takes too long"}} {
		if _, err := svc.AddHypothesis(ctx, c.campaign, c.text); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := svc.AddHypothesis(ctx, "Chartering 2027", "Teams want deeper training"); session.ErrorCode(err) != session.EConflict {
		t.Errorf("the same hypothesis twice: %v", err)
	}
	if _, err := svc.SetVerdict(ctx, "Chartering 2027", 2, session.VerdictSupported, " "); session.ErrorCode(err) != session.EInvalid {
		t.Errorf("a verdict without why: %v", err)
	}
	if _, err := svc.SetVerdict(ctx, "Chartering 2027", 3, session.VerdictMixed, "x"); !strings.Contains(session.ErrorMessage(err), "1 to 2, not 3") {
		t.Errorf("hypothesis 3: %v", err)
	}
	if _, err := svc.SetVerdict(ctx, "Chartering 2027", 2, "maybe", "x"); !strings.Contains(session.ErrorMessage(err), "Unknown verdict") {
		t.Errorf("verdict maybe: %v", err)
	}
	if _, err := svc.SetVerdict(ctx, "CHARTERING 2027", 2, session.VerdictNotSupported, "two sessions praised its length"); err != nil {
		t.Fatal(err)
	}
	hs, err := svc.Hypotheses(ctx, "chartering 2027")
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 2 || hs[0].Number != 1 || hs[0].Verdict != session.VerdictNone || hs[1].Number != 2 ||
		hs[1].Verdict != session.VerdictNotSupported || hs[1].Why != "two sessions praised its length" {
		t.Errorf("hypotheses %+v %+v", hs[0], hs[1])
	}
}

// No table of what participants do refers to the roster, and no roster table
// refers to participants, notes or votes: who was invited cannot be joined to who
// wrote what.
func TestRosterIsKeptApartFromParticipants(t *testing.T) {
	t.Parallel()
	_, path := mustOpen(t)
	raw, err := sql.Open("sqlite", sqlite.URI(path, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	roster := map[string]bool{"roster_teams": true, "roster_people": true, "invitations": true, "deleted_invitations": true}
	rows, err := raw.Query(`SELECT name FROM sqlite_master WHERE type = 'table'`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	for _, table := range tables {
		fks, err := raw.Query(`SELECT "table" FROM pragma_foreign_key_list(?)`, table)
		if err != nil {
			t.Fatal(err)
		}
		for fks.Next() {
			var to string
			fks.Scan(&to)
			switch {
			case roster[table] && (to == "participants" || to == "notes" || strings.Contains(to, "vote")):
				t.Errorf("%s refers to %s", table, to)
			case !roster[table] && roster[to]:
				t.Errorf("%s refers to the roster table %s", table, to)
			}
		}
		fks.Close()
		cols, err := raw.Query(`SELECT name FROM pragma_table_info(?)`, table)
		if err != nil {
			t.Fatal(err)
		}
		for cols.Next() {
			var c string
			cols.Scan(&c)
			if roster[table] && c == "participant_id" || !roster[table] && (c == "person_id" || c == "email") {
				t.Errorf("%s has a column %s", table, c)
			}
		}
		cols.Close()
	}
}

// Campaign, team and location names match whatever their case in any alphabet, in
// the database as in Go: "Sécurité" and "SÉCURITÉ" are one campaign, "Équipe" and
// "équipe" one team, "Zürich" and "ZÜRICH" one place.
func TestNamesMatchWhateverTheirCaseBeyondASCII(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := mustOpen(t)
	svc := session.NewService(db, nil)
	importRoster(t, svc, "Équipe Paiement,Zürich,,gold,Ada,ada@example.org,developer,>3y\n")
	if _, err := svc.NewSession(ctx, session.Session{Title: "Kick-off", Audience: session.AudienceManagers, Campaign: "Sécurité 2027"}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddHypothesis(ctx, "SÉCURITÉ 2027", "teams want deeper training"); err != nil {
		t.Fatal(err)
	}
	hs, err := svc.Hypotheses(ctx, "SÉCURITÉ 2027")
	if err != nil || len(hs) != 1 {
		t.Fatalf("hypotheses of SÉCURITÉ 2027: %d, %v; want the one added to the campaign", len(hs), err)
	}
	opt := session.PlanOptions{Campaign: "SÉCURITÉ 2027", MinSize: 1, MaxSize: 10}
	done, err := svc.CreatePlan(ctx, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	created := createdOf(done)
	if len(created) != 1 {
		t.Fatalf("plan: %d sessions created, want 1", len(created))
	}
	inv, err := svc.Invitations(ctx, "SÉCURITÉ 2027")
	if err != nil || len(inv) != 1 {
		t.Fatalf("invitations of SÉCURITÉ 2027: %d, %v; want the planned session", len(inv), err)
	}
	cov, err := svc.Coverage(ctx, "SÉCURITÉ 2027")
	if err != nil || len(cov.Invited[created[0].ID]) != 1 {
		t.Errorf("coverage of SÉCURITÉ 2027: %+v, %v; want its invited team", cov, err)
	}
	if _, _, err := db.JoinSession(ctx, created[0].ID, "", "x"); err != nil {
		t.Fatal(err)
	}
	if tp, _ := db.TookPart(ctx, "SÉCURITÉ 2027"); len(tp.Teams) != 0 {
		t.Errorf("the campaign's own session counts as earlier when named in another case: %+v", tp)
	}
	tp, err := db.TookPart(ctx, "Next")
	if err != nil || !tp.Teams[strings.ToLower("ÉQUIPE PAIEMENT")] || !tp.Locations[strings.ToLower("ZÜRICH")] {
		t.Errorf("took part %+v, %v; want the team and place under Go's lower case", tp, err)
	}
}

// A plan is built, checked and made in one write transaction: what another writer
// changes while the caller checks the plan's ID (a session of another campaign
// held, a person added to the roster: each changes the plan) waits until the
// sessions are made. Built before that transaction, the plan was checked, the
// change came in between, and the sessions were made from a plan the data no
// longer gave. The second writer is a connection of its own that does not wait
// for the lock: it writes at once, or is told the database is busy.
func TestPlanIsCheckedAndMadeInOneTransaction(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, change string
	}{
		{"a session of another campaign held", `INSERT INTO participants (session_id, pseudonym, joined_at)
			SELECT id, 'Otter', 1 FROM sessions WHERE campaign = 'Pilot'`},
		{"a person added to the roster", `INSERT INTO roster_people (team_id, name, email, role, experience)
			SELECT id, 'Al', 'al@example.org', 'developer', '<1y' FROM roster_teams WHERE name = 'Payments'`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			db, path := mustOpen(t)
			svc := session.NewService(db, nil)
			importRoster(t, svc, "Payments,Berlin,,gold,Ada,ada@example.org,security-engineer,>3y\nPayments,Berlin,,gold,Bo,bo@example.org,developer,<1y\n"+
				"Search,Porto,,bronze,Cy,cy@example.org,developer,1-3y\n")
			if _, err := svc.NewSession(ctx, session.Session{Title: "Pilot", Audience: session.AudienceDevelopers, Location: "Berlin", Campaign: "Pilot"}); err != nil {
				t.Fatal(err)
			}
			opt := session.PlanOptions{Campaign: "Next", MinSize: 1, MaxSize: 10}
			shown, err := svc.PlanCampaign(ctx, opt)
			if err != nil {
				t.Fatal(err)
			}
			other, err := sql.Open("sqlite", sqlite.URI(path, "_pragma=busy_timeout(0)"))
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			change := func() error { _, err := other.ExecContext(ctx, tc.change); return err }

			var changed error
			done, err := svc.CreatePlan(ctx, opt, func(p *session.Plan) error {
				if p.ID != shown.ID {
					return session.Errorf(session.EConflict, "the plan is %s, not %s", p.ID, shown.ID)
				}
				changed = change()
				return nil
			})
			if changed == nil && err == nil {
				t.Fatalf("the change was made between the plan's check and its sessions, which were made all the same from the plan %s, which the data no longer gives",
					shown.ID)
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := change(); err != nil {
				t.Fatalf("the change, once the sessions were made: %v (it was refused during the check: %v)", err, changed)
			}
			if now, err := svc.PlanCampaign(ctx, session.PlanOptions{Campaign: "Later", MinSize: 1, MaxSize: 10}); err != nil || now.ID == shown.ID {
				t.Fatalf("the plan after the change is %v (%v), the one before it %s: the change changes nothing to test", now, err, shown.ID)
			}
			var made, want []string
			for _, c := range done.Created {
				made = append(made, fmt.Sprintf("%d. %s", c.Planned.Number, c.Session.Title))
			}
			for _, s := range shown.Sessions {
				want = append(want, fmt.Sprintf("%d. %s", s.Number, s.Title))
			}
			if !slices.Equal(made, want) || done.Plan.ID != shown.ID {
				t.Errorf("made the plan %s: %q; the plan checked was %s: %q", done.Plan.ID, made, shown.ID, want)
			}
		})
	}
}

// Deleting a planned session keeps whom it invited, with its title, for the
// campaign (in any case); a session of no campaign keeps nothing. Planned again,
// the campaign offers them another session, and leaves out those whose session is
// still to come or, closed with nobody in it, offers them too.
func TestDeletedSessionKeepsWhomItInvitedForThePlan(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := mustOpen(t)
	svc := session.NewService(db, nil)
	importRoster(t, svc, "Payments,Berlin,,gold,Ada,ada@example.org,security-engineer,>3y\nPayments,Berlin,,gold,Bo,bo@example.org,developer,<1y\n"+
		"Search,remote,,bronze,Cy,cy@example.org,developer,1-3y\n")
	opt := session.PlanOptions{Campaign: "Pilot", MinSize: 1, MaxSize: 10}
	done, err := svc.CreatePlan(ctx, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	created := createdOf(done) // Security engineers, Berlin; Developers, Berlin; Developers, online
	loose, err := svc.NewSession(ctx, session.Session{Title: "Loose", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	// What D asks before it deletes counts the one session's people, not the
	// campaign's; once it is deleted, nobody is invited to it.
	invited := func(s *session.Session) int {
		t.Helper()
		n, err := db.InviteeCount(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n, m := invited(created[1]), invited(loose); n != 1 || m != 0 {
		t.Errorf("%d invited to %s and %d to %s, want 1 and 0", n, created[1].Title, m, loose.Title)
	}
	for _, id := range []string{created[1].ID, loose.ID} {
		if err := svc.DeleteSession(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if n := invited(created[1]); n != 0 {
		t.Errorf("%d invited to %s deleted, want none", n, created[1].Title)
	}
	got, err := db.DeletedInvitations(ctx, "PILOT")
	if err != nil || len(got) != 1 || got[0].Title != "Developers, Berlin" {
		t.Fatalf("deleted invitations %+v, %v; want Bo's, of Developers, Berlin", got, err)
	}
	if _, err := svc.SetPhase(ctx, created[2].ID, session.PhaseClosed); err != nil {
		t.Fatal(err)
	}

	p, err := svc.PlanCampaign(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	var again []string
	for _, s := range p.Sessions {
		for _, inv := range s.Invitees {
			again = append(again, inv.Name+": "+inv.PlannedBefore)
		}
	}
	if want := []string{"Bo: Developers, Berlin (deleted)", "Cy: Developers, online (closed, not held)"}; !slices.Equal(again, want) {
		t.Errorf("planned again, the plan invites %q, want %q", again, want)
	}
	if b := p.Before; b == nil || b.Sessions != 1 || b.People != 1 || b.OfferedAgain != 2 {
		t.Errorf("planned again, the plan says %+v", p.Before)
	}
}

// A planned session still in the lobby once its day has passed is not to come:
// planned again, the campaign counts it apart, by its day, and keeps its people
// placed. Its day itself is still to come (the session may begin any time that
// day), as is a session with no day.
func TestPlanAgainTellsASessionPastItsDayFromOneToCome(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := mustOpen(t)
	svc := session.NewService(db, nil)
	svc.Now = func() time.Time { return time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC) }
	importRoster(t, svc, "Payments,Berlin,,gold,Ada,ada@example.org,developer,>3y\nSearch,Lyon,,gold,Bo,bo@example.org,developer,<1y\n"+
		"Maps,remote,,bronze,Cy,cy@example.org,developer,1-3y\n")
	opt := session.PlanOptions{Campaign: "Pilot", MinSize: 1, MaxSize: 10, Audiences: []session.Audience{session.AudienceDevelopers}}
	done, err := svc.CreatePlan(ctx, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	created := createdOf(done)
	if len(created) != 3 {
		t.Fatalf("%d sessions created, want 3", len(created))
	}
	for i, day := range []string{"2026-12-05", "2026-12-06"} {
		if _, err := svc.EditSession(ctx, created[i].ID, session.SessionEdit{Date: &day}); err != nil {
			t.Fatal(err)
		}
	}
	p, err := svc.PlanCampaign(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	want := session.PlannedBefore{Sessions: 3, People: 3, From: []session.AgainFrom{},
		PastDay: []session.PastDaySession{{Title: created[0].Title, Said: "planned for 5 Dec 2026, not held",
			Day: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC), People: 1}}}
	if len(p.Sessions) != 0 || p.Before == nil || !reflect.DeepEqual(*p.Before, want) {
		t.Errorf("planned again the day after a session's day: %d sessions, %+v\nwant none, %+v", len(p.Sessions), p.Before, want)
	}
}

// Planned again, a campaign gives its new sessions no title it has already: a
// session deleted or closed before it was held and the one made for its people
// shared "Developers, Berlin", and a person invited to both could not tell which
// held. The title is numbered, and numbered again the next time round.
func TestPlanAgainRepeatsNoTitleOfTheCampaign(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := mustOpen(t)
	svc := session.NewService(db, nil)
	importRoster(t, svc, "Payments,Berlin,,gold,Ada,ada@example.org,developer,>3y\nSearch,Lyon,,gold,Bo,bo@example.org,developer,<1y\n"+
		"Maps,remote,,bronze,Cy,cy@example.org,developer,1-3y\n")
	opt := session.PlanOptions{Campaign: "Pilot", MinSize: 1, MaxSize: 10, Audiences: []session.Audience{session.AudienceDevelopers}}
	titles := func() []string {
		t.Helper()
		done, err := svc.CreatePlan(ctx, opt, nil)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, s := range createdOf(done) {
			out = append(out, s.Title)
		}
		return out
	}
	first := titles()
	if want := []string{"Developers, Berlin", "Developers, Lyon", "Developers, online"}; !slices.Equal(first, want) {
		t.Fatalf("the first plan made %q, want %q", first, want)
	}
	all, err := svc.Sessions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]string{}
	for _, s := range all {
		byTitle[s.Title] = s.ID
	}
	if err := svc.DeleteSession(ctx, byTitle["Developers, Berlin"]); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, byTitle["Developers, Lyon"], session.PhaseClosed); err != nil {
		t.Fatal(err)
	}
	if got, want := titles(), []string{"Developers, Berlin (2nd)", "Developers, Lyon (2nd)"}; !slices.Equal(got, want) {
		t.Errorf("planned again, the plan made %q, want %q", got, want)
	}
	all, err = svc.Sessions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		if s.Title == "Developers, Lyon (2nd)" {
			if _, err := svc.SetPhase(ctx, s.ID, session.PhaseClosed); err != nil {
				t.Fatal(err)
			}
		}
	}
	if got, want := titles(), []string{"Developers, Lyon (3rd)"}; !slices.Equal(got, want) {
		t.Errorf("planned a third time, the plan made %q, want %q", got, want)
	}
}

// A session made by hand with the title the plan gives one of its sessions holds
// that one, though the plan numbers the title it would repeat: the plan's second
// Berlin session here, not its first.
func TestSessionByHandHoldsThePlannedSessionOfItsTitle(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := mustOpen(t)
	svc := session.NewService(db, nil)
	importRoster(t, svc, "Payments,Berlin,,gold,Ada,ada@example.org,developer,>3y\nSearch,Berlin,,gold,Bo,bo@example.org,developer,<1y\n")
	if _, err := svc.NewSession(ctx, session.Session{Title: "Developers, Berlin (2 of 2)", Audience: session.AudienceDevelopers,
		Location: "Berlin", Campaign: "Pilot"}); err != nil {
		t.Fatal(err)
	}
	opt := session.PlanOptions{Campaign: "Pilot", MinSize: 1, MaxSize: 1, Audiences: []session.Audience{session.AudienceDevelopers}}
	done, err := svc.CreatePlan(ctx, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	var created, skipped []string
	for _, c := range done.Created {
		created = append(created, fmt.Sprintf("%d. %s", c.Planned.Number, c.Session.Title))
	}
	for _, sk := range done.Skipped {
		skipped = append(skipped, fmt.Sprintf("%d. %s: %s", sk.Planned.Number, sk.Planned.Title, sk.Holder.Title))
	}
	if want := []string{"1. Developers, Berlin (1 of 2)"}; !slices.Equal(created, want) {
		t.Errorf("created %q, want %q", created, want)
	}
	if want := []string{"2. Developers, Berlin (2nd, 2 of 2): Developers, Berlin (2 of 2)"}; !slices.Equal(skipped, want) {
		t.Errorf("left out %q, want %q", skipped, want)
	}
}

// Whom a session deleted before it was held invited stays kept once they are placed
// again: the letter of their new session names it as called off. Nothing counts
// them by it any more: planned again, the campaign offers nobody again, leaves
// nobody out as "not offered", and marks nobody Planned before; once the session
// made again is called off too, the plan offers them from that one.
func TestDeletedInvitationsOfPeoplePlacedAgainAreOnlyForTheirLetters(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := mustOpen(t)
	svc := session.NewService(db, nil)
	importRoster(t, svc, "Payments,Berlin,,gold,Ada,ada@example.org,developer,>3y\nSearch,Berlin,,gold,Bo,bo@example.org,developer,<1y\n")
	opt := session.PlanOptions{Campaign: "Pilot", MinSize: 1, MaxSize: 10, Audiences: []session.Audience{session.AudienceDevelopers}}
	made := func() *session.Session {
		t.Helper()
		done, err := svc.CreatePlan(ctx, opt, nil)
		if err != nil {
			t.Fatal(err)
		}
		return createdOf(done)[0]
	}
	first := made()
	if err := svc.DeleteSession(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	second := made()
	if second.Title != "Developers, Berlin (2nd)" {
		t.Fatalf("made again as %q", second.Title)
	}
	if got, err := db.DeletedInvitations(ctx, "Pilot"); err != nil || len(got) != 2 {
		t.Errorf("deleted invitations once they are placed again: %+v, %v; want both kept", got, err)
	}
	off, err := svc.CalledOff(ctx, "Pilot")
	if err != nil || len(off) != 2 {
		t.Fatalf("called off %v, %v; want both people's", off, err)
	}
	for id, titles := range off {
		if !slices.Equal(titles, []string{"Developers, Berlin"}) {
			t.Errorf("person %d: called off %q, want the deleted session", id, titles)
		}
	}
	p, err := svc.PlanCampaign(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	want := session.PlannedBefore{Sessions: 1, People: 2, PastDay: []session.PastDaySession{}, From: []session.AgainFrom{}}
	if len(p.Sessions) != 0 || p.Before == nil || !reflect.DeepEqual(*p.Before, want) {
		t.Errorf("planned again with everyone placed again: %d sessions, %+v; want none, %+v", len(p.Sessions), p.Before, want)
	}

	if err := svc.DeleteSession(ctx, second.ID); err != nil {
		t.Fatal(err)
	}
	if p, err = svc.PlanCampaign(ctx, opt); err != nil {
		t.Fatal(err)
	}
	want = session.PlannedBefore{PastDay: []session.PastDaySession{}, OfferedAgain: 2,
		From: []session.AgainFrom{{Session: "Developers, Berlin (2nd; deleted)", People: 2}}}
	if p.Before == nil || !reflect.DeepEqual(*p.Before, want) {
		t.Errorf("planned again once the session made again is deleted: %+v, want %+v", p.Before, want)
	}
}
