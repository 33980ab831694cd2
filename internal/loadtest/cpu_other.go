//go:build !unix

package loadtest

// ownCPUKnown says whether ownCPU measures.
const ownCPUKnown = false

// ownCPU is not measured where getrusage is missing.
func ownCPU() float64 { return 0 }
