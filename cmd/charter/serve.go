package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/charmbracelet/wish/logging"
	"github.com/charmbracelet/wish/recover"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
	"github.com/charter-tool/charter/tui"
)

// Config is what `charter serve` is started with.
type Config struct {
	Addr    string
	DataDir string
	// Facilitators is the authorized_keys file of facilitator keys; it defaults to
	// DataDir/facilitators, where a claimed key is saved.
	Facilitators string
	IdleTimeout  time.Duration
	MaxTimeout   time.Duration
	// HandshakeTimeout closes connections that have not finished the SSH handshake.
	HandshakeTimeout time.Duration
	// MaxConnsPerIP bounds the open connections from one address.
	MaxConnsPerIP int
	Limits        session.Limits
	Logger        *log.Logger
	// OtherWritersPoll is how often the server checks whether another process (charter
	// import, charter session new) changed the database, to refresh open screens;
	// default 2s.
	OtherWritersPoll time.Duration
}

// Server is charter's SSH server with everything it serves.
type Server struct {
	cfg      Config
	db       *sqlite.DB
	svc      *session.Service
	hub      *tui.Hub
	fac      *allowlist
	salt     []byte
	guard    *session.CodeGuard
	conns    *connCounter
	ssh      *ssh.Server
	ln       net.Listener
	stop     chan struct{} // closed by Shutdown
	stopOnce sync.Once
	watchers sync.WaitGroup // goroutines Shutdown waits for before closing the database
	// goodbyes holds, per SSH session, why the app ended it, to be written again
	// after the alternate screen is gone.
	goodbyes sync.Map
}

// watchOtherWriters refreshes every open screen when another process wrote to the
// database: notes imported or a session created from the command line while the
// server runs appear without anyone reconnecting.
func (s *Server) watchOtherWriters() {
	every := s.cfg.OtherWritersPoll
	if every <= 0 {
		every = 2 * time.Second
	}
	t := time.NewTicker(every)
	defer t.Stop()
	last, err := s.db.DataVersion(context.Background())
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
		}
		v, verr := s.db.DataVersion(context.Background())
		if verr != nil {
			continue
		}
		if err == nil && v != last {
			s.cfg.Logger.Info("the database was changed by another process; refreshing screens")
			s.hub.PublishAll()
		}
		last, err = v, nil
	}
}

// NewServer opens the data directory and builds the server; Listen binds it.
func NewServer(cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = log.New(io.Discard)
	}
	if cfg.Facilitators == "" {
		cfg.Facilitators = filepath.Join(cfg.DataDir, "facilitators")
	}
	db, err := openData(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	if cfg.HandshakeTimeout == 0 {
		cfg.HandshakeTimeout = 10 * time.Second
	}
	if cfg.MaxConnsPerIP == 0 {
		cfg.MaxConnsPerIP = 50
	}
	s := &Server{cfg: cfg, db: db, hub: tui.NewHub(), guard: session.NewCodeGuard(cfg.Limits), conns: newConnCounter(), stop: make(chan struct{})}
	s.guard.OnLockout = func(addr string, byKey bool) {
		cfg.Logger.Warn("locked out after wrong join codes", "remote-addr", addr, "by-key", byKey)
	}
	s.svc = session.NewService(db, s.hub)
	s.svc.Limits = cfg.Limits
	if s.salt, err = db.KeySalt(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	if s.fac, err = loadAllowlist(cfg.Facilitators); err != nil {
		db.Close()
		return nil, err
	}
	hostKey := filepath.Join(cfg.DataDir, "host_ed25519")
	s.ssh, err = wish.NewServer(
		wish.WithHostKeyPath(hostKey),
		// Every key may connect: participants need none on an allowlist. Whether a key
		// is a facilitator's is decided per session in the handler.
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		// People without any key still join as participants.
		wish.WithKeyboardInteractiveAuth(func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }),
		wish.WithIdleTimeout(cfg.IdleTimeout),
		func(srv *ssh.Server) error {
			srv.ConnCallback = s.acceptConn
			return nil
		},
		wish.WithMaxTimeout(cfg.MaxTimeout),
		wish.WithMiddleware(
			recover.MiddlewareWithLogger(cfg.Logger,
				bm.MiddlewareWithProgramHandler(s.program, termenv.ANSI256),
				s.requireTerminal(),
				s.limitConns(),
			),
			logging.StructuredMiddlewareWithLogger(cfg.Logger, log.InfoLevel),
		),
	)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("ssh server: %w", err)
	}
	if err := os.Chmod(hostKey, 0o600); err != nil {
		db.Close()
		return nil, fmt.Errorf("host key: %w", err)
	}
	return s, nil
}

