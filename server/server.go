// Package server is charter's SSH server: it accepts connections, decides who is a
// facilitator, and serves each terminal a bubbletea program of package tui over one
// shared session service.
//
// A connection goes through a chain of middleware, outermost first: logging, panic
// recovery, the per-address connection limit, routing, and the bubbletea handler.
// Routing looks at what the client asked for:
//
//   - With a terminal (ssh -t HOST [CODE]), the connection gets the app; the words
//     after the host are the join code. `present CODE` opens the projector view
//     of that session for a facilitator's key.
//   - Without a terminal (ssh HOST NAME ARGS...), a facilitator's key runs the command
//     NAME from the server's command table, and everyone else is told to connect
//     with a terminal. The table holds the server's own `stats`; Config.Commands adds
//     to it. A new command is one entry there: a Command writes its result to
//     Exec.Stdout, its errors to Exec.Stderr, and returns the exit status.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/recover"
	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// Config is what the server is started with. Zero durations and counts take the
// defaults named on each field.
type Config struct {
	Addr string
	// Listener, when set, is the socket Listen takes instead of binding Addr:
	// charter serve binds it before it makes anything in DataDir, so that a port in
	// use is refused with nothing left behind.
	Listener net.Listener
	// DataDir holds the host key (made on the first start) and the exports.
	DataDir string
	// Facilitators is the authorized_keys file of facilitator keys; it defaults to
	// DataDir/facilitators, where a claimed key is saved.
	Facilitators string
	// IdleTimeout closes connections without a key press for this long (0: never).
	IdleTimeout time.Duration
	// MaxTimeout closes connections after this long (0: never).
	MaxTimeout time.Duration
	// HandshakeTimeout closes connections that have not finished the SSH handshake
	// (default 10s).
	HandshakeTimeout time.Duration
	// MaxConnsPerIP bounds the open connections from one address (default 50).
	MaxConnsPerIP int
	// MaxHandshakesPerIP and MaxHandshakes bound the connections still in the SSH
	// handshake (not yet in a session), from one address (default 16) and in all
	// (default 256); more are closed as soon as they are accepted.
	MaxHandshakesPerIP int
	MaxHandshakes      int
	Limits             session.Limits
	Logger             *log.Logger
	// OtherWritersPoll is how often the server checks whether another process (charter
	// import, charter session new) changed the database, to refresh open screens
	// (default 2s).
	OtherWritersPoll time.Duration
	// Export writes a session's findings document for the board's export key and
	// returns where it went; nil leaves the key out.
	Export func(ctx context.Context, svc *session.Service, sessionID string) (path string, err error)
	// Commands are run by facilitator keys without a terminal, by name, beside the
	// server's own (see the package doc).
	Commands map[string]Command
}

// The default caps on connections still in the SSH handshake.
const (
	DefaultMaxHandshakesPerIP = 16
	DefaultMaxHandshakes      = 256
)

// algorithms are what the server offers: only what ssh-audit passes. Key exchange
// post-quantum hybrid or curve25519 (no NIST curves, no SHA-1 groups); AEAD
// ciphers, and AES-CTR only because every MAC offered is encrypt-then-MAC.
var algorithms = gossh.Config{
	KeyExchanges: []string{gossh.KeyExchangeMLKEM768X25519, gossh.KeyExchangeCurve25519},
	Ciphers: []string{gossh.CipherChaCha20Poly1305, gossh.CipherAES256GCM, gossh.CipherAES128GCM,
		gossh.CipherAES256CTR, gossh.CipherAES192CTR, gossh.CipherAES128CTR},
	MACs: []string{gossh.HMACSHA256ETM, gossh.HMACSHA512ETM},
}

// Store is the storage the server serves from: the sessions, and what the server
// needs besides them.
type Store interface {
	session.Store
	// KeySalt is the secret salt of participant key hashes.
	KeySalt(ctx context.Context) ([]byte, error)
	// DataVersion changes when another process writes to the store.
	DataVersion(ctx context.Context) (int64, error)
}

// Server is charter's SSH server with everything it serves.
type Server struct {
	cfg   Config
	store Store
	svc   *session.Service
	hub   *tui.Hub
	fac   *allowlist
	salt  []byte
	guard *CodeGuard
	conns *connCounter
	// handshakes counts the connections not yet in a session.
	handshakes handshakes
	commands   map[string]Command
	ssh        *ssh.Server
	ln         net.Listener
	stop       chan struct{} // closed by Shutdown
	stopOnce   sync.Once
	watchers   sync.WaitGroup // goroutines Shutdown waits for
	// goodbyes holds, per SSH session, why the app ended it, to be written again
	// after the alternate screen is gone.
	goodbyes sync.Map
	// frames holds, per SSH session, the tui.Frames that draws its
	// screen, to give the terminal back when the app ends.
	frames sync.Map
	// resizes counts the window sizes delivered to programs.
	resizes atomic.Int64
}

