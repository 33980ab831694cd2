//go:build unix

package datadir

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// LockExclusive takes an flock on f for this process, without waiting: ErrLockHeld
// when another holds it. Closing f releases it.
func LockExclusive(f *os.File) error {
	err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
	if errors.Is(err, unix.EWOULDBLOCK) {
		return fmt.Errorf("%w: %w", ErrLockHeld, err)
	}
	return err
}
