package tui

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/charter-tool/charter/session"
)

// Styles are built from a terminal's renderer, so colours match what each client
// can show. They use fixed colours only, so every terminal with the same colour
// profile shares one Styles (NewStyles): a thousand connections hold one copy, not
// a thousand.
type Styles struct {
	Title, Header, Phase, Muted, Error, OK, Selected, Box, Tab, ActiveTab, Bar, Warn lipgloss.Style
	// Flash is a whole screen, reversed, for the moment time is up.
	Flash lipgloss.Style
	// Plain is text as typed, in a text field; bubbles' text fields draw with
	// lipgloss's default renderer, set up for the server's own output, unless
	// given these (see styleInput).
	Plain lipgloss.Style
	// Cursor draws the character a text box's cursor is on: Plain, reversed.
	Cursor lipgloss.Style

	// lines are what screens drawn with these styles rendered, key help included,
	// shared by them all (see lineCache and env.helpView).
	lines lineStore
	// helpModel renders key help; it is read, never changed, once made.
	helpModel help.Model
}

// shared holds the Styles of each colour profile, built on a renderer of their own
// so that they keep no connection's terminal alive.
var shared struct {
	sync.Mutex
	byProfile map[termenv.Profile]*Styles
}

// NewStyles returns the styles for renderer r (nil means the default renderer),
// shared by every renderer with r's colour profile; read them only.
func NewStyles(r *lipgloss.Renderer) *Styles {
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	profile := r.ColorProfile()
	shared.Lock()
	defer shared.Unlock()
	if st := shared.byProfile[profile]; st != nil {
		return st
	}
	own := lipgloss.NewRenderer(io.Discard, termenv.WithProfile(profile))
	own.SetColorProfile(profile)
	st := buildStyles(own)
	if shared.byProfile == nil {
		shared.byProfile = map[termenv.Profile]*Styles{}
	}
	shared.byProfile[profile] = st
	return st
}

func buildStyles(r *lipgloss.Renderer) *Styles {
	st := &Styles{
		Title:     r.NewStyle().Bold(true).Foreground(lipgloss.Color("12")),
		Header:    r.NewStyle().Bold(true),
		Phase:     r.NewStyle().Bold(true).Foreground(lipgloss.Color("0")).Background(lipgloss.Color("11")).Padding(0, 1),
		Muted:     r.NewStyle().Foreground(lipgloss.Color("8")),
		Error:     r.NewStyle().Foreground(lipgloss.Color("9")).Bold(true),
		OK:        r.NewStyle().Foreground(lipgloss.Color("10")),
		Selected:  r.NewStyle().Foreground(lipgloss.Color("14")).Bold(true),
		Box:       r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(lipgloss.Color("8")).Padding(0, 1),
		Tab:       r.NewStyle().Padding(0, 1).Foreground(lipgloss.Color("8")),
		ActiveTab: r.NewStyle().Bold(true).Foreground(lipgloss.Color("14")),
		Bar:       r.NewStyle().Foreground(lipgloss.Color("12")),
		Warn:      r.NewStyle().Foreground(lipgloss.Color("11")).Bold(true),
		Flash:     r.NewStyle().Reverse(true),
		Plain:     r.NewStyle(),
	}
	st.Cursor = st.Plain.Inline(true).Reverse(true)
	st.helpModel = help.New()
	st.helpModel.Styles.ShortKey = st.Header
	st.helpModel.Styles.ShortDesc = st.Muted
	st.helpModel.Styles.ShortSeparator = st.Muted
	// The board's list of every key: bubbles puts one space between a column of
	// keys and their descriptions, too close to tell "pgup/pgdn page" apart
	// without colours; two, as the list had before. help.New's own styles draw
	// with lipgloss's default renderer, not the connection's: none is kept.
	st.helpModel.Styles.FullKey = st.Header.PaddingRight(1)
	st.helpModel.Styles.FullDesc = st.Muted
	st.helpModel.Styles.FullSeparator = st.Muted
	st.helpModel.Styles.Ellipsis = st.Muted
	return st
}

