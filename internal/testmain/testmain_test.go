package testmain

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) { Run(m) }

// Under the race detector the binary runs again with the pause off.
func TestRaceExitPauseIsOff(t *testing.T) {
	if !raceEnabled {
		t.Skip("the pause is the race detector's: run with -race")
	}
	if got := os.Getenv("GORACE"); got != "atexit_sleep_ms=0" {
		t.Fatalf("GORACE = %q under the race detector, want atexit_sleep_ms=0", got)
	}
}

// A test skipped under the race detector runs without it.
func TestSkipUnderRaceSkipsOnlyThere(t *testing.T) {
	var ran bool
	t.Run("pure", func(t *testing.T) {
		SkipUnderRace(t)
		ran = true
	})
	if ran == raceEnabled {
		t.Errorf("with the race detector %v the test ran: %v", raceEnabled, ran)
	}
}
