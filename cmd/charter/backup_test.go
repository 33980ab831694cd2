package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

func runBackupCmd(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	rc := run(append([]string{"backup"}, args...), strings.NewReader(""), &out, &errOut)
	return rc, out.String(), errOut.String()
}

func TestBackupWhileNotesAreWritten(t *testing.T) {
	t.Parallel()
	srv := testServer(t)
	ctx := context.Background()
	s := loadSession(t, srv, "Backup", session.PhaseWrite)

	// Writers keep adding notes before, during and after the backup.
	var acked atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 4 {
		p, err := srv.svc.Join(ctx, s.ID, "")
		if err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := srv.svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaConfidence, Lane: "strength", Text: fmt.Sprintf("writer %d note %d", w, i)}); err != nil {
					t.Error(err)
					return
				}
				acked.Add(1)
			}
		}()
	}
	for acked.Load() < 50 {
		time.Sleep(time.Millisecond)
	}
	before := acked.Load()
	out := filepath.Join(t.TempDir(), "charter-backup.db")
	rc, stdout, stderr := runBackupCmd("--data", srv.cfg.DataDir, "-o", out)
	close(stop)
	wg.Wait()
	if rc != 0 {
		t.Fatalf("exit %d: %s", rc, stderr)
	}
	if strings.TrimSpace(stdout) != out {
		t.Fatalf("printed %q, want the path %q", stdout, out)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v, %v", fi, err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*tmp*")); len(left) > 0 {
		t.Fatalf("temporary files left: %v", left)
	}

	db, err := sqlite.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	notes, err := db.Notes(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(notes)) < before || int64(len(notes)) > acked.Load() {
		t.Fatalf("backup has %d notes; %d were stored before it began, %d in all", len(notes), before, acked.Load())
	}
	// A consistent copy: for each writer, its notes are a prefix of what it wrote.
	next := map[int64]int{}
	for _, n := range notes {
		var w, i int
		if _, err := fmt.Sscanf(n.Text, "writer %d note %d", &w, &i); err != nil || i != next[n.ParticipantID] {
			t.Fatalf("note %q out of order or malformed (want note %d of its writer)", n.Text, next[n.ParticipantID])
		}
		next[n.ParticipantID]++
	}
	if got, err := db.Session(ctx, s.ID); err != nil || got.Code != s.Code {
		t.Fatalf("session in the backup: %+v, %v", got, err)
	}
}

func TestBackupRefusesWithAMessage(t *testing.T) {
	t.Parallel()
	data := newDataDir(t)
	dir := filepath.Dir(data)
	existing := filepath.Join(dir, "existing.db")
	if err := os.WriteFile(existing, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	missingData := filepath.Join(dir, "nowhere")
	for _, tc := range []struct {
		name string
		args []string
		rc   int
		want string
	}{
		{"no database in the data directory", []string{"--data", missingData, "-o", filepath.Join(dir, "a.db")}, 1, "no database at"},
		{"an existing output file", []string{"--data", data, "-o", existing}, 1, "already exists"},
		{"an output directory that does not exist", []string{"--data", data, "-o", filepath.Join(dir, "no", "b.db")}, 1, "there is no folder " + filepath.Join(dir, "no")},
		{"no output", []string{"--data", data}, 2, "say where to write the backup with -o FILE"},
		{"the file without -o", []string{"--data", data, filepath.Join(dir, "c.db")}, 2, "goes after -o"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rc, _, stderr := runBackupCmd(tc.args...)
			// The temporary file is charter's own business: no message names it.
			if rc != tc.rc || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, ".tmp-") {
				t.Fatalf("exit %d, want %d with %q; stderr: %s", rc, tc.rc, tc.want, stderr)
			}
		})
	}
	if _, err := os.Stat(missingData); !os.IsNotExist(err) {
		t.Errorf("backup created the missing data directory: %v", err)
	}
	if b, _ := os.ReadFile(existing); string(b) != "keep me" {
		t.Errorf("existing file changed: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "tmp") || e.Name() == "a.db" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
