package analysis_test

import (
	"fmt"
	"testing"

	"github.com/charter-tool/charter/analysis"
)

func TestPrioritize(t *testing.T) {
	type in = analysis.PriorityInput
	tests := []struct {
		name   string
		in     []in
		order  []string
		scores []int
	}{
		{"empty", nil, nil, nil},
		{"score decides", []in{{0, "a", 0, 1, 1, 0}, {0, "b", 2, 1, 1, 0}, {0, "c", 1, 3, 4, 0}},
			[]string{"c", "b", "a"}, []int{13, 9, 3}},
		{"equal score, more votes first", []in{{0, "authors", 0, 3, 0, 0}, {0, "votes", 2, 0, 0, 0}},
			[]string{"votes", "authors"}, []int{6, 6}},
		{"equal score and votes, more authors first", []in{{0, "notes", 1, 0, 2, 0}, {0, "authors", 1, 1, 0, 0}},
			[]string{"authors", "notes"}, []int{5, 5}},
		{"all equal, key ascending", []in{{0, "zebra", 1, 1, 1, 0}, {0, "apple", 1, 1, 1, 0}},
			[]string{"apple", "zebra"}, []int{6, 6}},
		{"all equal, alphabetical whatever the case", []in{{0, "Team knows its services", 1, 1, 1, 0}, {0, "pen testing", 1, 1, 1, 0}},
			[]string{"pen testing", "Team knows its services"}, []int{6, 6}},
		{"nothing yet", []in{{0, "b", 0, 0, 0, 0}, {0, "a", 0, 0, 0, 0}},
			[]string{"a", "b"}, []int{0, 0}},
		{"same label, lower ID first", []in{{7, "same", 1, 0, 0, 0}, {3, "same", 1, 0, 0, 0}},
			[]string{"same#3", "same#7"}, []int{3, 3}},
		{"one session adds nothing", []in{{0, "one", 1, 1, 1, 1}, {0, "none", 1, 1, 1, 0}},
			[]string{"none", "one"}, []int{6, 6}},
		{"each further session adds 5", []in{{0, "loud", 2, 2, 3, 1}, {0, "wide", 0, 2, 2, 3}},
			[]string{"wide", "loud"}, []int{16, 13}},
		{"equal score, more sessions first", []in{{0, "votes", 2, 1, 1, 1}, {0, "rooms", 0, 1, 2, 2}},
			[]string{"rooms", "votes"}, []int{9, 9}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := analysis.Prioritize(tt.in)
			if len(got) != len(tt.order) {
				t.Fatalf("got %d priorities, want %d", len(got), len(tt.order))
			}
			for i, p := range got {
				key := p.Key
				if p.ID != 0 {
					key = fmt.Sprintf("%s#%d", p.Key, p.ID)
				}
				if key != tt.order[i] || p.Score != tt.scores[i] || p.Rank != i+1 {
					t.Errorf("#%d = %s score %d rank %d, want %s score %d rank %d", i, p.Key, p.Score, p.Rank, tt.order[i], tt.scores[i], i+1)
				}
			}
		})
	}
}
