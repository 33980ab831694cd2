package main

import (
	"os"
	"runtime/debug"
)

// Go's default collects garbage each time the heap has grown by its live size
// (GOGC=100). A room of people pressing enter together allocates fast, and at that
// rate the collector took about a quarter of the server's CPU in the burst at the
// bell (docs/BENCHMARKS.md, "the collector"): serve lets the heap grow four times its
// live size before a collection instead, with a soft ceiling that makes the collector
// work harder rather than let the heap pass it. A thousand idle people hold about 60
// MiB, so the ceiling is far above what a room needs.
const (
	serveGCPercent   = 400
	serveMemoryLimit = 512 << 20
)

// gcTuning is the collector's setting for serve: none when the environment sets
// GOGC or GOMEMLIMIT, which the runtime has already applied and which win.
func gcTuning(getenv func(string) string) (percent int, limit int64, tune bool) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return 0, 0, false
	}
	return serveGCPercent, serveMemoryLimit, true
}

// tuneGC applies gcTuning to this process.
func tuneGC() {
	if percent, limit, ok := gcTuning(os.Getenv); ok {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}