// fit cuts s to width display cells, with an ellipsis when cut; wide characters and
// emoji count by their display width.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}

// fitMiddle cuts a title to width display cells in its middle: its first words,
// an ellipsis and its last words. Titles side by side often differ only at their
// end ("Security engineers online 1", "… online 2", "Developers Berlin (2nd)"),
// which fit cut away: four rows read "Security enginee…". The last words are
// whole, up to half the width (the last word alone up to what leaves the first
// a quarter), the first words whole where one fits, and the cells the first
// words leave go to the last; when no last word fits, it is fit's cut.
func fitMiddle(s string, width int) string {
	if ansi.StringWidth(s) <= width {
		return s
	}
	words := strings.Fields(s)
	if len(words) < 2 || width < 6 {
		return fit(s, width)
	}
	join := func(ws []string) string { return strings.Join(ws, " ") }
	headMin := max(min(ansi.StringWidth(words[0]), width/4), 2)
	k := len(words) // the tail is words[k:]
	for k > 1 {
		t := ansi.StringWidth(join(words[k-1:]))
		if t > (width-2)/2 && (k < len(words) || t > width-2-headMin) {
			break
		}
		k--
	}
	if k == len(words) {
		return fit(s, width)
	}
	room := width - 2 - ansi.StringWidth(join(words[k:]))
	head, h := ansi.Truncate(join(words[:k]), room, ""), 0
	for j := k - 1; j >= 1; j-- {
		if ansi.StringWidth(join(words[:j])) <= room {
			head, h = join(words[:j]), j
			break
		}
	}
	if h > 0 {
		// What the first words leave goes to the last.
		for k > h+1 && ansi.StringWidth(head)+2+ansi.StringWidth(join(words[k-1:])) <= width {
			k--
		}
	}
	return strings.TrimRight(head, " ,;:-–·") + "… " + join(words[k:])
}

// fitApart cuts s to width display cells keeping its words a to b (before b)
// whole where they fit, the words it differs in from titles that fitMiddle cuts
// alike: its first words, an ellipsis, those words and what follows them as far
// as it fits ("Develop… Munich, 1…"). Where its first words and those fit, it is
// fit's cut; where they differ from its first word, too.
func fitApart(s string, a, b, width int) string {
	words := strings.Fields(s)
	join := func(ws []string) string { return strings.Join(ws, " ") }
	if ansi.StringWidth(s) <= width || a <= 0 || a >= b || b > len(words) || width < 6 {
		return fit(s, width)
	}
	upTo := ansi.StringWidth(join(words[:b]))
	if b < len(words) {
		upTo++ // the ellipsis after them
	}
	if upTo <= width {
		return fit(s, width)
	}
	// cut is t cut at its end to n cells, without a comma before the ellipsis.
	cut := func(t string, n int) string {
		if ansi.StringWidth(t) <= n {
			return t
		}
		return strings.TrimRight(ansi.Truncate(t, n-1, ""), " ,;:-–·") + "…"
	}
	rest := join(words[a:])
	keep := ansi.StringWidth(rest)
	if b < len(words) {
		keep = min(keep, ansi.StringWidth(join(words[a:b]))+1)
	}
	room := width - 2 - keep
	if room < 2 {
		// No room for a first word: the words it differs in, from their start.
		return "… " + cut(rest, width-2)
	}
	head := strings.TrimRight(ansi.Truncate(join(words[:a]), room, ""), " ,;:-–·")
	for j := a - 1; j >= 1; j-- {
		if ansi.StringWidth(join(words[:j])) <= room {
			head = strings.TrimRight(join(words[:j]), " ,;:-–·")
			break
		}
	}
	return head + "… " + cut(rest, width-ansi.StringWidth(head)-2)
}

// fitEnd cuts s to width display cells from its start, with an ellipsis first when
// cut: what is being typed is at the end, and a typist reads that.
func fitEnd(s string, width int) string {
	if width <= 0 {
		return ""
	}
	over := ansi.StringWidth(s) - width
	if over <= 0 {
		return s
	}
	return ansi.TruncateLeft(s, over+1, "…")
}

