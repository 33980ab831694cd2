package report

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// The heat map's notes that name no activity have a grey scale of their own: with
// one note at most per named cell, their 6 was drawn in the same darkest blue as a
// named activity's 1, as strong to the eye (a newcomer's finding).
func TestMatrixChartScalesTheUnnamedRowApart(t *testing.T) {
	t.Parallel()
	lanes := []string{"keep", "add", "less", "more"}
	row := func(activity string, notes ...int) ActivityRow {
		r := ActivityRow{Activity: activity}
		for i, n := range notes {
			r.Cells = append(r.Cells, MatrixCell{Lane: lanes[i], Notes: n})
			r.Notes += n
		}
		return r
	}
	mx := &ActivityMatrix{Lanes: lanes, Activities: []ActivityRow{row("Pen tests", 1, 0, 0, 0), row("", 6, 3, 0, 0)}, Total: row("", 7, 3, 0, 0)}
	svg := matrixChart(mx)
	darkest := heat(1, 1)
	if n := strings.Count(svg, darkest); n != 1 {
		t.Errorf("the darkest blue %s fills %d cells, want the named activity's only:\n%s", darkest, n, svg)
	}
	for _, want := range []string{greyHeat(6, 6), greyHeat(3, 6)} {
		if !strings.Contains(svg, want) {
			t.Errorf("no grey %s for the unnamed row:\n%s", want, svg)
		}
	}
}

// A theme's name longer than a line of the ranking chart's labels takes a second
// line, broken at a space, and only then is cut, keeping its side.
func TestChartLabelsTakeTwoLines(t *testing.T) {
	for _, c := range []struct {
		label string
		want  []string
	}{
		{"1. secrets", []string{"1. secrets"}},
		{"1. security work loses to delivery deadlines", []string{"1. security work loses to", "delivery deadlines"}},
		{"14. being the only one who cares about security in the whole team (concern)",
			[]string{"14. being the only one who", "cares about securit… (concern)"}},
		{"2. " + strings.Repeat("x", 40), []string{"2. " + strings.Repeat("x", 27), "xxxxxxxxxxxxx"}},
		{"11. self-assessment-questionnaire", []string{"11. self-assessment-", "questionnaire"}},
	} {
		got := labelLines(c.label, 30)
		if !slices.Equal(got, c.want) {
			t.Errorf("labelLines(%q) = %q, want %q", c.label, got, c.want)
		}
		for _, l := range got {
			if n := len([]rune(l)); n > 30+len(" (concern)") {
				t.Errorf("line %q of %q is %d characters", l, c.label, n)
			}
		}
	}
}

// A label in capitals or in Chinese takes more room a character than one in
// lowercase. Broken by its count of characters, a theme named in capitals ran
// past the ranking chart's left edge and lost its rank number ("12. WWW…" drawn
// as "WWW…"), and so did one in Chinese. A capital W is at least 11 pixels wide in
// the common sans-serif fonts at the charts' 12 pixels, a Chinese character 12.
func TestChartLabelsFitWideLetters(t *testing.T) {
	t.Parallel()
	const room = 234 // the ranking chart's labels end 6 pixels before its bars
	for _, c := range []struct {
		label string
		glyph float64 // the narrowest its letters are drawn, in pixels
	}{
		{"12. " + strings.Repeat("W", 60), 11},
		{"3. " + strings.Repeat("安全培训", 15), 12},
	} {
		lines := labelLines(c.label, labelChars)
		if !strings.HasPrefix(lines[0], strings.Fields(c.label)[0]+" ") {
			t.Errorf("labelLines(%q) lost the rank: %q", c.label, lines)
		}
		for _, l := range lines {
			if w := float64(len([]rune(strings.TrimPrefix(l, strings.Fields(c.label)[0]+" ")))) * c.glyph; w > room {
				t.Errorf("line %q of %q is at least %.0f pixels wide, the room is %d", l, c.label, w, room)
			}
		}
	}
	// The heat map's activity names, cut to its 214 pixels of label.
	if got := clip(strings.Repeat("安全", 30), 32); float64(len([]rune(got))-1)*12 > 214 {
		t.Errorf("clip cut a Chinese activity name to %q, wider than the heat map's labels", got)
	}
}

