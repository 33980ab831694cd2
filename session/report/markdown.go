package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/charter-tool/charter/session"
)

// Escape makes user text safe to put anywhere inline in the document: a heading, a
// list item or a table cell. The result is one line; it cannot start a heading, list,
// quote or code block, open a link, image, emphasis, code span or HTML tag, or split a
// table cell; and it reads back as the same text once rendered.
func Escape(s string) string {
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
		case c == '&':
			b.WriteString("&amp;")
		case c == '|':
			// An entity rather than \| because table parsers split cells before they
			// look at backslashes, and some take \\| for an escaped pipe.
			b.WriteString("&#124;")
		case strings.IndexByte("\\`*_[]()!#~", c) >= 0:
			b.WriteByte('\\')
			b.WriteByte(c)
		case i == 0 && (c == '-' || c == '+' || c == '='):
			// Only at the start do these make a list item, a rule or a heading.
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '.' && i > 0 && i == digits:
			// "1." at the start would begin an ordered list ("1)" is escaped above).
			b.WriteString("\\.")
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

// WriteMarkdown writes f as a Markdown document.
func (f *Findings) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	e := Escape

	m := f.Session
	p("# Findings: %s\n\n", e(m.Title))
	p("- Audience: %s\n", e(m.Audience))
	if m.Location != "" {
		p("- Location: %s\n", e(m.Location))
	}
	p("- Mode: %s\n", e(m.Mode))
	if m.Campaign != "" {
		p("- Campaign: %s\n", e(m.Campaign))
	}
	p("- Date: %s\n", m.Date)
	p("- Phase: %s\n", e(m.Phase))
	p("- Session: %s\n\n", e(m.ID))

	pa := f.Participation
	p("## Participation\n\n")
	p("- Participants (%s): %d\n", e(pa.Audience), pa.Joined)
	p("- Wrote notes: %d\n", pa.Wrote)
	p("- Gave a confidence rating: %d\n", pa.Rated)
	p("- Notes: %d\n", pa.Notes)
	p("- Hidden notes, left out of this document: %d\n\n", pa.Hidden)
	p("Participants are not named. Only volunteers for action points are, because they chose to volunteer.\n\n")

	c := f.Confidence
	p("## Confidence\n\n")
	if c.Ratings == 0 {
		p("No confidence ratings were given.\n\n")
	} else {
		p("How confident participants are about security, from 1 (not at all) to 5 (fully); %d %s.\n\n", c.Ratings, plural(c.Ratings, "rating", "ratings"))
		writeBars(p, &c)
		p("Mean %.1f, median %s.\n\n", c.Mean, trimFloat(c.Median))
	}

	actions := map[int64]Action{}
	for _, a := range f.Actions {
		actions[a.ID] = a
	}
	p("## Prioritized themes\n\n")
	if len(f.Themes) == 0 {
		p("No themes yet: the notes have not been grouped. All notes are in the appendix.\n\n")
	} else {
		p("How the score was computed: %s.\n\n", e(f.Method))
		for _, t := range f.Themes {
			p("### %d. %s (score %d)\n\n", t.Rank, e(t.Label), t.Score)
			p("Score %d = 3 × %d %s + 2 × %d %s + 1 × %d %s.\n\n", t.Score,
				t.Votes, plural(t.Votes, "vote", "votes"), t.Authors, plural(t.Authors, "author", "authors"), t.Notes, plural(t.Notes, "note", "notes"))
			for _, q := range t.Quotes {
				p("> %s\n\n", e(q))
			}
			if len(t.ActionIDs) == 0 {
				p("No action points yet.\n\n")
				continue
			}
			p("Action points:\n\n")
			for _, id := range t.ActionIDs {
				a := actions[id]
				p("- %s (%s priority, %s)\n", e(a.Title), a.Priority, e(a.Status))
			}
			p("\n")
		}
		if f.Unthemed > 0 {
			p("%d %s in no theme.\n\n", f.Unthemed, plural(f.Unthemed, "note is", "notes are"))
		}
	}

	p("## Action points\n\n")
	if len(f.Actions) == 0 {
		p("No action points yet.\n\n")
	} else {
		p("| Priority | Action point | Theme | Owner | Volunteers | Status |\n")
		p("|---|---|---|---|---|---|\n")
		for _, a := range f.Actions {
			vols := make([]string, len(a.Volunteers))
			for i, v := range a.Volunteers {
				vols[i] = e(v)
			}
			p("| %s | %s | %s | %s | %s | %s |\n", a.Priority, e(a.Title), orDash(e(a.Theme)), orDash(e(a.Owner)),
				orDash(strings.Join(vols, ", ")), e(a.Status))
		}
		p("\n")
	}

	p("## Appendix: all notes\n\n")
	if len(f.Areas) == 0 {
		p("No notes.\n")
	}
	for _, ar := range f.Areas {
		p("### %s\n\n", e(ar.Title))
		for _, l := range ar.Lanes {
			p("#### %s\n\n", e(l.Title))
			for _, n := range l.Notes {
				p("- %s", e(n.Text))
				if n.Activity != "" {
					p(" (activity: %s)", e(n.Activity))
				}
				if n.Theme != "" {
					p(" (theme: %s)", e(n.Theme))
				}
				p("\n")
			}
			p("\n")
		}
	}
	return bw.Flush()
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
