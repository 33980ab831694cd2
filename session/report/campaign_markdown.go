package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charter-tool/charter/session"
)

// WriteMarkdown writes f as a Markdown document, one section after another.
func (f *CampaignFindings) WriteMarkdown(w io.Writer) error {
	m := newMarkdown(w)
	for _, s := range f.sections() {
		s.markdown(m)
	}
	return m.flush()
}

func (f *CampaignFindings) sections() []section {
	return []section{
		{markdown: func(m *markdown) { m.p("# Campaign report: %s\n\n", Escape(f.Campaign)) }},
		{markdown: func(m *markdown) { mdSummary(m, &f.Summary, true, summaryExtra{f.Hypotheses, f.running()}) }},
		{markdown: f.mdComparison},
		{markdown: func(m *markdown) { mdMatrix(m, &f.Matrix, true) }, chart: func() string { return matrixChart(&f.Matrix) }},
		{markdown: f.mdMatrixByAudience},
		{markdown: func(m *markdown) { mdMatrixNotes(m, &f.Matrix) }},
		{markdown: f.mdHeader},
		{markdown: f.mdSessions},
		{markdown: f.mdCoverage},
		{markdown: f.mdThemes, chart: func() string { return themeChart(f.themeBars()) }},
		{markdown: f.mdThemeDetails},
		{markdown: f.mdSideBySide},
		{markdown: f.mdHypotheses},
		{markdown: f.mdAudiences, chart: func() string { return confidenceChart(f.confidenceSeries()) }},
		{markdown: f.mdSegments},
		{markdown: f.mdSaturation, chart: func() string { return saturationChart(f.Saturation.Steps) }},
		{markdown: f.mdActions},
	}
}

// running lists the sessions not closed yet with their phases, "S2 (actions),
// S3 (write)"; empty when every session is closed.
func (f *CampaignFindings) running() string {
	var live []string
	for _, s := range f.Sessions {
		if s.Phase != string(session.PhaseClosed) {
			live = append(live, fmt.Sprintf("S%d (%s)", s.Number, Escape(s.Phase)))
		}
	}
	return strings.Join(live, ", ")
}

func (f *CampaignFindings) themeBars() []themeBar {
	var out []themeBar
	for _, t := range f.Themes {
		out = append(out, themeBar{t.Rank, t.Label, t.Score})
	}
	return out
}

func (f *CampaignFindings) confidenceSeries() []confSeries {
	var out []confSeries
	for _, a := range f.Audiences {
		out = append(out, confidenceSeries(session.Audience(a.Audience).Title(), a.Confidence)...)
	}
	return out
}

func (f *CampaignFindings) mdMatrixByAudience(m *markdown) {
	if len(f.Audiences) < 2 || f.Matrix.Total.Notes == 0 {
		return
	}
	m.p("### By audience\n\n")
	m.p("Notes (people) per lane, each audience's own count.\n\n")
	for _, a := range f.Audiences {
		m.p("%s:\n\n", audienceTitle(a.Audience))
		if a.Matrix.Total.Notes == 0 {
			m.p("No notes about security activities.\n\n")
			continue
		}
		m.table(matrixHeader(&a.Matrix), matrixRows(&a.Matrix, true))
	}
}

// mdSideBySide shows each theme's rank and share in each audience.
func (f *CampaignFindings) mdSideBySide(m *markdown) {
	if len(f.Audiences) < 2 || len(f.Themes) == 0 {
		return
	}
	m.p("## Audiences side by side\n\n")
	m.p("Each theme's rank within an audience (by the same formula, on that audience's sessions only) and the share of the audience's participations who raised it, at most. People are counted as in the score: in each session theme, %s, then summed (a person once in each session they joined), and never more than took part.\n\n", session.PeopleBound)
	header := []string{"Rank", "Theme"}
	for _, a := range f.Audiences {
		header = append(header, audienceTitle(a.Audience))
	}
	var rows [][]string
	for _, t := range f.Themes {
		row := []string{strconv.Itoa(t.Rank), Escape(t.Label)}
		for _, ta := range t.ByAudience {
			if ta.Rank == 0 {
				row = append(row, "–")
				continue
			}
			row = append(row, fmt.Sprintf("#%d (%.0f%%)", ta.Rank, 100*ta.Share))
		}
		rows = append(rows, row)
	}
	m.table(header, rows)
}

