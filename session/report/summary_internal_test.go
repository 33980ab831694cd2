package report

import (
	"fmt"
	"strings"
	"testing"
)

// Open topics are one name in the summary's lanes, however many topics there
// are: "top lanes open topics 1, open topics 1" said one thing twice.
func TestLanesLineCountsOpenTopicsOnce(t *testing.T) {
	for _, tt := range []struct {
		lanes []LaneCount
		want  string
	}{
		{[]LaneCount{{Area: "open", Lane: "AI coding tools", Title: "AI coding tools", Notes: 1}, {Area: "open", Lane: "AI tools", Title: "AI tools", Notes: 1}},
			"all Open topics"},
		{[]LaneCount{{Area: "confidence", Lane: "concern", Title: "Concerns", Notes: 2}, {Area: "open", Lane: "AI", Title: "AI", Notes: 1},
			{Area: "open", Lane: "AI tools", Title: "AI tools", Notes: 1}, {Area: "activities", Lane: "more", Title: "Do more", Notes: 1}},
			"top lanes Concerns 2, Open topics 2"},
		{[]LaneCount{{Area: "confidence", Lane: "concern", Title: "Concerns", Notes: 3}, {Area: "activities", Lane: "more", Title: "Do more", Notes: 2}, {Area: "open", Lane: "x", Title: "x", Notes: 1}},
			"top lanes Concerns 3, Do more 2"},
		// Lanes alike are not named one of them at random.
		{[]LaneCount{{Area: "confidence", Lane: "strength", Title: "Strengths", Notes: 1}, {Area: "confidence", Lane: "concern", Title: "Concerns", Notes: 1},
			{Area: "activities", Lane: "keep", Title: "Keep", Notes: 1}, {Area: "activities", Lane: "more", Title: "Do more", Notes: 1}},
			"spread over 4 lanes"},
		{[]LaneCount{{Area: "confidence", Lane: "concern", Title: "Concerns", Notes: 3}, {Area: "activities", Lane: "keep", Title: "Keep", Notes: 2},
			{Area: "activities", Lane: "more", Title: "Do more", Notes: 2}},
			"top lane Concerns 3"},
	} {
		if got := lanesLine(tt.lanes); got != tt.want {
			t.Errorf("lanesLine(%v) = %q, want %q", tt.lanes, got, tt.want)
		}
	}
}

// The ranking chart draws the top MaxChartThemes themes and says when there are
// more, so that a cut chart does not read as the whole ranking.
func TestThemeChartSaysWhenCut(t *testing.T) {
	t.Parallel()
	var bars []themeBar
	for i := range MaxChartThemes + 4 {
		bars = append(bars, themeBar{i + 1, fmt.Sprintf("theme %d", i+1), 40 - i})
	}
	cut := fmt.Sprintf("The top %d of %d themes", MaxChartThemes, len(bars))
	if svg := themeChart(bars); !strings.Contains(svg, cut) || strings.Contains(svg, fmt.Sprintf("%d. theme", MaxChartThemes+1)) {
		t.Errorf("a chart of %d themes does not say %q, or draws more than %d:\n%s", len(bars), cut, MaxChartThemes, svg)
	}
	if svg := themeChart(bars[:MaxChartThemes]); strings.Contains(svg, "The top") {
		t.Errorf("a chart of every theme says it is cut:\n%s", svg)
	}
}

// A chart's label cut to its room keeps the side at its end, which tells apart
// themes of one name.
func TestClipKeepsTheSide(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"vulnerability management (motivates)", "vulnerability man… (motivates)"},
		{"vulnerability management (concern)", "vulnerability manag… (concern)"},
		{"short (concern)", "short (concern)"},
		{"a name without any side that is long", "a name without any side that …"},
	} {
		got := clip(tt.in, 30)
		if got != tt.want || len([]rune(got)) > 30 {
			t.Errorf("clip(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
