package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/charter-tool/charter/internal/proccpu"
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
	from, fromErr := lt.stats(ctx)
	began, ownFrom := time.Now(), proccpu.Seconds()
	var profiled <-chan error
	if lt.fanoutProfile != "" {
		profiled = lt.profileServer(ctx, lt.fanoutProfile)
	}
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
	wall, own := time.Since(began), proccpu.Seconds()-ownFrom
	to, toErr := lt.stats(ctx)
	lt.fanoutCPU = cpuShare{to.CPUSeconds - from.CPUSeconds, wall, fromErr == nil && toErr == nil && to.CPUSeconds > 0}
	lt.fanoutOwnCPU = cpuShare{own, wall, proccpu.Known}
	if profiled != nil {
		if err := <-profiled; err != nil {
			lt.fail("profile of the phase change: %v", err)
		}
	}
}

// fanoutProfileTime is how long the server's CPU is profiled from just before the
// phase change: longer than the change takes.
const fanoutProfileTime = 4 * time.Second

// profileServer takes a CPU profile of the server (its --pprof address) over the
// next fanoutProfileTime and writes it to file; the channel gives the outcome.
func (lt *loadtest) profileServer(ctx context.Context, file string) <-chan error {
	return lt.fetchProfile(ctx, "profile", file)
}

// fetchProfile asks the server's pprof endpoint kind ("profile", "allocs") for
// what it records over the next fanoutProfileTime and writes it to file.
func (lt *loadtest) fetchProfile(ctx context.Context, kind, file string) <-chan error {
	done := make(chan error, 1)
	url := fmt.Sprintf("http://%s/debug/pprof/%s?seconds=%d", lt.serverPprof, kind, int(fanoutProfileTime/time.Second))
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		done <- err
		return done
	}
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			done <- err
			return
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			done <- fmt.Errorf("%s: %s", url, resp.Status)
			return
		}
		b, err := io.ReadAll(resp.Body)
		if err == nil {
			err = os.WriteFile(file, b, 0o644)
		}
		done <- err
	}()
	// The profile starts when the server has the request; a moment for that.
	sleepCtx(ctx, 100*time.Millisecond)
	return done
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
