package session_test

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charter-tool/charter/session"
)

// rosterOf makes a roster: per location, n teams, each with a security engineer,
// two developers and a manager; levels and experience cycle through their choices.
func rosterOf(locations map[string]int) []*session.Team {
	var teams []*session.Team
	id := int64(0)
	var locs []string
	for l := range locations {
		locs = append(locs, l)
	}
	slices.Sort(locs)
	k := 0
	for _, l := range locs {
		for i := 0; i < locations[l]; i++ {
			k++
			t := &session.Team{ID: int64(k), RosterTeam: session.RosterTeam{Name: fmt.Sprintf("%s team %02d", l, i+1), Location: l,
				Level: session.Levels[k%len(session.Levels)]}}
			for j, role := range []session.Role{session.RoleSecurityEngineer, session.RoleDeveloper, session.RoleDeveloper, session.RoleManager} {
				id++
				t.People = append(t.People, &session.Person{ID: id, TeamID: t.ID, Name: fmt.Sprintf("Person %d", id),
					Email: fmt.Sprintf("p%d@example.org", id), Role: role, Experience: session.Experiences[(k+j)%3]})
			}
			teams = append(teams, t)
		}
	}
	return teams
}

func mustPlan(t *testing.T, roster []*session.Team, opt session.PlanOptions) *session.Plan {
	t.Helper()
	if opt.Campaign == "" {
		opt.Campaign = "Chartering 2027"
	}
	p, err := session.MakePlan(roster, opt)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// where lists each session as "audience@place:size".
func where(p *session.Plan) []string {
	var out []string
	for _, s := range p.Sessions {
		place := s.Location
		if s.Mode == session.ModeOnline {
			place = "online"
		}
		out = append(out, fmt.Sprintf("%s@%s:%d", s.Audience, place, len(s.Invitees)))
	}
	return out
}

func TestPlanSessionsPerLocationAndAudience(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		locations map[string]int
		opt       session.PlanOptions
		want      []string
		note      string
	}{
		{"one session per location and audience", map[string]int{"Berlin": 9, "Porto": 10},
			session.PlanOptions{},
			[]string{"security-engineers@Berlin:9", "developers@Berlin:9", "security-engineers@Porto:10", "developers@Porto:10"}, ""},
		{"a large location is split evenly", map[string]int{"Berlin": 25},
			session.PlanOptions{},
			[]string{"security-engineers@Berlin:9", "security-engineers@Berlin:8", "security-engineers@Berlin:8",
				"developers@Berlin:9", "developers@Berlin:8", "developers@Berlin:8"}, ""},
		{"eleven stay one session rather than two of five", map[string]int{"Berlin": 11},
			session.PlanOptions{},
			[]string{"security-engineers@Berlin:11", "developers@Berlin:11"}, "outside 8-10"},
		{"remote teams and small locations go online", map[string]int{"Berlin": 8, "remote": 5, "Oslo": 3},
			session.PlanOptions{},
			[]string{"security-engineers@Berlin:8", "developers@Berlin:8", "security-engineers@online:8", "developers@online:8"},
			"Only 3 security engineers at Oslo, fewer than 8"},
		{"one person at a small location", map[string]int{"Berlin": 8, "remote": 7, "Oslo": 1},
			session.PlanOptions{},
			[]string{"security-engineers@Berlin:8", "developers@Berlin:8", "security-engineers@online:8", "developers@online:8"},
			"Only 1 security engineer at Oslo, fewer than 8"},
		{"--locations keeps in-person sessions to those places", map[string]int{"Berlin": 8, "Porto": 8},
			session.PlanOptions{Locations: []string{"porto"}},
			[]string{"security-engineers@Porto:8", "developers@Porto:8", "security-engineers@online:8", "developers@online:8"}, ""},
		{"--per-session 4-5", map[string]int{"Berlin": 9},
			session.PlanOptions{MinSize: 4, MaxSize: 5},
			[]string{"security-engineers@Berlin:5", "security-engineers@Berlin:4", "developers@Berlin:5", "developers@Berlin:4"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := mustPlan(t, rosterOf(tc.locations), tc.opt)
			if got := where(p); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("sessions\n got %v\nwant %v", got, tc.want)
			}
			if tc.note != "" && !slices.ContainsFunc(p.Notes, func(n string) bool { return strings.Contains(n, tc.note) }) {
				t.Errorf("notes %q lack %q", p.Notes, tc.note)
			}
			for i, s := range p.Sessions {
				if s.Number != i+1 {
					t.Errorf("session %d numbered %d", i+1, s.Number)
				}
			}
		})
	}
}

