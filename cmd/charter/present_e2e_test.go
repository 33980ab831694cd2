package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
)

// `ssh -t HOST present CODE` opens the projector view for a facilitator's key, live,
// and tells any other key that it is not theirs.
func TestPresentOverSSH(t *testing.T) {
	facKey, partKey := newKey(t), newKey(t)
	srv := testServer(t, facKey)
	sess, err := srv.svc.NewSession(context.Background(), session.Session{Title: "Developers Lisbon", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	wall := connect(t, srv.Addr(), facKey, "present "+sess.Code)
	wall.waitFor("0 people joined so far")
	wall.waitFor(sess.Code) // in the ssh line to join

	pos := wall.mark()
	part := connect(t, srv.Addr(), partKey, sess.Code)
	part.waitFor("Your name")
	wall.waitAfter(pos, "1 person joined so far")

	stranger := connect(t, srv.Addr(), newKey(t), "present "+sess.Code)
	stranger.waitFor("The projector view is for facilitators' keys.")
}

// waitAfterEither waits until the output after pos shows a or b, and returns it.
func (tm *term) waitAfterEither(pos int, a, b string) string {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if s := tm.since(pos); strings.Contains(s, a) || strings.Contains(s, b) {
			return s
		}
		time.Sleep(20 * time.Millisecond)
	}
	tm.t.Fatalf("screen never showed %q or %q; last output:\n%s", a, b, tail(tm.since(pos), 2000))
	return ""
}
