// Package datadir holds what taking a data directory needs of the operating system:
// an exclusive lock on a file that the system releases when the process ends, and
// the free space of the filesystem that holds the directory. It is apart so that
// its builds for other systems (make cross) are quick to check.
package datadir

import "errors"

// ErrLockHeld is what LockExclusive returns when another process holds the lock.
var ErrLockHeld = errors.New("the lock is held")