// Per team one security engineer and one developer, nobody else, nobody twice; a
// team without a developer is named in the notes.
func TestPlanPicksOneSecurityEngineerAndOneDeveloperPerTeam(t *testing.T) {
	t.Parallel()
	roster := rosterOf(map[string]int{"Berlin": 10})
	roster[3].People = slices.DeleteFunc(roster[3].People, func(p *session.Person) bool { return p.Role == session.RoleDeveloper })
	p := mustPlan(t, roster, session.PlanOptions{})
	perTeam := map[string]map[session.Role]int{}
	seen := map[int64]bool{}
	for _, s := range p.Sessions {
		for _, inv := range s.Invitees {
			if seen[inv.PersonID] {
				t.Errorf("%s invited twice", inv.Name)
			}
			seen[inv.PersonID] = true
			if inv.Role.Audience() != s.Audience {
				t.Errorf("%s (%s) in a session for %s", inv.Name, inv.Role, s.Audience)
			}
			if perTeam[inv.Team] == nil {
				perTeam[inv.Team] = map[session.Role]int{}
			}
			perTeam[inv.Team][inv.Role]++
		}
	}
	for _, team := range roster {
		got := perTeam[team.Name]
		wantDev := 1
		if team == roster[3] {
			wantDev = 0
		}
		if got[session.RoleSecurityEngineer] != 1 || got[session.RoleDeveloper] != wantDev || got[session.RoleManager] != 0 {
			t.Errorf("team %s invites %v", team.Name, got)
		}
	}
	if want := fmt.Sprintf("Team %s has no developer.", roster[3].Name); !slices.Contains(p.Notes, want) {
		t.Errorf("notes %q lack %q", p.Notes, want)
	}
}

// Every session mixes maturity levels and experience when the group has them, and
// the developers picked from teams of two are spread over the experience levels.
func TestPlanMixesLevelsAndExperience(t *testing.T) {
	t.Parallel()
	p := mustPlan(t, rosterOf(map[string]int{"Berlin": 27}), session.PlanOptions{})
	for _, s := range p.Sessions {
		levels, exps := map[string]int{}, map[string]int{}
		for _, inv := range s.Invitees {
			levels[inv.Level]++
			exps[inv.Experience]++
		}
		if len(levels) < len(session.Levels) || len(exps) < len(session.Experiences) {
			t.Errorf("session %d (%d people): levels %v, experience %v", s.Number, len(s.Invitees), levels, exps)
		}
		for l, n := range levels {
			if n > (len(s.Invitees)+len(session.Levels)-1)/len(session.Levels)+1 {
				t.Errorf("session %d: %d of %d at level %s", s.Number, n, len(s.Invitees), l)
			}
		}
	}
	exps := map[string]int{}
	for _, s := range p.Sessions {
		for _, inv := range s.Invitees {
			if inv.Role == session.RoleDeveloper {
				exps[inv.Experience]++
			}
		}
	}
	for _, e := range session.Experiences {
		if exps[e] < 27/3-1 {
			t.Errorf("developers by experience %v: not balanced", exps)
		}
	}
}

// Teams and locations that took part in an earlier campaign come last: their
// locations' sessions after the others, their people in the last sessions of a
// location.
func TestPlanPutsWhatTookPartBeforeLast(t *testing.T) {
	t.Parallel()
	roster := rosterOf(map[string]int{"Berlin": 16, "Porto": 8, "remote": 8})
	earlier := session.TookPart{Teams: map[string]bool{}, Locations: map[string]bool{"berlin": true}}
	for _, team := range roster[:8] { // half of Berlin took part
		earlier.Teams[strings.ToLower(team.Name)] = true
	}
	p := mustPlan(t, roster, session.PlanOptions{Earlier: earlier})
	// Another order is another plan: --create --plan names the one shown.
	if first := mustPlan(t, roster, session.PlanOptions{}); first.ID == p.ID || len(p.ID) != 8 {
		t.Errorf("the plan with Berlin last has the ID %q, the plan without earlier campaigns %q", p.ID, first.ID)
	}
	want := []string{"security-engineers@Porto:8", "developers@Porto:8", "security-engineers@online:8", "developers@online:8",
		"security-engineers@Berlin:8", "security-engineers@Berlin:8", "developers@Berlin:8", "developers@Berlin:8"}
	if got := where(p); !reflect.DeepEqual(got, want) {
		t.Fatalf("sessions\n got %v\nwant %v", got, want)
	}
	for _, s := range p.Sessions[4:] {
		first := s.Title == "Security engineers, Berlin (1 of 2)" || s.Title == "Developers, Berlin (1 of 2)"
		for _, inv := range s.Invitees {
			if inv.Earlier == first {
				t.Errorf("%s: %s (earlier %v) in the wrong Berlin session", s.Title, inv.Team, inv.Earlier)
			}
		}
	}
}

