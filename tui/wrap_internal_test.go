package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// A selected row too wide for the screen wraps with its later lines indented, so
// that it reads as one row of the list: before, "… + 4" ended a line and "notes"
// started the next at the margin, like a row of its own.
func TestWrapHangingIndentsLaterLines(t *testing.T) {
	row := "▸ #1 No room on the roadmap, no budget · score 27 = 3×5 votes + 2×4 authors + 4 notes and more words to wrap again"
	for _, w := range []int{40, 60, 80} {
		lines := wrapHanging(row, w, 5)
		if len(lines) < 2 {
			t.Fatalf("width %d: %q did not wrap", w, lines)
		}
		var words []string
		for i, l := range lines {
			if lipgloss.Width(l) > w {
				t.Errorf("width %d: line %d is %d wide: %q", w, i, lipgloss.Width(l), l)
			}
			if i > 0 && !strings.HasPrefix(l, "     ") {
				t.Errorf("width %d: line %d is not indented: %q", w, i, l)
			}
			words = append(words, strings.Fields(l)...)
		}
		if got := strings.Join(words, " "); got != strings.Join(strings.Fields(row), " ") {
			t.Errorf("width %d: the words changed:\n got %q\nwant %q", w, got, row)
		}
	}
	if got := wrapHanging("short", 80, 5); len(got) != 1 || got[0] != "short" {
		t.Errorf("a row that fits: %q", got)
	}
}

// A date is never broken at its hyphens: the projector showed "due 2027-03-" on
// one line and "01" on the next.
func TestWrapKeepsDatesWhole(t *testing.T) {
	text := "→ Publish an SBOM for every service by Q3 · medium · proposed · due 2027-03-01 · 2 volunteers"
	for w := 20; w <= 100; w++ {
		lines := wrap(text, w)
		joined := strings.Join(lines, "\n")
		if !strings.Contains(joined, "2027-03-01") {
			t.Errorf("width %d breaks the date:\n%s", w, joined)
		}
		for _, l := range lines {
			if lipgloss.Width(l) > w {
				t.Errorf("width %d: line %q is wider", w, l)
			}
		}
	}
}

// A command's option is never broken at its hyphens: the board's export status
// showed "(add -" on one line and "i FILE if it is not ssh's default)" on the next.
func TestWrapKeepsOptionsWhole(t *testing.T) {
	text := "Exported to the server; fetch it with your facilitator key (add -i FILE if it is not ssh's default), or run charter export --data DIR --facilitator-key KEY"
	for w := 20; w <= 100; w++ {
		lines := wrap(text, w)
		joined := strings.Join(lines, "\n")
		for _, o := range []string{"-i FILE", "--data", "--facilitator-key"} {
			word := strings.Fields(o)[0]
			if !strings.Contains(joined, word) {
				t.Errorf("width %d breaks %q:\n%s", w, word, joined)
			}
		}
		for _, l := range lines {
			if lipgloss.Width(l) > w {
				t.Errorf("width %d: line %q is wider", w, l)
			}
		}
	}
	// A hyphen inside a word may still break.
	if got := wrap("a well-known self-assessment questionnaire", 12); strings.Contains(strings.Join(got, ""), "\u2011") {
		t.Errorf("non-breaking hyphens left in %q", got)
	}
}

// A URL, a path or an e-mail address is never broken at its hyphens: the
// projector showed "wiki.example.com/security-" on one line and "charter" on the
// next. One wider than the line is still cut at the width.
func TestWrapKeepsLinksWhole(t *testing.T) {
	links := []string{"https://wiki.example.com/security-charter", "wiki.example.com/threat-model", "/srv/share/threat-model.md", "security-team@example.com"}
	text := "Read " + links[0] + " and " + links[1] + " before the session, or mail " + links[3] + " for " + links[2] + " today"
	for w := 20; w <= 100; w++ {
		lines := wrap(text, w)
		joined := strings.Join(lines, "\n")
		for _, l := range links {
			if len(l) <= w && !strings.Contains(joined, l) {
				t.Errorf("width %d breaks %q:\n%s", w, l, joined)
			}
		}
		for _, l := range lines {
			if lipgloss.Width(l) > w {
				t.Errorf("width %d: line %q is wider", w, l)
			}
		}
		if got := strings.Join(strings.Fields(strings.Join(lines, "")), ""); got != strings.ReplaceAll(text, " ", "") {
			t.Errorf("width %d: the text changed: %q", w, lines)
		}
	}
	long := "see https://wiki.example.com/a-very-long-path/that-does-not-fit/in-twenty-columns ok"
	for _, w := range []int{20, 40} {
		lines := wrap(long, w)
		for _, l := range lines {
			if lipgloss.Width(l) > w {
				t.Errorf("width %d: a long link is not cut: %q", w, lines)
			}
		}
		if got := strings.ReplaceAll(strings.Join(lines, ""), " ", ""); got != strings.ReplaceAll(long, " ", "") {
			t.Errorf("width %d: the text changed: %q", w, lines)
		}
	}
}

