package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// The saturation text chart keeps its columns in line whatever the widest
// figure: the bar starts, and "new" stands, at one place on every line, from
// session S100 on and when one session brings 100 new themes or more.
func TestSaturationTextChartAlignsItsColumns(t *testing.T) {
	t.Parallel()
	steps := func(news ...int) []SaturationStep {
		var st []SaturationStep
		total := 0
		for i, n := range news {
			total += n
			st = append(st, SaturationStep{Session: i + 1, Date: fmt.Sprintf("2026-%02d-%02d", 1+i/28%12, 1+i%28), New: n, Cumulative: total})
		}
		return st
	}
	long := make([]int, 105)
	for i := range long {
		long[i] = max(0, 6-i/10)
	}
	tests := []struct {
		name  string
		steps []SaturationStep
	}{
		{"105 sessions", steps(long...)},
		{"a session brings 120", steps(120, 7, 0)},
		{"9 sessions", steps(long[:9]...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			m := newMarkdown(&buf)
			f := &CampaignFindings{Saturation: Saturation{Steps: tt.steps}}
			f.mdSaturation(m)
			_, chart, ok := strings.Cut(m.buf.String(), "```text\n")
			chart, _, _ = strings.Cut(chart, "```")
			lines := strings.Split(strings.TrimSuffix(chart, "\n"), "\n")
			if !ok || len(lines) != len(tt.steps) {
				t.Fatalf("want %d chart lines, got:\n%s", len(tt.steps), m.buf.String())
			}
			bar, newAt := -1, -1
			for i, line := range lines {
				s := tt.steps[i]
				if !strings.HasPrefix(line, fmt.Sprintf("S%d ", s.Session)) || !strings.HasSuffix(line, fmt.Sprintf(" %d new (%d)", s.New, s.Cumulative)) {
					t.Errorf("line %q does not say S%d, %d new (%d)", line, s.Session, s.New, s.Cumulative)
				}
				// Counts are right-aligned: "new" stands in one column.
				b, c := strings.Index(line, "|"), strings.Index(line, " new (")
				if i == 0 {
					bar, newAt = b, c
				}
				if b != bar || c != newAt {
					t.Errorf("line %q: bar at %d and \"new\" at %d, the first line's at %d and %d:\n%s", line, b, c, bar, newAt, chart)
					break
				}
			}
		})
	}
}