// The plan is a function of the roster, not of its order.
func TestPlanIsDeterministic(t *testing.T) {
	t.Parallel()
	roster := rosterOf(map[string]int{"Berlin": 12, "Porto": 9, "Lyon": 4, "remote": 6})
	want := mustPlan(t, roster, session.PlanOptions{})
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 5; i++ {
		shuffled := slices.Clone(roster)
		r.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		if got := mustPlan(t, shuffled, session.PlanOptions{}); !reflect.DeepEqual(got, want) {
			t.Fatalf("shuffle %d gave another plan", i)
		}
	}
}

func TestPlanAdjustments(t *testing.T) {
	t.Parallel()
	roster := rosterOf(map[string]int{"Berlin": 9, "Porto": 9})
	base := mustPlan(t, roster, session.PlanOptions{})
	mover := base.Sessions[0].Invitees[0]

	t.Run("exclude a team", func(t *testing.T) {
		p := mustPlan(t, roster, session.PlanOptions{ExcludeTeams: []string{"BERLIN TEAM 03"}})
		for _, s := range p.Sessions {
			for _, inv := range s.Invitees {
				if inv.Team == "Berlin team 03" {
					t.Errorf("excluded team invited in session %d", s.Number)
				}
			}
		}
		if got := where(p)[:2]; !reflect.DeepEqual(got, []string{"security-engineers@Berlin:8", "developers@Berlin:8"}) {
			t.Errorf("Berlin sessions %v", got)
		}
	})
	t.Run("move a person by e-mail", func(t *testing.T) {
		p := mustPlan(t, roster, session.PlanOptions{Moves: []session.Move{{Who: strings.ToUpper(mover.Email), To: 3}}})
		if got := where(p)[:3]; !reflect.DeepEqual(got, []string{"security-engineers@Berlin:8", "developers@Berlin:9", "security-engineers@Porto:10"}) {
			t.Errorf("sessions %v", got)
		}
		if last := p.Sessions[2].Invitees[9]; last.PersonID != mover.PersonID {
			t.Errorf("session 3 ends with %s, want %s", last.Name, mover.Name)
		}
	})
	t.Run("a session emptied by moves is dropped", func(t *testing.T) {
		small := rosterOf(map[string]int{"Berlin": 1})
		p := mustPlan(t, small, session.PlanOptions{MinSize: 1, MaxSize: 2,
			Moves: []session.Move{{Who: small[0].People[0].Name, To: 2}}})
		if got := where(p); !reflect.DeepEqual(got, []string{"developers@Berlin:2"}) {
			t.Errorf("sessions %v", got)
		}
		if !slices.ContainsFunc(p.Notes, func(n string) bool {
			return strings.Contains(n, "was moved into session 2 for developers") && strings.Contains(n, "as developers")
		}) {
			t.Errorf("notes %q do not say a security engineer joined the developers and counts as one", p.Notes)
		}
	})
	t.Run("dates", func(t *testing.T) {
		p := mustPlan(t, roster, session.PlanOptions{Dates: []session.SessionDate{{Session: 2, Date: " 2027-03-14"}, {Session: 4, Date: "2027-03-16"}}})
		var got []string
		for _, s := range p.Sessions {
			got = append(got, s.Date)
		}
		if !slices.Equal(got, []string{"", "2027-03-14", "", "2027-03-16"}) {
			t.Errorf("days %q", got)
		}
		// The ID is the plan's the days are given in: the plan looked at
		// without them is the one --create with them makes (a program lead
		// looked without --date, then was refused with it).
		if plain := mustPlan(t, roster, session.PlanOptions{}); p.ID != plain.ID {
			t.Errorf("the plan with days has the ID %s, without them %s", p.ID, plain.ID)
		}
	})
	for _, tc := range []struct {
		name string
		opt  session.PlanOptions
		want string
	}{
		{"date of no session", session.PlanOptions{Dates: []session.SessionDate{{Session: 5, Date: "2027-03-14"}}}, "no session 5 to date: the plan has sessions 1 to 4"},
		{"not a day", session.PlanOptions{Dates: []session.SessionDate{{Session: 1, Date: "14.3.2027"}}}, `"14.3.2027" is not a day as YYYY-MM-DD`},
		{"two days", session.PlanOptions{Dates: []session.SessionDate{{Session: 1, Date: "2027-03-14"}, {Session: 1, Date: "2027-03-15"}}}, "Session 1 is given two days"},
		{"unknown team", session.PlanOptions{ExcludeTeams: []string{"Nope"}}, `No team of the roster is called "Nope"`},
		{"unknown location", session.PlanOptions{Locations: []string{"Lyon"}}, `at the location "Lyon"`},
		{"unknown person", session.PlanOptions{Moves: []session.Move{{Who: "nobody@example.org", To: 1}}}, "nobody of the roster"},
		{"no such session", session.PlanOptions{Moves: []session.Move{{Who: mover.Email, To: 5}}}, "sessions 1 to 4"},
		{"bad sizes", session.PlanOptions{MinSize: 10, MaxSize: 8}, "10-8"},
		{"no campaign", session.PlanOptions{Campaign: " "}, "campaign cannot be empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.opt.Campaign == "" {
				tc.opt.Campaign = "C"
			}
			if tc.opt.Campaign == " " {
				tc.opt.Campaign = " \t"
			}
			_, err := session.MakePlan(roster, tc.opt)
			if !strings.Contains(session.ErrorMessage(err), tc.want) {
				t.Errorf("error %v, want it to say %q", err, tc.want)
			}
		})
	}
}

