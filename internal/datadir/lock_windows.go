//go:build windows

package datadir

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

// LockExclusive locks f for this process with LockFileEx, without waiting:
// ErrLockHeld when another holds it. Closing f releases it. The byte locked lies
// far past the end of the file: Windows keeps others from reading a locked range,
// and a second server reads the holder's PID from the file's start.
func LockExclusive(f *os.File) error {
	ol := windows.Overlapped{OffsetHigh: 1 << 30}
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return fmt.Errorf("%w: %w", ErrLockHeld, err)
	}
	return err
}
