package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/charter-tool/charter/session"
)

// WriteMarkdown writes f as a Markdown document, one section after another.
func (f *Findings) WriteMarkdown(w io.Writer) error {
	m := newMarkdown(w)
	for _, s := range f.sections() {
		s.markdown(m)
	}
	return m.flush()
}

// section is one part of a document: its Markdown, and for the HTML document a
// chart drawn from the same data (nil when it has none).
type section struct {
	markdown func(*markdown)
	chart    func() string
}

func (f *Findings) sections() []section {
	return []section{
		{markdown: func(m *markdown) { m.p("# Findings: %s\n\n", Escape(f.Session.Title)) }},
		{markdown: func(m *markdown) { mdSummary(m, &f.Summary, false, summaryExtra{running: f.running()}) }},
		{markdown: func(m *markdown) { mdMatrix(m, &f.Matrix, false) }, chart: func() string { return matrixChart(&f.Matrix) }},
		{markdown: func(m *markdown) { mdMatrixNotes(m, &f.Matrix) }},
		{markdown: f.mdSession},
		{markdown: f.mdParticipation},
		{markdown: f.mdConfidence, chart: func() string { return confidenceChart(confidenceSeries("", f.Confidence)) }},
		{markdown: f.mdThemes, chart: func() string { return themeChart(themeBarsOf(f)) }},
		{markdown: f.mdThemeDetails},
		{markdown: f.mdActions},
		{markdown: f.mdAppendix},
	}
}

// running is the session's phase while it is not closed.
func (f *Findings) running() string {
	if f.Session.Phase == string(session.PhaseClosed) {
		return ""
	}
	return Escape(f.Session.Phase)
}

// mdSession gives the session's metadata, after what a reader acts on.
func (f *Findings) mdSession(m *markdown) {
	p, e := m.p, Escape
	s := f.Session
	p("## Session\n\n")
	p("- Audience: %s\n", audienceTitle(s.Audience))
	if s.Location != "" {
		p("- Location: %s\n", e(s.Location))
	}
	p("- Mode: %s\n", e(s.Mode))
	if s.Campaign != "" {
		p("- Campaign: %s\n", e(s.Campaign))
	}
	p("- Date: %s\n", cmp.Or(s.Date, "no date yet"))
	p("- Phase: %s\n", e(s.Phase))
	if s.ReopenedOn != "" {
		p("- Reopened after closing on %s: results may differ from those at the close\n", e(s.ReopenedOn))
	}
	p("- Session: %s\n\n", e(s.ID))
}

func (f *Findings) mdParticipation(m *markdown) {
	p := m.p
	pa := f.Participation
	p("## Participation\n\n")
	p("- Participants (%s): %d", audienceTitle(pa.Audience), pa.Joined)
	if pa.OnPaper > 0 {
		p(", %d of them on paper", pa.OnPaper)
	}
	p("\n")
	p("- Wrote notes: %d\n", pa.Wrote)
	if pa.HeldRatings > 0 {
		// Said, or a rating given and held would be read as never given.
		p("- Gave a confidence rating: %d, %d of them held back and left out of this document (%s)\n",
			pa.Rated+pa.HeldRatings, pa.HeldRatings, heldWhy)
	} else {
		p("- Gave a confidence rating: %d\n", pa.Rated)
	}
	if pa.HeldChanges > 0 {
		p("- Changed their rating, the change held back and left out of this document (%s; their rating before counts): %d\n",
			heldWhy, pa.HeldChanges)
	}
	p("- Notes: %d\n", pa.Notes)
	p("- Hidden notes, left out of this document: %d\n\n", pa.Hidden)
	p("Participants are not named. Only volunteers for action points are, because they chose to volunteer.\n\n")
}

// heldWhy says why a rating given is left out of a document.
const heldWhy = "a rating shows only with others', never alone"

