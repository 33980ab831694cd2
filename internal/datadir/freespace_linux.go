package datadir

import "golang.org/x/sys/unix"

// FreeSpace returns the bytes a process without root's reserve may still write on
// the filesystem that holds dir. Linux counts blocks in fragments (f_frsize), as
// statvfs and df do.
func FreeSpace(dir string) (uint64, error) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return st.Bavail * uint64(st.Frsize), nil
}
