package main

import (
	"os"
	"testing"
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
	os.Exit(m.Run())
}
