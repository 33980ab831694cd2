package report

import (
	"fmt"
	"html"
	"math"
	"strings"
	"unicode"

	"github.com/charter-tool/charter/analysis"
	"github.com/charter-tool/charter/session"
)

// The charts of the HTML document are small SVG drawings written by hand: a few
// rectangles, lines and labels each, deterministic to the byte (golden files), with
// no fonts, scripts or links, so the document stays one self-contained file.

// svg collects one drawing.
type svg struct {
	b    strings.Builder
	w, h int
	// caption says under the drawing what it shows and how to read it: the
	// title is only a tooltip, and a printed page has none.
	caption string
}

func newSVG(w, h int, title string) *svg {
	s := &svg{w: w, h: h}
	fmt.Fprintf(&s.b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" font-family="sans-serif" font-size="12">`, w, h, w, h)
	fmt.Fprintf(&s.b, `<title>%s</title>`, esc(title))
	return s
}

func (s *svg) rect(x, y, w, h float64, fill string) {
	fmt.Fprintf(&s.b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`, x, y, w, h, fill)
}

// text writes a label; anchor is start, middle or end.
func (s *svg) text(x, y float64, anchor, fill, t string) {
	fmt.Fprintf(&s.b, `<text x="%.1f" y="%.1f" text-anchor="%s" fill="%s">%s</text>`, x, y, anchor, fill, esc(t))
}

func (s *svg) line(x1, y1, x2, y2 float64, stroke string) {
	fmt.Fprintf(&s.b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s"/>`, x1, y1, x2, y2, stroke)
}

func (s *svg) polyline(points [][2]float64, stroke string) {
	var ps []string
	for _, p := range points {
		ps = append(ps, fmt.Sprintf("%.1f,%.1f", p[0], p[1]))
	}
	fmt.Fprintf(&s.b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>`, strings.Join(ps, " "), stroke)
}

func (s *svg) circle(x, y, r float64, fill string) {
	fmt.Fprintf(&s.b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s"/>`, x, y, r, fill)
}

// String is the drawing, and its caption under it (a figure's figcaption).
func (s *svg) String() string {
	out := s.b.String() + "</svg>"
	if s.caption != "" {
		out += "<figcaption>" + esc(s.caption) + "</figcaption>"
	}
	return out
}

// esc makes user text safe inside an SVG element or attribute.
func esc(t string) string { return html.EscapeString(session.CleanText(t)) }

// clip shortens a label to the room of n average characters (see labelUnits).
func clip(t string, n int) string {
	r := []rune(session.CleanText(t))
	if labelUnits(r) <= float64(n) {
		return string(r)
	}
	// A side at the end ("… (concern)") is what tells apart themes of one
	// name: it is kept, and the name before it cut.
	if s := string(r); analysis.HasSide(s) {
		b := analysis.WithoutSide(s)
		base, side := []rune(b), []rune(s[len(b):]) // side: " (concern)"
		if keep := fitting(base, float64(n)-labelUnits(side)-1); keep >= 8 {
			return string(base[:keep]) + "…" + string(side)
		}
	}
	return string(r[:fitting(r, float64(n)-1)]) + "…"
}

// labelPx is how wide an average character of a chart's labels is drawn, in
// pixels: the room of one unit of labelUnits.
const labelPx = 6.0

// labelUnits is how much room a label takes in a chart, in average characters of
// lowercase text: a capital takes half as much again (M and W twice as much), and
// a character of the East Asian scripts, a full em wide, two. Counted as runes,
// a label in capitals or in Chinese ran past the chart's left edge and lost its
// rank.
func labelUnits(r []rune) float64 {
	u := 0.0
	for _, c := range r {
		u += runeUnits(c)
	}
	return u
}

func runeUnits(r rune) float64 {
	switch {
	case r == 'M' || r == 'W':
		return 2
	case unicode.IsUpper(r):
		return 1.5
	case wideRune(r):
		return 2.1
	}
	return 1
}

// wideRune reports the characters drawn a full em wide: the East Asian scripts,
// their punctuation and full-width forms, and emoji.
func wideRune(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF01 && r <= 0xFF60) || (r >= 0xFFE0 && r <= 0xFFE6) ||
		(r >= 0x1F300 && r <= 0x1FAFF)
}

