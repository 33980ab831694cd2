package tui

import (
	"context"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
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

// takenOverMsg tells a participant's connection that their rejoin code was used on
// another connection, which is now the participant.
type takenOverMsg struct{}

// Hub is the registry of connected programs. It implements session.Notifier: a change
// in a session reaches the programs watching it. A program's changes are delivered by
// a goroutine that lives only while there is something to deliver, so a slow terminal
// coalesces changes instead of holding up the person who made them, and an idle
// connection costs no goroutine here.
type Hub struct {
	mu    sync.Mutex
	conns map[*Conn]struct{}
	// watching holds, per session, its connections by the kinds of change they
	// watch (a handful of masks): a change reaches the connections that watch it
	// without looking at the thousand others. Changed under mu and the
	// connection's mu, as a connection's sessionID and mask are.
	watching map[string]map[session.Change]map[*Conn]struct{}
	// people holds the connections of each participant of a session, as they
	// joined (Joined) or said who they are on the name screen (Is), so that a
	// participant's connections are found without looking at everyone's: the
	// author of every saved note is told on their other connections. Changed under
	// mu and the connection's mu, with the fields it is keyed by.
	people map[person]map[*Conn]struct{}
	// left records, per session and participant, when their last connection closed;
	// a participant who connects again is taken off it.
	left map[string]map[int64]time.Time
	// Now is the clock for left; tests may set it before use.
	Now func() time.Time

	// changes counts the changes published per session, and epoch those published
	// to all sessions: together they say whether a room read is current.
	changes map[string]uint64
	epoch   uint64
	// rooms is, per session, the last read of what its participant screens share.
	rooms map[string]*room

	// drafts holds, per session and participant, the note they were writing when a
	// connection of theirs closed (Conn.KeepDraft kept it on the connection): the
	// connection takes its screen and the box with it, and their next connection
	// gives the note back (TakeDraft). Only in memory, never stored, taken once,
	// dropped after draftKept; a live connection's note is never handed to another
	// (two connections of one key saved it twice). A lock of its own.
	draftMu sync.Mutex
	drafts  map[string]map[int64]Draft
	// previews holds, per session, the suggested themes as a facilitator edited
	// them before sharing (KeepPreview), under draftMu: a board that opens shows
	// them again (Preview) instead of clustering anew, notes written since placed
	// in them, so that a dropped connection does not take the names, merges and
	// picks.
	previews map[string]Preview
	// renames are, per session, the activities renamed in the last draftKept
	// (ActivityRenamed), under draftMu, numbered by renameSeq: a participant's
	// screen follows those after the last it followed (renamesSince).
	renames   map[string][]activityRename
	renameSeq atomic.Uint64
	// boards holds, per session, the answer a board was typing into a prompt when
	// its connection closed (Conn.KeepBoardDraft), under draftMu: the session's
	// next board gives it back (TakeBoardDraft). Only in memory, taken once,
	// dropped after draftKept.
	boards map[string]BoardDraft
}

// BoardDraft is an answer being typed into a board's prompt and not saved yet:
// what the prompt asks, what for (Target: a theme or an action point; Notes: a
// suggested theme) and the text typed.
type BoardDraft struct {
	Prompt BoardPrompt
	Target int64
	// Notes are the notes of the suggested theme a name is typed for, in order of
	// ID: a suggestion has no ID, and the next board's clustering of the same
	// notes suggests it again.
	Notes []int64
	// Made and Was are when action point Target was made and its title when the
	// prompt opened: a number is given again to the next action point once the
	// highest is deleted, and an answer kept for the one deleted is not the new
	// one's.
	Made time.Time
	Was  string
	Text string
	at   time.Time
}

// BoardPrompt is a board prompt whose answer outlives a dropped connection.
type BoardPrompt int

const (
	// PromptAction is a new action point for theme Target.
	PromptAction BoardPrompt = iota
	// PromptThemeName is a new name for theme Target.
	PromptThemeName
	// PromptActionTitle is a new title for action point Target.
	PromptActionTitle
	// PromptActionOwner is the owner of action point Target.
	PromptActionOwner
	// PromptSuggestionName is a name for the suggested theme of Notes, typed
	// before the suggestions are shared.
	PromptSuggestionName
)

// KeepBoardDraft keeps d as the answer this connection's board of session sid is
// typing (an empty text forgets it); should the connection close with it unsaved,
// the session's next board gets it back (TakeBoardDraft).
func (c *Conn) KeepBoardDraft(sid string, d BoardDraft) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.board, c.boardSession = d, sid
}