// The method has three audiences: by default a plan invites a service owner of
// each team too, in sessions of their own. Audiences narrows it; a role nobody on
// the roster has is said once, not once per team.
func TestPlanInvitesServiceOwnersAndTheAudiencesAskedFor(t *testing.T) {
	t.Parallel()
	roster := rosterOf(map[string]int{"Berlin": 9})
	p := mustPlan(t, roster, session.PlanOptions{})
	if slices.ContainsFunc(where(p), func(s string) bool { return strings.HasPrefix(s, "service-owners") }) {
		t.Fatalf("a roster without service owners got a session for them: %v", where(p))
	}
	want := "The roster has no service owner: no session for service owners."
	if !slices.Contains(p.Notes, want) || slices.ContainsFunc(p.Notes, func(n string) bool { return strings.Contains(n, "has no service owner.") }) {
		t.Errorf("notes %q: want %q once, and no note per team", p.Notes, want)
	}

	for i, team := range roster {
		team.People = append(team.People, &session.Person{ID: int64(1000 + i), TeamID: team.ID, Name: fmt.Sprintf("Owner %d", i),
			Email: fmt.Sprintf("owner%d@example.org", i), Role: session.RoleServiceOwner, Experience: session.Experiences[i%3]})
	}
	p = mustPlan(t, roster, session.PlanOptions{})
	if got, want := where(p), []string{"security-engineers@Berlin:9", "developers@Berlin:9", "service-owners@Berlin:9"}; !slices.Equal(got, want) {
		t.Errorf("sessions %v, want %v", got, want)
	}
	for _, s := range p.Sessions {
		for _, inv := range s.Invitees {
			if inv.Role.Audience() != s.Audience {
				t.Errorf("%s (%s) in a session for %s", inv.Name, inv.Role, s.Audience)
			}
		}
	}

	p = mustPlan(t, roster, session.PlanOptions{Audiences: []session.Audience{session.AudienceServiceOwners, session.AudienceManagers}})
	if got, want := where(p), []string{"service-owners@Berlin:9", "managers@Berlin:9"}; !slices.Equal(got, want) {
		t.Errorf("service owners and managers asked for: sessions %v, want %v", got, want)
	}
	if _, err := session.MakePlan(roster, session.PlanOptions{Campaign: "C", Audiences: []session.Audience{session.AudienceMixed}}); session.ErrorCode(err) != session.EInvalid {
		t.Errorf("a mixed audience: err = %v, want invalid", err)
	}
}