// period is the days from and to, one day said once: "2026-03-02 – 2026-03-02"
// read as a range.
func period(from, to string) string {
	if from == to || to == "" {
		return from
	}
	if from == "" {
		return to
	}
	return from + " – " + to
}

// mdHeader gives the campaign's figures, after what a reader acts on.
func (f *CampaignFindings) mdHeader(m *markdown) {
	p := m.p
	p("## Campaign\n\n")
	if f.From != "" || f.To != "" {
		p("- Period: %s\n", period(f.From, f.To))
	} else {
		p("- Period: no session dates yet\n")
	}
	var locations []string
	audiences := map[string]bool{}
	for _, s := range f.Sessions {
		if pl := placeOf(s.Location, s.Mode); pl != "" && !slices.Contains(locations, pl) {
			locations = append(locations, pl)
		}
		audiences[s.Audience] = true
	}
	sortPlaces(locations)
	p("- Sessions: %d", len(f.Sessions))
	if len(locations) > 0 {
		p(" in %d %s (%s)", len(locations), plural(len(locations), "location", "locations"), escapeAll(locations))
	}
	if len(audiences) > 0 {
		p("\n- Audiences: %s\n", audienceTitles(audienceOrder(audiences)))
	} else {
		p("\n- Audiences: none yet\n")
	}
	// Every table of people counts participations and adds up to this figure;
	// the people behind them are counted beside it.
	p("- Participations: %d (%s; a person counts once in each session they joined, and once in all when their sessions know them by the same SSH key)\n",
		f.Participations, count(f.Participants, "person", "people"))
	p("- Notes: %d\n", f.Notes)
	p("- Campaign themes: %d\n\n", len(f.Themes))
	p("Participants are not named. Only volunteers for action points are, because they chose to volunteer. Hidden notes are left out.\n\n")
}

func (f *CampaignFindings) mdSessions(m *markdown) {
	p, e := m.p, Escape
	p("## Sessions\n\n")
	if len(f.Sessions) == 0 {
		p("No sessions.\n\n")
		f.mdNotHeld(m)
		return
	}
	var rows [][]string
	clustered, undated := false, false
	for _, s := range f.Sessions {
		mark := ""
		if s.Clustered {
			mark, clustered = " \\*", true
		}
		date := s.Date
		if s.Undated {
			date, undated = date+" †", true
		}
		rows = append(rows, []string{"S" + strconv.Itoa(s.Number), date, e(s.Title) + mark, orDash(e(s.Location)),
			audienceTitle(s.Audience), e(s.Mode), strconv.Itoa(s.Participants), strconv.Itoa(s.Notes), e(s.Phase)})
	}
	m.table([]string{"#", "Date", "Session", "Location", "Audience", "Mode", "Participations", "Notes", "Phase"}, rows)
	if clustered {
		p("\\* Not grouped into themes yet: the report clustered the session's notes itself.\n\n")
	}
	if undated {
		p("† No date was given for the session: the day it was created stands for it, here, in the period and in the saturation (charter session edit --date sets it).\n\n")
	}
	if live := f.running(); live != "" {
		p("Still running: %s. Their figures count what their boards show now, and will change until they close.\n\n", live)
	}
	if small := f.SmallSessions(); len(small) > 0 {
		p("**Few people:** %s had fewer than %d people writing: anyone who knows who took part can tell who wrote %s notes. Share this report with that in mind.\n\n",
			strings.Join(small, ", "), session.MinSegment, map[bool]string{true: "its", false: "their"}[len(small) == 1])
	}
	f.mdNotHeld(m)
}

