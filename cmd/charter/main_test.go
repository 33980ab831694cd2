package main

import (
	"os"
	"testing"

	"github.com/charter-tool/charter/internal/testmain"
)

// runMainEnv makes the test binary be charter itself. A test that needs the program
// in a process of its own (to kill it) runs its own executable with this set, rather
// than building the program again: the same code, without a second build of every
// package on a cold cache.
const runMainEnv = "CHARTER_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		main()
	}
	testmain.NoRaceExitPause()
	// Most of these tests wait: for a server's timers (idle warnings, the
	// loadtest's pauses) and for SSH round trips, not for the CPU. The idle test
	// answers a warning within a second (see tui's idleWarnBefore).
	testmain.Parallel(testmain.Waiting)
	testmain.Exit(m.Run())
}