// A session of fewer people than can stay anonymous is named with what to do.
func TestPlanSaysASessionIsTooSmallToStayAnonymous(t *testing.T) {
	t.Parallel()
	p := mustPlan(t, rosterOf(map[string]int{"Berlin": 8, "remote": 1}), session.PlanOptions{})
	notes := strings.Join(p.Notes, "\n")
	if !strings.Contains(notes, "has 1 person: too few to stay anonymous (at least 3 are needed). Invite more, or move them to another session (--move EMAIL=N).") {
		t.Errorf("plan notes:\n%s\nsessions %v", notes, where(p))
	}
}

// Too few people at a location for a session of their own: the plan says which
// --per-session would keep them in person, but only when they are enough to stay
// anonymous in a session.
func TestPlanSaysWhichSizeKeepsASmallLocationInPerson(t *testing.T) {
	t.Parallel()
	p := mustPlan(t, rosterOf(map[string]int{"Berlin": 9, "Porto": 4, "Oslo": 2}), session.PlanOptions{})
	notes := strings.Join(p.Notes, "\n")
	if !strings.Contains(notes, "at Porto, fewer than 8: they are invited to the online session (--per-session 4-10 keeps them in person).") {
		t.Errorf("no size hint for Porto:\n%s", notes)
	}
	// Taking the hint keeps Porto in person and changes no other session: 3-5, as
	// it said before, split the rest of the plan too.
	before := where(p)
	after := where(mustPlan(t, rosterOf(map[string]int{"Berlin": 9, "Porto": 4, "Oslo": 2}), session.PlanOptions{MinSize: 4, MaxSize: 10}))
	berlin := func(ws []string) []string {
		return slices.DeleteFunc(slices.Clone(ws), func(w string) bool { return !strings.Contains(w, "@Berlin:") })
	}
	if !slices.Contains(after, "developers@Porto:4") || !slices.Equal(berlin(after), berlin(before)) {
		t.Errorf("with the hint's size the sessions are %v (before %v)", after, before)
	}
	if !strings.Contains(notes, "at Oslo, fewer than 8: they are invited to the online session.") {
		t.Errorf("Oslo, too few to stay anonymous, is offered a size:\n%s", notes)
	}
}

// A session too large for the size asked, left whole because a split would be too
// small, says why it was not split.
func TestPlanSaysWhyALargeSessionIsWhole(t *testing.T) {
	t.Parallel()
	var teams []*session.Team
	for i := range 12 {
		teams = append(teams, &session.Team{RosterTeam: session.RosterTeam{Name: fmt.Sprintf("Team %d", i), Location: "Berlin", Level: "gold"},
			People: []*session.Person{{ID: int64(i + 1), Name: fmt.Sprintf("Dev %d", i), Email: fmt.Sprintf("dev%d@example.org", i), Role: session.RoleDeveloper}}})
	}
	p := mustPlan(t, teams, session.PlanOptions{MinSize: 8, MaxSize: 8})
	if len(p.Sessions) != 1 {
		t.Fatalf("%d sessions, want the 12 in one", len(p.Sessions))
	}
	want := "has 12 people, outside 8-8 (split in 2, each would have 6 or 6, below it)."
	if !slices.ContainsFunc(p.Notes, func(n string) bool { return strings.Contains(n, want) }) {
		t.Errorf("notes %q do not say %q", p.Notes, want)
	}
}