// wrap breaks s into lines of at most width display cells. A date (2027-03-01), a
// command's option (-i, --data) and a URL, path or e-mail address are never broken
// at their hyphens, where the wrapping may break words: the projector showed "due
// 2027-03-" on one line and "01" on the next, the board "(add -" and "i FILE if it
// is not ssh's default)", and "wiki.example.com/security-" above "charter". Such a
// word wider than the line is still cut at the width.
func wrap(s string, width int) []string {
	if width < 8 {
		width = 8
	}
	if lines, ok := wrapLongWords(s, width); ok {
		return lines
	}
	if strings.IndexByte(s, '-') < 0 || strings.ContainsRune(s, '\u2011') {
		return strings.Split(ansi.Wrap(s, width, ""), "\n")
	}
	// A non-breaking hyphen, one cell as the hyphen, while wrapping.
	nb := func(d string) string { return strings.ReplaceAll(d, "-", "\u2011") }
	kept := s
	for _, re := range []*regexp.Regexp{isoDate, option, link} {
		kept = re.ReplaceAllStringFunc(kept, nb)
	}
	lines := strings.Split(ansi.Wrap(kept, width, ""), "\n")
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(l, "\u2011", "-")
	}
	return lines
}

// wrapLongWords wraps plain text of one line holding a word wider than width (a
// URL, a name in a script written without spaces): such a word begins where the
// line before it ends and is broken at the width, where ansi.Wrap put it on a line
// of its own and left "3." alone above a theme's name. ok is false for any other
// text, which wrap leaves to ansi.Wrap.
func wrapLongWords(s string, width int) (lines []string, ok bool) {
	if strings.ContainsAny(s, "\x1b\n") || isoDate.MatchString(s) || option.MatchString(s) {
		return nil, false
	}
	words := strings.Fields(s)
	if !slices.ContainsFunc(words, func(w string) bool { return ansi.StringWidth(w) > width }) {
		return nil, false
	}
	var cur strings.Builder
	curW := 0
	flush := func() {
		lines = append(lines, cur.String())
		cur.Reset()
		curW = 0
	}
	for _, word := range words {
		ww := ansi.StringWidth(word)
		gap := 0
		if curW > 0 {
			gap = 1
		}
		if curW+gap+ww <= width {
			if gap > 0 {
				cur.WriteByte(' ')
			}
			cur.WriteString(word)
			curW += gap + ww
			continue
		}
		if ww <= width {
			flush()
			cur.WriteString(word)
			curW = ww
			continue
		}
		// Too long for any line: its first part fills this one.
		for word != "" {
			gap = 0
			if curW > 0 {
				gap = 1
			}
			room := width - curW - gap
			head := ansi.Truncate(word, room, "")
			if room <= 0 || head == "" {
				if curW == 0 {
					// Narrower than one character: never so at 8 columns or more.
					_, size := utf8.DecodeRuneInString(word)
					head = word[:size]
				} else {
					flush()
					continue
				}
			}
			if gap > 0 {
				cur.WriteByte(' ')
			}
			cur.WriteString(head)
			curW += gap + ansi.StringWidth(head)
			word = word[len(head):]
			if word != "" {
				flush()
			}
		}
	}
	if curW > 0 || len(lines) == 0 {
		flush()
	}
	return lines, true
}

// isoDate finds a day written YYYY-MM-DD.
var isoDate = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)

// option finds a command line's option: a word starting with a hyphen and a letter
// (-i, --data, --facilitator-key).
var option = regexp.MustCompile(`(?:^|[\s(])--?[A-Za-z][\w-]*`)

// link finds a URL, a path or an e-mail address: a word holding "://", "/" or "@",
// or starting with "www." (https://wiki.example.com/security-charter,
// /srv/share/threat-model.md, security-team@example.com).
var link = regexp.MustCompile(`\S*(?:://|[/@])\S*|\bwww\.\S+`)

