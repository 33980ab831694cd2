package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/charter-tool/charter/session"
)

// Escape makes user text safe to put anywhere inline in the document: a heading, a
// list item or a table cell. The result is one line; it cannot start a heading, list,
// quote or code block, open a link, image, emphasis, code span or HTML tag, end a
// heading early or split a table cell; and it reads back as the same text once
// rendered. It escapes only what Markdown would read as structure, so that the
// source stays readable: "(Go, Kubernetes)" and "issue #42!" stay as they are.
func Escape(s string) string {
	return escape(s)
}

// escapeProse is Escape for text on a line of its own that no table holds (a
// quote, a note of a list): a | there is no structure, and "&#124;" was what a
// reader of the Markdown saw in the middle of a note. Escape keeps it an entity
// everywhere else, a table's cells above all.
func escapeProse(s string) string {
	return strings.ReplaceAll(Escape(s), "&#124;", "|")
}

// entityAt reports whether s starts with what Markdown reads as a character
// reference: & then letters or digits (or # and digits, or #x and hex digits),
// then ;.
func entityAt(s string) bool {
	i := 1
	for i < len(s) && i < 40 && (s[i] == '#' || s[i] >= '0' && s[i] <= '9' || s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	return i > 1 && i < len(s) && s[i] == ';'
}

func escape(s string) string {
	// CleanText folds every line break into a space and removes control characters,
	// so text can never leave the line or table row it is put on.
	s = session.CleanText(s)
	digits := leadingDigits(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '<':
			b.WriteString("&lt;")
		case c == '>':
			b.WriteString("&gt;")
		case c == '&' && entityAt(s[i:]):
			// Only what would read as an entity ("&amp;", "&#124;"): "Testing &
			// threat modelling" stays as it is, pasted into a ticket or a chat.
			b.WriteString("&amp;")
		case c == '|':
			// An entity rather than \| because table parsers split cells before they
			// look at backslashes, and some take \\| for an escaped pipe.
			b.WriteString("&#124;")
		case strings.IndexByte("\\`*_[]~", c) >= 0:
			// Emphasis, code spans, links and strikethrough; with [ escaped, neither
			// "(" nor "!" can make a link or an image.
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '#' && (i == 0 || s[i-1] == ' ' && strings.Trim(s[i:], "# ") == ""):
			// A heading at the start, or a closing sequence that a heading would drop.
			b.WriteString("\\#")
		case i == 0 && (c == '-' || c == '+' || c == '='):
			// Only at the start do these make a list item, a rule or a heading.
			b.WriteByte('\\')
			b.WriteByte(c)
		case (c == '.' || c == ')') && i > 0 && i == digits:
			// "1." or "1)" at the start would begin an ordered list.
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// leadingDigits returns how many ASCII digits s starts with.
func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// markdown collects a document in memory: sections write to it with p, and flush
// ends the document with exactly one line break.
type markdown struct {
	w   io.Writer
	buf bytes.Buffer
	// charted is set when the page draws the section's chart beside it (HTML):
	// the section then leaves out the same figures drawn in text.
	charted bool
}

func newMarkdown(w io.Writer) *markdown { return &markdown{w: w} }

func (m *markdown) p(format string, args ...any) { fmt.Fprintf(&m.buf, format, args...) }

func (m *markdown) flush() error {
	b := bytes.TrimRight(m.buf.Bytes(), "\n")
	_, err := m.w.Write(append(b, '\n'))
	return err
}

// table writes a table of cells already escaped, and a blank line after it.
func (m *markdown) table(header []string, rows [][]string) {
	m.p("| %s |\n", strings.Join(header, " | "))
	m.p("|%s\n", strings.Repeat("---|", len(header)))
	for _, r := range rows {
		m.p("| %s |\n", strings.Join(r, " | "))
	}
	m.p("\n")
}

// quotes writes one quote block, the quotes apart, no empty quote line at its end,
// and says how many notes were left out.
func (m *markdown) quotes(qs []string, more int) {
	for i, q := range qs {
		if i > 0 {
			m.p(">\n")
		}
		m.p("> %s\n", escapeProse(q))
	}
	if len(qs) > 0 {
		m.p("\n")
	}
	if more > 0 {
		m.p("+%s\n\n", count(more, "more note", "more notes"))
	}
}

// actionList writes the action points of a theme, each an actionItem, or says there
// are none.
func (m *markdown) actionList(items []string) {
	if len(items) == 0 {
		m.p("No action points yet.\n\n")
		return
	}
	m.p("Action points:\n\n")
	for _, it := range items {
		m.p("- %s\n", it)
	}
	m.p("\n")
}

// actionItem is an action point as a line of a theme: its title, priority and status,
// and more (already escaped) when detail is not empty.
func actionItem(a Action, detail string) string {
	if detail != "" {
		detail = "; " + detail
	}
	return fmt.Sprintf("%s (%s priority, %s%s)", Escape(a.Title), a.Priority, Escape(a.Status), detail)
}

// cells are an action point's escaped table cells.
type cells struct{ priority, title, owner, volunteers, status, due string }

func actionCells(a Action) cells {
	return cells{a.Priority, Escape(a.Title), orDash(Escape(a.Owner)), orDash(escapeAll(a.Volunteers)), Escape(a.Status), orDash(a.Due)}
}

// escapeAll escapes each item and joins them with commas.
// audienceTitle is an audience as the document names it, in words ("security
// engineers", see session.Audience.Title), escaped; JSON and the CSV's audience
// column keep its key.
func audienceTitle(a string) string { return Escape(session.Audience(a).Title()) }

// audienceTitles lists audiences as audienceTitle names them, joined by ", ".
func audienceTitles(as []string) string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = audienceTitle(a)
	}
	return strings.Join(out, ", ")
}

func escapeAll(items []string) string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = Escape(s)
	}
	return strings.Join(out, ", ")
}

// writeBars draws the bar chart of a confidence distribution as a text block,
// highest rating first.
func writeBars(p func(string, ...any), c *Confidence) {
	most := 0
	for _, rc := range c.Distribution {
		most = max(most, rc.Count)
	}
	p("```text\n")
	for i := len(c.Distribution) - 1; i >= 0; i-- {
		rc := c.Distribution[i]
		p("%d | %-*s %d\n", rc.Rating, barWidth, bar(rc.Count, most), rc.Count)
	}
	p("```\n\n")
}

// barWidth is the longest bar of the confidence chart, in characters.
const barWidth = 30

// bar draws n out of most as a bar of up to barWidth blocks; any n > 0 shows at
// least one block so a single rating is not drawn as none.
func bar(n, most int) string {
	if n == 0 || most == 0 {
		return ""
	}
	w := max(1, n*barWidth/most)
	return strings.Repeat("█", w)
}

// tenths is a mean to one decimal (session.Tenths).
func tenths(v float64) string { return session.Tenths(v) }

func trimFloat(v float64) string {
	if v == float64(int(v)) {
		return fmt.Sprintf("%d", int(v))
	}
	return fmt.Sprintf("%.1f", v)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