// Every chart says under it, in words a printed page keeps, what it shows: the
// SVG title is a tooltip only, and the saturation chart's bars and line, or the
// ranking's numbers, were left for the reader to guess.
func TestChartsSayWhatTheyShow(t *testing.T) {
	t.Parallel()
	lanes := []string{"keep", "add", "less", "more"}
	mx := &ActivityMatrix{Lanes: lanes, Activities: []ActivityRow{{Activity: "pen testing", Notes: 1, Cells: []MatrixCell{{Lane: "keep", Notes: 1}, {Lane: "add"}, {Lane: "less"}, {Lane: "more"}}}}}
	mx.Total = mx.Activities[0]
	for _, c := range []struct {
		chart string
		words []string
	}{
		{matrixChart(mx), []string{"darker", "more notes"}},
		{themeChart([]themeBar{{1, "secrets", 9}}), []string{"score"}},
		{confidenceChart([]confSeries{{label: "developers", counts: [5]int{0, 1, 2, 0, 0}}}), []string{"1 (not at all) to 5 (fully)", "number of ratings"}},
		{saturationChart([]SaturationStep{{Session: 1, New: 3, Cumulative: 3}, {Session: 2, New: 1, Cumulative: 4}}), []string{"Bars", "line", "themes so far"}},
	} {
		_, after, ok := strings.Cut(c.chart, "</svg><figcaption>")
		caption, _, closed := strings.Cut(after, "</figcaption>")
		if !ok || !closed {
			t.Errorf("a chart without a caption under it:\n%s", c.chart)
			continue
		}
		for _, w := range c.words {
			if !strings.Contains(caption, w) {
				t.Errorf("the caption %q does not say %q", caption, w)
			}
		}
	}
}

// The saturation chart's session labels never run into one another: a campaign
// of many sessions has every k-th labelled. A digit is at least 6 pixels wide
// at the charts' font size, and so is the S.
func TestSaturationLabelsDoNotOverlap(t *testing.T) {
	t.Parallel()
	for _, n := range []int{3, 9, 30, 60, 150} {
		var steps []SaturationStep
		for i := range n {
			steps = append(steps, SaturationStep{Session: i + 1, New: 1, Cumulative: i + 1})
		}
		svg := saturationChart(steps)
		type label struct {
			x float64
			t string
		}
		var labels []label
		for _, el := range strings.Split(svg, "<text ")[1:] {
			var l label
			if _, err := fmt.Sscanf(el, `x="%f"`, &l.x); err != nil {
				t.Fatal(err)
			}
			_, rest, _ := strings.Cut(el, ">")
			l.t, _, _ = strings.Cut(rest, "<")
			if strings.HasPrefix(l.t, "S") {
				labels = append(labels, l)
			}
		}
		if len(labels) < min(n, 5) || labels[0].t != "S1" {
			t.Errorf("%d sessions: %d labels, from %q", n, len(labels), labels[0].t)
		}
		for i := 1; i < len(labels); i++ {
			a, b := labels[i-1], labels[i]
			if gap := b.x - a.x; gap < float64(len(a.t)+len(b.t))/2*6 {
				t.Errorf("%d sessions: %s and %s are %.1f pixels apart, and overlap", n, a.t, b.t, gap)
				break
			}
		}
	}
}

// The saturation chart gives the new themes per session a scale of their own:
// drawn on the running total's, a long campaign's bars (6 new themes a session
// falling to 0, some 165 in all) were slivers a few pixels high. Each bar stays
// in proportion to its count, and the running total still climbs over a
// height of its own.
func TestSaturationBarsHaveTheirOwnScale(t *testing.T) {
	t.Parallel()
	var steps []SaturationStep
	total := 0
	for i := range 45 {
		n := max(0, 6-i/7)
		total += n
		steps = append(steps, SaturationStep{Session: i + 1, New: n, Cumulative: total})
	}
	svg := saturationChart(steps)
	var heights []float64
	for _, el := range strings.Split(svg, "<rect ")[1:] {
		if !strings.Contains(el, `fill="`+barColor+`"`) {
			continue
		}
		var x, y, w, h float64
		if _, err := fmt.Sscanf(el, `x="%f" y="%f" width="%f" height="%f"`, &x, &y, &w, &h); err != nil {
			t.Fatal(err)
		}
		heights = append(heights, h)
	}
	if len(heights) != len(steps) {
		t.Fatalf("%d bars for %d sessions:\n%s", len(heights), len(steps), svg)
	}
	const tall = 60.0
	if slices.Max(heights) < tall {
		t.Errorf("the tallest bar (%d new themes) is %.1f pixels high, want %.0f at least:\n%s", steps[0].New, slices.Max(heights), tall, svg)
	}
	perTheme := heights[0] / float64(steps[0].New)
	for i, st := range steps {
		if want := perTheme * float64(st.New); math.Abs(heights[i]-want) > 0.2 {
			t.Errorf("S%d's bar (%d new) is %.1f pixels high, want %.1f, in proportion to S1's", st.Session, st.New, heights[i], want)
		}
	}
	_, pts, _ := strings.Cut(svg, `<polyline points="`)
	pts, _, _ = strings.Cut(pts, `"`)
	var ys []float64
	for _, p := range strings.Fields(pts) {
		var x, y float64
		if _, err := fmt.Sscanf(p, "%f,%f", &x, &y); err != nil {
			t.Fatal(err)
		}
		ys = append(ys, y)
	}
	if len(ys) != len(steps) || slices.Max(ys)-slices.Min(ys) < tall {
		t.Errorf("the running total climbs %.1f pixels over %d points, want %.0f at least over %d", slices.Max(ys)-slices.Min(ys), len(ys), tall, len(steps))
	}
}