// wrapHanging is wrap with every line after the first indented by indent spaces
// (and that much narrower), so that a row wrapped in a list reads as one row.
func wrapHanging(s string, width, indent int) []string {
	lines := wrap(s, width)
	if len(lines) == 1 || width-indent < 8 {
		return lines
	}
	first := strings.TrimRight(lines[0], " ")
	rest := ""
	if strings.HasPrefix(s, first) {
		rest = strings.TrimLeft(s[len(first):], " ")
	} else {
		rest = strings.Join(lines[1:], " ")
	}
	out := []string{lines[0]}
	for _, l := range wrap(rest, width-indent) {
		out = append(out, strings.Repeat(" ", indent)+l)
	}
	return out
}

// lineCut is how cutLines ends the last line it keeps. The places that cut
// lines did so each its own way, kept so that no screen changes: the spaces wrap
// may leave at a line's end (after a date or a link) stay where they always did.
type lineCut int

const (
	// cutJoined joins the lines left out onto it as they are, cut at the edge:
	// a sentence reads on as far as the room goes.
	cutJoined lineCut = iota
	// cutHanging is cutJoined for lines with a hanging indent, joined without
	// it: joined as they were, the cut read "due      …", the date lost to spaces.
	cutHanging
	// cutHangingTrimmed is cutHanging without the spaces at the lines' ends.
	cutHangingTrimmed
	// cutWhole keeps its own words, its end's spaces dropped, and ends it in
	// " …": lines broken between parts (a campaign theme's facts) never end in a
	// part cut short.
	cutWhole
)

// cutLines is lines cut to at most n lines (at least one), the last kept made,
// as how says, to end in "…" within w cells where lines are left out.
func cutLines(lines []string, n, w int, how lineCut) []string {
	if n = max(n, 1); len(lines) <= n {
		return lines
	}
	out := slices.Clone(lines[:n])
	last := out[n-1]
	switch how {
	case cutJoined:
		last = strings.Join(lines[n-1:], " ")
	case cutHanging, cutHangingTrimmed:
		trim := func(l string) string { return strings.TrimLeft(l, " ") }
		if how == cutHangingTrimmed {
			last, trim = strings.TrimRight(last, " "), strings.TrimSpace
		}
		for _, l := range lines[n:] {
			last += " " + trim(l)
		}
	case cutWhole:
		last = strings.TrimRight(last, " ") + " …"
	}
	out[n-1] = fit(last, w)
	return out
}

// clock formats d as m:ss or h:mm:ss.
func clock(d time.Duration) string {
	d = d.Round(time.Second)
	h, m, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, s)
	}
	return fmt.Sprintf("%d:%02d", m, s)
}

// timerText is the timer as everyone sees it.
// headTitle is a session's title after "charter " on a screen's first line, w
// wide, with right (the phase, and the timer when one runs) at its end: whole
// where it fits, else cut to the room left (cut at half the width, a title of 48
// characters lost its end beside thirty blank columns at 80).
func headTitle(title string, w int, right string) string {
	return fit(title, max(w-lipgloss.Width("charter ")-lipgloss.Width(right)-1, 10))
}

// headTimer is timer as a screen's first line shows it beside phase, w wide: whole
// where it leaves the title its least room, else shorter ("5:00 paused", then
// "5:00"). At 40 columns "5:00 left (paused)" pushed the phase off the line, and
// a participant read "W" for WRITE.
func headTimer(timer, phase string, w int) string {
	room := w - lipgloss.Width("charter ") - 10 - 1 - 1 - lipgloss.Width(phase)
	if timer == "" || lipgloss.Width(timer) <= room {
		return timer
	}
	short := strings.Replace(timer, " left (paused)", " paused", 1)
	short = strings.Replace(short, " left", "", 1)
	if lipgloss.Width(short) <= room {
		return short
	}
	if clock, _, ok := strings.Cut(short, " "); ok && strings.Contains(clock, ":") {
		return clock
	}
	return short
}

