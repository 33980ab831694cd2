package server

import (
	"net"
	"sync"
	"sync/atomic"
	"time"

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
