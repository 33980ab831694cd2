//go:build !unix

// Package proccpu reads the CPU time the running process has used, for the
// server's stats and the loadtest's report.
package proccpu

// Known says whether Seconds measures on this system: not where getrusage is
// missing.
const Known = false

// Seconds is not measured here: it is always 0.
func Seconds() float64 { return 0 }
