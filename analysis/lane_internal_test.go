package analysis

import "testing"

// TestLaneAnswers holds what the three tables laneSide, laneSign and laneWay
// said for each lane before all three were read from laneSenses: the area and
// side a lane takes, if any, whether it holds what works, and which way it
// wants an activity to go. Lanes are written as a note's may be, in any case
// and spacing; an open topic ("") and an unknown lane take no side.
func TestLaneAnswers(t *testing.T) {
	for _, c := range []struct {
		lane       string
		sided      bool
		area, side int
		sign, way  int
	}{
		{"strength", true, 0, 1, 1, 0},
		{"concern", true, 0, -1, -1, 0},
		{"keep", true, 1, 1, 1, 1},
		{"add", false, 0, 0, 0, 1},
		{"less", true, 1, -1, -1, -1},
		{"more", true, 1, 1, 0, 1},
		{"motivates", true, 2, 1, 1, 0},
		{"demotivates", true, 2, -1, -1, 0},
		{" Keep ", true, 1, 1, 1, 1},
		{"MORE", true, 1, 1, 0, 1},
		{"Add", false, 0, 0, 0, 1},
		{"", false, 0, 0, 0, 0},
		{"topic", false, 0, 0, 0, 0},
	} {
		area, side, ok := laneSide(c.lane)
		if ok != c.sided || area != c.area || side != c.side {
			t.Errorf("laneSide(%q) = %d, %d, %v; want %d, %d, %v", c.lane, area, side, ok, c.area, c.side, c.sided)
		}
		if got := laneSign(c.lane); got != c.sign {
			t.Errorf("laneSign(%q) = %d; want %d", c.lane, got, c.sign)
		}
		if got := laneWay(c.lane); got != c.way {
			t.Errorf("laneWay(%q) = %d; want %d", c.lane, got, c.way)
		}
	}
}
