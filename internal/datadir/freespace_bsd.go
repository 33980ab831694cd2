//go:build darwin || freebsd

package datadir

import "golang.org/x/sys/unix"

// FreeSpace returns the bytes a process without root's reserve may still write on
// the filesystem that holds dir. FreeBSD's count goes below zero when root has
// used part of the reserve.
func FreeSpace(dir string) (uint64, error) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return uint64(max(int64(st.Bavail), 0)) * uint64(st.Bsize), nil
}