// fitting is how many of r's first runes fit in n units.
func fitting(r []rune, n float64) int {
	u := 0.0
	for i, c := range r {
		if u += runeUnits(c); u > n {
			return i
		}
	}
	return len(r)
}

const (
	chartWidth = 640
	barColor   = "#3b6ea5"
	inkColor   = "#222"
	mutedColor = "#777"
	gridColor  = "#ddd"
)

// confSeries is one confidence distribution to draw, under a label.
type confSeries struct {
	label  string
	counts [5]int
}

func confidenceSeries(label string, c *Confidence) []confSeries {
	if c == nil {
		return nil
	}
	s := confSeries{label: label}
	for _, rc := range c.Distribution {
		if rc.Rating >= 1 && rc.Rating <= 5 {
			s.counts[rc.Rating-1] = rc.Count
		}
	}
	return []confSeries{s}
}

// confidenceChart draws each distribution as five columns, ratings 1 to 5, side by
// side, so audiences can be compared at a glance; heights are shares of each
// series' ratings, so a large audience does not dwarf a small one.
func confidenceChart(series []confSeries) string {
	if len(series) == 0 {
		return ""
	}
	const panelH, top, colW, gap = 120.0, 24.0, 18.0, 4.0
	panelW := 5*(colW+gap) + 30
	per := max(1, int(float64(chartWidth)/panelW))
	rows := (len(series) + per - 1) / per
	s := newSVG(chartWidth, rows*int(panelH+top+40), "Confidence, ratings 1 to 5")
	s.caption = "Confidence about security, from 1 (not at all) to 5 (fully): how many people gave each rating, over its column; " +
		"the number of ratings in brackets."
	if len(series) > 1 {
		s.caption += " A column's height is its share of the audience's ratings, so that audiences of different sizes compare."
	}
	for i, se := range series {
		x0 := float64(i%per) * panelW
		y0 := float64(i/per)*(panelH+top+40) + top
		total := 0
		for _, c := range se.counts {
			total += c
		}
		name := se.label
		if name == "" {
			name = "all"
		}
		s.text(x0, y0-8, "start", inkColor, fmt.Sprintf("%s (%d)", clip(name, 18), total))
		s.line(x0, y0+panelH, x0+5*(colW+gap), y0+panelH, gridColor)
		for r, c := range se.counts {
			h := 0.0
			if total > 0 {
				h = panelH * float64(c) / float64(total)
			}
			x := x0 + float64(r)*(colW+gap)
			s.rect(x, y0+panelH-h, colW, h, barColor)
			s.text(x+colW/2, y0+panelH+14, "middle", mutedColor, fmt.Sprint(r+1))
			if c > 0 {
				s.text(x+colW/2, y0+panelH-h-3, "middle", inkColor, fmt.Sprint(c))
			}
		}
	}
	return s.String()
}

// matrixChart draws the activity matrix as a heat map: the darker a cell, the more
// notes; each cell says its count.
func matrixChart(mx *ActivityMatrix) string {
	if mx == nil || mx.Total.Notes == 0 {
		return ""
	}
	const rowH, labelW, top = 22.0, 220.0, 24.0
	cellW := (float64(chartWidth) - labelW) / float64(len(mx.Lanes))
	s := newSVG(chartWidth, int(top+rowH*float64(len(mx.Activities))+4), "Activity matrix: notes per activity and lane")
	s.caption = "Notes per security activity and lane: the darker a cell, the more notes."
	// The row of notes naming no activity would set the scale for all: it has a
	// scale of its own, in grey, so that its cells neither outshine the named
	// activities' nor look as strong as their darkest whatever their count.
	most, mostUnnamed := 0, 0
	for _, r := range mx.Activities {
		for _, c := range r.Cells {
			if r.Activity != "" {
				most = max(most, c.Notes)
			} else {
				mostUnnamed = max(mostUnnamed, c.Notes)
			}
		}
	}
	if mostUnnamed > 0 {
		s.caption += " The grey row, of the notes that name no activity, has a scale of its own."
	}
	for j, l := range mx.Lanes {
		s.text(labelW+cellW*(float64(j)+0.5), top-8, "middle", inkColor, session.LaneTitle(l))
	}
	for i, r := range mx.Activities {
		y := top + rowH*float64(i)
		s.text(labelW-6, y+rowH/2+4, "end", inkColor, clip(r.Title(), 32))
		scale, fill := most, heat
		if r.Activity == "" {
			scale, fill = mostUnnamed, greyHeat
		}
		for j, c := range r.Cells {
			x := labelW + cellW*float64(j)
			s.rect(x+1, y+1, cellW-2, rowH-2, fill(c.Notes, scale))
			if c.Notes > 0 {
				ink := inkColor
				if c.Notes*2 > scale {
					ink = "#fff"
				}
				s.text(x+cellW/2, y+rowH/2+4, "middle", ink, fmt.Sprint(c.Notes))
			}
		}
	}
	return s.String()
}