// New builds the server over a store; Listen binds it. The host key is made in
// DataDir on the first start. The caller closes the store after Shutdown.
func New(cfg Config, st Store) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = log.New(io.Discard)
	}
	if cfg.Facilitators == "" {
		cfg.Facilitators = filepath.Join(cfg.DataDir, "facilitators")
	}
	if cfg.HandshakeTimeout == 0 {
		cfg.HandshakeTimeout = 10 * time.Second
	}
	if cfg.MaxConnsPerIP == 0 {
		cfg.MaxConnsPerIP = 50
	}
	if cfg.MaxHandshakesPerIP == 0 {
		cfg.MaxHandshakesPerIP = DefaultMaxHandshakesPerIP
	}
	if cfg.MaxHandshakes == 0 {
		cfg.MaxHandshakes = DefaultMaxHandshakes
	}
	s := &Server{cfg: cfg, store: st, hub: tui.NewHub(), guard: NewCodeGuard(cfg.Limits), conns: newConnCounter(), stop: make(chan struct{})}
	s.guard.OnLockout = func(addr string, byKey bool) {
		cfg.Logger.Warn("locked out after wrong join codes", "remote-addr", addr, "by-key", byKey)
	}
	s.commands = map[string]Command{"stats": s.stats}
	for name, c := range cfg.Commands {
		if _, ok := s.commands[name]; ok {
			return nil, fmt.Errorf("server command %q is built in", name)
		}
		s.commands[name] = c
	}
	s.svc = session.NewService(st, s.hub)
	s.svc.Limits = cfg.Limits
	var err error
	if s.salt, err = st.KeySalt(context.Background()); err != nil {
		return nil, err
	}
	if s.fac, err = loadAllowlist(cfg.Facilitators); err != nil {
		return nil, err
	}
	s.fac.warn = func(err error) {
		cfg.Logger.Warn("the facilitators file changed but cannot be read; keeping the keys read before", "err", err)
	}
	hostKey := filepath.Join(cfg.DataDir, "host_ed25519")
	s.ssh, err = wish.NewServer(
		wish.WithHostKeyPath(hostKey),
		// Every key may connect: participants need none on an allowlist. Whether a key
		// is a facilitator's is decided per session in the handler.
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		// People without any key still join as participants.
		wish.WithKeyboardInteractiveAuth(func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }),
		wish.WithIdleTimeout(sshIdleTimeout(cfg.IdleTimeout)),
		func(srv *ssh.Server) error {
			srv.ConnCallback = s.acceptConn
			srv.ServerConfigCallback = func(ssh.Context) *gossh.ServerConfig {
				return &gossh.ServerConfig{Config: algorithms}
			}
			return nil
		},
		wish.WithMaxTimeout(cfg.MaxTimeout),
		refuseUnused,
		wish.WithMiddleware(
			recover.MiddlewareWithLogger(cfg.Logger,
				s.teaHandler(),
				s.route(),
				s.limitConns(),
			),
			s.logConnections(),
			limitCommand(),
		),
	)
	if err != nil {
		return nil, fmt.Errorf("ssh server: %w", err)
	}
	if err := os.Chmod(hostKey, 0o600); err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	return s, nil
}

// Service is the session service the server's screens share; changes made through
// it reach every open screen.
func (s *Server) Service() *session.Service { return s.svc }

// ClaimCode is the one-time code that makes the first key entering it a
// facilitator; empty when there are facilitators.
func (s *Server) ClaimCode() string { return s.fac.claimCode() }

// Facilitators is how many facilitator keys the server knows.
func (s *Server) Facilitators() int { return s.fac.len() }

