package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/internal/loadtest"
)

func runLoadtest(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:2222", "address of the charter server")
	joinCode := fs.String("code", "", "join code of the session to load (required)")
	keyFile := fs.String("facilitator-key", "", "private key file (OpenSSH, no passphrase) of an allowlisted facilitator (required)")
	n := fs.Int("participants", 10, "participants to connect")
	m := fs.Int("notes", 3, "notes each participant submits")
	timeout := fs.Duration("timeout", 5*time.Minute, "the whole run stops after this long")
	pause := fs.Duration("pause", 300*time.Millisecond, "longest random pause before each of a participant's notes (0: all at once)")
	joins := fs.Int("joins-at-once", 20, "participants connecting at the same time")
	idle := fs.Duration("idle", 3*time.Second, "how long to measure the server's CPU with everyone connected and idle")
	fanoutProfile := fs.String("fanout-profile", "", "with --phase-change and --server-pprof, write a CPU profile of the server over the phase change to this file")
	notesProfile := fs.String("notes-profile", "", "with --server-pprof, write a CPU profile of the server over the notes (4 s from the first) to this file, and its allocations to the same name with .allocs")
	clientProfile := fs.String("client-profile", "", "write a CPU profile of the loadtest itself over the notes to this file")
	serverPprof := fs.String("server-pprof", "", "the server's --pprof address, for --fanout-profile and --notes-profile")
	phase := fs.Bool("phase-change", false, "after the notes, move the session on from write (answering y if the board asks) and time the new phase on every participant's screen")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: charter loadtest --addr HOST:PORT --code CODE --facilitator-key FILE --participants N --notes M")
		fmt.Fprintln(fs.Output(), "         [--pause 300ms] [--joins-at-once 20] [--idle 3s] [--phase-change] [--fanout-profile FILE]")
		fmt.Fprintln(fs.Output(), "         [--notes-profile FILE] [--server-pprof ADDR] [--timeout 5m]")
		fmt.Fprintln(fs.Output(), "\nThe facilitator's board is opened on the session and moved from lobby or check-in to")
		fmt.Fprintln(fs.Output(), "write if needed. The server's --max-conns-per-ip must exceed N and its")
		fmt.Fprintln(fs.Output(), "--max-handshakes-per-ip must reach --joins-at-once when all come from one address,")
		fmt.Fprintln(fs.Output(), "and N × M notes must fit its --notes-per-minute and --note-burst.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args, stdout); err != nil {
		return parseExit(err)
	}
	if *joinCode == "" || *keyFile == "" || *n < 1 || *m < 1 || *timeout <= 0 || *joins < 1 || *pause < 0 || *idle <= 0 {
		fs.Usage()
		return 2
	}
	key, err := loadSigner(*keyFile)
	if err != nil {
		fmt.Fprintln(stderr, "charter loadtest:", err)
		return 1
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	ok, err := loadtest.Run(ctx, loadtest.Config{Addr: *addr, Code: *joinCode, FacilitatorKey: key,
		Participants: *n, Notes: *m, Pause: *pause, JoinsAtOnce: *joins, PhaseChange: *phase, IdleWindow: *idle,
		FanoutProfile: *fanoutProfile, NotesProfile: *notesProfile, ServerPprof: *serverPprof,
		ClientProfile: *clientProfile}, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "charter loadtest:", err)
		return 1
	}
	if !ok {
		return 1
	}
	return 0
}

func loadSigner(path string) (gossh.Signer, error) {
	buf, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("facilitator key: %w", err)
	}
	s, err := gossh.ParsePrivateKey(buf)
	var missing *gossh.PassphraseMissingError
	if errors.As(err, &missing) {
		return nil, fmt.Errorf("facilitator key %s has a passphrase; use a key without one", path)
	}
	if err != nil {
		return nil, fmt.Errorf("facilitator key %s: %w", path, err)
	}
	return s, nil
}