// heat is a blue of n out of most, white for none.
func heat(n, most int) string {
	if n == 0 || most == 0 {
		return "#f4f4f4"
	}
	t := min(1, float64(n)/float64(most))
	mix := func(from, to float64) int { return int(from + (to-from)*t) }
	return fmt.Sprintf("#%02x%02x%02x", mix(0xdc, 0x1f), mix(0xe8, 0x4e), mix(0xf5, 0x8c))
}

// greyHeat is a grey of n out of most, for the notes that name no activity.
func greyHeat(n, most int) string {
	if n == 0 || most == 0 {
		return "#f4f4f4"
	}
	t := min(1, float64(n)/float64(most))
	v := int(0xe0 + (0x5a-0xe0)*t)
	return fmt.Sprintf("#%02x%02x%02x", v, v, v)
}

// themeBar is one theme in the ranking chart.
type themeBar struct {
	rank  int
	label string
	score int
}

func themeBarsOf(f *Findings) []themeBar {
	var out []themeBar
	for _, t := range f.Themes {
		out = append(out, themeBar{t.Rank, t.Label, t.Score})
	}
	return out
}

// MaxChartThemes is how many themes the ranking chart shows.
const MaxChartThemes = 15

// themeChart draws the top themes as horizontal bars of their score.
func themeChart(bars []themeBar) string {
	if len(bars) == 0 {
		return ""
	}
	all := len(bars)
	bars = bars[:min(len(bars), MaxChartThemes)]
	const labelW, lineH = 240.0, 14.0
	// A name longer than a line takes two (rows grow for all): cut to one line
	// of 30 characters, "1. security work loses to delive…" said too little.
	labels := make([][]string, len(bars))
	rowH := 20.0
	for i, b := range bars {
		labels[i] = labelLines(fmt.Sprintf("%d. %s", b.rank, b.label), labelChars)
		if len(labels[i]) > 1 {
			rowH = 34
		}
	}
	rows := len(bars)
	if all > len(bars) {
		rows++ // a line saying the chart is cut
	}
	s := newSVG(chartWidth, int(rowH*float64(rows)+8), "Themes by score")
	s.caption = "The themes in the order of their rank, each bar as long as its score, the number at its end (how the score is computed is said above)."
	most := 1
	for _, b := range bars {
		most = max(most, b.score)
	}
	for i, b := range bars {
		y := 4 + rowH*float64(i)
		first := y + rowH/2 + 4 - lineH*float64(len(labels[i])-1)/2
		for j, l := range labels[i] {
			s.text(labelW-6, first+lineH*float64(j), "end", inkColor, l)
		}
		w := (float64(chartWidth) - labelW - 40) * float64(b.score) / float64(most)
		s.rect(labelW, y+rowH/2-7, w, 14, barColor)
		s.text(labelW+w+4, y+rowH/2+4, "start", inkColor, fmt.Sprint(b.score))
	}
	if all > len(bars) {
		y := 4 + rowH*float64(len(bars))
		s.text(labelW, y+rowH/2+4, "start", mutedColor, fmt.Sprintf("The top %d of %d themes; the list has them all.", len(bars), all))
	}
	return s.String()
}

