package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/charter-tool/charter/internal/datadir"
	"github.com/charter-tool/charter/session/sqlite"
)

// A real charter serve on a real filesystem of 256 KiB: refused while the space is
// free but too little, and refused as full once it is filled to the last block.
func TestServeRefusesANearlyFullAndAFullDisk(t *testing.T) {
	t.Parallel()
	if os.Getenv(ownMountNamespaceEnv) == "" {
		runInOwnMountNamespace(t)
		return
	}
	dir := mountTmpfs(t, "256k")
	data := filepath.Join(dir, "data")

	msg := serveMustRefuse(t, data)
	free, err := datadir.FreeSpace(data)
	if err != nil {
		t.Fatal(err)
	}
	if free == 0 || free > 256<<10 {
		t.Fatalf("%d bytes free on a tmpfs of 256 KiB before it was filled", free)
	}
	for _, want := range []string{"the disk of the data directory " + data + " is nearly full", byteSize(free) + " free", "needs at least 32 MiB"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}

	fill(t, dir)
	msg = serveMustRefuse(t, data)
	for _, want := range []string{"the disk of the data directory " + data + " is full", "no space left on device", "free some space"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
}

// ownMountNamespaceEnv is set for a test binary started by runInOwnMountNamespace.
const ownMountNamespaceEnv = "CHARTER_TEST_OWN_MOUNT_NAMESPACE"

// runInOwnMountNamespace runs t again in a child test binary with a mount namespace
// of its own, and, when not root, a user namespace in which it is root: there it
// may mount a filesystem that nobody outside sees and that goes away with the child
// however it ends. The child's result is t's; t is skipped where the kernel or a
// container refuses the namespaces.
func runInOwnMountNamespace(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// The child ends by itself, well before the parent's own time is up.
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, "-test.run=^"+t.Name()+"$", "-test.count=1", "-test.v", "-test.timeout=90s")
	cmd.Env = append(os.Environ(), ownMountNamespaceEnv+"=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNS}
	if os.Geteuid() != 0 {
		cmd.SysProcAttr.Cloneflags |= syscall.CLONE_NEWUSER
		cmd.SysProcAttr.UidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Geteuid(), Size: 1}}
		cmd.SysProcAttr.GidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getegid(), Size: 1}}
	}
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		t.Fatalf("the test failed in its own mount namespace:\n%s", out)
	case err != nil:
		t.Skipf("the kernel or the container refuses a mount namespace of its own (and a user namespace) to mount a small tmpfs in: %v; the test needs CAP_SYS_ADMIN or unprivileged user namespaces", err)
	case bytes.Contains(out, []byte("--- SKIP: "+t.Name())):
		t.Skipf("skipped in its own mount namespace:\n%s", out)
	case !bytes.Contains(out, []byte("--- PASS: "+t.Name())):
		t.Fatalf("the test did not run in its own mount namespace:\n%s", out)
	}
	t.Logf("in its own mount namespace:\n%s", out)
}

// mountTmpfs mounts a tmpfs of size (as mount's size option says it) on a new
// temporary directory, in a process that runInOwnMountNamespace started.
func mountTmpfs(t *testing.T, size string) string {
	// Nothing mounted here reaches the namespace the process came from.
	if err := unix.Mount("", "/", "", unix.MS_REC|unix.MS_PRIVATE, ""); err != nil {
		t.Skipf("cannot make the mounts of the test's own namespace private (%v)", err)
	}
	dir := t.TempDir()
	if err := unix.Mount("tmpfs", dir, "tmpfs", 0, "size="+size+",mode=0700"); err != nil {
		t.Skipf("the kernel or the container refuses to mount a tmpfs of %s in the test's own namespace: %v", size, err)
	}
	t.Cleanup(func() {
		if err := unix.Unmount(dir, 0); err != nil {
			t.Error(err)
		}
	})
	return dir
}

// fill writes a file in dir until its filesystem has no block left.
func fill(t *testing.T, dir string) {
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); errors.Is(err, syscall.ENOSPC) {
			return
		} else if err != nil {
			t.Fatal(err)
		}
	}
}

// On a real filesystem with 40 MiB free, a real database of 48 MiB: charter serve
// starts over it as it is (the minimum of 32 MiB is free), and refuses once a
// migration is pending, which may need room for a second copy of a table.
func TestServeNeedsRoomForTheDatabaseOnlyToMigrate(t *testing.T) {
	t.Parallel()
	if os.Getenv(ownMountNamespaceEnv) == "" {
		runInOwnMountNamespace(t)
		return
	}
	ctx := t.Context()
	// Built on the ordinary disk and copied: SQLite would write it twice (its log,
	// then the file) on the small one.
	built := filepath.Join(t.TempDir(), "data")
	db, err := openData(built)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", sqlite.URI(filepath.Join(built, "charter.db"), "_pragma=journal_mode(DELETE)"))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, q := range []string{`CREATE TABLE padding (b BLOB)`, `INSERT INTO padding VALUES (zeroblob(48 << 20))`} {
		if _, err := raw.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if err := raw.Close(); err != nil {
		t.Fatal(err)
	}

	dir := mountTmpfs(t, "88m")
	data := filepath.Join(dir, "data")
	if err := os.Mkdir(data, 0o700); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(built, "charter.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(data, "charter.db"), b, 0o600); err != nil {
		t.Fatal(err)
	}
	b = nil
	free, err := datadir.FreeSpace(data)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(filepath.Join(data, "charter.db"))
	if err != nil {
		t.Fatal(err)
	}
	if free < minFree || free >= uint64(fi.Size()) {
		t.Fatalf("%s free beside a database of %s; the test needs at least 32 MiB, less than the database", byteSize(free), byteSize(uint64(fi.Size())))
	}
	if err := checkFreeSpace(ctx, data); err != nil {
		t.Errorf("nothing to migrate, %s free: %v", byteSize(free), err)
	}

	pending, err := sql.Open("sqlite", sqlite.URI(filepath.Join(data, "charter.db"), ""))
	if err != nil {
		t.Fatal(err)
	}
	defer pending.Close()
	if _, err := pending.ExecContext(ctx, `DELETE FROM migrations WHERE name = (SELECT MAX(name) FROM migrations)`); err != nil {
		t.Fatal(err)
	}
	if err := pending.Close(); err != nil {
		t.Fatal(err)
	}
	msg := serveMustRefuse(t, data)
	for _, want := range []string{"the disk of the data directory " + data + " is nearly full", "as much as its database takes, to update it"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
}
