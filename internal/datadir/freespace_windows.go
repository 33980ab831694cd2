package datadir

import "golang.org/x/sys/windows"

// FreeSpace returns the bytes this process may still write on the volume that
// holds dir, within its disk quota if it has one.
func FreeSpace(dir string) (uint64, error) {
	p, err := windows.UTF16PtrFromString(dir)
	if err != nil {
		return 0, err
	}
	var free, total, totalFree uint64
	if err := windows.GetDiskFreeSpaceEx(p, &free, &total, &totalFree); err != nil {
		return 0, err
	}
	return free, nil
}
