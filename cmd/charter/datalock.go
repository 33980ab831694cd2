package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/charter-tool/charter/internal/datadir"
)

// lockFile is the file in a data directory that the running server holds locked.
const lockFile = "serve.lock"

// lockDataDir takes the data directory for one server: two servers over one
// database would each show only their own connections' changes live, and each would
// believe it is the only one claiming facilitators. The lock is taken on
// DATA/serve.lock by datadir.LockExclusive (an flock, or LockFileEx on Windows), so the
// system releases it when the process ends, however it ends; the file holds the
// holder's PID for the message a second server gives.
// A directory the server cannot write in is refused here, before anything else.
// Unlock by closing the returned file.
func lockDataDir(dir string) (*os.File, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	if err := checkWritable(dir); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, lockFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("data directory lock: %w", err)
	}
	err = datadir.LockExclusive(f)
	// A command run on the directory (session new, invite) takes the lock for a
	// moment to see whether a server holds it (runningAddr): a server starting
	// then waits that moment out rather than take it for another server.
	for try := 0; errors.Is(err, datadir.ErrLockHeld) && try < 50; try++ {
		time.Sleep(10 * time.Millisecond)
		err = datadir.LockExclusive(f)
	}
	if err != nil {
		f.Close()
		if errors.Is(err, datadir.ErrLockHeld) {
			return nil, dataDirInUse(dir)
		}
		return nil, fmt.Errorf("data directory lock: %w", err)
	}
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return f, nil
}

// recordAddr writes, after the holder's PID, the address the server listens on
// into the lock file: commands run on the same data directory print the ssh line
// for it (see runningAddr) instead of guessing the default port.
func recordAddr(lock *os.File, addr string) error {
	if err := lock.Truncate(0); err != nil {
		return fmt.Errorf("data directory lock: %w", err)
	}
	if _, err := lock.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"+addr+"\n"), 0); err != nil {
		return fmt.Errorf("data directory lock: %w", err)
	}
	return nil
}

// runningAddr is the address the charter serve running on dir listens on, as it
// recorded it (recordAddr); "" when no server holds the directory, or it did not
// say. A file no server holds is from one that ended: its address may be gone.
func runningAddr(dir string) string {
	f, err := os.Open(filepath.Join(dir, lockFile))
	if err != nil {
		return ""
	}
	defer f.Close()
	// Taken, the lock is released at once by the deferred Close; a server starting
	// in that moment waits for it (lockDataDir).
	if err := datadir.LockExclusive(f); !errors.Is(err, datadir.ErrLockHeld) {
		return ""
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return ""
	}
	_, addr, _ := strings.Cut(string(b), "\n")
	return strings.TrimSpace(addr)
}

// dataDirInUse is the refusal of a data directory another charter serve holds.
func dataDirInUse(dir string) error {
	return fmt.Errorf("another charter serve%s is using %s; stop it or give another --data", holder(filepath.Join(dir, lockFile)), dir)
}

// holder names the process that holds the lock file at path, as " (pid N)", or
// nothing when the file does not say.
func holder(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	first, _, _ := bytes.Cut(b, []byte("\n"))
	pid, err := strconv.Atoi(string(bytes.TrimSpace(first)))
	if err != nil || pid <= 0 {
		return ""
	}
	return fmt.Sprintf(" (pid %d)", pid)
}