// A planned session is its audience, place and slot: the campaign holds it when it
// has a session of that audience and place, by the plan's title first, then in the
// order sessions were made; other audiences, places and modes hold nothing.
func TestHeldBy(t *testing.T) {
	t.Parallel()
	planned := []session.PlannedSession{
		{Number: 1, Title: "Developers, Berlin (1 of 2)", Audience: session.AudienceDevelopers, Location: "Berlin", Mode: session.ModeInPerson},
		{Number: 2, Title: "Developers, Berlin (2 of 2)", Audience: session.AudienceDevelopers, Location: "Berlin", Mode: session.ModeInPerson},
		{Number: 3, Title: "Security engineers, Berlin", Audience: session.AudienceSecurityEngineers, Location: "Berlin", Mode: session.ModeInPerson},
		{Number: 4, Title: "Developers, online", Audience: session.AudienceDevelopers, Mode: session.ModeOnline},
	}
	day := time.Date(2027, 3, 1, 9, 0, 0, 0, time.UTC)
	held := func(id, title string, a session.Audience, location string, m session.Mode, made int) *session.Session {
		return &session.Session{ID: id, Title: title, Audience: a, Location: location, Mode: m, CreatedAt: day.Add(time.Duration(made) * time.Hour)}
	}
	cases := []struct {
		name string
		held []*session.Session
		want []string // per planned session, the ID of the session holding it, "" for none
	}{
		{"nothing held", nil, []string{"", "", "", ""}},
		{"the place whatever its case holds the first slot", []*session.Session{
			held("a", "Dev Berlin", session.AudienceDevelopers, " berlin", session.ModeInPerson, 0),
		}, []string{"a", "", "", ""}},
		{"two held take two slots, oldest first", []*session.Session{
			held("b", "Later", session.AudienceDevelopers, "Berlin", session.ModeInPerson, 2),
			held("a", "Earlier", session.AudienceDevelopers, "Berlin", session.ModeInPerson, 1),
		}, []string{"a", "b", "", ""}},
		{"the plan's title takes its slot", []*session.Session{
			held("a", "developers, berlin (2 of 2)", session.AudienceDevelopers, "Berlin", session.ModeInPerson, 0),
		}, []string{"", "a", "", ""}},
		{"online, or remote, holds the online session", []*session.Session{
			held("a", "Remote devs", session.AudienceDevelopers, "remote", session.ModeInPerson, 0),
			held("b", "Security online", session.AudienceSecurityEngineers, "Berlin", session.ModeOnline, 1),
		}, []string{"", "", "", "a"}},
		{"another audience or place holds nothing, online is online wherever", []*session.Session{
			held("a", "Managers", session.AudienceManagers, "Berlin", session.ModeInPerson, 0),
			held("b", "Devs Porto", session.AudienceDevelopers, "Porto", session.ModeInPerson, 1),
			held("c", "Devs online", session.AudienceDevelopers, "Berlin", session.ModeOnline, 2),
			held("d", "Devs nowhere", session.AudienceDevelopers, "", session.ModeInPerson, 3),
		}, []string{"", "", "", "c"}},
		{"more held than planned holds every slot once", []*session.Session{
			held("a", "One", session.AudienceDevelopers, "Berlin", session.ModeInPerson, 0),
			held("b", "Two", session.AudienceDevelopers, "Berlin", session.ModeInPerson, 1),
			held("c", "Three", session.AudienceDevelopers, "Berlin", session.ModeInPerson, 2),
		}, []string{"a", "b", "", ""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, h := range session.HeldBy(planned, c.held) {
				id := ""
				if h != nil {
					id = h.ID
				}
				got = append(got, id)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("held by %q, want %q", got, c.want)
			}
		})
	}
}

// A person moved by hand keeps what the plan knows of their team: whether it took
// part before (the invitations and the plan's table say so). Moved, they were always
// shown as of a team new to chartering.
func TestMovedPersonKeepsWhetherTheirTeamTookPartBefore(t *testing.T) {
	t.Parallel()
	roster := rosterOf(map[string]int{"Berlin": 16, "Porto": 8})
	earlier := session.TookPart{Teams: map[string]bool{}}
	for _, team := range roster[:8] {
		earlier.Teams[strings.ToLower(team.Name)] = true
	}
	mover := roster[0].People[0]
	p := mustPlan(t, roster, session.PlanOptions{Earlier: earlier, Moves: []session.Move{{Who: mover.Email, To: 1}}})
	found := false
	for _, inv := range p.Sessions[0].Invitees {
		if inv.Email == mover.Email {
			found = true
			if !inv.Earlier {
				t.Errorf("%s of %s, a team that took part before, moved: shown as new to chartering", inv.Name, inv.Team)
			}
		}
	}
	if !found {
		t.Fatalf("%s is not in session 1 after the move", mover.Email)
	}
}

