package main

import (
	"os"
	"testing"

	gossh "golang.org/x/crypto/ssh"
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