// TakeBoardDraft returns, and forgets, the answer a board of session sid was
// typing when its connection closed; ok is false when there is none or it is
// older than draftKept.
func (c *Conn) TakeBoardDraft(sid string) (BoardDraft, bool) {
	if c == nil {
		return BoardDraft{}, false
	}
	h := c.hub
	h.draftMu.Lock()
	defer h.draftMu.Unlock()
	d, ok := h.boards[sid]
	delete(h.boards, sid)
	return d, ok && h.Now().Sub(d.at) <= draftKept
}

// leaveBoardDraft parks the answer of a board's closed connection for the
// session's next board, and drops those older than draftKept.
func (h *Hub) leaveBoardDraft(sid string, d BoardDraft) {
	h.draftMu.Lock()
	defer h.draftMu.Unlock()
	now := h.Now()
	for s, old := range h.boards {
		if now.Sub(old.at) > draftKept {
			delete(h.boards, s)
		}
	}
	if sid == "" || strings.TrimSpace(d.Text) == "" {
		return
	}
	d.at = now
	h.boards[sid] = d
}

// activityRename is an activity of a session renamed from one name to another, the
// seq'th rename the hub was told of.
type activityRename struct {
	seq      uint64
	from, to string
	at       time.Time
}

// Preview is the suggested themes of a session as edited on a board before they
// were shared: Key is what they were clustered from (the board's suggestKey),
// Picked the suggestions picked to accept, Edited whether any was renamed or merged,
// Merged how many merges were made.
type Preview struct {
	Key    string
	Themes []session.Theme
	Picked map[int]bool
	Edited bool
	Merged int
	at     time.Time
}

// Draft is a new note not sent yet: its text and where it was being written, and
// the open topics its writer raised that no note has yet (a topic lives in its
// notes, and one raised but not written on was lost with the connection), joined
// by "\x00".
type Draft struct {
	Text           string
	Area           session.Area
	Lane, Activity string
	Topics         string
	// Next is a note that comes after this one: taken back from a connection
	// that no longer answered while this one was being written.
	Next *Draft
	// Edit is a saved note of theirs being changed, EditText what was typed over
	// it and EditFrom its text when the change began: given back with e on that
	// note (participantScreen.unsavedEdit), not as a new note.
	Edit               int64
	EditText, EditFrom string
	at                 time.Time
	// seq is the last activity rename (Hub.ActivityRenamed) the draft follows:
	// one made after it, before the screen that kept the draft read it, is
	// applied when the draft is handed on (followRenamesLocked).
	seq uint64
}

// renamed is d (and the notes after it) with the activity from renamed to, copied;
// in another case or spacing it is the same activity, as the service renames it on
// notes.
func (d Draft) renamed(from, to string) Draft {
	d.Activity = renamedTo(d.Activity, from, to)
	if d.Next != nil {
		next := d.Next.renamed(from, to)
		d.Next = &next
	}
	return d
}

// renamedTo is activity a with activity from renamed to: to when a is from (in
// any case or spacing), else a.
func renamedTo(a, from, to string) string {
	if a != "" && session.TopicKey(a) == session.TopicKey(from) {
		return to
	}
	return a
}

var _ session.ActivityRenamer = (*Hub)(nil)

// ActivityRenamed implements session.ActivityRenamer. The notes of session sid that
// wait for their writers' next connection, written under the activity, are about
// it under its new name, as the notes stored on it are; the participant screens
// watching the session follow the rename when they next read it (renamesSince).
func (h *Hub) ActivityRenamed(sid, from, to string) {
	h.draftMu.Lock()
	defer h.draftMu.Unlock()
	seq := h.renameSeq.Add(1)
	for pid, d := range h.drafts[sid] {
		d = d.renamed(from, to)
		d.seq = seq
		h.drafts[sid][pid] = d
	}
	now := h.Now()
	for s, rs := range h.renames {
		if rs = slices.DeleteFunc(rs, func(r activityRename) bool { return now.Sub(r.at) > draftKept }); len(rs) == 0 {
			delete(h.renames, s)
		} else {
			h.renames[s] = rs
		}
	}
	h.renames[sid] = append(h.renames[sid], activityRename{seq: seq, from: from, to: to, at: now})
}