func (f *Findings) mdConfidence(m *markdown) {
	p := m.p
	p("## Confidence\n\n")
	c := f.Confidence
	pa := f.Participation
	held := ""
	if pa.HeldRatings > 0 {
		held = fmt.Sprintf(" (and %d held back and left out: %s)", pa.HeldRatings, heldWhy)
	}
	switch {
	case pa.Rated == 0 && pa.HeldRatings == 0:
		p("No confidence ratings were given.\n\n")
	case c == nil && pa.HeldRatings > 0:
		p("%s given, %d of them held back and left out (%s): %d counted, fewer than %d, so the confidence is not shown, to keep each rating anonymous.\n\n",
			count(pa.Rated+pa.HeldRatings, "rating was", "ratings were"), pa.HeldRatings, heldWhy, pa.Rated, session.MinSegment)
	case c == nil:
		p("%s given: fewer than %d, so the confidence is not shown, to keep each rating anonymous.\n\n",
			count(pa.Rated, "rating was", "ratings were"), session.MinSegment)
	default:
		p("How confident participants are about security, from 1 (not at all) to 5 (fully); %s%s.\n\n", count(c.Ratings, "rating", "ratings"), held)
		if !m.charted {
			writeBars(p, c)
		}
		p("Mean %s, median %s.\n\n", tenths(c.Mean), trimFloat(c.Median))
	}
}

func (f *Findings) mdThemes(m *markdown) {
	p, e := m.p, Escape
	p("## Prioritized themes\n\n")
	if len(f.Themes) == 0 {
		p("No themes yet: the notes have not been grouped. All notes are in the appendix.\n\n")
		return
	}
	p("How the score was computed: %s.\n\n", e(f.Method))
}

func (f *Findings) mdThemeDetails(m *markdown) {
	p, e := m.p, Escape
	actions := map[int64]Action{}
	for _, a := range f.Actions {
		actions[a.ID] = a
	}
	for _, t := range f.Themes {
		p("### %d. %s (score %d)\n\n", t.Rank, e(t.Label), t.Score)
		votes := count(t.Votes, "vote", "votes")
		if f.votesWithheld {
			votes += " (not counted while people vote)"
		}
		p("Score %d = 3 × %s + 2 × %s + 1 × %s.\n\n", t.Score,
			votes, session.PeopleUpTo(t.Authors), count(t.Notes, "note", "notes"))
		mdLanes(m, t.Lanes)
		m.quotes(t.Quotes, t.MoreNotes)
		var items []string
		for _, id := range t.ActionIDs {
			items = append(items, actionItem(actions[id], actionDetail(actions[id], 0)))
		}
		m.actionList(items)
	}
	if f.Unthemed > 0 {
		p("%s in no theme.\n\n", count(f.Unthemed, "note is", "notes are"))
	}
}

func (f *Findings) mdActions(m *markdown) {
	m.p("## Action points\n\n")
	if len(f.Actions) == 0 {
		m.p("No action points yet.\n\n")
		return
	}
	var rows [][]string
	for _, a := range f.Actions {
		c := actionCells(a)
		rows = append(rows, []string{c.priority, c.title, orDash(Escape(a.Theme)), c.owner, c.volunteers, c.status, c.due})
	}
	m.table([]string{"Priority", "Action point", "Theme", "Owner", "Volunteers", "Status", "Due"}, rows)
}

func (f *Findings) mdAppendix(m *markdown) {
	p, e := m.p, Escape
	p("## Appendix: all notes\n\n")
	if len(f.Areas) == 0 {
		p("No notes.\n")
	}
	for _, ar := range f.Areas {
		p("### %s\n\n", e(ar.Title))
		for _, l := range ar.Lanes {
			p("#### %s\n\n", e(l.Title))
			for _, n := range l.Notes {
				p("- %s", escapeProse(n.Text))
				if n.Activity != "" {
					p(" (activity: %s)", escapeProse(n.Activity))
				}
				if n.Theme != "" {
					p(" (theme: %s)", escapeProse(n.Theme))
				}
				p("\n")
			}
			p("\n")
		}
	}
}

// mdSummary writes the executive summary; campaign says to speak of sessions.
// summaryExtra is what the summary says beyond its Summary: the campaign's
// hypotheses, and which sessions are still running.
type summaryExtra struct {
	hypotheses []HypothesisFinding
	// running says which sessions are not closed yet ("S2 (actions)"), or for a
	// session's findings its phase when it is not closed; empty when all are.
	running string
}