// program builds the bubbletea program of one SSH session and registers it with the
// hub until the SSH session ends.
func (s *Server) program(sess ssh.Session) *tea.Program {
	pty, _, ok := sess.Pty()
	if !ok {
		return nil
	}
	in := newTerminalInput(sess.Context(), sess)
	dark := in.query(sess)
	key := sess.PublicKey()
	var keyBytes []byte
	if key != nil {
		keyBytes = key.Marshal()
	}
	facilitator := key != nil && s.fac.has(key)
	initial, present := "", false
	if args := sess.Command(); len(args) > 0 {
		// `ssh -t HOST present CODE` opens the projector view (facilitators only;
		// the app tells anyone else).
		if args[0] == "present" {
			present, args = true, args[1:]
		}
		// A code read out in the room is typed with a space ("S5AG TK6P"), which
		// ssh passes as two words: together they are the code, as at the join
		// prompt, where spaces do not matter.
		initial = strings.Join(args, " ")
	}
	conn := s.hub.Connect()
	conn.SetProbe(func(timeout time.Duration) bool { return answers(sess, timeout) }, func() { _ = sess.Close() })
	keyHash, remote := session.HashKey(s.salt, keyBytes), remoteIP(sess.RemoteAddr())
	opt := tui.Options{
		Service:     s.svc,
		Context:     sess.Context(),
		Conn:        conn,
		Renderer:    renderer(sess, pty.Term, dark),
		Facilitator: facilitator,
		KeyHash:     keyHash,
		Code:        initial,
		Present:     present,
		Guard:       s.guard.For(remote, keyHash),
		Remote:      remote,
		JoinHint:    s.joinHint(),
		IdleTimeout: s.cfg.IdleTimeout,
		Goodbye:     func(msg string) { s.goodbyes.Store(sess, msg) },
		// Every failure a screen shows as "Something went wrong" is logged.
		Failed: s.failed,
		// A request the client ignores (want-reply false), as OpenSSH's keepalives
		// are: traffic, which moves the SSH layer's idle deadline.
		KeepAlive: func() { _, _ = sess.SendRequest("keepalive@openssh.com", false, nil) },
	}
	if s.cfg.Export != nil {
		opt.Export = func(ctx context.Context, sessionID string) (string, error) {
			return s.cfg.Export(ctx, s.svc, sessionID)
		}
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
	// No signal handler: the server shuts its programs down itself, and one per
	// program was a goroutine per connection. The session's environment, not a copy
	// of the server's per program.
	opts := append([]tea.ProgramOption{tea.WithInput(in), tea.WithOutput(sess)}, tea.WithoutSignalHandler(), tea.WithEnvironment(append([]string{}, sess.Environ()...)))
	// bubbletea's renderer wakes at its frame rate per program, idle or not, and
	// copies the whole frame each time: with a thousand participants that was most
	// of the idle CPU. Every screen, the board's too, is drawn when it changes, and
	// only the lines that changed.
	fr := tui.NewFrames(frameOutput(sess))
	s.frames.Store(sess, fr)
	model := fr.Model(tui.New(opt))
	opts = append(opts, tea.WithoutRenderer())
	p := tea.NewProgram(model, opts...)
	conn.Start(p)
	// A callback, not a goroutine per connection waiting for the end.
	context.AfterFunc(sess.Context(), conn.Close)
	return p
}

func (s *Server) joinHint() string {
	if s.ln == nil {
		return ""
	}
	return SSHLine(s.ln.Addr().String())
}

// SSHLine is the ssh command line that reaches addr with a terminal.
func SSHLine(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "ssh -t " + addr
	}
	if port == "22" {
		return "ssh -t " + host
	}
	return "ssh -p " + port + " -t " + host
}

// Listen binds the server's address (or takes Config.Listener); with port 0 a free
// port is chosen.
func (s *Server) Listen() error {
	if s.cfg.Listener != nil {
		s.ln = s.cfg.Listener
		return nil
	}
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
// screens a moment to show it, then closes the connections. Once it returns, the
// server no longer uses the store.
func (s *Server) Shutdown(ctx context.Context) error {
	s.stopOnce.Do(func() { close(s.stop) })
	if s.hub.Len() > 0 {
		s.hub.SendAll(tui.ShutdownMsg{})
		// The screens show it and end by themselves a moment later: wait for them,
		// at most 2 s. A connection that ended meanwhile leaves nothing to wait for.
		limit := time.NewTimer(2 * time.Second)
		defer limit.Stop()
		look := time.NewTicker(20 * time.Millisecond)
		defer look.Stop()
	wait:
		for s.hub.Len() > 0 {
			select {
			case <-limit.C:
				break wait
			case <-ctx.Done():
				break wait
			case <-look.C:
			}
		}
	}
	sctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	err := s.ssh.Shutdown(sctx)
	if err != nil {
		err = s.ssh.Close()
	}
	s.watchers.Wait()
	return err
}

// watchOtherWriters refreshes every open screen when another process wrote to the
// store: notes imported or a session created from the command line while the
// server runs appear without anyone reconnecting.
func (s *Server) watchOtherWriters() {
	every := s.cfg.OtherWritersPoll
	if every <= 0 {
		every = 2 * time.Second
	}
	t := time.NewTicker(every)
	defer t.Stop()
	last, err := s.store.DataVersion(context.Background())
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
		}
		v, verr := s.store.DataVersion(context.Background())
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

func remoteIP(a net.Addr) string {
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}

// sshIdleTimeout is how long an SSH connection without any traffic lasts: longer
// than the screen's own idle disconnect (idle), which tells the person why before
// it closes. With the same limit, the silent close could come first on a loaded
// server, whose screen runs its idle check late. It closes what no screen does: a
// connection whose screen never started or is stuck.
func sshIdleTimeout(idle time.Duration) time.Duration {
	if idle <= 0 {
		return 0
	}
	return idle + min(time.Minute, max(idle/2, time.Second))
}

// answers reports whether the client of sess answers a request within timeout: a
// keepalive that asks for a reply, which OpenSSH, PuTTY and Dropbear give (a
// refusal is an answer too). A client whose network went away gives none, and the
// connection looks open until TCP gives up, minutes later.
func answers(sess ssh.Session, timeout time.Duration) bool {
	reply := make(chan error, 1)
	go func() {
		_, err := sess.SendRequest("keepalive@openssh.com", true, nil)
		reply <- err
	}()
	select {
	case err := <-reply:
		return err == nil
	case <-time.After(timeout):
		return false
	}
}