// followRenamesLocked is d, a draft of session sid handed on from a connection,
// with the activities renamed after the last rename its screen followed: a
// connection that closed (or was found gone) between a rename and its screen's
// next read kept its note under the old name. h.draftMu is held.
func (h *Hub) followRenamesLocked(sid string, d Draft) Draft {
	for _, r := range h.renames[sid] {
		if r.seq > d.seq {
			d = d.renamed(r.from, r.to)
			d.seq = r.seq
		}
	}
	return d
}

// renameSeq is the number of the last rename the hub was told of.
func (c *Conn) renameSeq() uint64 {
	if c == nil || c.hub == nil {
		return 0
	}
	return c.hub.renameSeq.Load()
}

// renamesSince returns the activities of session sid renamed after rename number
// seq, in order, and the number of the last rename.
func (c *Conn) renamesSince(sid string, seq uint64) ([]activityRename, uint64) {
	if c == nil || c.hub == nil {
		return nil, seq
	}
	h := c.hub
	if h.renameSeq.Load() == seq {
		return nil, seq // none anywhere: no lock for a thousand screens' reads
	}
	h.draftMu.Lock()
	defer h.draftMu.Unlock()
	var out []activityRename
	for _, r := range h.renames[sid] {
		if r.seq > seq {
			out = append(out, r)
		}
	}
	return out, h.renameSeq.Load()
}

// empty says the draft holds nothing to give back.
func (d Draft) empty() bool { return d.Text == "" && d.Topics == "" && d.Next == nil && d.Edit == 0 }

// draftKept is how long a draft waits for its writer's next connection.
const draftKept = 2 * time.Hour

// NewHub returns an empty hub.
func NewHub() *Hub {
	return &Hub{conns: map[*Conn]struct{}{}, watching: map[string]map[session.Change]map[*Conn]struct{}{},
		left: map[string]map[int64]time.Time{}, Now: time.Now, changes: map[string]uint64{}, rooms: map[string]*room{},
		drafts: map[string]map[int64]Draft{}, previews: map[string]Preview{}, renames: map[string][]activityRename{},
		boards: map[string]BoardDraft{}, people: map[person]map[*Conn]struct{}{}}
}

// KeepPreview keeps p as session sid's edited suggestions, a copy of it; one with
// no themes forgets them. Kept in memory for draftKept, never stored.
func (c *Conn) KeepPreview(sid string, p Preview) {
	if c == nil {
		return
	}
	h := c.hub
	h.draftMu.Lock()
	defer h.draftMu.Unlock()
	now := h.Now()
	for s, old := range h.previews {
		if now.Sub(old.at) > draftKept {
			delete(h.previews, s)
		}
	}
	if len(p.Themes) == 0 {
		delete(h.previews, sid)
		return
	}
	p.Themes, p.Picked, p.at = copyThemes(p.Themes), maps.Clone(p.Picked), now
	h.previews[sid] = p
}

// Preview returns a copy of session sid's edited suggestions; their Key says
// what they were clustered from, which notes may have changed since.
func (c *Conn) Preview(sid string) (Preview, bool) {
	if c == nil {
		return Preview{}, false
	}
	h := c.hub
	h.draftMu.Lock()
	defer h.draftMu.Unlock()
	p, ok := h.previews[sid]
	if !ok || h.Now().Sub(p.at) > draftKept {
		return Preview{}, false
	}
	p.Themes, p.Picked = copyThemes(p.Themes), maps.Clone(p.Picked)
	return p, true
}

// copyThemes copies themes and their note lists.
func copyThemes(ths []session.Theme) []session.Theme {
	out := make([]session.Theme, len(ths))
	for i, th := range ths {
		out[i] = th
		out[i].NoteIDs = slices.Clone(th.NoteIDs)
	}
	return out
}