// labelChars is how many average characters (see labelUnits) of a theme's name a
// line of the ranking chart's labels holds.
const labelChars = 40

// labelLines breaks label into one line of at most n units (see labelUnits), or
// two, at a space or after a hyphen, the second cut (see clip) if the label is
// longer still.
func labelLines(label string, n int) []string {
	label = session.CleanText(label)
	r := []rune(label)
	if labelUnits(r) <= float64(n) {
		return []string{label}
	}
	// The places a line may end: after a space or a hyphen ("self-assessment-").
	most := fitting(r, float64(n))
	end := 0
	for i := 1; i <= most && i < len(r); i++ {
		if r[i] == ' ' || r[i-1] == '-' {
			end = i
		}
	}
	if labelUnits(r[:end]) < float64(n)/2 {
		// A word longer than what the line has left ("2." and a long one):
		// cut where the line ends.
		end = most
	}
	return []string{strings.TrimSpace(string(r[:end])), clip(strings.TrimSpace(string(r[end:])), n)}
}

// saturationChart draws new campaign themes per session as columns and the running
// total as a line: when the line flattens, further sessions bring little.
func saturationChart(steps []SaturationStep) string {
	if len(steps) == 0 {
		return ""
	}
	// Two panels over one row of sessions, each on its own scale: the running
	// total above, the new themes per session below. On the total's scale, a
	// long campaign's bars (6 new a session in 165 in all) were slivers.
	const left, right, title, head = 36.0, 10.0, 14.0, 16.0
	const lineTop, lineH = title + 10, 110.0
	const barTop, barH = lineTop + lineH + 12 + title + head, 90.0
	const bottom = barTop + barH
	s := newSVG(chartWidth, int(bottom+24), "Saturation: new themes per session and in all")
	s.caption = "Top, red line: the campaign themes so far, up to the number at its top left; when the line flattens, further sessions bring little that is new. " +
		"Bars below, on a scale of their own: the new campaign themes each session brought, in date order."
	total, most := max(1, steps[len(steps)-1].Cumulative), 1
	for _, st := range steps {
		most = max(most, st.New)
	}
	colW := (float64(chartWidth) - left - right) / float64(len(steps))
	lineY := func(v int) float64 { return lineTop + lineH - lineH*float64(v)/float64(total) }
	barY := func(v int) float64 { return bottom - barH*float64(v)/float64(most) }
	panel := func(name string, top, base float64, high int) {
		s.text(left, top-10, "start", inkColor, name)
		s.line(left, base, float64(chartWidth)-right, base, gridColor)
		s.text(left-6, top+4, "end", mutedColor, fmt.Sprint(high))
		s.text(left-6, base, "end", mutedColor, "0")
	}
	panel("Campaign themes so far", lineTop, lineTop+lineH, total)
	panel("New themes per session", barTop-head, bottom, most)
	// A label for every session, or for every k-th when they would run into
	// one another: with 60 sessions, "S12S13S14" was a grey smear.
	widest := float64(len(fmt.Sprintf("S%d", steps[len(steps)-1].Session))) * labelPx
	every := max(1, int(math.Ceil((widest+6)/colW)))
	// Each bar's count above it, where the columns leave room around one.
	counted := float64(len(fmt.Sprint(most)))*labelPx+12 <= colW
	var pts [][2]float64
	for i, st := range steps {
		x := left + colW*float64(i)
		s.rect(x+colW*0.2, barY(st.New), colW*0.6, bottom-barY(st.New), barColor)
		if counted {
			s.text(x+colW/2, barY(st.New)-3, "middle", inkColor, fmt.Sprint(st.New))
		}
		if i%every == 0 {
			s.text(x+colW/2, bottom+16, "middle", mutedColor, fmt.Sprintf("S%d", st.Session))
		}
		pts = append(pts, [2]float64{x + colW/2, lineY(st.Cumulative)})
	}
	s.polyline(pts, "#c0392b")
	// Dots mark the sessions where they stand apart; packed closer, they
	// would blur the line.
	if colW >= 8 {
		for _, p := range pts {
			s.circle(p[0], p[1], 3, "#c0392b")
		}
	}
	return s.String()
}
