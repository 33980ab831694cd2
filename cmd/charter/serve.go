package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/charmbracelet/log"

	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

func runServe(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := server.Config{}
	fs.StringVar(&cfg.Addr, "addr", "127.0.0.1:2222", "address to listen on")
	fs.StringVar(&cfg.DataDir, "data", defaultDataDir, "data directory (database, host key)")
	fs.StringVar(&cfg.Facilitators, "facilitators", "", "authorized_keys file of facilitator keys (default DATA/facilitators)")
	fs.DurationVar(&cfg.IdleTimeout, "idle-timeout", 30*time.Minute, "close connections idle for this long")
	fs.DurationVar(&cfg.MaxTimeout, "max-timeout", 6*time.Hour, "close connections after this long")
	fs.DurationVar(&cfg.HandshakeTimeout, "handshake-timeout", 10*time.Second, "close connections that take longer to finish the SSH handshake")
	fs.IntVar(&cfg.MaxConnsPerIP, "max-conns-per-ip", 50, "most open connections from one address")
	fs.IntVar(&cfg.Limits.MaxParticipants, "max-participants", session.DefaultLimits.MaxParticipants, "most participants in one session")
	fs.Float64Var(&cfg.Limits.NotesPerMinute, "notes-per-minute", session.DefaultLimits.NotesPerMinute, "notes one participant may save per minute")
	fs.IntVar(&cfg.Limits.NoteBurst, "note-burst", session.DefaultLimits.NoteBurst, "notes one participant may save at once")
	fs.IntVar(&cfg.Limits.WrongCodes, "wrong-codes", session.DefaultLimits.WrongCodes, "wrong join codes before a key is locked out")
	fs.IntVar(&cfg.Limits.WrongCodesPerAddress, "wrong-codes-per-address", session.DefaultLimits.WrongCodesPerAddress, "wrong join codes from all keys of one address before the address is locked out")
	fs.DurationVar(&cfg.Limits.CodeLockout, "code-lockout", session.DefaultLimits.CodeLockout, "how long a lockout after wrong codes lasts")
	pprofAddr := fs.String("pprof", "", "serve Go's profiling endpoints (/debug/pprof/) on this loopback address, e.g. 127.0.0.1:6060 (off by default)")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	cfg.Logger = log.NewWithOptions(stderr, log.Options{ReportTimestamp: true})
	if *pprofAddr != "" {
		if err := servePprof(*pprofAddr, cfg.Logger); err != nil {
			fmt.Fprintln(stderr, "charter serve:", err)
			return 2
		}
	}
	srv, db, err := newServer(cfg)
	if err != nil {
		fmt.Fprintln(stderr, "charter serve:", err)
		return 1
	}
	defer db.Close()
	if err := srv.Listen(); err != nil {
		fmt.Fprintln(stderr, "charter serve:", err)
		return 1
	}
	facilitators := cmp.Or(cfg.Facilitators, filepath.Join(cfg.DataDir, "facilitators"))
	host, port, _ := net.SplitHostPort(srv.Addr())
	fmt.Fprintf(stdout, "charter is listening on %s (data in %s)\n", srv.Addr(), cfg.DataDir)
	if fp, err := hostKeyFingerprint(cfg.DataDir); err == nil {
		fmt.Fprintf(stdout, "Host key fingerprint (ssh shows it on a first connection; charter invite names it): %s\n", fp)
	}
	if code := srv.ClaimCode(); code != "" {
		fmt.Fprintf(stdout, "\nNo facilitator yet. To become the facilitator, connect with your SSH key:\n\n    ssh -p %s -t %s %s\n\n", port, host, code)
		fmt.Fprintf(stdout, "The first key that enters this one-time claim code is saved to %s.\n", facilitators)
	} else {
		fmt.Fprintf(stdout, "Facilitators: %d key(s) in %s. Connect with: ssh -p %s -t %s\n", srv.Facilitators(), facilitators, port, host)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve() }()
	select {
	case err := <-errc:
		fmt.Fprintln(stderr, "charter serve:", err)
		return 1
	case <-ctx.Done():
	}
	fmt.Fprintln(stdout, "Shutting down: telling connected people…")
	if err := srv.Shutdown(context.Background()); err != nil {
		fmt.Fprintln(stderr, "charter serve: shutdown:", err)
		return 1
	}
	return 0
}

// newServer opens the data directory and wires the server over it: the export key
// writes findings into DATA/exports. The caller closes the database after the
// server's Shutdown.
func newServer(cfg server.Config) (*server.Server, *sqlite.DB, error) {
	db, err := openData(cfg.DataDir)
	if err != nil {
		return nil, nil, err
	}
	cfg.Export = func(ctx context.Context, svc *session.Service, sessionID string) (string, error) {
		return exportToDataDir(ctx, svc, cfg.DataDir, sessionID)
	}
	srv, err := server.New(cfg, db)
	if err != nil {
		return nil, nil, errors.Join(err, db.Close())
	}
	return srv, db, nil
}

// exportToDataDir writes a session's findings as Markdown into dir/exports.
func exportToDataDir(ctx context.Context, svc *session.Service, dir, sessionID string) (string, error) {
	dir = filepath.Join(dir, "exports")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "session-"+sessionID+".md")
	doc, err := renderFindings(ctx, svc, sessionID, "md")
	if err != nil {
		return "", err
	}
	if err := writeFileAtomic(path, doc); err != nil {
		return "", err
	}
	return path, nil
}