// Conn is one program's registration.
type Conn struct {
	hub       *Hub
	closeOnce sync.Once

	mu        sync.Mutex
	program   *tea.Program
	closed    bool
	sessionID string
	mask      session.Change
	pending   session.Change
	// delivering says a goroutine is sending pending changes to the program.
	delivering bool
	// timers are the messages scheduled with Tick that have not fired yet.
	timers map[*time.Timer]struct{}
	// participant is who this connection is in the session it watches, once they
	// joined it; 0 for a facilitator or before joining.
	participant int64
	// isSession and isID are who the connection is from the moment they joined
	// (Is), the name screen included: what TakeOver looks for.
	isSession string
	isID      int64
	// draft is the note its participant is writing (KeepDraft), handed to the hub
	// when the connection closes.
	draft Draft
	// board is the answer its board of session boardSession is typing
	// (KeepBoardDraft), handed to the hub when the connection closes.
	board        BoardDraft
	boardSession string
	// probe, if set (SetProbe), asks the other end whether it is still there, and
	// end ends the connection.
	probe func(timeout time.Duration) bool
	end   func()
}

// TellOwn tells the other open connections of this connection's participant that
// their own notes, rating or done mark changed. Before the reveal only the board
// watches notes (and ratings, while participants do not see the chart, and done
// marks always), and a second terminal of the same person went on showing them as
// it had read them: a note saved, changed or deleted in one, a rating given or a
// done mark said, was not so in the other.
func (c *Conn) TellOwn() {
	if c == nil || c.hub == nil {
		return
	}
	c.mu.Lock()
	sid, pid := c.sessionID, c.participant
	c.mu.Unlock()
	if sid == "" || pid == 0 {
		return
	}
	h := c.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	h.participantConnsLocked(sid, pid, func(o *Conn) {
		// A name screen (participant 0) reads the notes when it is done.
		if o == c || o.participant != pid {
			return
		}
		o.pending |= session.ChangeNotes
		o.deliverLocked()
	})
}

// SetProbe gives the connection a way to ask its client whether it is still there
// (probe reports whether an answer came within timeout) and to end it.
func (c *Conn) SetProbe(probe func(timeout time.Duration) bool, end func()) {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.probe, c.end = probe, end
	c.mu.Unlock()
}

// ReclaimDraft is for a participant back on a new connection while another of
// theirs, writing a note, is still open: a connection whose network went away
// stays open until the server notices, and its note would be lost with it (a
// closing connection's note is not kept while another of theirs is live). Each
// such connection is asked whether it is still there; the note of one that does
// not answer within timeout is returned, and that connection ended. One that
// answers keeps its note: the person has two terminals, and both would save it.
func (c *Conn) ReclaimDraft(sid string, pid int64, timeout time.Duration) (Draft, bool) {
	if c == nil || pid == 0 {
		return Draft{}, false
	}
	h := c.hub
	var others []*Conn
	h.mu.Lock()
	h.participantConnsLocked(sid, pid, func(o *Conn) {
		// A box emptied may still hold the note that waits to come after it.
		if o != c && o.probe != nil && !o.draft.empty() {
			others = append(others, o)
		}
	})
	h.mu.Unlock()
	for _, o := range others {
		o.mu.Lock()
		probe := o.probe
		o.mu.Unlock()
		if probe(timeout) {
			continue
		}
		c.mu.Lock()
		gone := c.closed
		c.mu.Unlock()
		if gone {
			// The new connection closed while the old one was asked: the
			// note stays where it is, parked when that one closes.
			return Draft{}, false
		}
		// Taken before the connection ends: its close then keeps nothing.
		o.mu.Lock()
		d, end := o.draft, o.end
		o.draft = Draft{}
		o.mu.Unlock()
		// Ending it closes its channel only, and the close is written into a
		// connection nobody reads (it may block until TCP gives up, as may the
		// server's noticing): it is let go here, so that it no longer counts
		// them connected and the new connection's close keeps the note.
		o.Close()
		go end()
		if !d.empty() {
			h.draftMu.Lock()
			d = h.followRenamesLocked(sid, d)
			h.draftMu.Unlock()
			return d, true
		}
	}
	return Draft{}, false
}

// Connect registers a new connection; Start attaches its program.
func (h *Hub) Connect() *Conn {
	c := &Conn{hub: h}
	h.mu.Lock()
	h.conns[c] = struct{}{}
	h.mu.Unlock()
	return c
}