// requireTerminal refuses sessions without a pty with a message that says what to do.
// The one exception is `stats`, which facilitators (and charter loadtest) run to read
// the server's memory and connection figures.
func (s *Server) requireTerminal() wish.Middleware {
	return func(next ssh.Handler) ssh.Handler {
		return func(sess ssh.Session) {
			if _, _, ok := sess.Pty(); !ok {
				if cmd := sess.Command(); len(cmd) == 1 && cmd[0] == "stats" && sess.PublicKey() != nil && s.fac.has(sess.PublicKey()) {
					s.writeStats(sess)
					return
				}
				wish.Fatalln(sess, "charter needs a terminal. Connect with: ssh -t -p PORT HOST [CODE]")
				return
			}
			next(sess)
			// Why the app ended the connection, written again on the normal screen:
			// what it showed on the alternate screen is gone with it.
			if msg, ok := s.goodbyes.LoadAndDelete(sess); ok {
				fmt.Fprintf(sess, "\r\n%s\r\n", msg)
			}
		}
	}
}

// program builds the bubbletea program of one SSH session and registers it with the
// hub until the SSH session ends.
func (s *Server) program(sess ssh.Session) *tea.Program {
	if _, _, ok := sess.Pty(); !ok {
		return nil
	}
	key := sess.PublicKey()
	var keyBytes []byte
	if key != nil {
		keyBytes = key.Marshal()
	}
	facilitator := key != nil && s.fac.has(key)
	initial := ""
	if args := sess.Command(); len(args) > 0 {
		initial = args[0]
	}
	conn := s.hub.Connect()
	opt := tui.Options{
		Service:     s.svc,
		Conn:        conn,
		Renderer:    bm.MakeRenderer(sess),
		Facilitator: facilitator,
		KeyHash:     session.HashKey(s.salt, keyBytes),
		Code:        initial,
		Export:      s.export,
		Guard:       s.guard,
		Remote:      remoteIP(sess.RemoteAddr()),
		JoinHint:    s.joinHint(),
		IdleTimeout: s.cfg.IdleTimeout,
		Goodbye:     func(msg string) { s.goodbyes.Store(sess, msg) },
	}
	if key != nil && s.fac.claimOpen() {
		opt.Claim = func(code string) (bool, error) {
			ok, err := s.fac.claim(code, key)
			if ok {
				s.cfg.Logger.Info("facilitator claimed", "key", gossh.FingerprintSHA256(key), "remote-addr", sess.RemoteAddr().String())
			}
			return ok, err
		}
	}
	p := tea.NewProgram(tui.New(opt), append(bm.MakeOptions(sess), tea.WithAltScreen())...)
	conn.Start(p)
	go func() {
		<-sess.Context().Done()
		conn.Close()
	}()
	return p
}

// export writes a session's findings into the data directory.
func (s *Server) export(ctx context.Context, sessionID string) (string, error) {
	dir := filepath.Join(s.cfg.DataDir, "exports")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "session-"+sessionID+".md")
	doc, err := renderFindings(ctx, s.svc, sessionID, "md")
	if err != nil {
		return "", err
	}
	if err := writeFileAtomic(path, doc); err != nil {
		return "", err
	}
	return path, nil
}

func (s *Server) joinHint() string {
	if s.ln == nil {
		return ""
	}
	return sshLine(s.ln.Addr().String())
}

