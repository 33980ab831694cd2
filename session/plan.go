package session

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// PlanOptions are what a facilitator chooses when planning a campaign.
type PlanOptions struct {
	Campaign string
	// MinSize and MaxSize are how many people a session should have (8 to 10 by
	// default): fewer than MinSize at a location go to the online session of their
	// audience, and a group is split into as many sessions as keep the sizes closest
	// to the range.
	MinSize, MaxSize int
	// Locations, when given, are the only places with in-person sessions; teams
	// elsewhere are invited online.
	Locations []string
	// ExcludeTeams are left out of the plan, by name (ignoring case).
	ExcludeTeams []string
	// Moves put people into other sessions once the plan is made, in order, and
	// Dates give sessions the day they are held. Both name sessions by their
	// numbers in the plan the other options make, which neither changes (see
	// PlannedSession.Number).
	Moves []Move
	Dates []SessionDate
	// Earlier is what took part in earlier campaigns: planned last.
	Earlier TookPart
	// Audiences are the audiences to plan sessions for, one person of each per
	// team; nil plans PlanAudiences.
	Audiences []Audience
	// CrossAudience says that moves into a session of another audience are meant:
	// without it a plan with such a move is shown, but CreatePlan refuses it.
	CrossAudience bool
	// Placed is what the campaign's own planned sessions did with the people they
	// invited, when it was planned before: those placed are not planned again.
	Placed Placed
}

// Placed is whom a campaign's planned sessions invite, read when the campaign is
// planned again. A person invited to a session held or still to come is placed, as
// a team that took part before is planned last: not planned again. A person whose
// planned session was not held (deleted, or closed with nobody in it and no notes)
// is offered again, by the same rule as anyone not placed, before their teammates.
// A session whose day passed in the lobby (Session.PastDay) keeps its people
// placed but is said apart: it is not to come, and only the program lead knows
// whether it is put off (a new day) or off (closed or deleted, which offers its
// people again); offered again while it stands, they would hold two invitations.
type Placed struct {
	// People are the people invited to the campaign's sessions held, to come or
	// past their day (a held session deleted since among them).
	People map[int64]bool
	// Sessions counts those sessions, Held those of them held, and PastDay are
	// those of them whose day passed without them being held.
	Sessions, Held int
	PastDay        []PastDaySession
	// Again maps a person whose planned session was not held, and who is not
	// placed, to that session as the plan shows it: "Developers, Lyon (deleted)".
	Again map[int64]string
	// Titles are the titles of the campaign's sessions, deleted ones too, in
	// lower case: a planned session is given none of them (see planTitle).
	Titles map[string]bool
}

// Move puts a roster person (by e-mail, or by name when that is unique) into the
// plan's session number To, whether the plan invited them or not.
type Move struct {
	Who string
	To  int
}

// SessionDate is the day (YYYY-MM-DD) the plan's session number Session is held.
type SessionDate struct {
	Session int
	Date    string
}

// TookPart is which teams and locations took part in a set of sessions (any
// session someone joined or had notes imported into). Names are lower case.
type TookPart struct {
	Teams     map[string]bool
	Locations map[string]bool
	// Online is set when an online session took part.
	Online bool
}

// Plan is a proposal of sessions for a campaign and whom to invite to each.
type Plan struct {
	// ID tells one plan from another: the same sessions, numbered alike, with
	// the same people and days, have the same ID (see Fingerprint).
	ID       string           `json:"id"`
	Campaign string           `json:"campaign"`
	Sessions []PlannedSession `json:"sessions"`
	// Notes explain what the rules could not do: teams without a developer,
	// locations too small for a session of their own, sizes out of range.
	Notes []string `json:"notes"`

	// Before is what the campaign's planned sessions hold when it is planned
	// again; nil for a campaign never planned.
	Before *PlannedBefore `json:"planned_before,omitempty"`

	// crossMoves are the notes of moves into a session of another audience, and
	// crossMeant says they were meant (PlanOptions.CrossAudience).
	crossMoves []string
	crossMeant bool
}