func mdSummary(m *markdown, s *Summary, campaign bool, extra summaryExtra) {
	p, e := m.p, Escape
	p("## Summary\n\n")
	who := count(s.Participants, "participant", "participants")
	if campaign {
		who = count(s.Participants, "person", "people") + " in " + count(s.Sessions, "session", "sessions")
	}
	p("- Who took part: %s", who)
	if len(s.Audiences) > 0 {
		p(" (%s)", audienceTitles(s.Audiences))
	}
	if len(s.Locations) > 0 {
		p(" in %s", escapeAll(s.Locations))
	}
	if s.OnPaper > 0 && !campaign {
		// After the audience and place, which describe all of them.
		p(", %d of them on paper", s.OnPaper)
	}
	p("\n")
	// Before any figure: a reader who goes no further than the summary takes
	// its numbers for the final ones.
	switch {
	case extra.running != "" && campaign:
		p("- Still running: %s; their figures will change until they close\n", extra.running)
	case extra.running != "":
		p("- Still running (%s phase): the figures will change until the session closes\n", extra.running)
	}
	if c := s.Confidence; c != nil {
		p("- Confidence: mean %s, median %s of 5 (%s)", tenths(c.Mean), trimFloat(c.Median), count(c.Ratings, "rating", "ratings"))
		var by []string
		for _, a := range s.ConfidenceByAudience {
			by = append(by, fmt.Sprintf("%s %s", audienceTitle(a.Audience), tenths(a.Mean)))
		}
		if len(by) > 1 {
			p("; by audience: %s", strings.Join(by, ", "))
		}
		p("%s\n", leftOut(s.ConfidenceLeftOut, "; "))
	} else {
		p("- Confidence: not shown, fewer than %d ratings%s\n", session.MinSegment, leftOut(s.ConfidenceLeftOut, "; "))
	}
	if len(s.Themes) > 0 {
		where := "Prioritized themes"
		if campaign {
			where = "Themes across sessions"
		}
		p("- Top themes by score, as computed under %s (people as in the score: “up to N” means at most N wrote them; %s, and never more than took part):\n", where, peopleCounted(campaign))
		for _, t := range s.Themes {
			p("  %d. %s: %s\n", t.Rank, e(t.Label), t.Line)
		}
	} else {
		p("- No themes yet\n")
	}
	if len(s.Signals) > 0 {
		how := "people counted the same way"
		switch {
		case campaign:
			// The matrix counts by session, not by session theme.
			how = "people counted in each session, " + session.PeopleBound + ", then summed, and never more than took part"
		case len(s.Themes) == 0:
			how = "“up to N” means at most N wrote them; a count is " + session.PeopleBound + ", and never more than took part"
		}
		p("- Clearest signals on activities (%s):\n", how)
		for _, g := range s.Signals {
			p("  - %s: %s (%d of its %s, from %s)\n", e(g.Activity), strings.ToLower(session.LaneTitle(g.Lane)),
				g.Notes, count(g.Of, "note", "notes"), session.PeopleUpTo(g.People))
		}
	}
	mdSummaryHypotheses(p, extra.hypotheses, s.Sessions)
	switch {
	case len(s.Actions) > 0:
		p("- Action points with an owner:\n")
		for _, a := range s.Actions {
			p("  - %s: %s (%s", e(a.Owner), e(a.Title), e(a.Status))
			if a.Due != "" {
				p(", due %s", a.Due)
			}
			p(")\n")
		}
		if s.Unowned > 0 {
			p("  - and %s without an owner yet\n", count(s.Unowned, "action point", "action points"))
		}
	case s.Unowned > 0:
		p("- %s, none with an owner yet\n", count(s.Unowned, "action point", "action points"))
	default:
		p("- No action points yet\n")
	}
	if len(s.Changes) > 0 {
		p("- Since the earlier campaign:\n")
		for _, c := range s.Changes {
			p("  - %s\n", e(c))
		}
	}
	p("\n")
}

// peopleCounted says how a theme's people are counted: in a campaign session theme
// by session theme, then summed (see writers).
func peopleCounted(campaign bool) string {
	if campaign {
		return "counted in each session theme, " + session.PeopleBound + ", then summed"
	}
	return "a count is " + session.PeopleBound
}