func timerText(t session.Timer, now time.Time) string {
	if !t.Active() {
		return ""
	}
	left := t.Remaining(now)
	switch {
	case left == 0:
		return "time is up"
	case t.Running:
		return clock(left) + " left"
	default:
		return clock(left) + " left (paused)"
	}
}

// phaseAskLines says what a phase asks of a participant in at most lines lines of
// w columns: one line of the long wording or the short one (up to 56 columns, so
// that a 60-column terminal reads it on one) where either fits, else the long one
// wrapped where it fits in lines, else the short one, cut only on the last line
// (at 40 columns "Vote for the themes that matter most to…" was cut with room
// under it).
func phaseAskLines(p session.Phase, w, lines int) []string {
	long, short := phaseAsks(p)
	if lipgloss.Width(long) > w && lipgloss.Width(short) <= w {
		return []string{short}
	}
	return wrapOr(long, short, w, lines)
}

// wrapOr is long wrapped to w when it takes at most lines lines, else short
// wrapped, its lines past the last cut into it: what says what to do is cut only
// where the screen has no room for it.
func wrapOr(long, short string, w, lines int) []string {
	if l := wrap(long, w); len(l) <= lines {
		return l
	}
	return cutLines(wrap(short, w), lines, w, cutJoined)
}

// either returns long when it fits in w columns, else short, cut to w if need be:
// a line that says what to do keeps its end on a narrow terminal.
func either(long, short string, w int) string {
	if lipgloss.Width(long) <= w {
		return long
	}
	return fit(short, w)
}

func phaseAsks(p session.Phase) (long, short string) {
	switch p {
	case session.PhaseLobby:
		return "Welcome! The session starts soon. Nobody will see who wrote what.",
			"Welcome! Nobody will see who wrote what."
	case session.PhaseCheckIn:
		return "How confident are you in your team's security? Rate it 1 to 5.",
			"How confident are you in your team's security? Rate 1-5."
	case session.PhaseWrite:
		return "Write notes in each area. Only you see your notes until the reveal.",
			"Write notes. Only you see them for now."
	case session.PhaseReveal:
		return "Everyone's notes are shown, without names. Read them; add what is missing.",
			"Everyone's notes, no names. Add more."
	case session.PhaseGroup:
		return "The facilitator groups the notes into themes. Watch and speak up.",
			"The notes are grouped into themes. Speak up."
	case session.PhaseVote:
		return "Give your votes to the themes that matter most to you.",
			"Vote for the themes that matter most to you."
	case session.PhaseActions:
		return "Action points are agreed per theme. Volunteer for one if you like.",
			"Action points per theme. Volunteer if you like."
	case session.PhaseClosed:
		return "The session is closed. Thank you for your honest feedback!",
			"Closed. Thank you for your honest feedback!"
	}
	return "", ""
}

// code formats a join code for reading aloud: ABCD-EFGH.
func code(c string) string {
	if len(c) == 8 {
		return c[:4] + "-" + c[4:]
	}
	return c
}

// ratingBars draws the distribution of confidence ratings as horizontal bars.
func ratingBars(st session.RatingStats, width int, sty *Styles) string {
	maxCount := 0
	for r := 1; r <= 5; r++ {
		maxCount = max(maxCount, st.Counts[r])
	}
	barMax := max(width-12, 5)
	var b strings.Builder
	for r := 5; r >= 1; r-- {
		n := st.Counts[r]
		w := 0
		if maxCount > 0 {
			w = n * barMax / maxCount
		}
		fmt.Fprintf(&b, "%d %s %d\n", r, sty.Bar.Render(strings.Repeat("█", w)), n)
	}
	if st.N > 0 {
		fmt.Fprintf(&b, "%s · mean %s · median %s", plural(st.N, "rating"), session.Tenths(st.Mean), session.Median(st.Median))
	} else {
		b.WriteString("no ratings yet")
	}
	return b.String()
}

// joinAnd writes items as a list in words: "a", "a and b", "a, b and c".
func joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
