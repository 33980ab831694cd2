package report

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charter-tool/charter/session"
)

// Coverage says how much of the roster a campaign reached, in counts: teams,
// locations and maturity levels. A team counts as reached when a held session of
// the campaign (someone joined it, or notes were imported) invited it; a location
// when a reached team is there or a held in-person session took place there; a
// level when a reached team has it. It names no person.
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
	}
	reached := map[string]bool{}
	for id, teams := range c.Invited {
		if held[id] {
			for _, t := range teams {
				reached[strings.ToLower(t)] = true
			}
		}
	}
	cov := &Coverage{Teams: len(c.Teams), Planned: len(c.Invited) > 0, ByLocation: []CoverageRow{}, ByLevel: []CoverageRow{}}
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

// mdCoverage writes the coverage of the roster, when there is one.
func (f *CampaignFindings) mdCoverage(m *markdown) {
	p, c := m.p, f.Coverage
	if c == nil {
		return
	}
	e := Escape
	p("## Coverage of the roster\n\n")
	p("How much of the roster the campaign reached, in counts; nobody is named. A team counts as reached when a session of the campaign that was held (someone joined, or notes were imported) invited it.\n\n")
	if !c.Planned {
		p("No session of this campaign was planned from the roster (charter plan --create), so no team can be counted as reached.\n\n")
	}
	p("- Teams: %d of %d reached, %d never reached\n", c.TeamsReached, c.Teams, c.Teams-c.TeamsReached)
	p("- Locations: %d of %d reached", c.LocationsSeen, c.Locations)
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
		p("; never reached: %s", escapeAll(never))
	}
	if len(heldOnly) > 0 {
		// Counted as reached, as a session was held there, yet none of the teams
		// the roster places there was invited to a held session.
		p("; held at %s, but no team of the roster there was invited", escapeAll(heldOnly))
	}
	p("\n- Maturity levels: %d of %d reached", c.LevelsReached, c.Levels)
	never = never[:0]
	for _, r := range c.ByLevel {
		if r.Reached == 0 {
			never = append(never, r.Value)
		}
	}
	if len(never) > 0 {
		p("; never reached: %s", escapeAll(never))
	}
	p("\n\n")
	for _, tbl := range []struct {
		title string
		rows  []CoverageRow
	}{{"Location", c.ByLocation}, {"Level", c.ByLevel}} {
		p("| %s | Teams | Reached | Never reached |\n", tbl.title)
		p("|---|---|---|---|\n")
		for _, r := range tbl.rows {
			p("| %s | %d | %d | %d |\n", e(r.Value), r.Teams, r.Reached, r.Teams-r.Reached)
		}
		p("\n")
	}
}

// csvCoverage writes a row per location and per level of the roster: area says
// which, lane names it, text says how many of its teams were reached, and reached
// and teams give the two numbers.
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
			cw.row("coverage", "", "", "", "", "", g.area, r.Value, "", fmt.Sprintf("%d of %s reached", r.Reached, count(r.Teams, "team", "teams")),
				"", "", "", "", "", "", "", strconv.Itoa(r.Reached), strconv.Itoa(r.Teams))
		}
	}
}