// sshLine is the ssh command line that reaches addr.
func sshLine(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "ssh -t " + addr
	}
	if port == "22" {
		return "ssh -t " + host
	}
	return "ssh -p " + port + " -t " + host
}

// Listen binds the server's address; with port 0 a free port is chosen.
func (s *Server) Listen() error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.cfg.Addr, err)
	}
	s.ln = ln
	return nil
}

// Addr is the address the server listens on.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Serve accepts connections until Shutdown.
func (s *Server) Serve() error {
	s.watchers.Add(1)
	go func() {
		defer s.watchers.Done()
		s.watchOtherWriters()
	}()
	err := s.ssh.Serve(s.ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown tells everyone connected that the server is going away, gives their
// screens a moment to show it, then closes connections and the database.
func (s *Server) Shutdown(ctx context.Context) error {
	s.stopOnce.Do(func() { close(s.stop) })
	if s.hub.Len() > 0 {
		s.hub.SendAll(tui.ShutdownMsg{})
		select {
		case <-time.After(2 * time.Second):
		case <-ctx.Done():
		}
	}
	sctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	err := s.ssh.Shutdown(sctx)
	if err != nil {
		err = s.ssh.Close()
	}
	s.watchers.Wait()
	return errors.Join(err, s.db.Close())
}

func runServe(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := Config{}
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
	srv, err := NewServer(cfg)
	if err != nil {
		fmt.Fprintln(stderr, "charter serve:", err)
		return 1
	}
	if err := srv.Listen(); err != nil {
		fmt.Fprintln(stderr, "charter serve:", err)
		srv.db.Close()
		return 1
	}
	host, port, _ := net.SplitHostPort(srv.Addr())
	fmt.Fprintf(stdout, "charter is listening on %s (data in %s)\n", srv.Addr(), cfg.DataDir)
	if fp, err := hostKeyFingerprint(cfg.DataDir); err == nil {
		fmt.Fprintf(stdout, "Host key fingerprint (ssh shows it on a first connection; charter invite names it): %s\n", fp)
	}
	if code := srv.fac.claimCode(); code != "" {
		fmt.Fprintf(stdout, "\nNo facilitator yet. To become the facilitator, connect with your SSH key:\n\n    ssh -p %s -t %s %s\n\n", port, host, code)
		fmt.Fprintf(stdout, "The first key that enters this one-time claim code is saved to %s.\n", srv.cfg.Facilitators)
	} else {
		fmt.Fprintf(stdout, "Facilitators: %d key(s) in %s. Connect with: ssh -p %s -t %s\n", srv.fac.len(), srv.cfg.Facilitators, port, host)
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

// allowlist holds the facilitator keys and the one-time claim code.
type allowlist struct {
	mu   sync.Mutex
	path string
	keys []ssh.PublicKey
	code string
}

func loadAllowlist(path string) (*allowlist, error) {
	a := &allowlist{path: path}
	buf, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("facilitators file: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(buf))
	line := 0
	for sc.Scan() {
		line++
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 || text[0] == '#' {
			continue
		}
		k, _, _, _, err := gossh.ParseAuthorizedKey(text)
		if err != nil {
			return nil, fmt.Errorf("facilitators file %s line %d: not an authorized_keys line: %w", path, line, err)
		}
		a.keys = append(a.keys, k)
	}
	if len(a.keys) == 0 {
		if a.code, err = newClaimCode(); err != nil {
			return nil, err
		}
	}
	return a, nil
}

func newClaimCode() (string, error) {
	const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
	b := make([]byte, 12)
	for i := range b {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		if err != nil {
			return "", err
		}
		b[i] = alphabet[n.Int64()]
	}
	return "CLAIM-" + string(b), nil
}

func (a *allowlist) has(k ssh.PublicKey) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, f := range a.keys {
		if ssh.KeysEqual(f, k) {
			return true
		}
	}
	return false
}

func (a *allowlist) len() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.keys)
}

func (a *allowlist) claimOpen() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.code != ""
}

func (a *allowlist) claimCode() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.code
}