// SmallSessions names the held sessions ("S3") whose notes have fewer than
// session.MinSegment writers (FewWriters): every other count of the report is
// floored or folded so that no one is singled out, but a session's notes are its
// few writers'.
func (f *CampaignFindings) SmallSessions() []string {
	var out []string
	for _, s := range f.Sessions {
		if s.FewWriters {
			out = append(out, "S"+strconv.Itoa(s.Number))
		}
	}
	return out
}

// mdNotHeld lists the sessions nobody has joined yet, which no figure counts.
func (f *CampaignFindings) mdNotHeld(m *markdown) {
	if len(f.NotHeld) == 0 {
		return
	}
	var ss []string
	for _, s := range f.NotHeld {
		held := ""
		if s.InPlaceOf != "" {
			held = "; " + s.InPlaceOf + ", made by hand, was held in its place"
		}
		ss = append(ss, fmt.Sprintf("%s (%s, %s%s)", Escape(s.Title), cmp.Or(s.Date, "no date yet"), Escape(s.Phase), held))
	}
	m.p("Not held yet (nobody taking part, no notes shown), so left out of every figure: %s.\n\n", strings.Join(ss, "; "))
}

func (f *CampaignFindings) mdThemes(m *markdown) {
	p, e := m.p, Escape
	p("## Themes across sessions\n\n")
	if len(f.Themes) == 0 {
		p("No themes yet.\n\n")
		return
	}
	p("The same concern raised in different words in different sessions counts as one campaign theme: ")
	p("session themes are matched when their labels and notes are similar on average (at least %s). ", trimFloat2(f.Threshold))
	p("A theme's people are counted in each session theme matched into it, as its session's findings count them (%s), and summed: one person in two sessions counts in each, unlike the header's count of people, though never more than took part in the theme's sessions. ", session.PeopleBound)
	p("Under each theme, the session themes matched into it are listed with their rank in their session's findings (#1) and their ID: a wrong match is split ")
	p("with `charter report --split ID,ID` or with S on the campaign overview, and stays split in later reports; ")
	p("a theme the report clustered itself (its session was not grouped on its board) has no ID: group that session's notes on its board first.\n\n")
	p("How the campaign score was computed: %s.\n\n", e(f.Method))
	var rows [][]string
	for _, t := range f.Themes {
		rows = append(rows, []string{strconv.Itoa(t.Rank), e(t.Label), strconv.Itoa(t.Score), strconv.Itoa(t.Sessions),
			strconv.Itoa(t.Participants), strconv.Itoa(t.Votes), strconv.Itoa(t.Notes)})
	}
	m.table([]string{"Rank", "Theme", "Score", "Sessions", "People (up to)", "Votes", "Notes"}, rows)
	if f.Unthemed > 0 {
		p("%s in no theme.\n\n", count(f.Unthemed, "note is", "notes are"))
	}
}