// PlannedBefore says what a plan made again of a campaign leaves to the sessions
// planned before, and whom it offers again.
type PlannedBefore struct {
	// Sessions counts the campaign's planned sessions held, to come or past their
	// day, Held those of them held, PastDay those whose day passed without them
	// being held (the others are to come), and People whom they invite: not
	// planned again.
	Sessions int              `json:"sessions"`
	Held     int              `json:"held"`
	PastDay  []PastDaySession `json:"past_day_not_held"`
	People   int              `json:"people"`
	// OfferedAgain counts the plan's people whose planned session was not held, by
	// that session in From; NotOffered those the plan leaves out (their team is
	// excluded, their audience not planned, or a teammate of their role placed).
	OfferedAgain int         `json:"offered_again"`
	From         []AgainFrom `json:"from"`
	NotOffered   int         `json:"not_offered"`
}

// PastDaySession is a planned session whose day passed in the lobby, and how many
// it invites.
type PastDaySession struct {
	Title string `json:"session"`
	// Said is what it is: "planned for 2 Dec 2026, not held" (PastDayText).
	Said string `json:"said"`
	// Day is the day it was planned for, to say it in other words.
	Day    time.Time `json:"-"`
	People int       `json:"people"`
}

// AgainFrom counts the people a plan offers again from one session not held.
type AgainFrom struct {
	Session string `json:"session"`
	People  int    `json:"people"`
}

// PlannedSession is one session of a plan.
type PlannedSession struct {
	// Number is the session's place in the plan, from 1: sessions for what took
	// part in an earlier campaign come last. Moves do not change it: a session
	// they empty is left out with its number, and the others keep theirs, so the
	// numbers a plan prints are those that --move and --date name in the next.
	Number   int      `json:"number"`
	Title    string   `json:"title"`
	Audience Audience `json:"audience"`
	Location string   `json:"location"`
	Mode     Mode     `json:"mode"`
	// Date is the day it is held, YYYY-MM-DD, when one was given.
	Date     string    `json:"date,omitempty"`
	Invitees []Invitee `json:"invitees"`
	// HeldBy is the session made by hand that holds this one's place, nil when
	// none does: --create makes no session here (see markHeld).
	HeldBy *HeldSlot `json:"held_by,omitempty"`

	// planned is the title the rules give it, when the campaign had that title
	// already and Title is another, of a later round (see planTitle).
	planned string
}

// Invitee is a person planned for a session. The e-mail is for invitations only.
type Invitee struct {
	PersonID   int64  `json:"-"`
	Name       string `json:"name"`
	Email      string `json:"-"`
	Team       string `json:"team"`
	Location   string `json:"location"`
	Level      string `json:"level"`
	Role       Role   `json:"role"`
	Experience string `json:"experience"`
	// Earlier is set when the person's team took part in an earlier campaign.
	Earlier bool `json:"team_took_part_before"`
	// PlannedBefore is the campaign's session the person was planned for and that
	// was not held, when the plan offers them again: "Developers, Lyon (deleted)".
	PlannedBefore string `json:"planned_before_not_held,omitempty"`
}

// Default session sizes of the method: a focus group of 8 to 10.
const (
	DefaultMinSize = 8
	DefaultMaxSize = 10
)

// PlanAudiences are the audiences a plan invites by default: the method's three,
// each in sessions of its own. Managers are left out unless asked for: their
// presence keeps people from speaking freely about their own teams.
var PlanAudiences = []Audience{AudienceSecurityEngineers, AudienceDevelopers, AudienceServiceOwners}

// roleOf is the roster role whose people make up an audience's sessions.
func roleOf(a Audience) (Role, bool) {
	for _, r := range Roles {
		if r.Audience() == a {
			return r, true
		}
	}
	return "", false
}