// Start forwards changes to p until Close.
func (c *Conn) Start(p *tea.Program) {
	c.mu.Lock()
	c.program = p
	c.deliverLocked()
	c.mu.Unlock()
}

// deliverLocked starts the goroutine that sends pending changes to the program,
// unless one runs or there is nothing to send; c.mu is held.
func (c *Conn) deliverLocked() {
	if c.delivering || c.pending == 0 || c.program == nil || c.closed {
		return
	}
	c.delivering = true
	go c.deliver()
}

// deliver sends the pending changes, all that arrived meanwhile in one message,
// until there are none.
func (c *Conn) deliver() {
	for {
		c.mu.Lock()
		msg := ChangedMsg{SessionID: c.sessionID, What: c.pending}
		p := c.program
		c.pending = 0
		if msg.What == 0 || c.closed {
			c.delivering = false
			c.mu.Unlock()
			return
		}
		c.mu.Unlock()
		// Send returns when the program took it or has ended.
		p.Send(msg)
	}
}

// Tick is tea.Tick(d) with a message that does not depend on the time, without a
// goroutine waiting per program: the runtime's timer sends it, and Close stops it.
// Without a started program (tests) it is tea.Tick.
func (c *Conn) Tick(d time.Duration, msg tea.Msg) tea.Cmd {
	if c != nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.program != nil && !c.closed {
			if c.timers == nil {
				c.timers = map[*time.Timer]struct{}{}
			}
			var t *time.Timer
			t = time.AfterFunc(d, func() {
				c.mu.Lock()
				_, live := c.timers[t]
				delete(c.timers, t)
				p := c.program
				c.mu.Unlock()
				if live {
					p.Send(msg)
				}
			})
			c.timers[t] = struct{}{}
			return nil
		}
	}
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// Watch makes the connection receive changes of the given kinds in a session; an
// empty sessionID watches nothing. It is cheap enough to call from Update.
func (c *Conn) Watch(sessionID string, mask session.Change) {
	if c == nil {
		return
	}
	c.mu.Lock()
	same := c.sessionID == sessionID && c.mask == mask
	c.mu.Unlock()
	if same {
		return
	}
	h := c.hub
	h.mu.Lock()
	c.mu.Lock()
	h.unpersonLocked(c)
	if c.sessionID != sessionID {
		// Another session: changes of the last one are no longer wanted, and the
		// connection is nobody in the new one until it joins.
		c.pending, c.participant = 0, 0
	}
	if _, ok := h.conns[c]; ok {
		h.unindexLocked(c)
		c.sessionID, c.mask = sessionID, mask
		h.indexLocked(c)
		h.personLocked(c)
	} else {
		c.sessionID, c.mask = sessionID, mask
	}
	c.mu.Unlock()
	h.mu.Unlock()
}

// indexLocked puts c under its session and mask in h.watching; h.mu and c.mu are
// held.
func (h *Hub) indexLocked(c *Conn) {
	if c.sessionID == "" {
		return
	}
	byMask := h.watching[c.sessionID]
	if byMask == nil {
		byMask = map[session.Change]map[*Conn]struct{}{}
		h.watching[c.sessionID] = byMask
	}
	set := byMask[c.mask]
	if set == nil {
		set = map[*Conn]struct{}{}
		byMask[c.mask] = set
	}
	set[c] = struct{}{}
}

// unindexLocked takes c out of h.watching; h.mu and c.mu are held.
func (h *Hub) unindexLocked(c *Conn) {
	byMask := h.watching[c.sessionID]
	set := byMask[c.mask]
	if set == nil {
		return
	}
	delete(set, c)
	if len(set) == 0 {
		delete(byMask, c.mask)
		if len(byMask) == 0 {
			delete(h.watching, c.sessionID)
		}
	}
}

// sessionConnsLocked calls f for each connection watching sessionID; h.mu is held.
func (h *Hub) sessionConnsLocked(sessionID string, f func(c *Conn)) {
	for _, set := range h.watching[sessionID] {
		for c := range set {
			f(c)
		}
	}
}

