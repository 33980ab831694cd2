package tui_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// campaignHeldStore holds reads of the sessions made inside a read transaction (a
// campaign report reads its sessions so) until gate is closed, whatever the
// caller's deadline: a report that takes long.
type campaignHeldStore struct {
	session.Store
	gate chan struct{}
	// lists counts reads of the sessions outside a transaction: the home's.
	lists atomic.Int64
}

func (c *campaignHeldStore) Sessions(ctx context.Context) ([]*session.Session, error) {
	c.lists.Add(1)
	return c.Store.Sessions(ctx)
}

func (c *campaignHeldStore) ReadTx(ctx context.Context, fn func(st session.Store) error) error {
	return c.Store.ReadTx(ctx, func(st session.Store) error { return fn(&campaignHeldTx{Store: st, gate: c.gate}) })
}

type campaignHeldTx struct {
	session.Store
	gate chan struct{}
}

func (t *campaignHeldTx) Sessions(ctx context.Context) ([]*session.Session, error) {
	<-t.gate
	return t.Store.Sessions(ctx)
}

// Keys that arrive together and leave a screen as soon as they open it ("c" opens
// the campaign, "q" leaves it) bring back a home that loads at once, not once the
// report the campaign screen began is done.
func TestScreenOpenedByKeysTogetherStartsAtOnce(t *testing.T) {
	t.Parallel()
	h := &campaignHeldStore{gate: make(chan struct{})}
	t.Cleanup(func() { close(h.gate) })
	w := newWorldOver(t, func(db session.Store) session.Store {
		h.Store = db
		return h
	})
	if _, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers, Campaign: "Chartering 2026"}); err != nil {
		t.Fatal(err)
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("▸ Developers Berlin")
	listed := h.lists.Load()
	s.paste("cq") // one message, as keys that arrive together
	for end := time.Now().Add(waitTime); h.lists.Load() == listed; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("the home came back but did not read the sessions while the campaign report was still read")
		}
	}
}
