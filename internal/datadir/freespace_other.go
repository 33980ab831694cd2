//go:build !linux && !darwin && !freebsd && !windows

package datadir

import "errors"

// FreeSpace is not measured on this platform; the start-up check then relies on
// the write check alone.
func FreeSpace(string) (uint64, error) {
	return 0, errors.ErrUnsupported
}