// MakePlan proposes the sessions of a campaign from the roster: per team one
// person of each audience's role where it has one (by default a security
// engineer, a developer and a service owner) (the experience least
// picked so far for the role, so that experience is mixed); per location and
// audience one session, split when larger than MaxSize; online sessions for remote
// teams, for locations not in opt.Locations and for groups smaller than MinSize.
// Within a group people are ordered so that any run of them mixes maturity levels
// and experience, teams new to chartering first, and cut into sessions in that
// order; sessions at new locations come first, then online, then locations that
// took part before. It is a pure function of its input: the same roster and options
// give the same plan.
func MakePlan(roster []*Team, opt PlanOptions) (*Plan, error) {
	if opt.MinSize == 0 && opt.MaxSize == 0 {
		opt.MinSize, opt.MaxSize = DefaultMinSize, DefaultMaxSize
	}
	if opt.MinSize < 1 || opt.MaxSize < opt.MinSize {
		return nil, Errorf(EInvalid, "The session size %d-%d is not a range of at least 1 person.", opt.MinSize, opt.MaxSize)
	}
	campaign, err := ValidText(CampaignText(opt.Campaign), MaxTitleLen, "The campaign", true)
	if err != nil {
		return nil, err
	}
	p := &Plan{Campaign: campaign, Sessions: []PlannedSession{}, Notes: []string{}, crossMeant: opt.CrossAudience}

	teams := slices.Clone(roster)
	slices.SortFunc(teams, func(a, b *Team) int { return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)) })
	for _, ex := range opt.ExcludeTeams {
		i := slices.IndexFunc(teams, func(t *Team) bool { return strings.EqualFold(t.Name, strings.TrimSpace(ex)) })
		if i < 0 {
			return nil, Errorf(EInvalid, "No team of the roster is called %q.", ex)
		}
		teams = slices.Delete(teams, i, i+1)
	}
	inPerson := map[string]bool{}
	for _, given := range opt.Locations {
		l := strings.ToLower(strings.TrimSpace(given))
		if !slices.ContainsFunc(teams, func(t *Team) bool { return strings.ToLower(t.Location) == l }) {
			return nil, Errorf(EInvalid, "No team of the roster is at the location %q.", strings.TrimSpace(given))
		}
		inPerson[l] = true
	}

	auds := opt.Audiences
	if len(auds) == 0 {
		auds = PlanAudiences
	}
	var planRoles []Role
	for _, a := range auds {
		r, ok := roleOf(a)
		if !ok {
			var can []string
			for _, r := range Roles {
				can = append(can, string(r.Audience()))
			}
			return nil, Errorf(EInvalid, "No role of the roster makes the audience %q; plan for %s.", a, strings.Join(can, ", "))
		}
		if !slices.Contains(planRoles, r) {
			planRoles = append(planRoles, r)
		}
	}
	// A role nobody on the roster has is said once, not once per team.
	var absent []Role
	for _, r := range planRoles {
		if !slices.ContainsFunc(teams, func(t *Team) bool {
			return slices.ContainsFunc(t.People, func(p *Person) bool { return p.Role == r })
		}) {
			absent = append(absent, r)
			p.Notes = append(p.Notes, fmt.Sprintf("The roster has no %s: no session for %s.",
				strings.ReplaceAll(string(r), "-", " "), r.Audience().Title()))
		}
	}
	planRoles = slices.DeleteFunc(planRoles, func(r Role) bool { return slices.Contains(absent, r) })

	// Pick per team and role; new teams first, so that they get the mix.
	slices.SortStableFunc(teams, func(a, b *Team) int {
		return cmp.Compare(b2int(opt.Earlier.Teams[strings.ToLower(a.Name)]), b2int(opt.Earlier.Teams[strings.ToLower(b.Name)]))
	})
	picked := map[Role]map[string]int{}
	type groupKey struct {
		aud   Audience
		place string // a location in lower case, or "" for online
	}
	groups := map[groupKey][]Invitee{}
	display := map[string]string{}
	for _, t := range teams {
		earlier := opt.Earlier.Teams[strings.ToLower(t.Name)]
		for _, role := range planRoles {
			var cands, again []*Person
			placed := false
			for _, per := range t.People {
				if per.Role == role {
					cands = append(cands, per)
					placed = placed || opt.Placed.People[per.ID]
					if opt.Placed.Again[per.ID] != "" {
						again = append(again, per)
					}
				}
			}
			if placed {
				// The campaign invites the team's person of this role already.
				continue
			}
			if len(again) > 0 {
				// Planned before for a session not held: offered again.
				cands = again
			}
			if len(cands) == 0 {
				p.Notes = append(p.Notes, fmt.Sprintf("Team %s has no %s.", t.Name, strings.ReplaceAll(string(role), "-", " ")))
				continue
			}
			if picked[role] == nil {
				picked[role] = map[string]int{}
			}
			per := slices.MinFunc(cands, func(a, b *Person) int {
				return cmp.Or(cmp.Compare(picked[role][a.Experience], picked[role][b.Experience]),
					cmp.Compare(slices.Index(Experiences, a.Experience), slices.Index(Experiences, b.Experience)),
					cmp.Compare(strings.ToLower(a.Email), strings.ToLower(b.Email)))
			})
			picked[role][per.Experience]++
			place := strings.ToLower(t.Location)
			if IsRemote(place) || len(inPerson) > 0 && !inPerson[place] {
				place = ""
			}
			if _, ok := display[place]; !ok {
				display[place] = t.Location
			}
			k := groupKey{role.Audience(), place}
			inv := inviteeOf(t, per, earlier)
			inv.PlannedBefore = opt.Placed.Again[per.ID]
			groups[k] = append(groups[k], inv)
		}
	}

	// Groups too small for a session of their own join the online one.
	small := make([]groupKey, 0, len(groups))
	for k := range groups {
		small = append(small, k)
	}
	slices.SortFunc(small, func(a, b groupKey) int {
		return cmp.Or(cmp.Compare(a.place, b.place), cmp.Compare(slices.Index(Audiences, a.aud), slices.Index(Audiences, b.aud)))
	})
	for _, k := range small {
		if g := groups[k]; k.place != "" && len(g) < opt.MinSize {
			on := groupKey{k.aud, ""}
			groups[on] = append(groups[on], g...)
			delete(groups, k)
			who := k.aud.Title()
			if len(g) == 1 {
				// "1 developer", not "1 developers"; every audience's name ends in s.
				who = strings.TrimSuffix(who, "s")
			}
			note := fmt.Sprintf("Only %d %s at %s, fewer than %d: they are invited to the online session", len(g), who, display[k.place], opt.MinSize)
			if len(g) >= MinSegment {
				// Too few for a session that keeps its people anonymous gets no hint.
				// Only the smallest size changes: a smaller largest size
				// would split every other session of the plan.
				note += fmt.Sprintf(" (--per-session %d-%d keeps them in person)", len(g), opt.MaxSize)
			}
			p.Notes = append(p.Notes, note+".")
		}
	}

	keys := make([]groupKey, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	// New locations first, online next, locations that took part before last.
	rank := func(k groupKey) int {
		switch {
		case k.place == "" && opt.Earlier.Online:
			return 2
		case k.place == "":
			return 1
		case opt.Earlier.Locations[k.place]:
			return 3
		}
		return 0
	}
	slices.SortFunc(keys, func(a, b groupKey) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a.place, b.place),
			cmp.Compare(slices.Index(Audiences, a.aud), slices.Index(Audiences, b.aud)))
	})
	taken := maps.Clone(opt.Placed.Titles)
	if taken == nil {
		taken = map[string]bool{}
	}
	for _, k := range keys {
		people := mixOrder(groups[k])
		sizes := splitSizes(len(people), opt.MinSize, opt.MaxSize)
		where := display[k.place]
		mode := ModeInPerson
		if k.place == "" {
			where, mode = "", ModeOnline
		}
		for i, n := range sizes {
			ps := PlannedSession{Title: planTitle(k.aud, where, i+1, len(sizes), 1), Audience: k.aud, Location: where, Mode: mode,
				Invitees: people[:n]}
			// A title the campaign has already (a session skipped, closed or
			// deleted) is not given again: a person invited to it and to this
			// one would not know which holds.
			for round := 2; taken[strings.ToLower(ps.Title)]; round++ {
				ps.Title, ps.planned = planTitle(k.aud, where, i+1, len(sizes), round), cmp.Or(ps.planned, ps.Title)
			}
			taken[strings.ToLower(ps.Title)] = true
			people = people[n:]
			p.Sessions = append(p.Sessions, ps)
		}
	}
	for i := range p.Sessions {
		p.Sessions[i].Number = i + 1
	}
	// The plan's ID is the plan's before --move and --date: they name its sessions
	// by their numbers in it, which the ID vouches for. Taken after them, the ID of a
	// plan looked at without a --date was not the ID --create found with one, and
	// the refusal sent the facilitator looking for a change nobody had made.
	base := p.Fingerprint()
	if len(p.Sessions) == 0 && (len(opt.Moves) > 0 || len(opt.Dates) > 0) {
		// Planned again, everyone is placed: there is no session to name.
		p.Notes = append(p.Notes, "--move and --date are left out: the plan has no sessions.")
		opt.Moves, opt.Dates = nil, nil
	}
	if err := p.move(teams, opt.Moves, opt.Earlier.Teams, opt.Placed); err != nil {
		return nil, err
	}
	if err := p.date(opt.Dates); err != nil {
		return nil, err
	}
	p.leaveOutEmptied()
	p.Before = opt.Placed.before(p)
	for _, s := range p.Sessions {
		n := len(s.Invitees)
		switch {
		case n < MinSegment:
			// Too few to speak freely: a note is shown on the board only with
			// another person's, and a rating only with others', so one or two
			// people are told apart by what they write.
			p.Notes = append(p.Notes, fmt.Sprintf("Session %d (%s) has %d %s: too few to stay anonymous (at least %d are needed). Invite more, or move them to another session (--move EMAIL=N).",
				s.Number, s.Title, n, pluralWord(n, "person", "people"), MinSegment))
		case n < opt.MinSize || n > opt.MaxSize:
			why := ""
			if k := (n + opt.MaxSize - 1) / opt.MaxSize; n > opt.MaxSize && n/k < opt.MinSize {
				// Not split because a split fits no better: said, or the plan
				// reads as having missed it.
				why = fmt.Sprintf(" (split in %d, each would have %d or %d, below it)", k, n/k, (n+k-1)/k)
			}
			p.Notes = append(p.Notes, fmt.Sprintf("Session %d (%s) has %d %s, outside %d-%d%s.", s.Number, s.Title, n,
				pluralWord(n, "person", "people"), opt.MinSize, opt.MaxSize, why))
		}
	}
	p.ID = base
	return p, nil
}

