package session_test

import (
	"testing"

	"github.com/charter-tool/charter/session"
)

func TestSummarize(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		in           []int
		counts       [6]int
		mean, median float64
	}{
		{"empty", nil, [6]int{}, 0, 0},
		{"odd", []int{4, 2, 5}, [6]int{0, 0, 1, 0, 1, 1}, 11.0 / 3, 4},
		{"even", []int{1, 2, 4, 5}, [6]int{0, 1, 1, 0, 1, 1}, 3, 3},
		{"out of range ignored", []int{0, 3, 9}, [6]int{0, 0, 0, 1, 0, 0}, 3, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := session.Summarize(tt.in)
			if st.Counts != tt.counts || st.Mean != tt.mean || st.Median != tt.median {
				t.Errorf("Summarize(%v) = %+v, want counts %v mean %v median %v", tt.in, st, tt.counts, tt.mean, tt.median)
			}
		})
	}
}
