//go:build unix

package loadtest

import "syscall"

// ownCPUKnown says whether ownCPU measures.
const ownCPUKnown = true

// ownCPU is the CPU time (user and system) the loadtest process has used so far.
func ownCPU() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}