// Fingerprint is a short digest of the plan's sessions: their numbers, titles,
// audiences, places, days and whom each invites. The numbers that --move and
// --date give depend on what took part in other campaigns, which changes as their
// sessions are held: a plan looked at and the plan made later are the same only
// if their fingerprints before the moves and days are (Plan.ID).
func (p *Plan) Fingerprint() string {
	h := sha256.New()
	for _, s := range p.Sessions {
		fmt.Fprintf(h, "%d\x00%s\x00%s\x00%s\x00%s\x00%s", s.Number, s.Title, s.Audience, strings.ToLower(s.Location), s.Mode, s.Date)
		for _, inv := range s.Invitees {
			fmt.Fprintf(h, "\x00%d", inv.PersonID)
		}
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))[:8]
}

func inviteeOf(t *Team, p *Person, earlier bool) Invitee {
	return Invitee{PersonID: p.ID, Name: p.Name, Email: p.Email, Team: t.Name, Location: t.Location, Level: t.Level,
		Role: p.Role, Experience: p.Experience, Earlier: earlier}
}

// move applies the facilitator's moves, each to the session of its number.
func (p *Plan) move(teams []*Team, moves []Move, earlier map[string]bool, placed Placed) error {
	for _, m := range moves {
		if m.To < 1 || m.To > len(p.Sessions) {
			return Errorf(EInvalid, "--move %s=%d: the plan has sessions 1 to %d.", m.Who, m.To, len(p.Sessions))
		}
		inv, err := findPerson(teams, m.Who)
		if err != nil {
			return err
		}
		if placed.People[inv.PersonID] {
			return Errorf(EInvalid, "--move %s: %s is invited already to a session of the campaign held or to come; a plan made again invites only people not placed yet.",
				m.Who, inv.Name)
		}
		// Whether their team took part before, and their planned session was
		// not held, as for everyone planned.
		inv.Earlier = earlier[strings.ToLower(inv.Team)]
		inv.PlannedBefore = placed.Again[inv.PersonID]
		for i := range p.Sessions {
			p.Sessions[i].Invitees = slices.DeleteFunc(slices.Clone(p.Sessions[i].Invitees), func(x Invitee) bool { return x.PersonID == inv.PersonID })
		}
		to := &p.Sessions[m.To-1]
		to.Invitees = append(slices.Clone(to.Invitees), inv)
		if inv.Role.Audience() != to.Audience {
			// Allowed when meant (a facilitator may know better), but said with
			// what it costs.
			note := fmt.Sprintf("%s (%s) was moved into session %d for %s: a session holds one audience so that peers speak freely, and the findings will count what %s says as %s.",
				inv.Name, inv.Role, m.To, to.Audience, inv.Name, to.Audience)
			p.crossMoves = append(p.crossMoves, note)
			if !p.crossMeant {
				note += " --create makes it only with --cross-audience."
			}
			p.Notes = append(p.Notes, note)
		}
	}
	return nil
}

