package server_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/internal/sshclient"
	"github.com/charter-tool/charter/internal/testdb"
	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// heldStore holds the first listing of sessions until its context ends, and says
// how it ended: a screen's read that a loaded disk keeps waiting.
type heldStore struct {
	server.Store
	started chan struct{}
	ended   chan error
	// release lets a held call go when the test is over, whatever its context.
	release chan struct{}
	held    atomic.Bool
}

func (h *heldStore) Sessions(ctx context.Context) ([]*session.Session, error) {
	// The first listing is held whether or not the test waits for it yet (the home
	// may list before the test's client has its screen): started has room for it.
	if !h.held.CompareAndSwap(false, true) {
		return h.Store.Sessions(ctx)
	}
	h.started <- struct{}{}
	select {
	case <-ctx.Done():
		h.ended <- ctx.Err()
		return nil, ctx.Err()
	case <-h.release:
		return nil, errors.New("held until the test ended")
	}
}

// A screen's service call runs with the SSH session's context: when the connection
// closes, the call is cancelled instead of running on to its deadline.
func TestScreenCallsEndWithTheConnection(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	key := newKey(t)
	facilitators := filepath.Join(dir, "facilitators")
	if err := os.WriteFile(facilitators, gossh.MarshalAuthorizedKey(key.PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(testdb.Place(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	st := &heldStore{Store: db, started: make(chan struct{}, 1), ended: make(chan error, 1), release: make(chan struct{})}
	srv, err := server.New(server.Config{Addr: "127.0.0.1:0", DataDir: dir, Facilitators: facilitators}, st)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Listen(); err != nil {
		t.Fatal(err)
	}
	go srv.Serve()
	t.Cleanup(func() {
		close(st.release)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	})

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	scr, err := sshclient.Open(ctx, srv.Addr(), key, "", 80, 24, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The facilitator's home lists the sessions as it opens.
	select {
	case <-st.started:
	case <-ctx.Done():
		t.Fatal("the home screen never listed the sessions")
	}
	scr.Close()
	select {
	case err := <-st.ended:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("the listing ended with %v, want it cancelled with the connection", err)
		}
	case <-ctx.Done():
		t.Fatal("the listing did not end after the connection closed")
	}
}
