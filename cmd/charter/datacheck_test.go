package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
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
	data := filepath.Join(t.TempDir(), "data")
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