// A word wider than the line (a URL, a name in a script written without spaces)
// begins where the line before it ends and is broken at the width: it was put on a
// line of its own, and the projector showed "3." alone above a theme's name.
func TestWrapBreaksALongWordWhereTheLineEnds(t *testing.T) {
	cjk := strings.Repeat("安全審査の待ち時間", 7) // 63 characters, 126 cells
	url := "https://wiki.example.com/security/exceptions/process/requests/waiting/time"
	for _, text := range []string{"3. " + cjk, "3. " + url + " is slow", "see " + url} {
		for _, w := range []int{40, 60, 80} {
			if lipgloss.Width(text) <= w {
				continue
			}
			lines := wrap(text, w)
			if len(lines) < 2 {
				t.Fatalf("width %d: %q did not wrap", w, lines)
			}
			for i, l := range lines {
				if lw := lipgloss.Width(l); lw > w {
					t.Errorf("width %d: line %d is %d wide: %q", w, i, lw, l)
				}
			}
			if lw := lipgloss.Width(lines[0]); lw < w-1 {
				t.Errorf("width %d: the first line is %d wide, the long word not begun on it: %q", w, lw, lines)
			}
			if got := strings.Join(lines, ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(text, " ", "") {
				t.Errorf("width %d: the text changed: %q", w, lines)
			}
		}
	}
	if got := wrapHanging("3. "+cjk, 40, 3); !strings.HasPrefix(got[0], "3. 安") {
		t.Errorf("the hanging wrap put the number alone: %q", got)
	}
}

// A title too long for its place is cut in its middle: its first words, an
// ellipsis and its last words, where titles side by side differ. Cut at its end,
// "Security engineers online 1" and "… online 2" both read "Security engineer…".
func TestFitMiddleKeepsATitlesEnd(t *testing.T) {
	for _, c := range []struct {
		title string
		w     int
		want  string
	}{
		{"Developers Berlin", 20, "Developers Berlin"},
		{"Security engineers online 1", 18, "Security… online 1"},
		{"Security engineers online 1", 13, "Security… 1"},
		{"Service owners Lisbon", 18, "Service… Lisbon"},
		// The first word cut where no whole first word fits beside the last.
		{"Security engineers Amsterdam", 18, "Securit… Amsterdam"},
		// The first words' spare cells go to the last words.
		{"Security engineers Berlin, spring session 2027", 30, "Security… spring session 2027"},
		// No punctuation before the ellipsis.
		{"Developers, Berlin, spring", 19, "Developers… spring"},
		{"Developers Berlin (2nd)", 16, "Developer… (2nd)"},
		// No last word fits: cut at the end, as fit does.
		{"Security engineers Amsterdam", 12, "Security en…"},
		{"Platformengineeringsummit", 12, "Platformeng…"},
	} {
		got := fitMiddle(c.title, c.w)
		if got != c.want {
			t.Errorf("fitMiddle(%q, %d) = %q, want %q", c.title, c.w, got, c.want)
		}
		if lipgloss.Width(got) > c.w {
			t.Errorf("fitMiddle(%q, %d) is %d cells wide", c.title, c.w, lipgloss.Width(got))
		}
	}
}

// A title cut so as to keep the words it differs in (a to b) keeps them whole
// where they fit, after as much of its first words as is left, and never takes
// more cells than it is given.
func TestFitApartKeepsWhereTitlesDiffer(t *testing.T) {
	for _, c := range []struct {
		title string
		a, b  int
		w     int
		want  string
	}{
		{"Developers Munich 1 March", 1, 2, 17, "Develope… Munich…"},
		{"Developers Munich 1 March", 1, 2, 14, "Devel… Munich…"},
		{"Developers Munich, 1 March 2027", 1, 2, 16, "Develo… Munich…"},
		// The first words and those fit: cut at its end.
		{"Developers Munich, 1 March 2027", 1, 2, 25, "Developers Munich, 1 Mar…"},
		// Whole first words where they fit.
		{"Security engineers online team north 2", 3, 5, 28, "Security… team north 2"},
		// No room for a first word: the words it differs in, from their start.
		{"Developers Frankfurt-am-Main 1 March", 1, 2, 12, "… Frankfurt…"},
		// Where it differs from its first word, or nowhere, it is fit's cut.
		{"Berlin developers 1 March", 0, 1, 12, "Berlin deve…"},
		{"Developers Munich 1 March", 2, 2, 12, "Developers …"},
		{"Short", 0, 1, 12, "Short"},
	} {
		got := fitApart(c.title, c.a, c.b, c.w)
		if got != c.want {
			t.Errorf("fitApart(%q, %d, %d, %d) = %q, want %q", c.title, c.a, c.b, c.w, got, c.want)
		}
		if lipgloss.Width(got) > c.w {
			t.Errorf("fitApart(%q, %d, %d, %d) is %d cells wide", c.title, c.a, c.b, c.w, lipgloss.Width(got))
		}
	}
}

// Lines cut to fewer end, the last kept, in "…", each way as the screens that
// cut them always showed it. A status reads on to the edge; a row that hangs
// loses its indent where it is joined ("owner      …" read as the end); the
// campaign's selected row drops the space wrap leaves after a date, which the
// participant's keeps; facts keep their own words and say more follow.
func TestCutLinesEndsTheLastKept(t *testing.T) {
	row := []string{"▸ Tune the SAST rules", "     with the owner ", "     team · due", "     2027-03-01"}
	for _, c := range []struct {
		lines []string
		n     int
		how   lineCut
		want  []string
	}{
		{[]string{"Saved. The note went", "into “Pen tests”, now", "selected."}, 2, cutJoined,
			[]string{"Saved. The note went", "into “Pen tests”, now s…"}},
		{row, 2, cutJoined, []string{row[0], "     with the owner    …"}},
		{row, 2, cutHanging, []string{row[0], "     with the owner  te…"}},
		{row, 2, cutHangingTrimmed, []string{row[0], "     with the owner tea…"}},
		{row, 3, cutHangingTrimmed, []string{row[0], row[1], "     team · due 2027-03…"}},
		{row, 2, cutWhole, []string{row[0], "     with the owner …"}},
		// At least one line, and lines that fit are left as they are.
		{row, 0, cutWhole, []string{"▸ Tune the SAST rules …"}},
		{row, 4, cutJoined, row},
	} {
		got := cutLines(c.lines, c.n, 24, c.how)
		if !slices.Equal(got, c.want) {
			t.Errorf("cutLines(%q, %d, 24, %d):\n got %q\nwant %q", c.lines, c.n, c.how, got, c.want)
		}
	}
	if row[1] != "     with the owner " {
		t.Errorf("cutLines changed the lines it was given: %q", row)
	}
}

// Parts are packed onto lines, broken only between them. The projector keeps a
// part wider than a line whole on its own (and cuts it where it draws it); the
// campaign's facts wrap it, and the facts after it go on from its last line:
// cut at the screen's edge, the audiences read "· develo…" at 80 columns.
func TestPackPartsBreaksBetweenParts(t *testing.T) {
	parts := []string{"2 sessions", "9 people", "Developers, security engineers, platform team", "4 votes"}
	for _, c := range []struct {
		wrapWide func(string, int) []string
		want     []string
	}{
		{nil, []string{"2 sessions · 9 people", "Developers, security engineers, platform team", "4 votes"}},
		{wrap, []string{"2 sessions · 9 people", "Developers, security engineers,", "platform team · 4 votes"}},
	} {
		if got := packParts(parts, " · ", 32, c.wrapWide); !slices.Equal(got, c.want) {
			t.Errorf("wrapping %v:\n got %q\nwant %q", c.wrapWide != nil, got, c.want)
		}
	}
	if got := packParts(nil, " · ", 32, wrap); len(got) != 0 {
		t.Errorf("no parts: %q", got)
	}
}

// A word longer than a line, wrapped with a hanging indent on the campaign
// overview, keeps its letters together: joined from wrapped lines and wrapped
// again, it came out with a space in it ("dtha tgo", found in review).
func TestHangingKeepsALongWordWhole(t *testing.T) {
	word := "Threatmodellingworkshopsforeveryteam"
	lines := hanging("S1 · "+word, 4, 20)
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			l = strings.TrimPrefix(l, "    ")
		}
		b.WriteString(strings.TrimRight(l, " "))
	}
	if got := strings.TrimPrefix(b.String(), "S1 ·"); strings.ReplaceAll(got, " ", "") != word || strings.Count(got, " ") > 1 {
		t.Errorf("hanging(%q) = %q: the word is not whole", "S1 · "+word, lines)
	}
}
