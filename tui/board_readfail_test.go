package tui_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"

	"github.com/charter-tool/charter/session"
)

// failingReads fails every read transaction while on, and counts those.
type failingReads struct {
	session.Store
	on     atomic.Bool
	failed atomic.Int64
}

func (f *failingReads) ReadTx(ctx context.Context, fn func(st session.Store) error) error {
	if f.on.Load() {
		f.failed.Add(1)
		return errors.New("disk I/O error: the test's reads fail")
	}
	return f.Store.ReadTx(ctx, fn)
}

// A board whose read fails says so and waits for the next change before reading
// again, instead of reading again at once, over and over (a spinning CPU and a log
// line per read).
func TestBoardDoesNotRereadAFailedReadAtOnce(t *testing.T) {
	t.Parallel()
	var f *failingReads
	w := newWorldOver(t, func(db session.Store) session.Store {
		f = &failingReads{Store: db}
		return f
	})
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	b := w.openBoard(sess)
	f.on.Store(true)
	w.hub.Publish(sess.ID, session.ChangeSession)
	b.waitFor("Something went wrong")
	// Something drawn after it: had the board read again at once, over and over,
	// the failed reads would be many by then.
	b.keys("2")
	b.waitFor("connected now")
	if n := f.failed.Load(); n > 2 {
		t.Fatalf("%d failed reads for one change: the board read again at once", n)
	}
}
