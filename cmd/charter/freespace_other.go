//go:build !linux && !darwin && !freebsd && !windows

package main

import "errors"

// freeSpace is not measured on this platform; the start-up check then relies on
// the write check alone.
func freeSpace(string) (uint64, error) {
	return 0, errors.ErrUnsupported
}
