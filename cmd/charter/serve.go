package main

import (
	"bytes"
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
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/charmbracelet/log"

	"github.com/charter-tool/charter/internal/demo"
	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

func runServe(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	describe(fs, "charter serve [--addr HOST:PORT] [--data DIR] [--facilitators FILE] [--demo]", "Runs the SSH server: participants join sessions, facilitators run the board.")
	cfg := server.Config{}
	fs.StringVar(&cfg.Addr, "addr", "127.0.0.1:2222", "address to listen on")
	fs.StringVar(&cfg.DataDir, "data", defaultDataDir, "data directory (database, host key)")
	fs.StringVar(&cfg.Facilitators, "facilitators", "", "authorized_keys file of facilitator keys (default DATA/facilitators)")
	fs.DurationVar(&cfg.IdleTimeout, "idle-timeout", 30*time.Minute, "close connections idle for this long")
	fs.DurationVar(&cfg.MaxTimeout, "max-timeout", 6*time.Hour, "close connections after this long")
	fs.DurationVar(&cfg.HandshakeTimeout, "handshake-timeout", 10*time.Second, "close connections that take longer to finish the SSH handshake")
	fs.IntVar(&cfg.MaxConnsPerIP, "max-conns-per-ip", 50, "most open connections from one address")
	fs.IntVar(&cfg.MaxHandshakesPerIP, "max-handshakes-per-ip", server.DefaultMaxHandshakesPerIP, "most connections from one address still in the SSH handshake; more are closed at once")
	fs.IntVar(&cfg.MaxHandshakes, "max-handshakes", server.DefaultMaxHandshakes, "most connections from all addresses still in the SSH handshake; more are closed at once")
	fs.IntVar(&cfg.Limits.MaxParticipants, "max-participants", session.DefaultLimits.MaxParticipants, "most participants in one session")
	fs.IntVar(&cfg.Limits.KeylessPerAddress, "keyless-per-address", session.DefaultKeylessPerAddress, "most people without an SSH key one address brings into one session (-1: no limit)")
	fs.Float64Var(&cfg.Limits.NotesPerMinute, "notes-per-minute", session.DefaultLimits.NotesPerMinute, "notes one participant may save per minute")
	fs.IntVar(&cfg.Limits.NoteBurst, "note-burst", session.DefaultLimits.NoteBurst, "notes one participant may save at once")
	fs.IntVar(&cfg.Limits.WrongCodes, "wrong-codes", session.DefaultLimits.WrongCodes, "wrong join codes before one person (a key, or a connection without one) is locked out")
	fs.IntVar(&cfg.Limits.WrongCodesPerAddress, "wrong-codes-per-address", session.DefaultLimits.WrongCodesPerAddress, "wrong join codes from all people of one address before the address is locked out")
	fs.DurationVar(&cfg.Limits.CodeLockout, "code-lockout", session.DefaultLimits.CodeLockout, "how long a lockout after wrong codes lasts")
	demoFlag := fs.Bool("demo", false, "start on a separate data directory ("+defaultDemoDir+" unless --data is given) seeded with a sample campaign, where simulated participants write")
	pprofAddr := fs.String("pprof", "", "serve Go's profiling endpoints (/debug/pprof/) on this loopback address, e.g. 127.0.0.1:6060 (off by default)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return parseExit(err)
	}
	if *demoFlag {
		dataSet := false
		fs.Visit(func(f *flag.Flag) { dataSet = dataSet || f.Name == "data" })
		if !dataSet {
			cfg.DataDir = defaultDemoDir
		}
	}
	cfg.Logger = log.NewWithOptions(stderr, log.Options{ReportTimestamp: true})
	if *pprofAddr != "" {
		if err := servePprof(*pprofAddr, cfg.Logger); err != nil {
			fmt.Fprintln(stderr, "charter serve:", err)
			return 2
		}
	}
	// The port first: a port in use is refused before the data directory, its
	// database and host key are made (a mistyped --data would stay behind).
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		running := runningAddr(cfg.DataDir)
		switch {
		case errors.Is(err, syscall.EADDRINUSE) && running != "" && samePort(running, cfg.Addr):
			// The same server started twice: the data directory says which.
			fmt.Fprintln(stderr, "charter serve:", dataDirInUse(cfg.DataDir))
		case errors.Is(err, syscall.EADDRINUSE) && running != "":
			// Two things in the way: another program on the port, and a charter
			// serve (on another port) on the data directory.
			fmt.Fprintf(stderr, "charter serve: another program listens on %s, and %v\n", cfg.Addr, dataDirInUse(cfg.DataDir))
		case errors.Is(err, syscall.EADDRINUSE):
			fmt.Fprintf(stderr, "charter serve: another program listens on %s; stop it, or start on another port with --addr %s\n", cfg.Addr, nextPort(cfg.Addr))
		default:
			fmt.Fprintln(stderr, "charter serve:", err)
		}
		return 1
	}
	defer ln.Close() // closed already once the server has shut down
	cfg.Listener = ln
	lock, err := lockDataDir(cfg.DataDir)
	if err != nil {
		fmt.Fprintln(stderr, "charter serve:", err)
		return 1
	}
	defer lock.Close()
	if err := checkFreeSpace(context.Background(), cfg.DataDir); err != nil {
		fmt.Fprintln(stderr, "charter serve:", err)
		return 1
	}
	if err := checkDatabase(context.Background(), filepath.Join(cfg.DataDir, "charter.db")); err != nil {
		fmt.Fprintln(stderr, "charter serve:", err)
		return 1
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
	if err := recordAddr(lock, srv.Addr()); err != nil {
		// Only the ssh line of charter session new needs it: it guesses then.
		cfg.Logger.Warn("could not record the address in the data directory", "err", err)
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
	if *demoFlag {
		// The simulated participants stop before the database closes.
		dctx, cancel := context.WithCancel(ctx)
		run, err := startDemo(dctx, srv.Service(), cfg.DataDir, host, port, srv.ClaimCode() != "", stdout, cfg.Logger)
		if err != nil {
			cancel()
			fmt.Fprintln(stderr, "charter serve: demo:", err)
			return 1
		}
		defer func() { cancel(); run.Wait() }()
	}
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
	var srv *server.Server
	cfg.Export = func(ctx context.Context, svc *session.Service, sessionID string) (string, error) {
		// The board says "Exported to " and this; the command on a line of its
		// own, so that it is not broken where the status wraps and copies whole.
		_, kept, err := exportToDataDir(ctx, svc, cfg.DataDir, sessionID)
		if err != nil {
			return "", err
		}
		was := ""
		if kept != "" {
			was = " (the export before, which differs, is kept beside it as " + filepath.Base(kept) + ")"
		}
		// The key is the facilitator's: one that is not ssh's default needs -i.
		return "the server" + was + "; fetch it with your facilitator key (add -i FILE if it is not ssh's default):\n" + fetchLine(srv.Addr(), sessionID), nil
	}
	cfg.Commands = documentCommands()
	srv, err = server.New(cfg, db)
	if err != nil {
		return nil, nil, errors.Join(err, db.Close())
	}
	return srv, db, nil
}

// exportToDataDir writes a session's findings as Markdown into dir/exports, as
// session-ID.md. An export made before that says something else (the session was
// reopened and changed) is not overwritten: it is kept beside it under the time it
// was written, session-ID-20060102T150405Z.md, whose name is returned as kept.
func exportToDataDir(ctx context.Context, svc *session.Service, dir, sessionID string) (path, kept string, err error) {
	dir = filepath.Join(dir, "exports")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", "", err
	}
	path = filepath.Join(dir, "session-"+sessionID+".md")
	doc, err := renderFindings(ctx, svc, sessionID, "md")
	if err != nil {
		return "", "", err
	}
	if kept, err = replaceExport(path, doc); err != nil {
		return "", "", err
	}
	return path, kept, nil
}

// exports is held while an export is written: two boards pressing x at once
// would each keep, or move, what the other wrote.
var exports sync.Mutex

// replaceExport writes doc to path, keeping what path held if it differs (see
// keepEarlierExport), and returns the name that is kept under.
func replaceExport(path string, doc []byte) (kept string, err error) {
	exports.Lock()
	defer exports.Unlock()
	if kept, err = keepEarlierExport(path, doc); err != nil {
		return "", err
	}
	return kept, writeFileAtomic(path, doc)
}

// keepEarlierExport keeps the file at path under a second name when it holds
// something other than doc: the time it was last written (and -2, -3... should
// that be taken), linked (or copied where links are refused), so that path is
// never missing; it returns that name, "" when there is nothing to keep.
func keepEarlierExport(path string, doc []byte) (string, error) {
	old, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) || err == nil && bytes.Equal(old, doc) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	info, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	base := strings.TrimSuffix(path, ".md") + "-" + info.ModTime().UTC().Format("20060102T150405Z")
	for i := 1; i <= 100; i++ {
		kept := base + ".md"
		if i > 1 {
			kept = fmt.Sprintf("%s-%d.md", base, i)
		}
		err := linkFile(path, kept)
		if err != nil && !errors.Is(err, os.ErrExist) {
			// A file system without hard links (FAT, some network shares) or one
			// that refuses them here: a copy, under the same rule of no replacing.
			err = copyNew(kept, old)
		}
		if err == nil {
			return kept, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return "", fmt.Errorf("keep the export before: %w", err)
		}
	}
	return "", fmt.Errorf("keep the export before: %s-2.md to -100.md are taken", base)
}

