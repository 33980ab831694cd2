package report

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charter-tool/charter/session"
)

// Coverage says how much of the roster a campaign invited to its held sessions, in
// counts: teams, locations and maturity levels. A team counts as reached (the JSON
// keeps the name) when a held session of the campaign (someone joined it, or notes
// were imported) invited it: invited, not that anyone of it came, which nothing
// records. A location counts when a reached team is there or a held in-person
// session took place there; a level when a reached team has it. Attendance is
// known only as a whole: how many the held sessions invited, and how many joined
// them; never by team, location or level, where a small count would tell who came.
// It names no person.
type Coverage struct {
	Teams         int `json:"teams"`
	TeamsReached  int `json:"teams_reached"`
	Locations     int `json:"locations"`
	LocationsSeen int `json:"locations_reached"`
	Levels        int `json:"levels"`
	LevelsReached int `json:"levels_reached"`
	// ByLocation and ByLevel count teams per location (by name) and per level (in
	// level order) with how many were reached.
	ByLocation []CoverageRow `json:"by_location"`
	ByLevel    []CoverageRow `json:"by_level"`
	// Planned is false when no session of the campaign was planned from the roster:
	// then no team can be counted as reached.
	Planned bool `json:"planned_from_roster"`
	// PeopleInvited counts the people the held sessions invited, and PeopleJoined
	// the participants of those sessions (invited or not, removed and paper ones
	// too, as the sessions count them): attendance, as a whole only.
	PeopleInvited int `json:"people_invited"`
	PeopleJoined  int `json:"people_joined"`
	// InPlace are the sessions made by hand and held in the place of a planned
	// session not held (see session.CoverageData.InPlace): the teams and people
	// the planned one invited count as invited to them.
	InPlace []HeldInPlace `json:"held_in_place,omitempty"`
}

// HeldInPlace is a session made by hand and held in the place of a planned one.
type HeldInPlace struct {
	// Number is the held session's, as the report numbers it ("S1").
	Number  int    `json:"number"`
	Session string `json:"session"`
	Planned string `json:"planned"`
	// Invited is how many people the planned session invited.
	Invited int `json:"invited"`
}

// CoverageRow counts the teams of one location or level.
type CoverageRow struct {
	Value   string `json:"value"`
	Teams   int    `json:"teams"`
	Reached int    `json:"reached"`
	// Held says, for a location, that a session of the campaign was held there,
	// whether or not it invited the location's teams.
	Held bool `json:"held,omitempty"`
}

// AddCoverage adds the coverage of the roster when there is one. ds are the
// sessions f was built from. It is a pure function of its input.
func (f *CampaignFindings) AddCoverage(c session.CoverageData, ds []*Data) {
	if len(c.Teams) == 0 {
		return
	}
	held := map[string]bool{}
	heldPlaces := map[string]bool{}
	invited, joined := 0, 0
	var inPlace []HeldInPlace
	for _, d := range ds {
		for _, p := range d.Participants {
			if !p.Removed {
				held[d.Session.ID] = true
				if d.Session.Mode != session.ModeOnline && d.Session.Location != "" {
					heldPlaces[strings.ToLower(d.Session.Location)] = true
				}
				break
			}
		}
		n := c.InvitedPeople[d.Session.ID]
		if p := c.InPlace[d.Session.ID]; p != nil && held[d.Session.ID] {
			// Run instead of the planned one: its people were invited to this.
			n = c.InvitedPeople[p.ID]
			inPlace = append(inPlace, HeldInPlace{Number: f.numberOf(d.Session.ID), Session: d.Session.Title, Planned: p.Title, Invited: n})
		}
		if held[d.Session.ID] && n > 0 {
			invited += n
			joined += len(d.Participants)
		}
	}
	reached := map[string]bool{}
	for id, teams := range c.Invited {
		if held[id] {
			for _, t := range teams {
				reached[strings.ToLower(t)] = true
			}
		}
	}
	for id, p := range c.InPlace {
		if !held[id] {
			continue
		}
		for _, t := range c.Invited[p.ID] {
			reached[strings.ToLower(t)] = true
		}
		// Listed as not held yet, as if to come: it says which was held instead.
		for j := range f.NotHeld {
			if n := f.numberOf(id); f.NotHeld[j].ID == p.ID && n > 0 {
				f.NotHeld[j].InPlaceOf = "S" + strconv.Itoa(n)
			}
		}
	}
	cov := &Coverage{Teams: len(c.Teams), Planned: len(c.Invited) > 0, ByLocation: []CoverageRow{}, ByLevel: []CoverageRow{},
		PeopleInvited: invited, PeopleJoined: joined, InPlace: inPlace}
	locs := map[string]*CoverageRow{}
	levels := map[string]*CoverageRow{}
	for _, t := range c.Teams {
		loc := strings.ToLower(t.Location)
		if locs[loc] == nil {
			locs[loc] = &CoverageRow{Value: t.Location}
		}
		if levels[t.Level] == nil {
			levels[t.Level] = &CoverageRow{Value: t.Level}
		}
		r := reached[strings.ToLower(t.Name)]
		for _, row := range []*CoverageRow{locs[loc], levels[t.Level]} {
			row.Teams++
			if r {
				row.Reached++
			}
		}
		if r {
			cov.TeamsReached++
		}
	}
	for loc, row := range locs {
		row.Held = heldPlaces[loc]
		cov.ByLocation = append(cov.ByLocation, *row)
		if row.Reached > 0 || row.Held {
			cov.LocationsSeen++
		}
	}
	slices.SortFunc(cov.ByLocation, func(a, b CoverageRow) int { return cmp.Compare(strings.ToLower(a.Value), strings.ToLower(b.Value)) })
	for _, l := range session.Levels {
		if row := levels[l]; row != nil {
			cov.ByLevel = append(cov.ByLevel, *row)
			if row.Reached > 0 {
				cov.LevelsReached++
			}
		}
	}
	cov.Locations, cov.Levels = len(cov.ByLocation), len(cov.ByLevel)
	f.Coverage = cov
}

