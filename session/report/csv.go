package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charter-tool/charter/session"
)

// CSVHeader is the header of the CSV documents: one row per ranked theme, per
// action point and per note, told apart by the first column, so that one sheet can
// be filtered by it. why is a hypothesis's verdict given in words, and hypothesis
// names one (H1) on its own row and on every row of its evidence: the themes that
// match it, the notes it quotes, the activities it names (see csvHypotheses).
// reached and teams are the numbers of a roster coverage row (its text says them in
// words), for a sheet to add up; score, votes, notes, people and sessions those of
// a theme's row, from which a sheet can compute the score again (see
// analysis.Prioritize; sessions only in a campaign's), notes and sessions also
// those of a hypothesis's matching themes on its row. The activity matrix is a row
// per activity and lane ("activity"; a campaign's per audience too, "activity by
// audience", so that the first kind adds up to the campaign's): notes and people
// are what was said there and by how many; an empty activity is the notes that name
// none.
var CSVHeader = []string{"kind", "session", "date", "audience", "theme_rank", "theme", "area", "lane", "activity",
	"text", "priority", "owner", "volunteers", "status", "due", "why", "hypothesis", "reached", "teams",
	"score", "votes", "notes", "people", "sessions"}

// themeCounts are the figures of a theme's row; sessions is 0 in a session's
// findings, where the cell stays empty.
type themeCounts struct{ score, votes, notes, people, sessions int }

// themeRow writes a ranked theme's row: its rank, name, score and what the score
// is made of.
func (c *csvWriter) themeRow(session, date, audience string, rank int, label string, n themeCounts) {
	cells := []string{"theme", session, date, audience, rankCell(rank), label}
	cells = append(cells, make([]string, len(CSVHeader)-5-len(cells))...)
	cells = append(cells, strconv.Itoa(n.score), strconv.Itoa(n.votes), strconv.Itoa(n.notes), strconv.Itoa(n.people), "")
	if n.sessions > 0 {
		cells[len(cells)-1] = strconv.Itoa(n.sessions)
	}
	c.row(cells...)
}

// activityRows writes the activity matrix m, a row of kind per activity and lane:
// its notes and the people who wrote them, for a sheet to pivot.
func (c *csvWriter) activityRows(kind, sess, date, audience string, m ActivityMatrix) {
	c.activityRowsOf(kind, sess, date, audience, "", m.Activities)
}

// activityRowsOf writes rows, a row of kind per activity and lane, with
// hypothesis (H1) in its column when they are a hypothesis's evidence.
func (c *csvWriter) activityRowsOf(kind, sess, date, audience, hypothesis string, rows []ActivityRow) {
	for _, r := range rows {
		name := r.Title()
		if r.Activity == "" {
			name = "" // as a note that names none has it
		}
		for _, cell := range r.Cells {
			cells := []string{kind, sess, date, audience, "", "", string(session.AreaActivities), cell.Lane, name}
			cells = append(cells, make([]string, len(CSVHeader)-8-len(cells))...)
			cells = append(cells, hypothesis, "", "", "", "", strconv.Itoa(cell.Notes), strconv.Itoa(cell.People))
			c.row(cells...)
		}
	}
}

// WriteCSV writes the ranked themes, the action points, the activity matrix, then
// every visible note, as CSV.
func (f *Findings) WriteCSV(w io.Writer) error {
	cw := newCSV(w)
	rank := map[string]int{}
	s := f.Session
	for _, t := range f.Themes {
		rank[t.Label] = t.Rank
		cw.themeRow(s.Title, s.Date, s.Audience, t.Rank, t.Label, themeCounts{t.Score, t.Votes, t.Notes, t.Authors, 0})
	}
	for _, a := range f.Actions {
		cw.row("action point", s.Title, s.Date, s.Audience, rankCell(rank[a.Theme]), a.Theme, "", "", "",
			a.Title, a.Priority, a.Owner, strings.Join(a.Volunteers, "; "), a.Status, a.Due)
	}
	cw.activityRows("activity", s.Title, s.Date, s.Audience, f.Matrix)
	for _, ar := range f.Areas {
		for _, l := range ar.Lanes {
			for _, n := range l.Notes {
				cw.row("note", s.Title, s.Date, s.Audience, rankCell(rank[n.Theme]), n.Theme, ar.Area, l.Lane, n.Activity,
					n.Text, "", "", "", "", "")
			}
		}
	}
	return cw.flush()
}

// WriteCSV writes the campaign's ranked themes, its action points, its activity
// matrix (all of it, then each audience's), then every visible note of its sessions
// with the campaign theme it belongs to, as CSV.
func (f *CampaignFindings) WriteCSV(w io.Writer) error {
	cw := newCSV(w)
	themes := map[int]CampaignTheme{}
	for _, t := range f.Themes {
		themes[t.ID] = t
		cw.themeRow("", "", strings.Join(t.Audiences, "; "), t.Rank, t.Label,
			themeCounts{t.Score, t.Votes, t.Notes, t.Participants, max(t.Sessions, 1)})
	}
	byNumber := map[int]CampaignSession{}
	for _, s := range f.Sessions {
		byNumber[s.Number] = s
	}
	for _, a := range f.Actions {
		s, t := byNumber[a.Session], themes[a.CampaignThemeID]
		cw.row("action point", s.Title, s.Date, s.Audience, rankCell(t.Rank), t.Label, "", "", "",
			a.Title, a.Priority, a.Owner, strings.Join(a.Volunteers, "; "), a.Status, a.Due)
	}
	cw.activityRows("activity", "", "", "", f.Matrix)
	if len(f.Audiences) > 1 {
		for _, a := range f.Audiences {
			cw.activityRows("activity by audience", "", "", a.Audience, a.Matrix)
		}
	}
	themeOf := map[int64]CampaignTheme{}
	for _, t := range f.Themes {
		for _, id := range t.NoteIDs {
			themeOf[id] = t
		}
	}
	for _, n := range f.notes {
		s, t := byNumber[n.sess], themeOf[n.note.ID]
		cw.row("note", s.Title, s.Date, s.Audience, rankCell(t.Rank), t.Label, string(n.note.Area), n.note.Lane,
			n.note.Activity, n.note.Text, "", "", "", "", "")
	}
	f.csvHypotheses(cw)
	f.csvCoverage(cw)
	return cw.flush()
}

type csvWriter struct {
	w   *csv.Writer
	err error
}

func newCSV(w io.Writer) *csvWriter {
	c := &csvWriter{w: csv.NewWriter(w)}
	c.err = c.w.Write(CSVHeader)
	return c
}

// row writes one row; cells past the last given are empty.
func (c *csvWriter) row(cells ...string) {
	if c.err != nil {
		return
	}
	if len(cells) > len(CSVHeader) {
		panic(fmt.Sprintf("report: a CSV row of %d cells under a header of %d", len(cells), len(CSVHeader)))
	}
	cells = append(cells, make([]string, len(CSVHeader)-len(cells))...)
	for i, s := range cells {
		cells[i] = CSVCell(s)
	}
	c.err = c.w.Write(cells)
}

func (c *csvWriter) flush() error {
	c.w.Flush()
	if c.err != nil {
		return c.err
	}
	return c.w.Error()
}

// CSVCell makes user text safe for a spreadsheet: control characters and line
// breaks are cleaned away, and a cell that starts with =, +, -, @ (or a tab or
// carriage return before one) gets a leading apostrophe, so that no spreadsheet
// reads it as a formula.
func CSVCell(s string) string {
	s = session.CleanText(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func rankCell(r int) string {
	if r == 0 {
		return ""
	}
	return strconv.Itoa(r)
}
