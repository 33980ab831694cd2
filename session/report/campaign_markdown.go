package report

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/charter-tool/charter/session"
)

// WriteMarkdown writes f as a Markdown document, one section after another.
func (f *CampaignFindings) WriteMarkdown(w io.Writer) error {
	m := newMarkdown(w)
	for _, section := range []func(*markdown){
		f.mdHeader, f.mdSessions, f.mdThemes, f.mdAudiences, f.mdSegments, f.mdSaturation, f.mdActions,
	} {
		section(m)
	}
	return m.flush()
}

func (f *CampaignFindings) mdHeader(m *markdown) {
	p, e := m.p, Escape
	p("# Campaign report: %s\n\n", e(f.Campaign))
	p("- Period: %s – %s\n", f.From, f.To)
	var locations []string
	audiences := map[string]bool{}
	for _, s := range f.Sessions {
		if s.Location != "" && !slices.Contains(locations, s.Location) {
			locations = append(locations, s.Location)
		}
		audiences[s.Audience] = true
	}
	slices.Sort(locations)
	p("- Sessions: %d", len(f.Sessions))
	if len(locations) > 0 {
		p(" in %d %s (%s)", len(locations), plural(len(locations), "location", "locations"), escapeAll(locations))
	}
	p("\n- Audiences: %s\n", escapeAll(audienceOrder(audiences)))
	p("- Participants: %d, counted once per session they joined\n", f.Participants)
	p("- Notes: %d\n", f.Notes)
	p("- Campaign themes: %d\n\n", len(f.Themes))
	p("Participants are not named. Only volunteers for action points are, because they chose to volunteer. Hidden notes are left out.\n\n")
}

func (f *CampaignFindings) mdSessions(m *markdown) {
	p, e := m.p, Escape
	p("## Sessions\n\n")
	if len(f.Sessions) == 0 {
		p("No sessions.\n\n")
		return
	}
	var rows [][]string
	clustered := false
	for _, s := range f.Sessions {
		mark := ""
		if s.Clustered {
			mark, clustered = " \\*", true
		}
		rows = append(rows, []string{"S" + strconv.Itoa(s.Number), s.Date, e(s.Title) + mark, orDash(e(s.Location)),
			e(s.Audience), e(s.Mode), strconv.Itoa(s.Participants), strconv.Itoa(s.Notes), e(s.Phase)})
	}
	m.table([]string{"#", "Date", "Session", "Location", "Audience", "Mode", "Participants", "Notes", "Phase"}, rows)
	if clustered {
		p("\\* Not grouped into themes yet: the report clustered the session's notes itself.\n\n")
	}
}

func (f *CampaignFindings) mdThemes(m *markdown) {
	p, e := m.p, Escape
	p("## Themes across sessions\n\n")
	if len(f.Themes) == 0 {
		p("No themes yet.\n\n")
		return
	}
	actions := map[int64]CampaignAction{}
	for _, a := range f.Actions {
		actions[a.ID] = a
	}
	p("The same concern raised in different words in different sessions counts as one campaign theme: ")
	p("session themes are matched when their labels and notes are similar on average (at least %s). ", trimFloat2(f.Threshold))
	p("A participant is counted once per session they joined.\n\n")
	p("How the campaign score was computed: %s.\n\n", e(f.Method))
	var rows [][]string
	for _, t := range f.Themes {
		rows = append(rows, []string{strconv.Itoa(t.Rank), e(t.Label), strconv.Itoa(t.Score), strconv.Itoa(t.Sessions),
			strconv.Itoa(t.Participants), strconv.Itoa(t.Votes), strconv.Itoa(t.Notes)})
	}
	m.table([]string{"Rank", "Theme", "Score", "Sessions", "Participants", "Votes", "Notes"}, rows)
	if f.Unthemed > 0 {
		p("%d %s in no theme.\n\n", f.Unthemed, plural(f.Unthemed, "note is", "notes are"))
	}
	for _, t := range f.Themes {
		p("### %d. %s (score %d)\n\n", t.Rank, e(t.Label), t.Score)
		p("Score %d = 5 × %d further %s + 3 × %d %s + 2 × %d %s + 1 × %d %s.\n\n", t.Score,
			t.Sessions-1, plural(t.Sessions-1, "session", "sessions"), t.Votes, plural(t.Votes, "vote", "votes"),
			t.Participants, plural(t.Participants, "participant", "participants"), t.Notes, plural(t.Notes, "note", "notes"))
		p("- Raised in %d of %d sessions, first in S%d\n", t.Sessions, len(f.Sessions), t.FirstSession)
		if len(t.Locations) > 0 {
			p("- Locations: %s\n", escapeAll(t.Locations))
		}
		p("- Audiences: %s\n", escapeAll(t.Audiences))
		p("- Notes: %d\n", t.Notes)
		if len(t.SessionLabels) > 1 {
			labels := make([]string, len(t.SessionLabels))
			for i, l := range t.SessionLabels {
				labels[i] = e(l)
			}
			p("- Called in its sessions: %s\n", strings.Join(labels, "; "))
		}
		p("\n")
		m.quotes(t.Quotes)
		var acts []string
		for _, id := range t.ActionIDs {
			a := actions[id]
			acts = append(acts, actionItem(a.Action, fmt.Sprintf("owner: %s; volunteers: %s; S%d",
				orDash(e(a.Owner)), orDash(escapeAll(a.Volunteers)), a.Session)))
		}
		m.actionList(acts)
	}
}