// leaveOutEmptied drops the sessions moves took everyone out of, and says so; the
// others keep their numbers.
func (p *Plan) leaveOutEmptied() {
	for _, s := range p.Sessions {
		if len(s.Invitees) == 0 {
			p.Notes = append(p.Notes, fmt.Sprintf("Session %d (%s) is left out: --move took everyone it invited into other sessions. The other sessions keep their numbers.",
				s.Number, s.Title))
		}
	}
	p.Sessions = slices.DeleteFunc(p.Sessions, func(s PlannedSession) bool { return len(s.Invitees) == 0 })
}

// findPerson finds a roster person by e-mail, or by name when only one has it.
func findPerson(teams []*Team, who string) (Invitee, error) {
	who = strings.TrimSpace(who)
	var found []Invitee
	for _, t := range teams {
		for _, per := range t.People {
			if strings.EqualFold(per.Email, who) {
				return inviteeOf(t, per, false), nil
			}
			if strings.EqualFold(per.Name, who) {
				found = append(found, inviteeOf(t, per, false))
			}
		}
	}
	switch len(found) {
	case 0:
		return Invitee{}, Errorf(EInvalid, "--move: nobody of the roster's planned teams is called %q; give a name or an e-mail.", who)
	case 1:
		return found[0], nil
	}
	return Invitee{}, Errorf(EInvalid, "--move: %d people are called %q; give the e-mail instead.", len(found), who)
}