// claim makes k a facilitator if code is the open claim code, saving k to the file.
func (a *allowlist) claim(code string, k ssh.PublicKey) (bool, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.code == "" || subtle.ConstantTimeCompare([]byte(session.NormalizeCode(code)), []byte(session.NormalizeCode(a.code))) != 1 {
		return false, nil
	}
	f, err := os.OpenFile(a.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return false, fmt.Errorf("save facilitator key: %w", err)
	}
	if _, err := f.Write(gossh.MarshalAuthorizedKey(k)); err != nil {
		f.Close()
		return false, fmt.Errorf("save facilitator key: %w", err)
	}
	if err := f.Close(); err != nil {
		return false, fmt.Errorf("save facilitator key: %w", err)
	}
	a.keys = append(a.keys, k)
	a.code = ""
	return true, nil
}

// Stats are the server's figures as `ssh HOST stats` prints them (JSON).
type Stats struct {
	Connections int    `json:"connections"`
	Goroutines  int    `json:"goroutines"`
	HeapInuse   uint64 `json:"heap_inuse_bytes"`
	Sys         uint64 `json:"sys_bytes"`
	// CPUSeconds is the CPU time the server process has used since it started.
	CPUSeconds float64 `json:"cpu_seconds"`
}

func (s *Server) writeStats(w io.Writer) {
	cpu := cpuSeconds() // before the GC below, which is not the server's own work
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	json.NewEncoder(w).Encode(Stats{Connections: s.hub.Len(), Goroutines: runtime.NumGoroutine(), HeapInuse: m.HeapInuse, Sys: m.Sys, CPUSeconds: cpu})
}

func remoteIP(a net.Addr) string {
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}

// connCounter counts open connections per address.
type connCounter struct {
	mu sync.Mutex
	n  map[string]int
}

func newConnCounter() *connCounter { return &connCounter{n: map[string]int{}} }

func (c *connCounter) add(ip string, d int) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[ip] += d
	n := c.n[ip]
	if n <= 0 {
		delete(c.n, ip)
	}
	return n
}

// acceptConn gives every new connection a deadline to finish the SSH handshake; the
// deadline is lifted once the session starts (see limitConns).
func (s *Server) acceptConn(ctx ssh.Context, conn net.Conn) net.Conn {
	hc := &handshakeConn{Conn: conn, until: time.Now().Add(s.cfg.HandshakeTimeout)}
	hc.Conn.SetDeadline(hc.until)
	ctx.SetValue(connKey{}, hc)
	return hc
}

type connKey struct{}

// handshakeConn keeps the handshake deadline in force until the session starts, even
// when the server's idle timeout moves the connection's deadline on every read.
type handshakeConn struct {
	net.Conn
	until time.Time
	done  atomic.Bool
}

func (c *handshakeConn) SetDeadline(t time.Time) error {
	if !c.done.Load() && (t.IsZero() || t.After(c.until)) {
		t = c.until
	}
	return c.Conn.SetDeadline(t)
}

// started lifts the handshake deadline.
func (c *handshakeConn) started() {
	c.done.Store(true)
	c.Conn.SetDeadline(time.Time{})
}

// limitConns lifts the handshake deadline and refuses, with a message, a connection
// beyond the limit for its address.
func (s *Server) limitConns() wish.Middleware {
	return func(next ssh.Handler) ssh.Handler {
		return func(sess ssh.Session) {
			if conn, ok := sess.Context().Value(connKey{}).(*handshakeConn); ok {
				conn.started()
			}
			ip := remoteIP(sess.RemoteAddr())
			defer s.conns.add(ip, -1)
			if n := s.conns.add(ip, 1); n > s.cfg.MaxConnsPerIP {
				wish.Fatalf(sess, "Too many connections from your address (at most %d). Close another charter window and try again.\n", s.cfg.MaxConnsPerIP)
				return
			}
			next(sess)
		}
	}
}
