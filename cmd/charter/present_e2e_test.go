package main

import (
	"context"
	"testing"

	"github.com/charter-tool/charter/session"
)

// `ssh -t HOST present CODE` opens the projector view for a facilitator's key, live,
// and tells any other key that it is not theirs.
func TestPresentOverSSH(t *testing.T) {
	t.Parallel()
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