// Every session number a plan prints names that session in the next run, for
// --move and --date alike: a move does not number the sessions anew. A session the
// moves empty is left out with its number, and said so. --move named the sessions
// of the plan before the moves and --date those after: with session 1 emptied,
// "--date 3" dated the session printed as 4, and a move into the session printed
// as 1 went to the emptied one.
func TestPlanNumbersNameTheSessionsAsPrinted(t *testing.T) {
	t.Parallel()
	roster := rosterOf(map[string]int{"Berlin": 1, "Porto": 1})
	opt := session.PlanOptions{Campaign: "Chartering 2027", MinSize: 1, MaxSize: 2}
	base := mustPlan(t, roster, opt)
	if len(base.Sessions) != 4 {
		t.Fatalf("the plan has sessions %q, want four of one person each", where(base))
	}
	// Session 1's only person joins session 3: session 1 is left out.
	opt.Moves = []session.Move{{Who: base.Sessions[0].Invitees[0].Email, To: 3}}
	printed := mustPlan(t, roster, opt)
	var numbers []int
	for _, s := range printed.Sessions {
		numbers = append(numbers, s.Number)
	}
	if !slices.Equal(numbers, []int{2, 3, 4}) {
		t.Errorf("after the move the plan numbers its sessions %v, want 2, 3, 4 as before it", numbers)
	}
	left := fmt.Sprintf("Session 1 (%s) is left out: --move took everyone it invited into other sessions.", base.Sessions[0].Title)
	if !slices.ContainsFunc(printed.Notes, func(n string) bool { return strings.HasPrefix(n, left) }) {
		t.Errorf("notes %q do not say %q", printed.Notes, left)
	}

	for _, s := range printed.Sessions {
		t.Run(fmt.Sprintf("session %d", s.Number), func(t *testing.T) {
			// Someone of another session moves into it, and it is dated.
			other := printed.Sessions[0]
			if other.Number == s.Number {
				other = printed.Sessions[1]
			}
			mover := other.Invitees[0]
			next := opt
			next.Moves = append(slices.Clone(opt.Moves), session.Move{Who: mover.Email, To: s.Number})
			next.Dates = []session.SessionDate{{Session: s.Number, Date: "2027-03-09"}}
			p := mustPlan(t, roster, next)
			var got []string
			for _, ps := range p.Sessions {
				if ps.Date != "" || slices.ContainsFunc(ps.Invitees, func(i session.Invitee) bool { return i.PersonID == mover.PersonID }) {
					got = append(got, fmt.Sprintf("%d. %s on %q", ps.Number, ps.Title, ps.Date))
				}
			}
			want := []string{fmt.Sprintf("%d. %s on %q", s.Number, s.Title, "2027-03-09")}
			if !slices.Equal(got, want) {
				t.Errorf("--move %s=%d --date %d=2027-03-09 on the plan printed as %q: moved and dated %q, want %q",
					mover.Email, s.Number, s.Number, where(printed), got, want)
			}
		})
	}

	t.Run("a session the moves emptied takes no day", func(t *testing.T) {
		next := opt
		next.Dates = []session.SessionDate{{Session: 1, Date: "2027-03-09"}}
		_, err := session.MakePlan(roster, next)
		want := fmt.Sprintf("Session 1 (%s) has nobody left to invite: --move took everyone into other sessions", base.Sessions[0].Title)
		if !strings.Contains(session.ErrorMessage(err), want) {
			t.Errorf("dating the emptied session: %v, want %q", err, want)
		}
	})
}

