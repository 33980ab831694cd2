package server_test

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/charter-tool/charter/internal/sshclient"
	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session"
)

// A closed connection releases what it held: after 200 short connections (half of
// them people joining a session, half a facilitator's home), the process's goroutines
// and heap come back near where they were. Not parallel: other tests' goroutines
// would be counted.
func TestClosedConnectionsReleaseEverything(t *testing.T) {
	fac := newKey(t)
	srv := startServer(t, server.Config{}, fac)
	sess, err := srv.Service().NewSession(context.Background(), session.Session{Title: "Developers Porto", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	open := func(i int) error {
		key, command, want := fac, "", "Sessions"
		if i%2 == 0 {
			key, command, want = newKey(t), sess.Code, "Your name"
		}
		s, err := sshclient.Open(t.Context(), srv.Addr(), key, command, 80, 24, nil)
		if err != nil {
			return err
		}
		defer s.Close()
		if _, err := s.WaitFor(context.Background(), 60*time.Second, want); err != nil {
			return fmt.Errorf("connection %d: %w", i, err)
		}
		return nil
	}
	// One of each first: what is made once (styles, caches) is not a leak.
	for i := range 2 {
		if err := open(i); err != nil {
			t.Fatal(err)
		}
	}
	goroutines, heap := settled()
	t.Logf("before: %d goroutines, %d KiB heap", goroutines, heap>>10)

	const conns, together = 200, 8
	var wg sync.WaitGroup
	errs := make(chan error, conns)
	next := make(chan int)
	for range together {
		wg.Go(func() {
			for i := range next {
				if err := open(i); err != nil {
					errs <- err
				}
			}
		})
	}
	for i := range conns {
		next <- i
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}

	// Near the baseline: one connection left behind would hold a dozen goroutines
	// and tens of KiB (once 47 KiB and 2 goroutines for 30 minutes each).
	const moreGoroutines, moreHeap = 4, 1 << 20
	deadline := time.Now().Add(2 * time.Minute)
	for {
		g, h := settled()
		if g <= goroutines+moreGoroutines && h <= heap+moreHeap {
			t.Logf("after %d connections: %d goroutines, %d KiB heap", conns, g, h>>10)
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("after %d connections: %d goroutines (%d before), %d KiB heap (%d before); goroutines:\n%s",
				conns, g, goroutines, h>>10, heap>>10, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(100 * time.Millisecond) // polling for the condition
	}
}

// settled returns the goroutine count and the heap in use after a collection.
func settled() (int, uint64) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return runtime.NumGoroutine(), m.HeapAlloc
}