// Close removes the connection from the hub; call it when the SSH session ends.
func (c *Conn) Close() {
	c.closeOnce.Do(func() {
		h := c.hub
		h.mu.Lock()
		delete(h.conns, c)
		c.mu.Lock()
		h.unindexLocked(c)
		h.unpersonLocked(c)
		sid, pid := c.sessionID, c.participant
		if pid == 0 && c.isID != 0 {
			// Closed on the name screen, which watches nothing: they leave as
			// from their screen (the board counted them connected).
			sid, pid = c.isSession, c.isID
		}
		d := c.draft
		board, boardSID := c.board, c.boardSession
		c.closed, c.pending = true, 0
		for t := range c.timers {
			t.Stop()
		}
		c.timers = nil
		c.mu.Unlock()
		gone := pid != 0 && h.connectedLocked(sid, pid) == 0
		if !gone {
			// Another connection of theirs is live (this one was left half open
			// when they came back, or replaced by their rejoin code): its note is
			// the current one, and this one's, parked, came back after the note
			// had been saved.
			d = Draft{}
		}
		if gone {
			if h.left[sid] == nil {
				h.left[sid] = map[int64]time.Time{}
			}
			h.left[sid][pid] = h.Now()
		}
		if sid != "" && !h.watchedLocked(sid) {
			// Nobody shows the session any more: its room read is not kept.
			delete(h.rooms, sid)
			delete(h.changes, sid)
		}
		h.mu.Unlock()
		h.leaveDraft(sid, pid, d)
		h.leaveBoardDraft(boardSID, board)
		if gone {
			h.Publish(sid, session.ChangePeople)
		}
	})
}

// Leave says the connection is no longer in the session it shows: a participant
// gone back from a closed session to the list of the sessions they took part in.
// It watches nothing and is nobody until it joins again, and the board sees them
// leave, as when a connection closes, unless another connection of theirs is in.
func (c *Conn) Leave() {
	if c == nil {
		return
	}
	h := c.hub
	if h == nil {
		c.mu.Lock()
		c.sessionID, c.mask, c.participant, c.isSession, c.isID = "", 0, 0, "", 0
		c.mu.Unlock()
		return
	}
	h.mu.Lock()
	c.mu.Lock()
	h.unindexLocked(c)
	h.unpersonLocked(c)
	sid, pid := c.sessionID, c.participant
	if pid == 0 && c.isID != 0 {
		sid, pid = c.isSession, c.isID
	}
	c.sessionID, c.mask, c.participant, c.pending, c.isSession, c.isID = "", 0, 0, 0, "", 0
	c.mu.Unlock()
	gone := pid != 0 && h.connectedLocked(sid, pid) == 0
	if gone {
		if h.left[sid] == nil {
			h.left[sid] = map[int64]time.Time{}
		}
		h.left[sid][pid] = h.Now()
	}
	if sid != "" && !h.watchedLocked(sid) {
		// Nobody shows the session any more: its room read is not kept.
		delete(h.rooms, sid)
		delete(h.changes, sid)
	}
	h.mu.Unlock()
	if gone {
		h.Publish(sid, session.ChangePeople)
	}
}

// KeepDraft keeps d as the note the connection's participant is writing and has
// not sent (an empty one forgets it); should the connection close, their next
// connection gets it back (TakeDraft). It is this connection's only: a note
// parked when another of theirs closed waits for the connection that takes it,
// whatever this one's box holds (emptied here, it had been lost).
func (c *Conn) KeepDraft(d Draft) {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.draft = d
	c.mu.Unlock()
}

// leaveDraft hands the closed connection's draft, if any, to the hub for the
// participant's next connection, and drops drafts older than draftKept (of
// writers who never came back, of sessions since deleted).
func (h *Hub) leaveDraft(sid string, pid int64, d Draft) {
	h.draftMu.Lock()
	defer h.draftMu.Unlock()
	now := h.Now()
	for s, byID := range h.drafts {
		for id, old := range byID {
			if now.Sub(old.at) > draftKept {
				delete(byID, id)
			}
		}
		if len(byID) == 0 {
			delete(h.drafts, s)
		}
	}
	if d.empty() || pid == 0 || sid == "" {
		return
	}
	if h.drafts[sid] == nil {
		h.drafts[sid] = map[int64]Draft{}
	}
	d = h.followRenamesLocked(sid, d)
	d.at = now
	h.drafts[sid][pid] = d
}

