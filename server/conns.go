package server

import (
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
)

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

// acceptConn closes a new connection at once when its address, or everyone, has as
// many connections still in the SSH handshake as allowed; otherwise it gives the
// connection a deadline to finish the handshake. Both end when the session starts
// (see limitConns) or the connection closes.
func (s *Server) acceptConn(ctx ssh.Context, conn net.Conn) net.Conn {
	ip := remoteIP(conn.RemoteAddr())
	if !s.handshakes.enter(ip, s.cfg.MaxHandshakesPerIP, s.cfg.MaxHandshakes) {
		s.handshakes.refused(s.cfg.Logger)
		return nil
	}
	hc := &handshakeConn{Conn: conn, until: time.Now().Add(s.cfg.HandshakeTimeout)}
	hc.release = func() { s.handshakes.leave(ip) }
	hc.Conn.SetDeadline(hc.until)
	ctx.SetValue(connKey{}, hc)
	return hc
}

type connKey struct{}

// handshakeConn keeps the handshake deadline in force until the session starts, even
// when the server's idle timeout moves the connection's deadline on every read.
type handshakeConn struct {
	net.Conn
	until   time.Time
	done    atomic.Bool
	release func()
	once    sync.Once
}

func (c *handshakeConn) SetDeadline(t time.Time) error {
	if !c.done.Load() && (t.IsZero() || t.After(c.until)) {
		t = c.until
	}
	return c.Conn.SetDeadline(t)
}

// started lifts the handshake deadline and frees the connection's handshake place.
func (c *handshakeConn) started() {
	c.done.Store(true)
	c.Conn.SetDeadline(time.Time{})
	c.once.Do(c.release)
}

func (c *handshakeConn) Close() error {
	c.once.Do(c.release)
	return c.Conn.Close()
}

// handshakes counts the connections still in the SSH handshake, per address and in
// all: a flood of connections that never finish it holds no more than the caps of
// file descriptors and goroutines.
type handshakes struct {
	mu      sync.Mutex
	n       map[string]int
	total   int
	dropped int       // refused since the last warning
	warned  time.Time // when the last warning was logged
}

func (h *handshakes) enter(ip string, perIP, total int) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.n[ip] >= perIP || h.total >= total {
		return false
	}
	if h.n == nil {
		h.n = map[string]int{}
	}
	h.n[ip]++
	h.total++
	return true
}

func (h *handshakes) leave(ip string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.n[ip]--; h.n[ip] <= 0 {
		delete(h.n, ip)
	}
	h.total--
}

// refused counts a connection closed at accept and warns, at most once a minute, how
// many were (a flood would otherwise flood the log too).
func (h *handshakes) refused(logger *log.Logger) {
	h.mu.Lock()
	h.dropped++
	n, warn := h.dropped, time.Since(h.warned) >= time.Minute
	if warn {
		h.dropped, h.warned = 0, time.Now()
	}
	h.mu.Unlock()
	if warn {
		logger.Warn("connections closed at accept: too many still in the SSH handshake", "closed", n)
	}
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
