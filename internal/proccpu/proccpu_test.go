package proccpu

import "testing"

func TestSecondsGrowWithWork(t *testing.T) {
	if !Known {
		t.Skip("CPU time is not measured on this system")
	}
	before := Seconds()
	// Work until the clock has moved (clock ticks are milliseconds): a wait for
	// what is needed, with an end should the clock never move.
	x, after := 0, before
	for n := 0; after <= before && n < 5000; n++ {
		for i := range 1_000_000 {
			x += i
		}
		after = Seconds()
	}
	if x == 0 || after <= before {
		t.Errorf("CPU time stayed at %v after work", before)
	}
}