// numberOf is the number of the held session id in f, 0 when it is none.
func (f *CampaignFindings) numberOf(id string) int {
	for _, s := range f.Sessions {
		if s.ID == id {
			return s.Number
		}
	}
	return 0
}

// mdCoverage writes the coverage of the roster, when there is one.
func (f *CampaignFindings) mdCoverage(m *markdown) {
	p, c := m.p, f.Coverage
	if c == nil {
		return
	}
	e := Escape
	p("## Coverage of the roster\n\n")
	p("How much of the roster the campaign invited to its held sessions, in counts; nobody is named. A team counts when a session of the campaign that was held (someone joined, or notes were imported) invited it: invited, not that anyone of it came. ")
	p("Who came is counted only as a whole, never by team, location or level, where a small count would tell who.\n\n")
	if !c.Planned {
		p("No session of this campaign was planned from the roster (charter plan --create), so no team can be counted as invited.\n\n")
	}
	if c.PeopleInvited > 0 {
		p("- People: %d invited to a held session; %s joined those sessions (invited or not)\n", c.PeopleInvited, count(c.PeopleJoined, "participant", "participants"))
	}
	p("- Teams: %d of %d invited to a held session, %d not\n", c.TeamsReached, c.Teams, c.Teams-c.TeamsReached)
	if len(c.InPlace) > 0 {
		// Said, since the letters of these people gave another join code.
		held := make([]string, len(c.InPlace))
		for i, h := range c.InPlace {
			held[i] = fmt.Sprintf("S%d “%s”, made by hand, for the planned “%s” (%s invited)", h.Number, e(h.Session), e(h.Planned), count(h.Invited, "person", "people"))
		}
		p("- Held in place of a planned session that was not held: %s; the teams and people the planned session invited count as invited to the one held, though their invitations gave the planned session's join code\n",
			strings.Join(held, "; "))
	}
	p("- Locations: %d of %d with a team invited to a held session or a session held there", c.LocationsSeen, c.Locations)
	var never []string
	var heldOnly []string
	for _, r := range c.ByLocation {
		switch {
		case r.Reached == 0 && r.Held:
			heldOnly = append(heldOnly, r.Value)
		case r.Reached == 0:
			never = append(never, r.Value)
		}
	}
	if len(never) > 0 {
		p("; neither: %s", escapeAll(never))
	}
	if len(heldOnly) > 0 {
		// Counted, as a session was held there, yet none of the teams the roster
		// places there was invited to a held session.
		p("; held at %s, but no team of the roster there was invited", escapeAll(heldOnly))
	}
	p("\n- Maturity levels: %d of %d with a team invited to a held session", c.LevelsReached, c.Levels)
	never = never[:0]
	for _, r := range c.ByLevel {
		if r.Reached == 0 {
			never = append(never, r.Value)
		}
	}
	if len(never) > 0 {
		p("; none invited: %s", escapeAll(never))
	}
	p("\n\n")
	for _, tbl := range []struct {
		title string
		rows  []CoverageRow
	}{{"Location", c.ByLocation}, {"Level", c.ByLevel}} {
		p("| %s | Teams | Invited to a held session | Not invited |\n", tbl.title)
		p("|---|---|---|---|\n")
		for _, r := range tbl.rows {
			p("| %s | %d | %d | %d |\n", e(r.Value), r.Teams, r.Reached, r.Teams-r.Reached)
		}
		p("\n")
	}
}

// csvCoverage writes a row per location and per level of the roster: area says
// which, lane names it, text says how many of its teams were invited to a held
// session, and reached and teams give the two numbers.
func (f *CampaignFindings) csvCoverage(cw *csvWriter) {
	c := f.Coverage
	if c == nil {
		return
	}
	for _, g := range []struct {
		area string
		rows []CoverageRow
	}{{"location", c.ByLocation}, {"level", c.ByLevel}} {
		for _, r := range g.rows {
			cw.row("coverage", "", "", "", "", "", g.area, r.Value, "", fmt.Sprintf("%d of %s invited to a held session", r.Reached, count(r.Teams, "team", "teams")),
				"", "", "", "", "", "", "", strconv.Itoa(r.Reached), strconv.Itoa(r.Teams))
		}
	}
}
