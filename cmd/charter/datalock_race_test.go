package main

import (
	"sync/atomic"
	"testing"
	"time"
)

// charter session new (or invite) run while charter serve starts on the same
// data directory must not make the server refuse to start: runningAddr takes the
// lock, for a moment, when no server holds it.
func TestReadingTheAddressDoesNotKeepAServerFromStarting(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var stop atomic.Bool
	done := make(chan struct{})
	go func() {
		defer close(done)
		for !stop.Load() {
			runningAddr(dir)
		}
	}()
	refused := 0
	deadline := time.Now().Add(time.Second)
	for time.Now().Before(deadline) {
		f, err := lockDataDir(dir)
		if err != nil {
			if refused == 0 {
				t.Log(err)
			}
			refused++
			continue
		}
		f.Close()
	}
	stop.Store(true)
	<-done
	if refused > 0 {
		t.Errorf("a server starting was refused %d times while session new read the address", refused)
	}
}