// TakeDraft returns, and forgets, the note participant pid of session sid was
// writing when a connection of theirs closed; ok is false when there is none or
// it is older than draftKept.
func (c *Conn) TakeDraft(sid string, pid int64) (d Draft, ok bool) {
	if c == nil {
		return Draft{}, false
	}
	h := c.hub
	h.draftMu.Lock()
	defer h.draftMu.Unlock()
	d, ok = h.drafts[sid][pid]
	if !ok {
		return Draft{}, false
	}
	delete(h.drafts[sid], pid)
	if len(h.drafts[sid]) == 0 {
		delete(h.drafts, sid)
	}
	return d, h.Now().Sub(d.at) <= draftKept
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
	h.unpersonLocked(c)
	c.participant = id
	if _, ok := h.conns[c]; ok {
		h.personLocked(c)
	}
	c.mu.Unlock()
	delete(h.left[sid], id)
	h.mu.Unlock()
	h.Publish(sid, session.ChangePeople)
}

// Is records that the connection is participant id of session sessionID, from
// the moment they joined (before their screen watches the session).
func (c *Conn) Is(sessionID string, id int64) {
	if c == nil {
		return
	}
	h := c.hub
	if h == nil {
		c.mu.Lock()
		c.isSession, c.isID = sessionID, id
		c.mu.Unlock()
		return
	}
	h.mu.Lock()
	c.mu.Lock()
	h.unpersonLocked(c)
	c.isSession, c.isID = sessionID, id
	if _, ok := h.conns[c]; ok {
		h.personLocked(c)
	}
	c.mu.Unlock()
	h.mu.Unlock()
}

// TakeOver ends the other connections that are participant id of session
// sessionID (Is): someone came in with their rejoin code, which a neighbour may
// have read off their screen. Two connections at once would let that neighbour
// read their notes, rating and dots unseen; the one left is told, and can tell
// the facilitator (and a connection that dropped unnoticed is let go at once).
func (c *Conn) TakeOver(sessionID string, id int64) {
	if c == nil || id == 0 {
		return
	}
	h := c.hub
	var others []*tea.Program
	h.mu.Lock()
	for o := range h.conns {
		if o == c {
			continue
		}
		o.mu.Lock()
		if o.isSession == sessionID && o.isID == id && o.program != nil && !o.closed {
			others = append(others, o.program)
		}
		o.mu.Unlock()
	}
	h.mu.Unlock()
	for _, p := range others {
		go p.Send(takenOverMsg{})
	}
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
	h.participantConnsLocked(sessionID, id, func(*Conn) { n++ })
	return n
}

// participantConnsLocked calls f, with c.mu held, for each open connection c of
// participant id of session sessionID: on a screen watching the session, or on the
// name screen, which watches nothing yet; h.mu is held.
func (h *Hub) participantConnsLocked(sessionID string, id int64, f func(c *Conn)) {
	for c := range h.people[person{sessionID, id}] {
		c.mu.Lock()
		if c.closed {
			c.mu.Unlock()
			continue
		}
		if c.sessionID == sessionID && c.participant == id ||
			c.participant == 0 && c.isSession == sessionID && c.isID == id {
			f(c)
		}
		c.mu.Unlock()
	}
}

// person is a participant of a session, as h.people finds their connections.
type person struct {
	session string
	id      int64
}

// personKeys are the participants c may be a connection of: the one it joined as
// in the session it watches, and the one it said it is on the name screen.
func personKeys(c *Conn) [2]person {
	var keys [2]person
	if c.participant != 0 && c.sessionID != "" {
		keys[0] = person{c.sessionID, c.participant}
	}
	if c.isID != 0 {
		keys[1] = person{c.isSession, c.isID}
	}
	return keys
}

// personLocked puts c under its participants in h.people; h.mu and c.mu are held.
func (h *Hub) personLocked(c *Conn) {
	for _, k := range personKeys(c) {
		if k.id == 0 {
			continue
		}
		set := h.people[k]
		if set == nil {
			set = map[*Conn]struct{}{}
			h.people[k] = set
		}
		set[c] = struct{}{}
	}
}

