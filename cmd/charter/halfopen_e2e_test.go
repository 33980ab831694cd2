package main

import (
	"context"
	"io"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/charter-tool/charter/session"
)

// stallingProxy forwards TCP connections to a server until stall, after which it
// passes nothing either way and keeps the connections open: a laptop whose network
// went away, which the server cannot tell from one that is quiet.
type stallingProxy struct {
	ln      net.Listener
	mu      sync.Mutex
	stalled bool
	conns   []net.Conn
}

func newStallingProxy(t *testing.T, to string) *stallingProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &stallingProxy{ln: ln}
	t.Cleanup(func() {
		ln.Close()
		p.mu.Lock()
		for _, c := range p.conns {
			c.Close()
		}
		p.mu.Unlock()
	})
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", to)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, s)
			p.mu.Unlock()
			go p.pipe(s, c)
			go p.pipe(c, s)
		}
	}()
	return p
}

// pipe copies from src to dst until the proxy stalls, then holds what it read.
func (p *stallingProxy) pipe(dst, src net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		p.mu.Lock()
		stalled := p.stalled
		p.mu.Unlock()
		if stalled {
			_, _ = io.Copy(io.Discard, src)
			return
		}
		if n > 0 {
			if _, err := dst.Write(buf[:n]); err != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

func (p *stallingProxy) stall() {
	p.mu.Lock()
	p.stalled = true
	p.mu.Unlock()
}

// A participant writing a note loses the network; the server still counts the
// connection open (it has sent nothing since). Back on a new connection, the note
// is there: the old connection, asked whether it is still there, did not answer,
// and was ended, its note handed on. The note was lost: a closing connection's
// note is not kept while another of theirs is open (a participant's trial).
func TestNoteOfAConnectionWhoseNetworkWentAwayComesBack(t *testing.T) {
	t.Parallel()
	srv := testServer(t)
	ctx := context.Background()
	sess, err := srv.svc.NewSession(ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	key := newKey(t)
	proxy := newStallingProxy(t, srv.Addr())
	first := connect(t, proxy.ln.Addr().String(), key, sess.Code)
	first.waitFor("Your name")
	first.typeKeys(enter)        // anonymous
	first.waitFor("New note in") // the box is open on arrival
	pos := first.mark()
	first.typeKeys("the staging keys never rotate")
	first.waitAfter(pos, "rotate")
	// A second terminal while the first answers: the note stays with the first,
	// or both would save it.
	second := connect(t, srv.Addr(), key, sess.Code)
	second.waitFor("New note in")
	if strings.Contains(second.screen(), "rotate") {
		t.Fatal("the note of a connection that answers was handed to another")
	}
	second.close()
	proxy.stall()

	back := connect(t, srv.Addr(), key, sess.Code)
	// The silent connection is asked first: the note comes once the box of a new
	// note is open on arrival, and goes in it; before the screen loaded, n opens it.
	if !strings.Contains(back.waitAfterEither(0, "is back in the box", "when you left is kept"), "is back in the box") {
		pos = back.mark()
		back.typeKeys("n")
		back.waitAfter(pos, "the staging keys never rotate")
	}
	back.waitFor("the staging keys never rotate")
}
