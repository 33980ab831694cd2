package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"strings"
	"testing"

	"github.com/charmbracelet/log"

	"github.com/charter-tool/charter/internal/demo"
	"github.com/charter-tool/charter/session"
)

// The demo seeds its campaign once, says how to look at it, and its live session is
// on the projector at once.
func TestDemoSeedsOnceAndShowsTheLiveSession(t *testing.T) {
	t.Parallel()
	facKey := newKey(t)
	srv := testServer(t, facKey)
	host, port, _ := net.SplitHostPort(srv.Addr())
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	run, err := startDemo(ctx, srv.svc, srv.cfg.DataDir, host, port, false, &out, log.New(&bytes.Buffer{}))
	if err != nil {
		t.Fatal(err)
	}
	sample, err := demo.Find(ctx, srv.svc)
	if err != nil || sample == nil {
		t.Fatalf("no sample after the demo started: %v", err)
	}
	for _, want := range []string{"ssh -p " + port + " -t " + host + " " + sample.Live.Code, "present " + sample.Live.Code, "charter report --data",
		// The simulated notes end: the words say when, so that a board that stops
		// moving is not a surprise.
		fmt.Sprintf("(%d notes), then they have written all they had to say", demo.LaterNotes())} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the demo's words lack %q:\n%s", want, out.String())
		}
	}
	// The server has a facilitator: nothing is to be claimed first.
	if fac := fmt.Sprintf("  %-30s  ssh -p %s", "Facilitator:", port); !strings.Contains(out.String(), fac) || strings.Contains(out.String(), "claiming") {
		t.Errorf("with a facilitator key, the demo's words lack %q or speak of claiming:\n%s", fac, out.String())
	}
	// Its sentences are cut into lines of a terminal's width, not at 105 columns
	// with the rest of the sentence on a short line (a path of the machine may
	// make a line longer).
	for _, l := range strings.Split(out.String(), "\n") {
		if len(l) > 80 && !strings.Contains(l, srv.cfg.DataDir) {
			t.Errorf("a line of the demo's words is %d wide: %q", len(l), l)
		}
	}
	wall := connect(t, srv.Addr(), facKey, "present "+sample.Live.Code)
	wall.waitFor(sample.Live.Title)
	wall.waitFor("people done")
	cancel()
	run.Wait()

	// A second start finds the sample instead of adding another, and says the
	// live session's phase as it is: moved on to grouping, it is in no write phase.
	if _, err := srv.svc.SetPhase(context.Background(), sample.Live.ID, session.PhaseGroup); err != nil {
		t.Fatal(err)
	}
	ctx, cancel = context.WithCancel(context.Background())
	out.Reset()
	run, err = startDemo(ctx, srv.svc, srv.cfg.DataDir, host, port, true, &out, log.New(&bytes.Buffer{}))
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	run.Wait()
	if !strings.Contains(out.String(), "is in the group phase; its simulated participants write") || strings.Contains(out.String(), "write phase:") {
		t.Errorf("started again with its live session in the group phase, the demo says:\n%s", out.String())
	}
	if !strings.Contains(out.String(), fmt.Sprintf("  %-30s  ssh -p %s", "Facilitator (after claiming):", port)) {
		t.Errorf("with a claim open, the facilitator's line does not say it is for after the claim:\n%s", out.String())
	}
	list, err := srv.svc.Sessions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(sample.Sessions) {
		t.Errorf("%d sessions after a second start, want the %d of the sample", len(list), len(sample.Sessions))
	}
}