// unpersonLocked takes c out of h.people; h.mu and c.mu are held.
func (h *Hub) unpersonLocked(c *Conn) {
	for _, k := range personKeys(c) {
		if set := h.people[k]; set != nil {
			delete(set, c)
			if len(set) == 0 {
				delete(h.people, k)
			}
		}
	}
}

// watchedLocked says whether a connection watches the session; h.mu is held.
func (h *Hub) watchedLocked(sessionID string) bool {
	return len(h.watching[sessionID]) > 0
}

// Presence says who of a session's participants is connected now, and when those
// who were connected and are no longer left.
func (h *Hub) Presence(sessionID string) (connected map[int64]bool, left map[int64]time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	connected = map[int64]bool{}
	h.sessionConnsLocked(sessionID, func(c *Conn) {
		c.mu.Lock()
		if c.participant != 0 {
			connected[c.participant] = true
		}
		c.mu.Unlock()
	})
	// Who joined and is still on the name screen watches nothing yet, and the
	// board said they were not connected.
	for c := range h.conns {
		c.mu.Lock()
		if c.isSession == sessionID && c.isID != 0 && !c.closed {
			connected[c.isID] = true
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
	if _, ok := h.changes[sessionID]; ok || h.rooms[sessionID] != nil {
		h.changes[sessionID]++
	}
	// Only the connections of the session whose mask takes the change: in the
	// write phase a note reaches the facilitator's board, not the screens of the
	// thousand people writing.
	for mask, set := range h.watching[sessionID] {
		if mask&what == 0 {
			continue
		}
		for c := range set {
			c.mu.Lock()
			// A delivery under way carries this change too.
			c.pending |= what & c.mask
			c.deliverLocked()
			c.mu.Unlock()
		}
	}
}

// PublishAll tells every program watching a session that anything it watches may
// have changed: for changes made outside this process, whose session is unknown.
func (h *Hub) PublishAll() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.epoch++
	for c := range h.conns {
		c.mu.Lock()
		if c.sessionID != "" && c.mask != 0 {
			// Everything but ChangeNoteAdded, so that screens reload in full.
			c.pending |= c.mask &^ session.ChangeNoteAdded
			if c.pending == 0 {
				c.pending = c.mask
			}
			c.deliverLocked()
		}
		c.mu.Unlock()
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

// RoomReader reads what the participant screens of a session share.
type RoomReader interface {
	RoomView(ctx context.Context, sessionID string) (*session.RoomView, error)
}

// room is one read of what a session's participant screens share, as of a count of
// changes; done is closed once view or err is set.
type room struct {
	at   uint64
	done chan struct{}
	view *session.RoomView
	err  error
}

// Room returns what the participant screens of a session share, read after the last
// change published in it: the first screen to ask after a change reads it with r,
// and every other screen that asks gets that read. When a phase change reaches a
// thousand screens, the session is read once, not a thousand times. Without a hub it
// reads with r.
func (c *Conn) Room(ctx context.Context, r RoomReader, sessionID string) (*session.RoomView, error) {
	if c == nil {
		return r.RoomView(ctx, sessionID)
	}
	h := c.hub
	h.mu.Lock()
	if _, ok := h.changes[sessionID]; !ok {
		h.changes[sessionID] = 0 // counted from now on
	}
	at := h.changes[sessionID] + h.epoch
	rm := h.rooms[sessionID]
	if rm == nil || rm.at != at {
		// The count is taken before the read, so a change published during the read
		// makes the next screen that asks read again.
		rm = &room{at: at, done: make(chan struct{})}
		h.rooms[sessionID] = rm
		h.mu.Unlock()
		rm.view, rm.err = r.RoomView(ctx, sessionID)
		if rm.err != nil {
			// A failed read (the reader's time ran out) is not handed to the others
			// that ask later: they read again.
			h.mu.Lock()
			if h.rooms[sessionID] == rm {
				delete(h.rooms, sessionID)
			}
			h.mu.Unlock()
		}
		close(rm.done)
		return rm.view, rm.err
	}
	h.mu.Unlock()
	select {
	case <-rm.done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if rm.err != nil {
		// The read this screen waited for failed: read once more for itself.
		return c.Room(ctx, r, sessionID)
	}
	return rm.view, nil
}