// mixOrder orders a group's people so that any run of them mixes maturity levels
// and experience: teams new to chartering first, and within each, people are dealt
// from one level after another, each level's people alternating experience.
func mixOrder(people []Invitee) []Invitee {
	var out []Invitee
	for _, earlier := range []bool{false, true} {
		byLevel := make([][]Invitee, len(Levels))
		for _, p := range people {
			if p.Earlier == earlier {
				l := max(slices.Index(Levels, p.Level), 0)
				byLevel[l] = append(byLevel[l], p)
			}
		}
		for i, ps := range byLevel {
			byLevel[i] = alternate(ps)
		}
		for r := 0; ; r++ {
			took := false
			for _, ps := range byLevel {
				if r < len(ps) {
					out = append(out, ps[r])
					took = true
				}
			}
			if !took {
				break
			}
		}
	}
	return out
}

// alternate deals people from one experience to the next, each experience by team
// and name.
func alternate(people []Invitee) []Invitee {
	byExp := make([][]Invitee, len(Experiences))
	for _, p := range people {
		e := max(slices.Index(Experiences, p.Experience), 0)
		byExp[e] = append(byExp[e], p)
	}
	var out []Invitee
	for _, ps := range byExp {
		slices.SortFunc(ps, func(a, b Invitee) int {
			return cmp.Or(cmp.Compare(strings.ToLower(a.Team), strings.ToLower(b.Team)), cmp.Compare(a.PersonID, b.PersonID))
		})
	}
	for r := 0; len(out) < len(people); r++ {
		for _, ps := range byExp {
			if r < len(ps) {
				out = append(out, ps[r])
			}
		}
	}
	return out
}