// linkFile is os.Link; tests stand in a file system that refuses hard links.
var linkFile = os.Link

// copyNew writes doc to a new file at path, and fails with os.ErrExist if there is
// one.
func copyNew(path string, doc []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(doc); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// defaultDemoDir is where `charter serve --demo` keeps its data, apart from real data.
const defaultDemoDir = "./charter-demo"

// demoRun is the demo's simulated participants at work.
type demoRun struct{ done chan struct{} }

// Wait returns once the simulated participants stopped (their context ended).
func (d *demoRun) Wait() { <-d.done }

// startDemo seeds the sample campaign into an empty data directory (a second start
// finds it there), says how to look at it, and starts the simulated participants
// until ctx ends. claiming says the server has no facilitator yet (a claim code is
// open): the facilitator's line then says it is for after the claim.
func startDemo(ctx context.Context, svc *session.Service, dir, host, port string, claiming bool, stdout io.Writer, logger *log.Logger) (*demoRun, error) {
	seeded, err := demo.Seeded(ctx, svc)
	if err != nil {
		return nil, err
	}
	if !seeded {
		if _, err := demo.Seed(ctx, svc); err != nil {
			return nil, err
		}
	}
	sample, err := demo.Find(ctx, svc)
	if err != nil {
		return nil, err
	}
	run := &demoRun{done: make(chan struct{})}
	if sample == nil {
		fmt.Fprintf(stdout, "\nDemo: %s holds other sessions than the sample; nothing was added.\n", dir)
		close(run.done)
		return run, nil
	}
	ssh := "ssh -p " + port + " -t " + host
	fmt.Fprintf(stdout, "\nDemo: the campaign %q with %d sessions is in %s.\n", demo.Campaign, len(sample.Sessions), dir)
	every := 8 * time.Second
	if ph := sample.Live.Phase; ph.AcceptsNotes() {
		fmt.Fprintf(stdout, "  %q is in the %s phase:\n", sample.Live.Title, ph)
		fmt.Fprintf(stdout, "  simulated participants add a note every few seconds for about %d minutes\n",
			max(1, int((time.Duration(demo.LaterNotes())*every).Round(time.Minute)/time.Minute)))
		fmt.Fprintf(stdout, "  (%d notes), then they have written all they had to say.\n", demo.LaterNotes())
	} else {
		// Started again after the facilitator moved it on: the write phase is
		// over, and the line said it was in it.
		fmt.Fprintf(stdout, "  %q is in the %s phase; its simulated participants write\n", sample.Live.Title, ph)
		fmt.Fprintf(stdout, "  what they have left only in the write and reveal phases ([ on its board).\n")
	}
	// "After claiming" only when there is a claim to make: with a facilitators file
	// given, the line said it beneath "Facilitators: 1 key(s)".
	who := "Facilitator:"
	if claiming {
		who = "Facilitator (after claiming):"
	}
	fmt.Fprintf(stdout, "  %-30s  %s\n", who, ssh)
	fmt.Fprintf(stdout, "  Join as a participant:          %s %s\n", ssh, sample.Live.Code)
	fmt.Fprintf(stdout, "  Projector view:                 %s present %s\n", ssh, sample.Live.Code)
	fmt.Fprintf(stdout, "  Campaign report:                charter report --data %s --campaign %q\n", dir, demo.Campaign)
	go func() {
		defer close(run.done)
		if err := demo.Simulate(ctx, svc, sample, every); err != nil {
			logger.Warn("demo participants stopped", "err", err)
		}
	}()
	return run, nil
}

// nextPort is addr with the port after its own, an address to suggest when addr's
// is taken.
func nextPort(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	n, perr := strconv.Atoi(port)
	if err != nil || perr != nil || n >= 65535 {
		return "127.0.0.1:2223"
	}
	return net.JoinHostPort(host, strconv.Itoa(n+1))
}

// samePort says whether addresses a and b name the same port (the hosts may be
// written differently: 127.0.0.1, localhost, an empty host).
func samePort(a, b string) bool {
	_, pa, errA := net.SplitHostPort(a)
	_, pb, errB := net.SplitHostPort(b)
	return errA == nil && errB == nil && pa == pb
}
