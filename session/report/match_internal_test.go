package report

import (
	"slices"
	"testing"
)

func TestKeepSessionThemesApart(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		match []int
		sess  []int
		want  []int
	}{
		{"no conflicts stay as matched", []int{0, 1, 0, 1}, []int{0, 0, 1, 1}, []int{0, 1, 0, 1}},
		{"two themes of one session are split", []int{0, 0, 0}, []int{0, 0, 1}, []int{0, 1, 0}},
		{"the later one gets its own theme", []int{0, 1, 1, 0}, []int{0, 1, 1, 2}, []int{0, 1, 2, 0}},
		{"numbers follow first appearance", []int{0, 0, 1}, []int{0, 0, 0}, []int{0, 1, 2}},
		{"three of one session", []int{0, 0, 0, 0}, []int{3, 3, 3, 4}, []int{0, 1, 2, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			groups := make([]group, len(tt.sess))
			for i, s := range tt.sess {
				groups[i].sess = s
			}
			in := slices.Clone(tt.match)
			got := keepSessionThemesApart(tt.match, groups)
			if !slices.Equal(got, tt.want) {
				t.Errorf("keepSessionThemesApart(%v, sessions %v) = %v, want %v", tt.match, tt.sess, got, tt.want)
			}
			if !slices.Equal(tt.match, in) {
				t.Errorf("the input was changed to %v", tt.match)
			}
			// No two themes of one session share a campaign theme.
			seen := map[[2]int]bool{}
			for i, m := range got {
				k := [2]int{m, tt.sess[i]}
				if seen[k] {
					t.Errorf("session %d has two themes in campaign theme %d: %v", tt.sess[i], m, got)
				}
				seen[k] = true
			}
		})
	}
}