// splitSizes cuts n people into sessions whose sizes are as even as possible,
// choosing the number of sessions that strays least from min..max (fewer sessions
// on a tie); larger sessions first.
func splitSizes(n, lo, hi int) []int {
	if n == 0 {
		return nil
	}
	best, bestK := -1, 0
	for k := 1; k <= n; k++ {
		small, big := n/k, n%k // big sessions have one more
		off := func(size int) int { return max(lo-size, 0) + max(size-hi, 0) }
		cost := big*off(small+1) + (k-big)*off(small)
		if best < 0 || cost < best {
			best, bestK = cost, k
		}
		if small < lo {
			break
		}
	}
	sizes := make([]int, bestK)
	for i := range sizes {
		sizes[i] = n / bestK
		if i < n%bestK {
			sizes[i]++
		}
	}
	return sizes
}

// planTitle names a planned session: audience and place, numbered when the place
// has several for the audience, and by its round from the second on, when the
// campaign has the title of the first already: "Developers, Lyon (2nd, 1 of 2)".
func planTitle(a Audience, location string, i, of, round int) string {
	aud := a.Title()
	aud = strings.ToUpper(aud[:1]) + aud[1:]
	var in []string
	if round > 1 {
		in = append(in, ordinal(round))
	}
	if of > 1 {
		in = append(in, fmt.Sprintf("%d of %d", i, of))
	}
	suffix := ""
	if len(in) > 0 {
		suffix = " (" + strings.Join(in, ", ") + ")"
	}
	where := "online"
	if location != "" {
		where = location
	}
	room := MaxTitleLen - len(aud) - len(", ") - len(suffix)
	if r := []rune(where); len(r) > room {
		where = string(r[:room-1]) + "…"
	}
	return aud + ", " + where + suffix
}

// ordinal writes n as "2nd", "3rd", "11th".
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

func b2int(b bool) int {
	if b {
		return 1
	}
	return 0
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// date gives the plan's sessions their days, by number, once moved and before the
// sessions the moves emptied are left out (they are still in number order): such a
// session takes none.
func (p *Plan) date(dates []SessionDate) error {
	given := map[int]string{}
	for _, d := range dates {
		if d.Session < 1 || d.Session > len(p.Sessions) {
			return Errorf(EInvalid, "There is no session %d to date: the plan has sessions 1 to %d.", d.Session, len(p.Sessions))
		}
		if s := p.Sessions[d.Session-1]; len(s.Invitees) == 0 {
			return Errorf(EInvalid, "Session %d (%s) has nobody left to invite: --move took everyone into other sessions, so it is left out. Date another session, or move someone into it.",
				s.Number, s.Title)
		}
		day, err := ValidDate(d.Date)
		if err != nil {
			return err
		}
		if had, ok := given[d.Session]; ok && had != day {
			return Errorf(EInvalid, "Session %d is given two days, %s and %s.", d.Session, had, day)
		}
		given[d.Session] = day
		p.Sessions[d.Session-1].Date = day
	}
	return nil
}

// before says what the campaign's planned sessions hold for the plan p made from
// them, or nil when the campaign was never planned.
func (pl Placed) before(p *Plan) *PlannedBefore {
	if pl.Sessions == 0 && len(pl.Again) == 0 {
		return nil
	}
	b := &PlannedBefore{Sessions: pl.Sessions, Held: pl.Held, PastDay: slices.Clone(pl.PastDay), People: len(pl.People), From: []AgainFrom{}}
	if b.PastDay == nil {
		b.PastDay = []PastDaySession{}
	}
	from := map[string]int{}
	for _, s := range p.Sessions {
		for _, inv := range s.Invitees {
			if inv.PlannedBefore != "" {
				b.OfferedAgain++
				if from[inv.PlannedBefore]++; from[inv.PlannedBefore] == 1 {
					b.From = append(b.From, AgainFrom{Session: inv.PlannedBefore})
				}
			}
		}
	}
	for i := range b.From {
		b.From[i].People = from[b.From[i].Session]
	}
	slices.SortFunc(b.From, func(a, c AgainFrom) int { return cmp.Compare(a.Session, c.Session) })
	b.NotOffered = len(pl.Again) - b.OfferedAgain
	return b
}
