// Package testmain holds what every test binary of charter does before its tests.
// Only tests import it.
package testmain

import (
	"flag"
	"os"
	"strconv"
	"sync"
	"syscall"
	"testing"
)

// exitPause is the race detector's option for its pause at a successful exit. By
// default it waits one second there, for threads of C code to report a race; charter
// has no C code, and the pause is paid once per test binary, thirteen seconds of a
// whole test run.
const exitPause = "GORACE=atexit_sleep_ms=0"

// Run runs the package's tests and exits with their result.
func Run(m *testing.M) {
	NoRaceExitPause()
	Exit(m.Run())
}

// Exit runs what AtExit was given, then exits with code. A TestMain of its own
// ends with Exit(m.Run()), not os.Exit, so that what its tests left (testdb's
// databases) goes.
func Exit(code int) {
	atExit()
	os.Exit(code)
}

// atExit runs the functions AtExit was given, last added first, once.
func atExit() {
	exit.Lock()
	fns := exit.fns
	exit.fns = nil
	exit.Unlock()
	for i := len(fns) - 1; i >= 0; i-- {
		fns[i]()
	}
}

var exit struct {
	sync.Mutex
	fns []func()
}

// AtExit runs fn once the tests of the binary have run, before it exits (last
// added, first run): Run and Exit do it.
func AtExit(fn func()) {
	exit.Lock()
	exit.fns = append(exit.fns, fn)
	exit.Unlock()
}

// Waiting is how many parallel tests a package whose tests mostly wait (SSH round
// trips, another process) runs at once: go test's default is one per core, which
// leaves those cores idle while the tests wait.
const Waiting = 8

// Parallel runs n parallel tests at once, unless the command line gave -parallel.
// It parses the command line.
func Parallel(n int) {
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.parallel" })
	if !given {
		_ = flag.Set("test.parallel", strconv.Itoa(n))
	}
}

// NoRaceExitPause starts the test binary again, in the same process, with the race
// detector's exit pause off, unless it runs without the race detector or GORACE is
// set already (then it does nothing). The race detector reads GORACE only when the
// process starts. If the binary cannot be started again, the tests run with the
// pause.
func NoRaceExitPause() {
	if !raceEnabled {
		return
	}
	if _, set := os.LookupEnv("GORACE"); set {
		return
	}
	exe, err := os.Executable()
	if err != nil {
		return
	}
	_ = syscall.Exec(exe, os.Args, append(os.Environ(), exitPause))
}

// SkipUnderRace skips a test of code that starts no goroutine when the race
// detector is on: there it finds nothing, and makes the work about ten times
// slower. make test runs such a package's tests a second time without it
// (RACE_FREE in the Makefile), where they do run.
func SkipUnderRace(t testing.TB) {
	t.Helper()
	if raceEnabled {
		t.Skip("pure computation: run without -race (make test does)")
	}
}