func (f *CampaignFindings) mdThemeDetails(m *markdown) {
	p, e := m.p, Escape
	actions := map[int64]CampaignAction{}
	for _, a := range f.Actions {
		actions[a.ID] = a
	}
	for _, t := range f.Themes {
		p("### %d. %s (score %d)\n\n", t.Rank, e(t.Label), t.Score)
		p("Score %d = 5 × %d further %s + 3 × %d %s + 2 × %s + 1 × %d %s.\n\n", t.Score,
			t.Sessions-1, plural(t.Sessions-1, "session", "sessions"), t.Votes, plural(t.Votes, "vote", "votes"),
			session.PeopleUpTo(t.Participants), t.Notes, plural(t.Notes, "note", "notes"))
		p("- Raised in %d of %s, first in S%d\n", t.Sessions, count(len(f.Sessions), "session", "sessions"), t.FirstSession)
		if len(t.Locations) > 0 {
			p("- Locations: %s\n", escapeAll(t.Locations))
		}
		p("- Audiences: %s\n", audienceTitles(t.Audiences))
		p("- Notes: %d\n", t.Notes)
		switch st := sessionThemesText(t.SessionThemes); {
		case len(t.SessionThemes) == 1:
			p("- Session theme: %s\n", st)
		case st != "":
			p("- Session themes matched into it: %s\n", st)
		}
		if l := lanesText(t.Lanes); l != "" {
			p("- Where its notes are: %s\n", l)
		}
		p("\n")
		m.quotes(t.Quotes, t.MoreNotes)
		var acts []string
		for _, id := range t.ActionIDs {
			a := actions[id]
			acts = append(acts, actionItem(a.Action, actionDetail(a.Action, a.Session)))
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
	p("Confidence about security, from 1 (not at all) to 5 (fully), counts the ratings of the sessions that show their own (at least %d ratings each), ", session.MinSegment)
	p("so that no figure here, compared with a session's findings, can single anyone out%s.\n\n", leftOut(f.ConfidenceLeftOut, ": "))
	if n := f.RatingsHeldOut; n > 0 {
		// As each session's findings say it: a rating held is not one never given.
		p("%s given %s held back in %s session, waiting for others before it showed, and %s out of every figure here, as in the session's findings.\n\n",
			capitalize(count(n, "rating", "ratings")), plural(n, "was", "were"), plural(n, "its", "their"), plural(n, "is left", "are left"))
	}
	for _, a := range f.Audiences {
		p("### %s\n\n", audienceTitle(a.Audience))
		p("%d %s, %d %s, %d campaign %s raised.\n\n", a.Sessions, plural(a.Sessions, "session", "sessions"),
			a.Participations, plural(a.Participations, "participation", "participations"), a.Themes, plural(a.Themes, "theme", "themes"))
		if c := a.Confidence; c != nil {
			writeDistribution(p, c, m.charted)
		} else {
			p("Confidence not shown: fewer than %d ratings from sessions that show their own.\n\n", session.MinSegment)
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
		// Themes, not subjects: another audience's notes on the same activity may
		// be in other themes (the activity matrices count every note).
		p("Themes only %s raised (their notes may touch the same subjects under other themes; the activity matrix counts every note): %s.\n\n", audienceTitle(a.Audience), strings.Join(only, "; "))
	}
}

func (f *CampaignFindings) mdSegments(m *markdown) {
	p, e := m.p, Escape
	p("## Segments\n\n")
	p("Each table counts participations, as the Sessions table does: a person counts once in each session they joined, with the answers they gave there, so that every table adds up to the campaign's %d. ", f.Participations)
	p("Within a session, people are grouped by their three answers together, and those whose group holds fewer than %d people are counted under \"other or not given\", ", session.MinSegment)
	p("so that no table, less another or less the Sessions table, tells what one or two people wrote. ")
	p("Results are broken down by a segment only when it holds at least %d participations, so that nobody can be picked out. ", session.MinSegment)
	p("Smaller segments and those who did not answer are folded into \"other or not given\"; ")
	p("when that group would itself be smaller than %d, the smallest segment is folded into it too, ", session.MinSegment)
	p("so that no small group can be worked out by subtraction. ")
	p("Themes raised and notes count hidden notes too, so that hiding a note cannot tell which groups its writer is in. ")
	if f.SegmentConfidence {
		p("Confidence is shown for a group once at least %d of it rated.\n\n", session.MinSegment)
	} else {
		// The mode's segments are whole sessions, and show it: "not shown by
		// segment" above a table of it by mode read as a mistake.
		p("Confidence is not shown by time in the role, appointment or level: some raters who share a session and their answers number fewer than %d, ", session.MinSegment)
		p("and comparing these segments with the sessions' own findings could single them out. ")
		p("In person or online groups whole sessions, and shows it.\n\n")
	}
	for _, b := range f.Segments {
		p("### %s\n\n", e(b.Title))
		if len(b.Segments) == 0 && b.Other == nil {
			p("Fewer than %d people: not broken down.\n\n", session.MinSegment)
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
				mean, median = tenths(s.Confidence.Mean), trimFloat(s.Confidence.Median)
			}
			cells = append(cells, []string{e(s.Value), strconv.Itoa(s.Participations), mean, median, strconv.Itoa(s.Themes), strconv.Itoa(s.Notes)})
		}
		m.table([]string{"Segment", "Participations", "Mean confidence", "Median", "Themes raised", "Notes"}, cells)
		switch {
		case b.Unanswered:
			p("Nobody answered this question (it is asked when joining over SSH; notes imported from paper come without it).\n\n")
		case len(b.Segments) == 0 && b.Folded > 0:
			p("No segment is shown: %s of at least %d participations %s folded into \"other or not given\", because the rest would have been fewer than %d and could be worked out by subtraction.\n\n",
				count(b.Folded, "segment", "segments"), session.MinSegment, plural(b.Folded, "was", "were"), session.MinSegment)
		case len(b.Segments) == 0 && b.FoldedInSessions:
			p("No segment is shown: within each session, answers are counted only in groups of at least %d people who gave the same answers (and a group is folded in too where the people without answers would otherwise be fewer than %d), so they are counted under \"other or not given\".\n\n", session.MinSegment, session.MinSegment)
		case len(b.Segments) == 0:
			p("No segment reaches %d participations.\n\n", session.MinSegment)
		case b.Folded > 0:
			p("%s of at least %d participations %s folded into \"other or not given\", so that it holds at least %d.\n\n",
				capitalize(count(b.Folded, "segment", "segments")), session.MinSegment, plural(b.Folded, "was", "were"), session.MinSegment)
		}
		if b.FoldedInSessions && len(b.Segments) > 0 {
			p("Some answers are counted under \"other or not given\": within each session, answers are counted only in groups of at least %d people who gave the same answers, and so that no group of fewer than %d stands alone (those without answers included); shown apart, their notes could be worked out from the session's.\n\n", session.MinSegment, session.MinSegment)
		}
	}
}

func (f *CampaignFindings) mdSaturation(m *markdown) {
	p := m.p
	p("## Saturation\n\n")
	if len(f.Saturation.Steps) > 0 && m.charted {
		// The chart draws the columns; the figures are said in a line.
		var steps []string
		for _, s := range f.Saturation.Steps {
			steps = append(steps, fmt.Sprintf("S%d %d (%d)", s.Session, s.New, s.Cumulative))
		}
		p("New campaign themes each session brought, in date order (cumulative in brackets): %s.\n\n", strings.Join(steps, ", "))
	}
	if len(f.Saturation.Steps) > 0 && !m.charted {
		p("New campaign themes each session brought, in date order (cumulative in brackets):\n\n")
		// Each column is as wide as its widest value (two digits at least, as
		// the chart always drew them), so that S100 or 120 new keep it in line.
		most, label, date, count := 0, 2, 0, 2
		for _, s := range f.Saturation.Steps {
			most = max(most, s.New)
			label = max(label, len(strconv.Itoa(s.Session)))
			date = max(date, utf8.RuneCountInString(s.Date))
			count = max(count, len(strconv.Itoa(s.New)))
		}
		p("```text\n")
		for _, s := range f.Saturation.Steps {
			p("S%-*d %-*s | %-*s %*d new (%d)\n", label, s.Session, date, s.Date, min(most, barWidth), hashes(s.New, most), count, s.New, s.Cumulative)
		}
		p("```\n\n")
	}
	// The verdict names audiences, which are text from the store.
	p("%s\n\n", escapeProse(f.Saturation.Verdict))
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
			c.priority, c.title, c.owner, c.volunteers, c.status, c.due})
	}
	m.table([]string{"Session", "Theme", "Priority", "Action point", "Owner", "Volunteers", "Status", "Due"}, rows)
}

