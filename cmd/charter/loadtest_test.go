package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/session"
)

// keyFile writes a new ed25519 key as an OpenSSH private key file and returns its
// path and signer.
func keyFile(t *testing.T) (string, gossh.Signer) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "id_ed25519")
	if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return path, signer
}

// loadSession creates a session in phase ph on the running server.
func loadSession(t *testing.T, srv *testSrv, title string, ph session.Phase) *session.Session {
	t.Helper()
	ctx := context.Background()
	s, err := srv.svc.NewSession(ctx, session.Session{Title: title, Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	if ph != session.PhaseLobby {
		if s, err = srv.svc.SetPhase(ctx, s.ID, ph); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func runLoad(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	// A short idle window: the figure is checked to be there, not what it is, and the
	// default window of 3 s is waited for in every run.
	args = append([]string{"loadtest", "--idle", "200ms"}, args...)
	rc := run(args, strings.NewReader(""), &out, &errOut)
	return rc, out.String(), errOut.String()
}

func TestLoadtestMeasuresEveryNoteOnTheBoard(t *testing.T) {
	t.Parallel()
	path, facKey := keyFile(t)
	srv := testServer(t, facKey)
	// Another session, created later, is listed first: the loadtest must pick by code.
	s := loadSession(t, srv, "Load", session.PhaseWrite)
	loadSession(t, srv, "Other", session.PhaseWrite)

	own := filepath.Join(t.TempDir(), "client.prof")
	rc, out, errOut := runLoad("--addr", srv.Addr(), "--code", s.Code, "--facilitator-key", path,
		"--participants", "5", "--notes", "3", "--pause", "50ms", "--timeout", "60s", "--client-profile", own)
	if rc != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", rc, out, errOut)
	}
	// The loadtest's own CPU profile over the notes (pprof's format is gzipped).
	if buf, err := os.ReadFile(own); err != nil || len(buf) < 2 || buf[0] != 0x1f || buf[1] != 0x8b {
		t.Errorf("--client-profile wrote no profile: %v, %d bytes", err, len(buf))
	}
	for _, re := range []string{
		`participants: +5 of 5 joined\n`,
		`errors: +0\n`,
		`handshake \(TCP\+SSH\): +p50 [0-9.]+ ms  p95 [0-9.]+ ms  max [0-9.]+ ms  \(n=5\)`,
		`submit-to-board latency: +p50 [0-9.]+ ms  p95 [0-9.]+ ms  p99 [0-9.]+ ms  max [0-9.]+ ms  \(n=[0-9]+\)`,
		`submit-to-saved \(author\): +p50 [0-9.]+ ms  p95 [0-9.]+ ms  p99 [0-9.]+ ms  max [0-9.]+ ms  \(n=15\)`,
		`note rate: +[0-9.]+ notes/s saved over [0-9.]+ s\n`,
		`per idle connection: +heap -?[0-9]+ KiB \(live objects -?[0-9]+ KiB\), sys -?[0-9]+ KiB`,
		`server CPU, all idle: +[0-9.]+ s in [0-9.]+ s \([0-9]+% of one core\)\n`,
		`server CPU, the notes: +[0-9.]+ s in [0-9.]+ s \([0-9]+% of one core\)\n`,
		// The clients' own share of the machine over the same notes.
		`loadtest CPU, the notes: +[0-9.]+ s in [0-9.]+ s \([0-9]+% of one core\)\n`,
		// What the server allocated over them, and its collections meanwhile.
		`server allocated, notes: +[0-9.]+ MiB \([0-9.]+ KiB a note\), [0-9]+ collections? meanwhile\n`,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("report lacks a line matching %s:\n%s", re, out)
		}
	}
	// The last writer's last notes may wait for a second writer on the board (see
	// session.MinBatchWriters): at most one person's 3, and none missing.
	m := regexp.MustCompile(`notes: +15 of 15 acknowledged, ([0-9]+) seen on board \([0-9]+ of them by its count\), ([0-9]) held for a second writer, 0 missing\n`).FindStringSubmatch(out)
	if m == nil || m[1] == "" || atoi(m[1])+atoi(m[2]) != 15 || atoi(m[2]) > 3 {
		t.Errorf("the report's notes line: %q\n%s", m, out)
	}

	notes, err := srv.db.Notes(context.Background(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 15 {
		t.Fatalf("stored %d notes, want 15", len(notes))
	}
	seen := map[string]bool{}
	for _, n := range notes {
		tok := regexp.MustCompile(`lt-[0-9]+-[0-9]+-[0-9a-f]{8}`).FindString(n.Text)
		if tok == "" || seen[tok] {
			t.Fatalf("note %q lacks a unique token", n.Text)
		}
		seen[tok] = true
	}
}

func TestLoadtestMovesTheSessionToWrite(t *testing.T) {
	t.Parallel()
	path, facKey := keyFile(t)
	srv := testServer(t, facKey)
	s := loadSession(t, srv, "Lobby", session.PhaseLobby)
	rc, out, errOut := runLoad("--addr", srv.Addr(), "--code", strings.ToLower(code(s.Code)), "--facilitator-key", path,
		"--participants", "1", "--notes", "1", "--timeout", "30s")
	if rc != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", rc, out, errOut)
	}
	if !strings.Contains(out, "moved the session from check-in to write") {
		t.Errorf("the report does not say the session was moved:\n%s", out)
	}
	got, err := srv.db.Session(context.Background(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Phase != session.PhaseWrite {
		t.Fatalf("phase %s, want write", got.Phase)
	}
}

func TestLoadtestRefusesWithAMessage(t *testing.T) {
	t.Parallel()
	path, facKey := keyFile(t)
	strangerPath, _ := keyFile(t)
	srv := testServer(t, facKey)
	s := loadSession(t, srv, "Revealed", session.PhaseReveal)
	for _, tc := range []struct {
		name string
		args []string
		rc   int
		want string
	}{
		{"a key that is not a facilitator's", []string{"--code", s.Code, "--facilitator-key", strangerPath}, 1, "not allowlisted"},
		{"a session past the write phase", []string{"--code", s.Code, "--facilitator-key", path}, 1, "the session is in REVEAL"},
		{"an unknown code", []string{"--code", "ZZZZ-ZZZZ", "--facilitator-key", path}, 1, "no session with the code ZZZZ-ZZZZ"},
		{"no code", []string{"--facilitator-key", path}, 2, "usage: charter loadtest"},
		{"a missing key file", []string{"--code", s.Code, "--facilitator-key", filepath.Join(t.TempDir(), "none")}, 1, "facilitator key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"--addr", srv.Addr(), "--participants", "1", "--notes", "1", "--timeout", "20s"}, tc.args...)
			rc, out, errOut := runLoad(args...)
			if rc != tc.rc || !strings.Contains(errOut, tc.want) {
				t.Fatalf("exit %d, want %d with %q on stderr\nstdout:\n%s\nstderr:\n%s", rc, tc.rc, tc.want, out, errOut)
			}
		})
	}
	if ps, _ := srv.db.Participants(context.Background(), s.ID); len(ps) != 0 {
		t.Fatalf("%d participants joined a refused run", len(ps))
	}
}

func TestLoadtestTimesThePhaseChangeOnEveryScreen(t *testing.T) {
	path, facKey := keyFile(t)
	srv := testServer(t, facKey)
	s := loadSession(t, srv, "Fan-out", session.PhaseWrite)
	rc, out, errOut := runLoad("--addr", srv.Addr(), "--code", s.Code, "--facilitator-key", path,
		"--participants", "4", "--notes", "1", "--phase-change", "--timeout", "60s")
	if rc != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", rc, out, errOut)
	}
	for _, re := range []string{
		`phase change to screens: +p50 [0-9.]+ ms  p95 [0-9.]+ ms  p99 [0-9.]+ ms  max [0-9.]+ ms  \(n=4\), to reveal`,
		// Where the phase change's time went: the server's CPU, and the clients'.
		`server CPU, phase change: +[0-9.]+ s in [0-9.]+ s`,
		`loadtest CPU, phase change: +[0-9.]+ s in [0-9.]+ s`,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("report lacks a line matching %s:\n%s", re, out)
		}
	}
	got, err := srv.db.Session(context.Background(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Phase != session.PhaseReveal {
		t.Fatalf("phase %s, want reveal", got.Phase)
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
