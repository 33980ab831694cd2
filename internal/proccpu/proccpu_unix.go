//go:build unix

// Package proccpu reads the CPU time the running process has used, for the
// server's stats and the loadtest's report.
package proccpu

import "syscall"

// Known says whether Seconds measures on this system.
const Known = true

// Seconds is the CPU time (user and system) the process has used so far, or 0
// if the system does not say.
func Seconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}