// writeDistribution draws a confidence distribution, highest rating first.
//
// With charted, the bars are left out: the page draws them.
func writeDistribution(p func(string, ...any), c *Confidence, charted bool) {
	if !charted {
		writeBars(p, c)
	}
	p("%d %s, mean %s, median %s.\n\n", c.Ratings, plural(c.Ratings, "rating", "ratings"), tenths(c.Mean), trimFloat(c.Median))
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

// mdComparison follows the campaign up on the earlier one, when there is one.
func (f *CampaignFindings) mdComparison(m *markdown) {
	c := f.Comparison
	if c == nil {
		return
	}
	p, e := m.p, Escape
	p("## Since %s\n\n", e(c.Earlier))
	p("Compared with the campaign %s (%s). Themes are matched across the two campaigns as session themes are within one.\n\n",
		e(c.Earlier), period(c.EarlierFrom, c.EarlierTo))
	p("### Themes: new, persisting, gone\n\n")
	var rows [][]string
	rank := func(r int) string {
		if r == 0 {
			return "–"
		}
		return strconv.Itoa(r)
	}
	for _, t := range c.Themes {
		label := e(t.Label)
		if t.EarlierLabel != "" {
			label += " (was: " + e(t.EarlierLabel) + ")"
		}
		rows = append(rows, []string{label, t.Status, rank(t.Rank), rank(t.EarlierRank)})
	}
	m.table([]string{"Theme", "Status", "Rank now", "Rank before"}, rows)

	p("### Confidence per audience\n\n")
	rows = nil
	fig := func(x *Figure) string {
		if x == nil {
			return "–"
		}
		return fmt.Sprintf("%s (%s)", tenths(x.Mean), count(x.Ratings, "rating", "ratings"))
	}
	for _, ch := range c.Confidence {
		name := "all"
		if ch.Audience != "" {
			name = audienceTitle(ch.Audience)
		}
		rows = append(rows, []string{name, fig(ch.Earlier), fig(ch.Now), ch.shownShift()})
	}
	m.table([]string{"Audience", "Before", "Now", "Shift of the mean"}, rows)

	p("### You said, we did\n\n")
	if len(c.Actions) == 0 {
		p("The earlier campaign had no action points.\n\n")
		return
	}
	p("The earlier campaign's action points and where they stand.\n\n")
	rows = nil
	for _, a := range c.Actions {
		cl := actionCells(a.Action)
		concern := "–"
		switch a.ThemeStatus {
		case ThemePersisting:
			concern = "still raised"
		case ThemeGone:
			concern = "no longer raised"
		}
		rows = append(rows, []string{e(a.SessionTitle), cl.title, orDash(e(a.Theme)), cl.owner, cl.status, cl.due, concern})
	}
	m.table([]string{"Session", "Action point", "Theme", "Owner", "Status", "Due", "Its concern now"}, rows)
}

// sessionThemesText lists the session themes of a campaign theme as
// S2 #3 “label” (7 notes, ID 11): its session, its rank there (as that session's
// findings and board rank it), and the ID --split takes; a theme the report
// clustered itself has neither, for there is nothing stored to split. One a
// facilitator joined with another says so.
func sessionThemesText(sts []SessionTheme) string {
	parts := make([]string, 0, len(sts))
	for _, st := range sts {
		n := count(len(st.Notes), "note", "notes")
		if st.ThemeID != 0 {
			n += ", ID " + strconv.FormatInt(st.ThemeID, 10)
		} else {
			n = "clustered by the report, " + n
		}
		if len(st.JoinedWith) > 0 {
			n += ", joined by hand"
		}
		rank := ""
		if st.Rank > 0 {
			rank = fmt.Sprintf(" #%d", st.Rank)
		}
		parts = append(parts, fmt.Sprintf("S%d%s “%s” (%s)", st.Session, rank, Escape(st.Label), n))
	}
	return strings.Join(parts, "; ")
}

// leftOut says, after sep, how many sessions' ratings a campaign's confidence leaves
// out; nothing when none.
func leftOut(sessions int, sep string) string {
	if sessions == 0 {
		return ""
	}
	if sessions == 1 {
		return fmt.Sprintf("%sthe ratings of 1 session with fewer than %d ratings are left out", sep, session.MinSegment)
	}
	return fmt.Sprintf("%sthe ratings of %d sessions with fewer than %d ratings each are left out", sep, sessions, session.MinSegment)
}