// mdMatrix writes the activity matrix as a table of counts.
func mdMatrix(m *markdown, mx *ActivityMatrix, campaign bool) {
	p := m.p
	p("## Activity matrix\n\n")
	if mx.Total.Notes == 0 {
		p("No notes about security activities.\n\n")
		return
	}
	p("For each security activity, the notes that said keep, add, do less or do more; in brackets, up to how many people wrote them: each counted once per cell%s, %s%s, and never more than took part.\n\n",
		map[bool]string{true: " and session", false: ""}[campaign], session.PeopleBound, map[bool]string{true: ", then summed", false: ""}[campaign])
	m.table(matrixHeader(mx), matrixRows(mx, true))
	if slices.ContainsFunc(mx.Activities, func(r ActivityRow) bool { return r.Proposed }) {
		p("Marked “proposed, not accepted”: activities participants named on their notes that the facilitator did not accept into the %s list of activities; listed after the list's, and left out of the clearest signals.\n\n",
			map[bool]string{true: "sessions'", false: "session's"}[campaign])
	}
}

// mdMatrixNotes writes the notes of each activity of the matrix, by lane.
func mdMatrixNotes(m *markdown, mx *ActivityMatrix) {
	p, e := m.p, Escape
	if mx.Total.Notes > 0 {
		p("### The notes by activity\n\n")
	}
	for _, r := range mx.Activities {
		p("#### %s\n\n", e(r.Title()))
		for _, c := range r.Cells {
			if c.Notes == 0 {
				continue
			}
			p("%s (%s, %s):\n\n", session.LaneTitle(c.Lane), count(c.Notes, "note", "notes"), session.PeopleUpTo(c.People))
			for _, t := range c.Texts {
				p("- %s\n", escapeProse(t))
			}
			p("\n")
		}
	}
}

func matrixHeader(mx *ActivityMatrix) []string {
	h := []string{"Activity"}
	for _, l := range mx.Lanes {
		h = append(h, session.LaneTitle(l))
	}
	return append(h, "All")
}

// matrixRows are the matrix's table rows, "notes (people)" per cell, with a total
// row when total is set and there is more than one row.
func matrixRows(mx *ActivityMatrix, total bool) [][]string {
	cell := func(notes, people int) string {
		if notes == 0 {
			return "–"
		}
		return fmt.Sprintf("%d (%d)", notes, people)
	}
	var rows [][]string
	rs := mx.Activities
	// A total of one row is that row again: two equal rows read as a mistake.
	if total && len(rs) > 1 {
		rs = append(rs[:len(rs):len(rs)], mx.Total)
	}
	for _, r := range rs {
		row := []string{Escape(r.Title())}
		for _, c := range r.Cells {
			row = append(row, cell(c.Notes, c.People))
		}
		rows = append(rows, append(row, cell(r.Notes, r.People)))
	}
	return rows
}

// mdLanes says where a theme's notes are, by area in the method's order.
func mdLanes(m *markdown, ls []LaneCount) {
	if l := lanesText(ls); l != "" {
		m.p("Where its notes are: %s.\n\n", l)
	}
}

// lanesText groups lane counts by area: "Confidence: Concerns 3, Strengths 1;
// Open topics 2". Open topics are counted together: their titles are user text and
// are in the appendix.
func lanesText(ls []LaneCount) string {
	byArea := map[string][]string{}
	open := map[string]int{}
	for _, l := range ls {
		if session.Area(l.Area).Lanes() == nil {
			open[l.Area] += l.Notes
			continue
		}
		byArea[l.Area] = append(byArea[l.Area], fmt.Sprintf("%s %d", l.Title, l.Notes))
	}
	var parts []string
	for _, a := range session.Areas {
		if len(byArea[string(a)]) > 0 {
			parts = append(parts, a.Title()+": "+strings.Join(byArea[string(a)], ", "))
		}
		if n := open[string(a)]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", a.Title(), n))
		}
	}
	var other []string
	for a, n := range open {
		if !slices.Contains(session.Areas, session.Area(a)) {
			other = append(other, fmt.Sprintf("%s %d", Escape(a), n))
		}
	}
	slices.Sort(other)
	return strings.Join(append(parts, other...), "; ")
}

// actionDetail is the owner, volunteers, due date and session of an action point
// for a list under its theme; sess is 0 in a session's own findings.
func actionDetail(a Action, sess int) string {
	d := fmt.Sprintf("owner: %s; volunteers: %s", orDash(Escape(a.Owner)), orDash(escapeAll(a.Volunteers)))
	if a.Due != "" {
		d += "; due " + a.Due
	}
	if sess > 0 {
		d += "; S" + strconv.Itoa(sess)
	}
	return d
}

// count is n with the word for its number: "1 note", "2 notes".
func count(n int, one, many string) string {
	return strconv.Itoa(n) + " " + plural(n, one, many)
}
