package main

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/log"
	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session"
)

// A key added to the facilitators file while the server runs is a facilitator's
// from its next connection, without a restart.
func TestFacilitatorsFileIsReadAgain(t *testing.T) {
	first, second := newKey(t), newKey(t)
	srv := testServer(t, first)
	before := connect(t, srv.Addr(), second, "")
	before.waitFor("Join code:")
	before.close()

	f, err := os.OpenFile(srv.cfg.Facilitators, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(append([]byte("# added while running\n"), gossh.MarshalAuthorizedKey(second.PublicKey())...)); err != nil {
		t.Fatal(err)
	}
	f.Close()
	after := connect(t, srv.Addr(), second, "")
	after.waitFor("· facilitator")
}

// syncBuffer is a log destination that tests read while the server writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// The server log holds no join code and nothing that names a participant's
// connection: no user name, address or command.
func TestLogNamesNoParticipant(t *testing.T) {
	var logged syncBuffer
	facKey, pKey := newKey(t), newKey(t)
	srv := testServerWith(t, server.Config{Logger: log.New(&logged)}, facKey)
	fac := connect(t, srv.Addr(), facKey, "")
	code := createSession(t, fac, "Developers Porto")
	p := connect(t, srv.Addr(), pKey, code)
	p.waitFor("Your name")
	keyless := connect(t, srv.Addr(), nil, session.NormalizeCode(code))
	keyless.waitFor("Your name")
	p.close()
	keyless.close()
	for !strings.Contains(logged.String(), "participant disconnected") {
		time.Sleep(10 * time.Millisecond)
	}
	out := logged.String()
	if !strings.Contains(out, "facilitator connected") {
		t.Fatalf("the facilitator's connection is not logged:\n%s", out)
	}
	for _, secret := range []string{code, session.NormalizeCode(code), gossh.FingerprintSHA256(pKey.PublicKey())} {
		if strings.Contains(out, secret) {
			t.Errorf("the log holds %q:\n%s", secret, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "participant") && (strings.Contains(line, "someone") || strings.Contains(line, "127.0.0.1")) {
			t.Errorf("a participant's line names a user or an address: %q", line)
		}
	}
}
