package session

import (
	"math"
	"sort"
	"strconv"
)

// RatingStats summarizes confidence ratings of 1 to 5.
type RatingStats struct {
	// Counts[r] is how many gave rating r; Counts[0] is unused.
	Counts [6]int
	N      int
	Mean   float64
	Median float64
}

// Summarize computes the distribution, mean and median of ratings; values outside
// 1-5 are ignored.
func Summarize(ratings []int) RatingStats {
	var st RatingStats
	var valid []int
	for _, r := range ratings {
		if r >= 1 && r <= 5 {
			st.Counts[r]++
			valid = append(valid, r)
		}
	}
	st.N = len(valid)
	if st.N == 0 {
		return st
	}
	sort.Ints(valid)
	sum := 0
	for _, r := range valid {
		sum += r
	}
	st.Mean = float64(sum) / float64(st.N)
	if st.N%2 == 1 {
		st.Median = float64(valid[st.N/2])
	} else {
		st.Median = float64(valid[st.N/2-1]+valid[st.N/2]) / 2
	}
	return st
}

// Median writes a median of ratings as the documents do: a whole number without
// decimals ("3"), a half with one ("3.5").
func Median(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return Tenths(v)
}

// Tenths is a mean to one decimal, a half rounded up as a person does by hand:
// 4.25 is 4.3 (%.1f rounds an exact half to the even digit, 4.2), so that every
// screen and document says the same mean as the ratings checked by hand.
func Tenths(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64)
}
