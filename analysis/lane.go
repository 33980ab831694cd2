package analysis

import "strings"

// The areas a lane is in.
const (
	areaConfidence = iota
	areaActivities
	areaMotivation
)

// laneSense is what a note's lane says about what it holds: its area, whether
// it holds what works (+1: strength, keep, motivates), what does not (-1:
// concern, less, demotivates) or neither (0: the wishes add and more), and
// whether it wishes for an activity not done yet (add). laneSide, laneSign and
// laneWay all read it, so that a lane's sides cannot disagree.
type laneSense struct {
	area, works int
	notYet      bool
}

// laneSenses holds every lane a note may be in; an open topic is in none.
var laneSenses = map[string]laneSense{
	"strength": {areaConfidence, 1, false}, "concern": {areaConfidence, -1, false},
	"keep": {areaActivities, 1, false}, "add": {areaActivities, 0, true},
	"less": {areaActivities, -1, false}, "more": {areaActivities, 0, false},
	"motivates": {areaMotivation, 1, false}, "demotivates": {areaMotivation, -1, false},
}

// senseOf is lane's sense, written as any case and spacing; ok is false for an
// open topic ("") and any other lane.
func senseOf(lane string) (s laneSense, ok bool) {
	s, ok = laneSenses[strings.ToLower(strings.TrimSpace(lane))]
	return s, ok
}

// laneSide places a lane that takes a side in its area: +1 for what works or
// should go on (strength, motivates, keep, more), -1 for what does not
// (concern, demotivates, less). add wishes for an activity not done yet, so it
// is on neither side (ok is false), as are open topics. Matched as one campaign
// theme, praise and complaints about a thing were counted together ("Where its
// notes are: Motivates 1, Demotivates 1").
func laneSide(lane string) (area, side int, ok bool) {
	s, ok := senseOf(lane)
	if !ok || s.notYet {
		return 0, 0, false
	}
	if s.works != 0 {
		return s.area, s.works, true
	}
	// more: a wish that an activity done goes on.
	return s.area, laneWay(lane), true
}

// laneSign says whether a lane holds what works (+1), what does not (-1) or
// neither (0: wishes such as add and more, open topics).
func laneSign(lane string) int {
	s, _ := senseOf(lane)
	return s.works
}

// laneWay says which way a lane of the activities wants an activity to go: -1
// for less, +1 for the others (keep, add, more), 0 for the other areas' lanes
// and open topics. A wish for more of something is on no side by laneSign, yet
// it is the opposite of a wish for less.
func laneWay(lane string) int {
	s, ok := senseOf(lane)
	switch {
	case !ok || s.area != areaActivities:
		return 0
	case s.works < 0:
		return -1
	}
	return 1
}
