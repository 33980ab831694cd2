package main

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/charter-tool/charter/session"
)

func TestServeRefusesADataDirectoryItCannotWrite(t *testing.T) {
	t.Parallel()
	if os.Geteuid() == 0 {
		t.Skip("runs as root, and root writes in a 0500 directory anyway")
	}
	data := filepath.Join(t.TempDir(), "data")
	if err := os.Mkdir(data, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(data, 0o700) })
	msg := serveMustRefuse(t, data)
	if want := "the data directory " + data + " is not writable"; !strings.Contains(msg, want) {
		t.Errorf("message %q does not say %q", msg, want)
	}
}

func TestServeRefusesADamagedDatabase(t *testing.T) {
	t.Parallel()
	// A directory named like a URI's fragment is checked too, not a file beside it.
	for _, name := range []string{"data", "data#2"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			damagedDatabaseIsRefused(t, filepath.Join(t.TempDir(), name))
		})
	}
}

func damagedDatabaseIsRefused(t *testing.T, data string) {
	db, err := openData(data)
	if err != nil {
		t.Fatal(err)
	}
	svc := session.NewService(db, nil)
	for range 200 {
		if _, err := svc.NewSession(context.Background(), session.Session{Title: strings.Repeat("A long title ", 6), Audience: session.AudienceDevelopers}); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	// Damage the last page, which holds sessions or an index, leaving the header
	// and schema on the first page intact.
	path := filepath.Join(data, "charter.db")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Fatal("the database was not checkpointed on close; the test damages only the main file")
	}
	const page = 4096
	if len(b) < 4*page {
		t.Fatalf("database of %d bytes: too small to damage a page past the schema", len(b))
	}
	copy(b[len(b)-page:], bytes.Repeat([]byte{0xA5}, page))
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}

	msg := serveMustRefuse(t, data)
	for _, want := range []string{"integrity check of " + path, "restore a backup"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
}

// The start needs 32 MiB free, and room for a second copy of the database only
// when migrations are to run (one may rebuild a table).
func TestStartNeedsFreeSpaceForTheDatabase(t *testing.T) {
	t.Parallel()
	const dir = "/srv/charter-data"
	for _, c := range []struct {
		name      string
		free, db  uint64
		migrating bool
		want      string // "" when the server starts
	}{
		{name: "plenty", free: 1 << 30},
		{name: "exactly the minimum", free: 32 << 20, db: 10 << 20, migrating: true},
		{name: "a byte short", free: 32<<20 - 1, want: dir + " is nearly full: 31.9 MiB free; charter serve needs at least 32 MiB to take notes safely"},
		{name: "a few KiB", free: 12 << 10, db: 4 << 20, want: "12 KiB free; charter serve needs at least 32 MiB to"},
		{name: "a few KiB, migrating", free: 12 << 10, db: 4 << 20, migrating: true, want: "12 KiB free; charter serve needs at least 32 MiB to"},
		{name: "nothing", free: 0, want: "0 bytes free"},
		{name: "less than the database, migrating", free: 100 << 20, db: 200 << 20, migrating: true,
			want: "100 MiB free; charter serve needs at least 200 MiB (as much as its database takes, to update it to this version of charter)"},
		{name: "less than the database, nothing to migrate", free: 100 << 20, db: 200 << 20},
		{name: "the minimum, a larger database, nothing to migrate", free: 32 << 20, db: 200 << 20},
		{name: "less than the minimum, a larger database", free: 32<<20 - 1, db: 200 << 20, want: "charter serve needs at least 32 MiB to take notes safely;"},
		{name: "as much as the database, migrating", free: 200 << 20, db: 200 << 20, migrating: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := enoughFree(dir, c.free, c.db, c.migrating)
			switch {
			case c.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case c.want != "" && err == nil:
				t.Errorf("%d bytes free for a database of %d bytes: started", c.free, c.db)
			case c.want != "" && !strings.Contains(err.Error(), c.want):
				t.Errorf("message %q does not say %q", err, c.want)
			case c.want != "" && !strings.Contains(err.Error(), "free some space or give another --data"):
				t.Errorf("message %q does not say what to do", err)
			}
		})
	}
}

func TestByteSizeNeverOverstates(t *testing.T) {
	t.Parallel()
	for n, want := range map[uint64]string{
		0:             "0 bytes",
		1:             "1 byte",
		1023:          "1023 bytes",
		1 << 10:       "1 KiB",
		1536:          "1.5 KiB",
		2047:          "1.9 KiB",
		32 << 20:      "32 MiB",
		32<<20 - 1:    "31.9 MiB",
		5<<30 + 1<<29: "5.5 GiB",
		3 << 40:       "3 TiB",
	} {
		if got := byteSize(n); got != want {
			t.Errorf("byteSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// A write refused for a used-up disk quota is told as a quota, with what to do,
// and leaves no check file behind. The quota is injected at the write (the error
// os.File.Write returns): a real one needs a filesystem with quotas enforced on a
// user without CAP_SYS_RESOURCE, and the kernels the tests run on may have none
// (no CONFIG_QFMT_V2 for ext4, no CONFIG_TMPFS_QUOTA for tmpfs). Not parallel:
// it replaces writeCheck for the whole package while it runs.
func TestServeSaysTheDiskQuotaIsUsedUp(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	write := writeCheck
	t.Cleanup(func() { writeCheck = write })
	writeCheck = func(f *os.File) error {
		return &os.PathError{Op: "write", Path: f.Name(), Err: syscall.EDQUOT}
	}
	msg := serveMustRefuse(t, data)
	for _, want := range []string{"the disk quota of the data directory " + data + " is used up", "disk quota exceeded", "free some space or give another --data"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(data, ".write-check-*")); len(left) > 0 {
		t.Errorf("the check left %q behind", left)
	}
}

// A data directory that belongs to another user cannot be made private (chmod is
// refused even to read it): the message says so and what to do, not only
// "operation not permitted". Root may chmod anything, so the refusal is the one
// chmod gives any other user.
func TestDataDirectoryOfAnotherUserIsSaidSo(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "data")
	err := chmodError(dir, &fs.PathError{Op: "chmod", Path: dir, Err: syscall.EPERM})
	for _, want := range []string{"the data directory " + dir + " belongs to another user", "run charter as its owner", "--data", "operation not permitted"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q does not say %q", err, want)
		}
	}
	if !errors.Is(err, fs.ErrPermission) {
		t.Errorf("%v is not a permission error", err)
	}
	other := chmodError(dir, &fs.PathError{Op: "chmod", Path: dir, Err: syscall.EROFS})
	if strings.Contains(other.Error(), "another user") {
		t.Errorf("a read-only filesystem is said to be another user's: %v", other)
	}
}