// A campaign planned again: a team whose developer a session held or to come
// invites is not planned again, whichever of its developers that is; a developer
// whose planned session was not held is offered again before a teammate the rules
// would pick, marked with that session, and so is one moved by hand; a placed
// person cannot be moved; the plan counts those offered again and those it leaves
// out.
func TestPlanAgainLeavesThePlacedOutAndOffersTheOthersAgain(t *testing.T) {
	t.Parallel()
	roster := rosterOf(map[string]int{"Berlin": 10})
	dev := func(team, i int) *session.Person { return roster[team].People[1+i] } // each team's developers
	fresh := mustPlan(t, roster, session.PlanOptions{Audiences: []session.Audience{session.AudienceDevelopers}})
	first := map[int64]bool{}
	for _, inv := range fresh.Sessions[0].Invitees {
		first[inv.PersonID] = true
	}
	// Team 0's other developer, whom the rules do not pick, was planned for a
	// session deleted since; team 1's picked one too. Teams 2-9 are placed, team 2
	// by the developer the rules would not pick.
	other := dev(0, 0)
	if first[other.ID] {
		other = dev(0, 1)
	}
	placed := session.Placed{People: map[int64]bool{}, Sessions: 2, Held: 1, Again: map[int64]string{
		other.ID: "Developers, Berlin (deleted)", dev(1, 0).ID: "Developers, Berlin (deleted)"}}
	for team := 2; team < 10; team++ {
		placed.People[dev(team, 1).ID] = true
	}
	opt := session.PlanOptions{Audiences: []session.Audience{session.AudienceDevelopers}, Placed: placed, MinSize: 1, MaxSize: 10}
	p := mustPlan(t, roster, opt)
	if len(p.Sessions) != 1 || len(p.Sessions[0].Invitees) != 2 {
		t.Fatalf("planned again: %v, want one session of the 2 developers not placed", where(p))
	}
	got := map[int64]string{}
	for _, inv := range p.Sessions[0].Invitees {
		got[inv.PersonID] = inv.PlannedBefore
	}
	want := map[int64]string{other.ID: "Developers, Berlin (deleted)", dev(1, 0).ID: "Developers, Berlin (deleted)"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("planned again, the plan invites %v, want %v", got, want)
	}
	if b := p.Before; b == nil || !reflect.DeepEqual(*b, session.PlannedBefore{Sessions: 2, Held: 1, PastDay: []session.PastDaySession{}, People: 8, OfferedAgain: 2,
		From: []session.AgainFrom{{Session: "Developers, Berlin (deleted)", People: 2}}}) {
		t.Errorf("planned again, the plan says %+v", p.Before)
	}

	left := opt
	left.ExcludeTeams = []string{roster[1].Name}
	if b := mustPlan(t, roster, left).Before; b == nil || b.OfferedAgain != 1 || b.NotOffered != 1 {
		t.Errorf("with the team of one of them left out, the plan says %+v, want 1 offered again and 1 not", b)
	}

	moved := opt
	moved.Campaign = "Chartering 2027"
	moved.Moves = []session.Move{{Who: dev(3, 1).Email, To: 1}}
	if _, err := session.MakePlan(roster, moved); err == nil || !strings.Contains(err.Error(), "Person 15 is invited already to a session of the campaign held or to come") {
		t.Errorf("moving a person placed already: %v", err)
	}
	// Team 2's other developer was planned for the deleted session too; its
	// placed developer keeps them out, unless moved in.
	moved.Placed.Again = map[int64]string{dev(2, 0).ID: "Developers, Berlin (deleted)"}
	for id, s := range placed.Again {
		moved.Placed.Again[id] = s
	}
	moved.Moves = nil
	if b := mustPlan(t, roster, moved).Before; b.OfferedAgain != 2 || b.NotOffered != 1 {
		t.Errorf("with a teammate of one of them placed, the plan says %+v, want 2 offered again and 1 not", b)
	}
	moved.Moves = []session.Move{{Who: dev(2, 0).Email, To: 1}}
	p = mustPlan(t, roster, moved)
	if !slices.ContainsFunc(p.Sessions[0].Invitees, func(inv session.Invitee) bool {
		return inv.PersonID == dev(2, 0).ID && inv.PlannedBefore == "Developers, Berlin (deleted)"
	}) || p.Before.OfferedAgain != 3 || p.Before.NotOffered != 0 {
		t.Errorf("a person moved in whose session was not held is not marked so: %+v, %+v", p.Sessions[0].Invitees, p.Before)
	}
}

// A plan gives no session a title the campaign has (Placed.Titles, in lower case):
// it gives it the next round free, "(2nd)", and cuts a long place to fit the
// title's length with its round.
func TestPlanGivesNoTitleTheCampaignHas(t *testing.T) {
	t.Parallel()
	far := strings.Repeat("Saint-Rémy-de-Provence ", 4) + "Nord"
	devs := []session.Audience{session.AudienceDevelopers}
	for _, tt := range []struct {
		location string
		taken    []string
		want     string
	}{
		{"Berlin", nil, "Developers, Berlin"},
		{"Berlin", []string{"developers, berlin"}, "Developers, Berlin (2nd)"},
		{"Berlin", []string{"developers, berlin", "developers, berlin (2nd)"}, "Developers, Berlin (3rd)"},
		{far, []string{strings.ToLower(mustPlan(t, rosterOf(map[string]int{far: 10}), session.PlanOptions{Audiences: devs}).Sessions[0].Title)},
			"Developers, " + string([]rune(far)[:80-len("Developers, ")-len(" (2nd)")-1]) + "… (2nd)"},
	} {
		taken := map[string]bool{}
		for _, title := range tt.taken {
			taken[title] = true
		}
		p := mustPlan(t, rosterOf(map[string]int{tt.location: 10}), session.PlanOptions{Audiences: devs, Placed: session.Placed{Titles: taken}})
		if got := p.Sessions[0].Title; got != tt.want || utf8.RuneCountInString(got) > session.MaxTitleLen {
			t.Errorf("with %q taken, the plan titles its session %q, want %q", tt.taken, got, tt.want)
		}
	}
}