func (f *CampaignFindings) mdAudiences(m *markdown) {
	p, e := m.p, Escape
	themes := map[int]CampaignTheme{}
	for _, t := range f.Themes {
		themes[t.ID] = t
	}
	p("## Differences between audiences\n\n")
	p("Confidence about security, from 1 (not at all) to 5 (fully), is shown for an audience once at least %d of its participants rated it.\n\n", session.MinSegment)
	for _, a := range f.Audiences {
		p("### %s\n\n", e(a.Audience))
		p("%d %s, %d %s, %d campaign %s raised.\n\n", a.Sessions, plural(a.Sessions, "session", "sessions"),
			a.Participants, plural(a.Participants, "participant", "participants"), a.Themes, plural(a.Themes, "theme", "themes"))
		if c := a.Confidence; c != nil {
			writeDistribution(p, c)
		} else {
			p("Fewer than %d ratings: confidence not shown.\n\n", session.MinSegment)
		}
		if len(f.Audiences) <= 1 {
			continue
		}
		if len(a.OnlyHere) == 0 {
			p("No theme was raised by this audience alone.\n\n")
			continue
		}
		var only []string
		for _, id := range a.OnlyHere {
			t := themes[id]
			only = append(only, fmt.Sprintf("%s (rank %d)", e(t.Label), t.Rank))
		}
		p("Raised only by %s: %s.\n\n", e(a.Audience), strings.Join(only, "; "))
	}
}

func (f *CampaignFindings) mdSegments(m *markdown) {
	p, e := m.p, Escape
	p("## Segments\n\n")
	p("Results are broken down by a segment only when it holds at least %d participants, so that nobody can be picked out. ", session.MinSegment)
	p("Smaller segments and those who did not answer are folded into \"other or not given\"; ")
	p("when that group would itself be smaller than %d, the smallest segment is folded into it too, ", session.MinSegment)
	p("so that no small group can be worked out by subtraction. Confidence is shown for a group once at least %d of it rated.\n\n", session.MinSegment)
	for _, b := range f.Segments {
		p("### %s\n\n", e(b.Title))
		if len(b.Segments) == 0 && b.Other == nil {
			p("Fewer than %d participants: not broken down.\n\n", session.MinSegment)
			continue
		}
		rows := b.Segments
		if b.Other != nil {
			rows = append(slices.Clone(rows), *b.Other)
		}
		var cells [][]string
		for _, s := range rows {
			mean, median := "–", "–"
			if s.Confidence != nil {
				mean, median = fmt.Sprintf("%.1f", s.Confidence.Mean), trimFloat(s.Confidence.Median)
			}
			cells = append(cells, []string{e(s.Value), strconv.Itoa(s.Participants), mean, median, strconv.Itoa(s.Themes), strconv.Itoa(s.Notes)})
		}
		m.table([]string{"Segment", "Participants", "Mean confidence", "Median", "Themes raised", "Notes"}, cells)
		if len(b.Segments) == 0 {
			p("No segment reaches %d participants.\n\n", session.MinSegment)
		}
	}
}

func (f *CampaignFindings) mdSaturation(m *markdown) {
	p := m.p
	p("## Saturation\n\n")
	if len(f.Saturation.Steps) > 0 {
		p("New campaign themes each session brought, in date order (cumulative in brackets):\n\n")
		most := 0
		for _, s := range f.Saturation.Steps {
			most = max(most, s.New)
		}
		p("```text\n")
		for _, s := range f.Saturation.Steps {
			p("S%-2d %s | %-*s %2d new (%d)\n", s.Session, s.Date, min(most, barWidth), hashes(s.New, most), s.New, s.Cumulative)
		}
		p("```\n\n")
	}
	p("%s\n\n", f.Saturation.Verdict)
}

func (f *CampaignFindings) mdActions(m *markdown) {
	p, e := m.p, Escape
	p("## Action points\n\n")
	if len(f.Actions) == 0 {
		p("No action points yet.\n")
		return
	}
	themes := map[int]CampaignTheme{}
	for _, t := range f.Themes {
		themes[t.ID] = t
	}
	var rows [][]string
	for _, a := range f.Actions {
		theme := "–"
		if t, ok := themes[a.CampaignThemeID]; ok {
			theme = fmt.Sprintf("%s (rank %d)", e(t.Label), t.Rank)
		}
		c := actionCells(a.Action)
		rows = append(rows, []string{fmt.Sprintf("S%d %s", a.Session, e(a.SessionTitle)), theme,
			c.priority, c.title, c.owner, c.volunteers, c.status})
	}
	m.table([]string{"Session", "Theme", "Priority", "Action point", "Owner", "Volunteers", "Status"}, rows)
}

// writeDistribution draws a confidence distribution, highest rating first.
func writeDistribution(p func(string, ...any), c *Confidence) {
	writeBars(p, c)
	p("%d %s, mean %.1f, median %s.\n\n", c.Ratings, plural(c.Ratings, "rating", "ratings"), c.Mean, trimFloat(c.Median))
}

// hashes draws n out of most as up to barWidth '#'.
func hashes(n, most int) string {
	if n == 0 || most == 0 {
		return ""
	}
	if most <= barWidth {
		return strings.Repeat("#", n)
	}
	return strings.Repeat("#", max(1, n*barWidth/most))
}

// trimFloat2 shows v with up to two decimals.
func trimFloat2(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
