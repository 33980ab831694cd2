package server_test

import (
	"testing"

	"github.com/charter-tool/charter/internal/testmain"
)

func TestMain(m *testing.M) {
	testmain.NoRaceExitPause()
	// Most of these tests wait: for SSH round trips, timeouts and other clients.
	testmain.Parallel(testmain.Waiting)
	testmain.Exit(m.Run())
}
