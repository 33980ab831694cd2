package analysis_test

import (
	"testing"

	"github.com/charter-tool/charter/analysis"
)

// A statement is closest to the group about what it says, and a group or text it
// shares nothing with is not related at all.
func TestRelate(t *testing.T) {
	groups := [][]string{
		{"the security training is too basic for us", "we want an advanced training on secure code", "deeper training for seniors"},
		{"SAST reports too many false positives", "the scanner findings are mostly noise"},
		{},
	}
	sim, texts := analysis.Relate([]string{"teams want deeper training"}, groups)
	if len(sim) != 3 || len(texts) != 3 || len(texts[0]) != 3 || len(texts[2]) != 0 {
		t.Fatalf("shapes: %v %v", sim, texts)
	}
	if sim[0] < 0.2 {
		t.Errorf("training group similarity %.3f, want at least the match threshold 0.2", sim[0])
	}
	if sim[1] >= sim[0] || sim[1] >= 0.2 {
		t.Errorf("scanner group similarity %.3f, want below 0.2 and below the training group's %.3f", sim[1], sim[0])
	}
	if sim[2] != 0 {
		t.Errorf("empty group similarity %v, want 0", sim[2])
	}
	if texts[0][2] <= texts[1][0] {
		t.Errorf("'deeper training' note %.3f should be closer than a scanner note %.3f", texts[0][2], texts[1][0])
	}
	if s, _ := analysis.Relate(nil, groups); s[0] != 0 {
		t.Errorf("no statement: similarity %v, want 0", s[0])
	}
}
