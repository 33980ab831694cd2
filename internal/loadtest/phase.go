package loadtest

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/charter-tool/charter/internal/sshclient"
)

// phaseFanout moves the session on from write on the board and records, for every
// participant's screen, the time from the key that moved it (] or, when the board
// asks whether to move on although people are not done, y) until that screen names
// the next phase. The time is taken when the loadtest's reader sees the text, so it
// includes the client's own delays on a shared machine.
func (lt *loadtest) phaseFanout(ctx context.Context, fac *sshclient.Screen, conns []*sshclient.Screen) {
	var live []*sshclient.Screen
	for _, c := range conns {
		if c != nil {
			c.Reset()
			live = append(live, c)
		}
	}
	fac.KeepText(true)
	defer fac.KeepText(false)
	moved, next, err := pressMoveOn(ctx, fac, "WRITE")
	if err != nil {
		lt.fail("phase change: %v", err)
		return
	}
	lt.fanoutTo = next
	var wg sync.WaitGroup
	for i, c := range live {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.WaitFor(ctx, stepTimeout, next); err != nil {
				lt.fail("participant screen %d: phase change: %v", i+1, err)
				return
			}
			d := time.Since(moved)
			lt.mu.Lock()
			lt.fanout = append(lt.fanout, d)
			lt.mu.Unlock()
		}()
	}
	wg.Wait()
}

// pressMoveOn presses ] on the board and y when the board asks whether to move on,
// and returns when the key that moved the session was sent and the phase the board
// then names.
func pressMoveOn(ctx context.Context, fac *sshclient.Screen, from string) (time.Time, string, error) {
	const asked = 1
	moved := func(text string) int {
		if strings.Contains(text, "? y/n") {
			return asked
		}
		if p := lastPhase(text); p != "" && p != from {
			return 0
		}
		return -1
	}
	for _, key := range []string{"]", "y"} {
		fac.Reset()
		at := time.Now()
		if err := fac.Send(key); err != nil {
			return at, "", err
		}
		i, err := fac.WaitUntil(ctx, stepTimeout, "the next phase", moved)
		if err != nil {
			return at, "", err
		}
		if i != asked {
			return at, lastPhase(fac.Text()), nil
		}
	}
	return time.Time{}, "", errors.New("the board asked twice")
}
