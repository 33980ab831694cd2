package tui

import (
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// ChangedMsg tells a screen that something it may show changed in a session.
type ChangedMsg struct {
	SessionID string
	What      session.Change
}

// ShutdownMsg tells every screen that the server is going away.
type ShutdownMsg struct{}

// Hub is the registry of connected programs. It implements session.Notifier: a change
// in a session reaches the programs watching it. Each program gets its own forwarder
// goroutine with a one-slot signal, so a slow terminal coalesces changes instead of
// holding up the person who made them.
type Hub struct {
	mu    sync.Mutex
	conns map[*Conn]struct{}
	// left records, per session and participant, when their last connection closed;
	// a participant who connects again is taken off it.
	left map[string]map[int64]time.Time
	// Now is the clock for left; tests may set it before use.
	Now func() time.Time
}

// NewHub returns an empty hub.
func NewHub() *Hub {
	return &Hub{conns: map[*Conn]struct{}{}, left: map[string]map[int64]time.Time{}, Now: time.Now}
}

// Conn is one program's registration.
type Conn struct {
	hub       *Hub
	signal    chan struct{}
	done      chan struct{}
	closeOnce sync.Once

	mu        sync.Mutex
	program   *tea.Program
	sessionID string
	mask      session.Change
	pending   session.Change
	// participant is who this connection is in the session it watches, once they
	// joined it; 0 for a facilitator or before joining.
	participant int64
}

// Connect registers a new connection; Start attaches its program.
func (h *Hub) Connect() *Conn {
	c := &Conn{hub: h, signal: make(chan struct{}, 1), done: make(chan struct{})}
	h.mu.Lock()
	h.conns[c] = struct{}{}
	h.mu.Unlock()
	return c
}

// Start forwards changes to p until Close.
func (c *Conn) Start(p *tea.Program) {
	c.mu.Lock()
	c.program = p
	c.mu.Unlock()
	go func() {
		for {
			select {
			case <-c.done:
				return
			case <-c.signal:
			}
			c.mu.Lock()
			msg := ChangedMsg{SessionID: c.sessionID, What: c.pending}
			c.pending = 0
			c.mu.Unlock()
			if msg.What != 0 {
				p.Send(msg)
			}
		}
	}()
}

// Watch makes the connection receive changes of the given kinds in a session; an
// empty sessionID watches nothing. It is cheap enough to call from Update.
func (c *Conn) Watch(sessionID string, mask session.Change) {
	if c == nil {
		return
	}
	c.mu.Lock()
	if c.sessionID != sessionID {
		// Another session: changes of the last one are no longer wanted, and the
		// connection is nobody in the new one until it joins.
		c.pending, c.participant = 0, 0
	}
	c.sessionID, c.mask = sessionID, mask
	c.mu.Unlock()
}

// Close removes the connection from the hub; call it when the SSH session ends.
func (c *Conn) Close() {
	c.closeOnce.Do(func() {
		h := c.hub
		h.mu.Lock()
		delete(h.conns, c)
		c.mu.Lock()
		sid, pid := c.sessionID, c.participant
		c.mu.Unlock()
		gone := pid != 0 && h.connectedLocked(sid, pid) == 0
		if gone {
			if h.left[sid] == nil {
				h.left[sid] = map[int64]time.Time{}
			}
			h.left[sid][pid] = h.Now()
		}
		h.mu.Unlock()
		close(c.done)
		if gone {
			h.Publish(sid, session.ChangePeople)
		}
	})
}

// Joined says that the connection is participant id of the session it watches, so
// that the facilitator's board can tell who is connected.
func (c *Conn) Joined(id int64) {
	if c == nil {
		return
	}
	h := c.hub
	h.mu.Lock()
	c.mu.Lock()
	sid := c.sessionID
	c.participant = id
	c.mu.Unlock()
	delete(h.left[sid], id)
	h.mu.Unlock()
	h.Publish(sid, session.ChangePeople)
}

// Presence is Hub.Presence for the hub of c; nothing when c is nil (no hub).
func (c *Conn) Presence(sessionID string) (connected map[int64]bool, left map[int64]time.Time) {
	if c == nil {
		return nil, nil
	}
	return c.hub.Presence(sessionID)
}

// connectedLocked counts the connections of a participant; h.mu is held.
func (h *Hub) connectedLocked(sessionID string, id int64) int {
	n := 0
	for c := range h.conns {
		c.mu.Lock()
		if c.sessionID == sessionID && c.participant == id {
			n++
		}
		c.mu.Unlock()
	}
	return n
}

// Presence says who of a session's participants is connected now, and when those
// who were connected and are no longer left.
func (h *Hub) Presence(sessionID string) (connected map[int64]bool, left map[int64]time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	connected = map[int64]bool{}
	for c := range h.conns {
		c.mu.Lock()
		if c.sessionID == sessionID && c.participant != 0 {
			connected[c.participant] = true
		}
		c.mu.Unlock()
	}
	left = map[int64]time.Time{}
	for id, at := range h.left[sessionID] {
		left[id] = at
	}
	return connected, left
}

// Publish implements session.Notifier.
func (h *Hub) Publish(sessionID string, what session.Change) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.conns {
		c.mu.Lock()
		hit := c.sessionID == sessionID && c.mask&what != 0
		if hit {
			c.pending |= what & c.mask
		}
		c.mu.Unlock()
		if hit {
			select {
			case c.signal <- struct{}{}:
			default: // a signal is already waiting; it will carry this change too
			}
		}
	}
}

// PublishAll tells every program watching a session that anything it watches may
// have changed: for changes made outside this process, whose session is unknown.
func (h *Hub) PublishAll() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.conns {
		c.mu.Lock()
		hit := c.sessionID != "" && c.mask != 0
		if hit {
			// Everything but ChangeNoteAdded, so that screens reload in full.
			c.pending |= c.mask &^ session.ChangeNoteAdded
			if c.pending == 0 {
				c.pending = c.mask
			}
		}
		c.mu.Unlock()
		if hit {
			select {
			case c.signal <- struct{}{}:
			default:
			}
		}
	}
}

// Len returns how many connections are registered.
func (h *Hub) Len() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.conns)
}

// SendAll sends msg to every connected program without waiting for any of them.
func (h *Hub) SendAll(msg tea.Msg) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.conns {
		c.mu.Lock()
		p := c.program
		c.mu.Unlock()
		if p != nil {
			go p.Send(msg)
		}
	}
}
