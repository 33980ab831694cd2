package tui

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/charter-tool/charter/session"
)

type inputMode int

// inputCap only stops runaway pastes. The real limits are the service's, which say
// so in a message while the text stays in the box: the box never cuts silently.
const inputCap = 4 * session.MaxNoteLen

const (
	modeBrowse inputMode = iota
	modeCompose
	modeEdit
	modeTopic
	modeConfirmDelete
	// modeVolunteerName asks a participant for the name to volunteer under.
	modeVolunteerName
	// modePickActivity chooses (or proposes) the activity new notes are about.
	modePickActivity
	// modeRateLate is the check-in rating given after the check-in, by someone
	// who joined later.
	modeRateLate
	// modeMoveLane asks to which lane of its area the participant's own note
	// (editing) moves.
	modeMoveLane
)

// participantScreen is where a participant follows the session: check in, write
// notes, read everyone's notes after the reveal.
type participantScreen struct {
	e     *env
	sess  *session.Session
	me    *session.Participant
	notes []*session.Note
	stats session.RatingStats
	// th is the last view read; its themes, dots and action points are what the
	// themes view shows.
	th session.ParticipantView
	// frameLen is the length of the last frame View made, the room it asks for
	// the next.
	frameLen int

	area, lane int
	// rows is the selection in the list shown: the lane's notes, or the rows of the
	// themes view.
	rows list
	// reading is what the participant opened to read whole (nil when nothing).
	reading *reading
	// activity is what new notes in the activities area are about: one of the
	// session's activities, one the participant proposed, or "" for none.
	activity string
	picker   *picker
	// pickFor is the note the open picker chooses the activity of (a on one's
	// note read whole), 0 for new notes.
	pickFor int64
	// saving is set while the box's text (a note, a volunteer's name) is being
	// saved: the box waits for the answer, so that enter pressed again does not
	// save the same note twice.
	saving bool
	// saveBegan says the last key began saving the box's text, which changes
	// nothing on screen (the text stays in the box until the answer); asIs that
	// the last message left the screen as it was drawn, which the app then does
	// not draw again: a frame made for every note saved, the same as the last.
	saveBegan, asIs bool
	// joinNameAsked is the volunteer's name, typed as the name they joined with,
	// that enter asked about: enter again with it volunteers under it.
	joinNameAsked string
	// typedWhileSaving are the letters (and enters) typed while a new note was
	// being saved: the box opens again for the next note once it is stored, and a
	// fast typist's first words land in it rather than being dropped; an enter
	// among them sends those words in turn (nextBox).
	typedWhileSaving []tea.KeyMsg
	// wordKey is the key of the note list (q, c, d, e, x, a, t, or n bringing back
	// unsent text) that opened the question or box now shown, while notes are
	// taken: a letter typed next says it began a word.
	wordKey rune
	// asked is the key of the list (e, x, a, t) whose question is shown: while
	// typing on the list begins a note, these keys ask before they act, as a
	// word may begin with them (see askFirst).
	asked rune
	// listWanted says the person closed the box of a new note for the list's keys
	// (esc, ↑/↓): it is not opened again for them until the phase changes, an
	// activity is chosen or a note is saved.
	listWanted bool
	// rateSel is the check-in cursor, on the rating enter gives; 0 before the
	// person chose one: nothing is preselected, which would pull answers to it.
	rateSel int
	timeUp  timeUp
	topics  []string
	mode    inputMode
	editing int64
	// kept is the unsent note last given to the connection (Conn.KeepDraft), so
	// that a dropped connection does not lose it; restore is the note a closed
	// connection left, put back where it was written once the notes are loaded.
	kept    Draft
	restore *Draft
	// unsavedEdit is the text of a saved note being changed when a phase move
	// took notes no more (or the connection dropped), by the note's ID: e on it
	// gives it back. from is the note's text the change began from, to tell a
	// change made since elsewhere.
	unsavedEdit map[int64]unsavedEdit
	// noteAfterTopic says the topic's title box was opened by n, in Open topics
	// before any topic: once the topic is raised, the note's box opens on it.
	noteAfterTopic bool
	// titleAsked is a topic's title, long enough to read as a note, that enter
	// asked about: enter again with it raises it, tab makes it a note (topicNote).
	titleAsked string
	// topicNote is a note typed into a topic's title box (moved out with tab),
	// waiting for its topic's title: the note's box opens with it once the topic
	// is raised.
	topicNote string
	// draft is a new note's text left unsent with esc (or by a phase move), which
	// n puts back into the box, at draftAt, the place it was written in (its text
	// unused): n pressed elsewhere goes back there first.
	draft   string
	draftAt Draft
	// lateHinted says the person pressed a key since the screen offered the
	// check-in's rating to them (see footer).
	lateHinted bool
	// rateLateSent says a rating given with c is on its way: its answer is that
	// of a late rating whatever the mode is by then.
	rateLateSent bool
	// renameSeq is the number of the last activity rename the screen followed
	// (Conn.renamesSince).
	renameSeq uint64
	// waiting is a note taken back from a connection of theirs that no longer
	// answered, which came while they wrote another: it becomes the draft once
	// that one is sent.
	waiting *Draft
	// themeChosen says a key reached the themes view since the phase began: until
	// then the selection is the list's first row, not a theme the person chose,
	// and it stays at the top when the themes change.
	themeChosen bool
	// editActivity is the activity of the note being edited: an edit changes the
	// text, not what the note is about; editFrom its text when the edit began.
	editActivity, editFrom string
	// selectNote is a note to select when the notes are loaded again (one just saved).
	selectNote int64
	// input is the text box while one is open (nil otherwise).
	input *noteBox
	// box is the open text box drawn in its frame, boxW wide, kept while it takes
	// no key ("" to draw it again): the box is drawn after every message, and most
	// (the enter that saves, the answers that come back) do not change it.
	box    string
	boxW   int
	boxSty *Styles
	// bodyRoom is how many rows the last drawing left between its head and its
	// footer, for a list to fill.
	bodyRoom int
	// boxFresh says the box is as opened, empty, and has taken no key: then it looks
	// the same on every screen of its width and height, and is drawn once for all.
	boxFresh bool
	// boxN is how many characters the box holds as the service counts them, -1
	// when it took a key since.
	boxN      int
	status    string
	statusErr bool
	// shorter are ways to say the status shorterOf, shortest last, for a screen
	// that has no room for it whole beside the note just saved or selected (see
	// statusLines): at 40x14 a status of three lines left that note off the screen.
	shorterOf string
	shorter   []string
	// leaving is the question q and ctrl+c ask before the participant leaves: a
	// stray q, typed by someone who thought they were writing, or a reflex ctrl+c
	// in a note's box, does not end their session.
	leaving        bool
	fade           fading
	loading, dirty bool
	// backAfterLoad is a note taken back from an ended connection while a load
	// was on its way, handled once it is in (afterLoad).
	backAfterLoad *Draft
	// dirtyOwn says a load is due for the participant's own doing (a save), which
	// reads their own view rather than the shared one.
	dirtyOwn bool
	// loads counts the loads begun; rated is the rating last acknowledged and
	// ratedAfter the count when it was. A load begun before the acknowledgement may
	// have read the participant before the rating was stored, and would take it
	// away again until the next load (x would then ask for a rating given).
	loads, ratedAfter uint64
	rated             int
	gone              string
	// lines are the rendered lines of the screen's styles (see lineCache).
	lines lineCache
}

type participantKeys struct {
	Area, Lane, Select, New, Read, Edit, Delete, Move, Activity, Topic, Done, Rate, RateSelect, RateEnter, RateLate, Save, Cancel, PutAside, Quit key.Binding
}

var pk = participantKeys{
	Area: key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "area")),
	// Lane is the arrows alone: h and l begin a note's words (see beginsNote).
	Lane:   key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "lane")),
	Select: key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑/↓", "select")),
	// New is n where typing does not begin a note (a note open to read); on the
	// list n is a letter like the others (see newKey).
	New: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new note")),
	// Read shows the selected note whole; in a lane without notes enter writes one.
	Read:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read whole")),
	Edit:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
	Delete: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")),
	// Move takes one's own note to another lane of its area: asked of the
	// facilitator (L), it named the note as theirs.
	Move:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "move")),
	Activity: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "activity")),
	Topic:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "new topic")),
	Done:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "I'm done")),
	Rate:     key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1-5", "rate")),
	// RateSelect and RateEnter rate with the arrows, for those who look for a cursor.
	RateSelect: key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑/↓", "choose")),
	RateEnter:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "rate")),
	// RateLate is the check-in's rating for someone who joined after it.
	RateLate: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "rate confidence")),
	Save:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
	Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	// PutAside is esc in the note box: the text is kept for the next n.
	PutAside: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close, text kept")),
	Quit:     key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "leave")),
}

// The keys of an empty box of a new note (see emptyBoxKey).
var (
	boxToList = key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "your notes"))
	// boxToAll is boxToList from the reveal on, where the list is everyone's notes.
	boxToAll = key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "the notes"))
	boxClose = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close box: x done, q leave"))
	// boxCloseDone is boxClose for someone marked done: x there takes the mark back.
	boxCloseDone = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close box: x not done, q leave"))
)

// backToSessions goes from a closed session back to the list of the sessions the
// participant took part in; leaveNow is how they leave from there (ctrl+c asks).
var (
	backToSessions = key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "back to your sessions"))
	leaveNow       = key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "leave"))
)

// hasSessionList reports whether esc goes back to a list of sessions: in a
// closed session, for a participant with a key, whose sessions the join screen
// lists. A rejoin code lists nothing there, and its holder would have to type it
// again to come back.
func (s *participantScreen) hasSessionList() bool {
	return s.sess.Phase == session.PhaseClosed && s.e.opt.KeyHash != ""
}

// rateChoose is 1-5 in the late rating, which only chooses: enter gives it.
var rateChoose = key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1-5", "choose"))

func newParticipant(e *env, sess *session.Session, me *session.Participant) *participantScreen {
	s := &participantScreen{e: e, sess: sess, me: me, rateSel: me.Rating, rows: newList(), boxN: -1, renameSeq: e.opt.Conn.renameSeq()}
	if d, ok := e.opt.Conn.TakeDraft(sess.ID, me.ID); ok && (strings.TrimSpace(d.Text) != "" || d.Topics != "" || d.Next != nil || d.Edit != 0) {
		// The note they were writing when their last connection closed: back in
		// its area and lane once the notes are loaded (an open topic's lanes
		// come from them).
		s.draft, s.restore, s.draftAt = d.Text, &d, d
		s.kept, s.waiting = d, d.Next
		s.keep(d)
	}
	return s
}

// goTo puts the screen at the area and lane d was written in (an open topic raised
// again if no note has it: a topic lives in its notes), under its activity.
func (s *participantScreen) goTo(d Draft) {
	ai := slices.Index(session.Areas, d.Area)
	if ai < 0 {
		return
	}
	s.area, s.lane, s.activity = ai, 0, ""
	same := func(l string) bool { return sameLane(d, l) }
	if d.Area == session.AreaOpen && d.Lane != "" && !slices.ContainsFunc(s.lanes(), same) {
		s.topics = append(s.topics, d.Lane)
	}
	if i := slices.IndexFunc(s.lanes(), same); i >= 0 {
		s.lane = i
	}
	if d.Area == session.AreaActivities {
		s.activity = d.Activity
	}
	s.rows.selectRow(0)
}

// sameLane says whether lane l is the one d was written in (an open topic in
// another case or spacing is the same topic).
func sameLane(d Draft, l string) bool {
	return l == d.Lane || d.Area == session.AreaOpen && session.TopicKey(l) == session.TopicKey(d.Lane)
}

// here is the place the screen is at, as a Draft without text.
func (s *participantScreen) here() Draft {
	d := Draft{Area: session.Areas[s.area], Lane: s.currentLane()}
	if d.Area == session.AreaActivities {
		d.Activity = s.activity
	}
	return d
}

// placeName names the area and lane the screen is at: "Confidence · Strengths".
func (s *participantScreen) placeName() string {
	where := session.Areas[s.area].Title()
	if l := s.currentLane(); l != "" {
		where += " · " + session.LaneTitle(l)
	}
	return where
}

// restoreDraft puts the screen where the restored draft was written, raising its
// open topic again if no note has it (a topic lives in its notes), and says so.
func (s *participantScreen) restoreDraft() {
	d := s.restore
	s.restore = nil
	raised := s.raiseTopics(d.Topics)
	changed := s.keepChange(*d)
	if strings.TrimSpace(d.Text) == "" {
		// Nothing was in the box: a note that waited for it comes now, or it
		// would wait for a note nobody writes (the box was emptied before the
		// connection ended).
		if s.takeWaiting() || changed {
			return
		}
		if len(raised) > 0 {
			s.setStatus("The open "+map[bool]string{true: "topic", false: "topics"}[len(raised) == 1]+" you raised before you left "+
				map[bool]string{true: "is", false: "are"}[len(raised) == 1]+" kept: "+strings.Join(raised, ", ")+".", false)
		}
		return
	}
	s.goTo(*d)
	where := s.placeName()
	if s.sess.Phase.AcceptsNotes() {
		s.setStatus("The note you were writing when you left is kept ("+where+"): n opens it.", false)
	} else {
		s.setStatus("The note you were writing when you left is kept: n opens it when notes are taken again.", false)
	}
}

// raiseTopics raises again the open topics of a draft (joined by "\x00") that no
// lane has, and returns them quoted.
func (s *participantScreen) raiseTopics(topics string) []string {
	if topics == "" {
		return nil
	}
	var raised []string
	for _, t := range strings.Split(topics, "\x00") {
		if !slices.ContainsFunc(s.lanesOf(session.AreaOpen), func(l string) bool { return session.TopicKey(l) == session.TopicKey(t) }) {
			s.topics = append(s.topics, t)
			raised = append(raised, "“"+t+"”")
		}
	}
	return raised
}

// takeWaiting makes the note taken back while another was written (waiting) the
// draft, where it was written, once nothing else is: it reports whether it did.
// await puts the notes of d (d, then its Next, and so on) after those waiting.
func (s *participantScreen) await(d *Draft) {
	var all []Draft
	for _, c := range []*Draft{s.waiting, d} {
		for ; c != nil; c = c.Next {
			if strings.TrimSpace(c.Text) != "" {
				all = append(all, *c)
			}
		}
	}
	// Copies, linked anew: a draft handed on is never changed.
	var next *Draft
	for i := len(all) - 1; i >= 0; i-- {
		c := all[i]
		c.Next = next
		next = &c
	}
	s.waiting = next
}

func (s *participantScreen) takeWaiting() bool {
	d := s.waiting
	if d == nil || s.draft != "" || s.restore != nil || s.input != nil {
		// Not while a box is open: its text, left with esc, becomes the draft.
		return false
	}
	s.waiting = d.Next
	s.draft, s.restore, s.draftAt, s.kept = d.Text, d, *d, *d
	s.keep(*d)
	s.restoreDraft()
	return true
}

// keep gives the connection d, as of the activity renames the screen followed.
func (s *participantScreen) keep(d Draft) {
	d.seq = s.renameSeq
	s.e.opt.Conn.KeepDraft(d)
}

// keepDraft gives the connection the note being written, or left with esc, with
// where it is written, whenever it changed (see Conn.KeepDraft). A note being
// saved is none: should the connection drop before the answer, it may be stored,
// and offered again it was saved twice.
func (s *participantScreen) keepDraft() {
	text := s.draft
	if s.mode == modeCompose && s.input != nil {
		text = s.inputValue()
		if s.saving {
			text = ""
		}
	}
	// A note moved out of a topic's title box waits for the title: kept where it
	// is written, Open topics before the topic (n asks for the title again).
	waitsForTitle := s.mode == modeTopic && s.topicNote != ""
	if waitsForTitle {
		text = s.topicNote
	}
	var cur Draft
	if strings.TrimSpace(text) != "" {
		cur = s.here()
		if !(s.mode == modeCompose && s.input != nil) && !waitsForTitle {
			// Left with esc: where it was written, not where the screen is now.
			cur = s.draftAt
		}
		cur.Text = text
	}
	// The note that comes after goes with it: should this connection drop too,
	// the next gets both.
	cur.Next = s.waiting
	if len(s.topics) > 0 {
		// The topics raised here that no note has yet.
		var open []string
		for _, t := range s.topics {
			if !slices.ContainsFunc(s.notes, func(n *session.Note) bool {
				return n.Area == session.AreaOpen && session.TopicKey(n.Lane) == session.TopicKey(t)
			}) {
				open = append(open, t)
			}
		}
		cur.Topics = strings.Join(open, "\x00")
	}
	cur.Edit, cur.EditText, cur.EditFrom = s.changeKept()
	if cur != s.kept {
		s.kept = cur
		s.keep(cur)
	}
}

// changeKept is the change to a saved note that a dropped connection would lose:
// the one in the box, else one a phase move cut short (the lowest note ID, so that
// the same one is kept each time), else none (0).
func (s *participantScreen) changeKept() (int64, string, string) {
	if s.mode == modeEdit && s.input != nil && !s.saving {
		if v := s.inputValue(); v != s.editFrom && strings.TrimSpace(v) != "" {
			return s.editing, v, s.editFrom
		}
	}
	var id int64
	for n := range s.unsavedEdit {
		if (id == 0 || n < id) && !(s.mode == modeEdit && n == s.editing) {
			id = n
		}
	}
	if id == 0 {
		return 0, "", ""
	}
	return id, s.unsavedEdit[id].text, s.unsavedEdit[id].from
}

// keepChange makes the change to a saved note that d holds one to give back with e
// on that note, unless that note is in the box now, and says so; it reports
// whether it did.
func (s *participantScreen) keepChange(d Draft) bool {
	if d.Edit == 0 || (s.mode == modeEdit && s.editing == d.Edit) {
		return false
	}
	if s.unsavedEdit == nil {
		s.unsavedEdit = map[int64]unsavedEdit{}
	}
	s.unsavedEdit[d.Edit] = unsavedEdit{text: d.EditText, from: d.EditFrom}
	on := "e on it"
	if i := slices.IndexFunc(s.notes, func(n *session.Note) bool { return n.ID == d.Edit }); i >= 0 {
		// Where to find it: the screen may open on another area.
		n := s.notes[i]
		on = "e on it (" + n.Area.Title() + " · " + session.LaneTitle(n.Lane) + ")"
	}
	if s.sess.Phase.AcceptsNotes() {
		s.setStatus("Your change to a note when you left is kept: "+on+" brings it back.", false)
	} else {
		s.setStatus("Your change to a note when you left is kept: "+on+" brings it back when notes are taken again.", false)
	}
	return true
}

// openInput opens an empty, focused text box of up to limit runes and height lines.
func (s *participantScreen) openInput(limit, height int) tea.Cmd {
	s.input = newNoteBox(limit, height, s.e.sty)
	s.box, s.boxFresh, s.boxN = "", true, -1
	return s.input.Focus()
}

// closeInput drops the text box and what was typed in it.
func (s *participantScreen) closeInput() {
	s.input, s.box, s.boxFresh, s.boxN = nil, "", false, -1
}

// boxView is the open text box in its frame, w columns wide, as
// sty.Box.Width(max(w-2, 20)).Render(s.inputView(max(w-4, 20))) draws it.
func (s *participantScreen) boxView(w int) string {
	render := func() string { return s.e.sty.Box.Width(max(w-2, 20)).Render(s.inputView(max(w-4, 20))) }
	if s.input == nil {
		return render()
	}
	// The width the box wraps its text at, for the keys it takes next, as a drawing
	// would set it.
	s.input.SetWidth(max(w-4, 20))
	if s.boxFresh {
		return s.lines.line(lineKey{kind: lineFreshBox, id: int64(s.input.Height()), width: w}, render)
	}
	if s.box == "" || s.boxW != w || s.boxSty != s.e.sty {
		s.box, s.boxW, s.boxSty = s.framedBox(w, render), w, s.e.sty
	}
	return s.box
}

// framedBox is render's box, the text's lines put into the frame of an empty box of
// as many lines (drawn once for all screens of a width), as lipgloss would: its
// border, a space of padding on either side, the line, and spaces to the width. The
// box with the typed text is drawn for every note, and lipgloss wrapped, measured
// and padded it cell by cell: a fifth of a note's drawing. A line too wide for the
// box (not made by the text box) is left to render.
func (s *participantScreen) framedBox(w int, render func() string) string {
	inner := max(w-2, 20) - 2 // the room between the padding
	text := s.inputView(max(w-4, 20))
	n := strings.Count(text, "\n") + 1
	frame := s.lines.line(lineKey{kind: lineBoxFrame, id: int64(n), width: w}, func() string {
		return s.e.sty.Box.Width(max(w-2, 20)).Render(strings.Repeat("\n", n-1))
	})
	// The frame's first row, its second (a line of the box, empty) and its last;
	// taken where they are, as the text's lines below: made for every key typed
	// in the box, split copies were a fifth of what drawing it allocated.
	top, rest, _ := strings.Cut(frame, "\n")
	second, _, _ := strings.Cut(rest, "\n")
	bottom := frame[strings.LastIndexByte(frame, '\n')+1:]
	gap := blanks(inner + 2)
	at := strings.Index(second, gap)
	if strings.Count(frame, "\n") != n+1 || at < 0 {
		return render()
	}
	left, right := second[:at], second[at+len(gap):]
	var b strings.Builder
	// The text's lines take the place of the frame's spaces: as long as the frame,
	// but for characters longer in bytes than in cells.
	b.Grow(len(frame) + len(text) - min(len(text), utf8.RuneCountInString(text)))
	b.WriteString(top)
	for line := range strings.SplitSeq(text, "\n") {
		lw := ansi.StringWidth(line)
		if lw > inner {
			return render()
		}
		b.WriteByte('\n')
		b.WriteString(left)
		b.WriteByte(' ')
		b.WriteString(line)
		b.WriteString(gap[:inner-lw+1])
		b.WriteString(right)
	}
	b.WriteByte('\n')
	b.WriteString(bottom)
	return b.String()
}

// blanks is n spaces, from one string of them for the widths screens have.
func blanks(n int) string {
	if n <= len(spaceRun) {
		return spaceRun[:n]
	}
	return strings.Repeat(" ", n)
}

var spaceRun = strings.Repeat(" ", 512)

// inputValue is the text typed in the open box, "" when none is open.
func (s *participantScreen) inputValue() string {
	if s.input == nil {
		return ""
	}
	return s.input.Value()
}

// inputView draws the open text box w columns wide.
func (s *participantScreen) inputView(w int) string {
	if s.input == nil {
		return ""
	}
	s.input.SetWidth(w)
	return s.input.View()
}

func (s *participantScreen) Init() tea.Cmd {
	s.watch()
	s.e.opt.Conn.Joined(s.me.ID)
	s.timeUp.see(s.sess.Timer, s.e.now())
	s.loading = true
	if s.restore != nil {
		return s.load(false)
	}
	// No note kept from a closed connection: one of theirs may be open still,
	// its network gone (see Conn.ReclaimDraft).
	conn, sid, pid := s.e.opt.Conn, s.sess.ID, s.me.ID
	return tea.Batch(s.load(false), func() tea.Msg {
		d, ok := conn.ReclaimDraft(sid, pid, reclaimWait)
		if !ok {
			return nil
		}
		return draftBackMsg{d}
	})
}

// reclaimWait is how long a connection of the same person, still open, has to
// answer before its note is taken for the new one and it is ended. A client
// answers within a round trip; a laptop whose network went away never does.
const reclaimWait = 3 * time.Second

// draftBackMsg is the note an open connection of theirs, which no longer answered,
// was writing.
type draftBackMsg struct{ d Draft }

// afterLoad handles, once no load is on its way, the note taken back from an ended
// connection that came while one was (see draftBackMsg).
func (s *participantScreen) afterLoad() (screen, tea.Cmd) {
	d := s.backAfterLoad
	if d == nil || s.loading {
		return s, nil
	}
	s.backAfterLoad = nil
	return s.update(draftBackMsg{*d})
}

// watch subscribes to the changes this participant can see in the current phase, so
// that notes written by others before the reveal do not wake every screen.
func (s *participantScreen) watch() {
	// A note hidden by the facilitator is news to its author in every phase.
	mask := session.ChangeSession | session.ChangeHidden
	if s.sess.Phase.NotesVisibleToAll() {
		mask |= session.ChangeNotes | session.ChangeNoteAdded
	}
	// Their rating held, a rater is told so (see rateView) until it shows: when
	// another person's rating comes, a change of people.
	held := s.me != nil && s.me.Rating != s.me.ShownRating && !s.sess.Furthest().AtLeast(session.PhaseWrite)
	if s.sess.Phase == session.PhaseCheckIn && (s.sess.RatingsShown || held) {
		mask |= session.ChangePeople
	}
	if s.sess.Phase.AtLeast(session.PhaseGroup) {
		mask |= session.ChangeThemes
	}
	s.e.watch(s.sess.ID, mask)
}

// participantReader is what the participant's screen reads: all it shows, in one
// snapshot.
type participantReader interface {
	ParticipantView(ctx context.Context, participantID int64) (*session.ParticipantView, error)
	RoomReader
}

// participantStateMsg is the participant's screen as stored at one moment.
type participantStateMsg struct {
	*session.ParticipantView
	// load is the number of the load that read it (participantScreen.loads).
	load uint64
}

type participantGoneMsg struct{ reason string }

// load reads the screen; shared reads it from the hub's one read of the session for
// every screen a change woke (Conn.Room), which a change made by someone else is.
func (s *participantScreen) load(shared bool) tea.Cmd {
	var svc participantReader = s.e.opt.Service
	conn, id, sessionID := s.e.opt.Conn, s.me.ID, s.sess.ID
	s.loads++
	n := s.loads
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		var v *session.ParticipantView
		var err error
		inRoom := false
		if shared {
			var room *session.RoomView
			if room, err = conn.Room(ctx, svc, sessionID); err == nil {
				v, inRoom, err = room.For(id)
			}
		}
		if !inRoom && err == nil {
			v, err = svc.ParticipantView(ctx, id)
		}
		if session.ErrorCode(err) == session.EForbidden {
			return participantGoneMsg{session.ErrorMessage(err)}
		}
		if err != nil {
			return errMsg{err}
		}
		return participantStateMsg{v, n}
	})
}

func (s *participantScreen) reload() tea.Cmd { return s.reloadFrom(false) }

// reloadFrom loads the screen again, from the shared read when shared (see load);
// while a load runs it only notes that another is due, and whether any cause of it
// was this participant's own.
func (s *participantScreen) reloadFrom(shared bool) tea.Cmd {
	if s.loading {
		s.dirty = true
		s.dirtyOwn = s.dirtyOwn || !shared
		return nil
	}
	s.loading = true
	return s.load(shared)
}

// lanes are the lanes of the current area: fixed ones, or the open topics.
func (s *participantScreen) lanes() []string { return s.lanesOf(session.Areas[s.area]) }

// lanesOf is lanes for area a.
func (s *participantScreen) lanesOf(a session.Area) []string {
	if a != session.AreaOpen {
		return a.Lanes()
	}
	// By session.TopicKey: from the reveal on, topics raised in another case or
	// spacing are one, under the title the notes have, and the participant's own
	// spelling must not stay as a second, empty topic (a note written there went to
	// the one topic and seemed lost).
	seen := map[string]bool{}
	var out []string
	for _, n := range s.notes {
		if k := session.TopicKey(n.Lane); n.Area == session.AreaOpen && !seen[k] {
			seen[k] = true
			out = append(out, n.Lane)
		}
	}
	for _, t := range s.topics {
		if k := session.TopicKey(t); !seen[k] {
			seen[k] = true
			out = append(out, t)
		}
	}
	return out
}

func (s *participantScreen) currentLane() string {
	ls := s.lanes()
	if len(ls) == 0 {
		return ""
	}
	s.lane = min(max(s.lane, 0), len(ls)-1)
	return ls[s.lane]
}

// laneNotes are the notes shown in the current area and lane; read them only. After
// the reveal a lane may hold a thousand notes, and the notes are in lane order: a
// lane's notes that are all next to each other are returned as they are, not
// copied; others are counted first and copied once.
func (s *participantScreen) laneNotes() []*session.Note {
	area, lane := session.Areas[s.area], s.currentLane()
	in := func(o *session.Note) bool { return o.Area == area && o.Lane == lane }
	first := slices.IndexFunc(s.notes, in)
	if first < 0 {
		return nil
	}
	end := first + 1
	for end < len(s.notes) && in(s.notes[end]) {
		end++
	}
	n := end - first
	for _, o := range s.notes[end:] {
		if in(o) {
			n++
		}
	}
	if n == end-first {
		return s.notes[first:end:end]
	}
	out := make([]*session.Note, 0, n)
	for _, o := range s.notes {
		if o.Area == area && o.Lane == lane {
			out = append(out, o)
		}
	}
	return out
}

// laneHasNotes reports whether the current lane shows a note, without listing them.
func (s *participantScreen) laneHasNotes() bool {
	area, lane := session.Areas[s.area], s.currentLane()
	for _, n := range s.notes {
		if n.Area == area && n.Lane == lane {
			return true
		}
	}
	return false
}

func (s *participantScreen) selected() *session.Note {
	ns := s.laneNotes()
	if len(ns) == 0 {
		return nil
	}
	s.rows.setLen(len(ns))
	return ns[s.rows.selected()]
}

// selectSaved selects the note selectNote names when the list has it. A load that
// started before a save may not have it yet: then it waits for the next.
func (s *participantScreen) selectSaved() {
	if s.selectNote == 0 {
		return
	}
	ns := s.laneNotes()
	for i, n := range ns {
		if n.ID == s.selectNote {
			s.rows.setLen(len(ns))
			s.rows.selectRow(i)
			s.selectNote = 0
		}
	}
}

// putNote puts a note just saved into the list shown, in place of its older version.
func (s *participantScreen) putNote(n *session.Note) {
	c := *n
	for i, o := range s.notes {
		if o.ID == c.ID {
			s.notes[i] = &c
			return
		}
	}
	s.notes = append(s.notes, &c)
}

func (s *participantScreen) setStatus(msg string, isErr bool) {
	s.status, s.statusErr = msg, isErr
}

// setStatusOr says msg (a note saved, the activity chosen), and how to say it
// shorter where the screen has no room for it whole (see statusLines).
func (s *participantScreen) setStatusOr(msg string, shorter ...string) {
	s.setStatus(msg, false)
	s.shorterOf, s.shorter = msg, shorter
}

// noteDeletedMsg is a note of the participant's deleted: it leaves the list at once,
// before the reload.
type noteDeletedMsg struct{ id int64 }

type doneMsg struct{ status string }

// ratedMsg says the participant's rating is stored: the screen knows it at once,
// before reading the view again, so that a key pressed meanwhile (x) sees it.
type ratedMsg struct{ rating int }

func (s *participantScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	_, isKey := msg.(tea.KeyMsg)
	mode, reading, status := s.mode, s.reading != nil, s.status
	area, lane := s.area, s.lane
	text := ""
	if isKey && s.input != nil {
		text = s.inputValue()
	}
	s.saveBegan, s.asIs = false, false
	sc, cmd := fadeStatus(s.e.opt.Conn, &s.fade, &s.status, &s.statusErr, msg, s.update)
	if (isKey || s.kept.Text != "" || s.kept.Edit != 0 || s.mode == modeCompose || s.mode == modeEdit) && s.restore == nil {
		// Not before the restored draft is back in its place: kept from the
		// first area and lane, it would be parked there.
		// Keys change the text; other messages end it (saved, a phase move) or
		// give it back (a save that failed).
		s.keepDraft()
	}
	if isKey && s.status == status && s.status != "" {
		// A status is about where it was said: a key that opens or closes a box, a
		// list or a note, or goes to another lane or area, takes it away ("Saved"
		// over the activity picker, or over the next lane's empty box), and so
		// does a key that changes the text an error was about ("A note cannot be
		// empty" over a box holding text; "at most 280 characters" over one cut
		// down with ctrl+w, whatever key did it).
		edited := s.statusErr && s.input != nil && mode == s.mode && s.inputValue() != text
		// An error stays until something replaces it, wherever the person goes.
		moved := !s.statusErr && (s.area != area || s.lane != lane)
		if s.mode != mode || (s.reading != nil) != reading || edited || moved {
			s.status, s.statusErr = "", false
		}
	}
	s.asIs = isKey && s.saveBegan && (sc == nil || sc == screen(s)) && s.mode == mode && s.status == status
	if sc == nil {
		return s, cmd
	}
	return sc, cmd
}

// leftAsIs implements asIsScreen.
func (s *participantScreen) leftAsIs() bool { return s.asIs }

func (s *participantScreen) update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case draftBackMsg:
		d := msg.d
		if s.restore == nil && s.keepChange(d) {
			// The change is theirs to take with e; the rest of d is a new note's.
			d.Edit, d.EditText, d.EditFrom = 0, "", ""
			if d.empty() {
				if s.emptyBox() {
					// e brings it back, as the status says: in the box open for a
					// new note it was a letter.
					s.mode = modeBrowse
					s.closeInput()
				}
				return s, nil
			}
		}
		if s.mode == modeCompose && s.input != nil && strings.TrimSpace(s.inputValue()) == "" && s.draft == "" &&
			s.restore == nil && s.loading && strings.TrimSpace(d.Text) != "" {
			// The box is open and empty, but a reload is on its way (the ended
			// connection's leaving starts one): the note is handled once it is in,
			// as it would have been without the reload, not put aside as if another
			// note were begun.
			s.backAfterLoad = &d
			return s, nil
		}
		if s.mode == modeCompose && s.input != nil && strings.TrimSpace(s.inputValue()) == "" && s.draft == "" &&
			s.restore == nil && !s.loading && strings.TrimSpace(d.Text) != "" {
			// They opened the box meanwhile, to write it again: the note goes
			// in it, where it was written. Dropped, it was lost, taken from a
			// connection now ended.
			s.restore = &Draft{Topics: d.Topics}
			s.restoreDraft()
			s.goTo(d)
			s.input.SetValue(d.Text)
			s.boxFresh, s.boxN = false, -1
			s.await(d.Next)
			s.setStatus("The note you were writing when you left is back in the box ("+s.placeName()+").", false)
			return s, nil
		}
		if s.input != nil || s.draft != "" || s.restore != nil {
			// They began another note meanwhile (or edit one, or name a
			// topic: put where it was written, the note moved the screen, and
			// an edit then saved its note in that lane): the text stays theirs to
			// type, the old note is not pressed on them. Nor is it dropped (the
			// connection it came from is ended): it comes once this one is sent.
			// The topics it raised without a note yet are raised here at once:
			// await keeps notes only.
			s.raiseTopics(d.Topics)
			if strings.TrimSpace(d.Text) != "" || d.Next != nil {
				s.await(&d)
				s.setStatus("The note you were writing when you left is kept too: it comes back once this one is sent.", false)
			}
			return s, nil
		}
		s.draft, s.restore, s.draftAt, s.kept = d.Text, &d, d, d
		s.await(d.Next)
		s.keep(d)
		if !s.loading {
			s.restoreDraft()
		}
		return s, nil
	case participantStateMsg:
		s.loading = false
		phaseChanged := msg.Session.Phase != s.sess.Phase
		// The selection stays on the note it was on, wherever notes arriving
		// meanwhile put it: e and d act on the note the person saw. From the group
		// phase on it is on a theme (or its note or action point), and follows it.
		if !s.sess.Phase.AtLeast(session.PhaseGroup) && s.selectNote == 0 {
			if cur := s.selected(); cur != nil {
				s.selectNote = cur.ID
			}
		}
		var sel themeSelection
		onTheme := false
		if s.sess.Phase.AtLeast(session.PhaseGroup) {
			sel, onTheme = s.themeSelected()
		}
		themesBefore, dotsBefore := s.th.Themes, s.th.MyVotes
		s.sess, s.me, s.notes, s.th = msg.Session, msg.Me, msg.Notes, *msg.ParticipantView
		// The facilitator renamed activities: new notes go on being about the one
		// they were about, under its new name, as the notes written on it are; so
		// does a note begun or kept under it (which n sends where it was written),
		// and any that waits to come. Only a rename the service told of: the
		// lists alone cannot tell one from the last activity deleted and another
		// added, and notes would go under an activity nobody chose.
		renames, seq := s.e.opt.Conn.renamesSince(s.sess.ID, s.renameSeq)
		s.renameSeq = seq
		for _, r := range renames {
			s.activity = renamedTo(s.activity, r.from, r.to)
			s.draftAt = s.draftAt.renamed(r.from, r.to)
			if s.waiting != nil {
				w := s.waiting.renamed(r.from, r.to)
				s.waiting = &w
			}
		}
		if len(renames) > 0 && s.restore == nil {
			// The connection keeps them so, should it drop.
			s.keepDraft()
		}
		// And the note being edited, whose edit sends the activity it had: the
		// old name undid the rename, as a proposal of that name.
		if s.mode == modeEdit {
			if i := slices.IndexFunc(s.notes, func(n *session.Note) bool { return n.ID == s.editing }); i >= 0 {
				s.editActivity = s.notes[i].Activity
			}
		}
		if msg.load <= s.ratedAfter && s.rated != 0 && s.me.Rating != s.rated {
			me := *s.me // a copy: the view may be shared with other screens
			// Taken as shown until a load begun after it says: a load begun
			// before would say it is held, and so would the screen for a moment.
			me.Rating, me.ShownRating = s.rated, s.rated
			s.me = &me
		}
		if onTheme && !phaseChanged && s.sess.Phase.AtLeast(session.PhaseGroup) {
			if s.themeChosen {
				s.reselect(sel)
			} else {
				s.rows.selectRow(0)
			}
		}
		if !phaseChanged && s.sess.Phase == session.PhaseVote {
			if back := s.dotsBack(themesBefore, dotsBefore, sel.row.theme); back != "" {
				s.setStatus(back, true)
			}
		}
		if phaseChanged {
			s.listWanted = false
			s.rows.selectRow(0)
			s.themeChosen = false
			s.selectNote, s.reading = 0, nil
			s.setStatus("", false)
		}
		s.stats = session.Summarize(msg.Ratings)
		if s.restore != nil {
			s.restoreDraft()
		}
		s.selectSaved()
		s.timeUp.see(s.sess.Timer, s.e.now())
		if s.mode == modePickActivity && !s.sess.Phase.AcceptsNotes() {
			s.mode, s.picker, s.pickFor = modeBrowse, nil, 0
		}
		if phaseChanged && s.mode == modeVolunteerName && !s.sess.Phase.AtLeast(session.PhaseActions) {
			s.mode = modeBrowse
			s.closeInput()
			s.setStatus("The phase changed; you did not volunteer.", true)
		}
		if phaseChanged && s.mode == modeVolunteerName && s.sess.Phase == session.PhaseClosed {
			// Volunteering ends with the session: the name would only be refused.
			s.mode = modeBrowse
			s.closeInput()
			s.setStatus("The session closed; you did not volunteer. To help with an action point, tell its owner or the facilitator.", true)
		}
		if s.mode == modeVolunteerName && !s.hasAction(s.editing) {
			// Deleted on the board while the name was being typed: every enter
			// would be refused, over a list that no longer shows it.
			s.mode = modeBrowse
			s.closeInput()
			s.setStatus("The facilitator removed that action point; you did not volunteer.", true)
		}
		if s.mode == modeRateLate && !s.canRateLate() {
			s.mode = modeBrowse
			if phaseChanged && !s.rateLateSent {
				s.setStatus("The phase changed; no rating was given.", true)
			}
		}
		if phaseChanged && s.mode != modeBrowse && s.mode != modeVolunteerName && !s.sess.Phase.AcceptsNotes() {
			said := "The phase changed; your unsaved text was not sent."
			if s.mode == modeCompose && strings.TrimSpace(s.inputValue()) == "" {
				// The box left open for a next note, nothing in it: nothing lost.
				said = ""
			}
			if s.mode == modeCompose && strings.TrimSpace(s.inputValue()) != "" {
				s.draft, s.draftAt = s.inputValue(), s.here() // back in the box if notes are taken again
				said = "The phase changed; your note was not sent (n brings it back if notes are taken again)."
			}
			if s.mode == modeTopic && s.topicNote != "" {
				s.draft, s.draftAt = s.topicNote, s.here()
				said = "The phase changed; your note was not sent (n brings it back if notes are taken again)."
			}
			s.topicNote, s.titleAsked = "", ""
			if s.mode == modeMoveLane {
				said = "The phase changed; your note stays in its lane."
			}
			if s.mode == modeEdit && s.inputValue() != s.editFrom && strings.TrimSpace(s.inputValue()) != "" {
				// Back in the box when e opens that note again, if notes are
				// taken again: typed over minutes, it was lost at the move.
				if s.unsavedEdit == nil {
					s.unsavedEdit = map[int64]unsavedEdit{}
				}
				s.unsavedEdit[s.editing] = unsavedEdit{text: s.inputValue(), from: s.editFrom}
				said = "The phase changed; your change to the note was not saved (e on it brings it back if notes are taken again)."
			}
			s.mode = modeBrowse
			s.closeInput()
			s.setStatus(said, said != "")
		} else if phaseChanged && s.mode == modeBrowse && s.draft != "" && s.restore == nil {
			// A note left unsent (esc) with the box closed: kept, and said so at
			// the move, as for one still in its box.
			if s.sess.Phase.AcceptsNotes() {
				s.setStatus("The note you left unsent is kept: n opens it.", false)
			} else {
				s.setStatus("The phase changed; the note you left unsent is kept (n brings it back if notes are taken again).", false)
			}
		}
		s.watch()
		if s.dirty {
			shared := !s.dirtyOwn
			s.dirty, s.dirtyOwn = false, false
			s.loading = true
			return s, s.load(shared)
		}
		box := s.openIdleBox()
		sc, cmd := s.afterLoad()
		return sc, tea.Batch(box, cmd)
	case participantGoneMsg:
		s.gone = msg.reason
		// Written again once the screen is gone, or the terminal would be left
		// blank without a word of why.
		if g := s.e.opt.Goodbye; g != nil {
			g(msg.reason)
		}
		return s, tea.Quit
	case ChangedMsg:
		return s, s.reloadFrom(true)
	case tickMsg:
		s.timeUp.see(s.sess.Timer, s.e.now())
	case errMsg:
		s.loading, s.saving, s.rateLateSent = false, false, false
		// The note is still in its box, with the error: what was typed for the next
		// one is not put after it.
		s.typedWhileSaving = nil
		s.setStatus(s.e.errorMessage(msg.err), true)
		return s.afterLoad()
	case editGoneMsg:
		// The note was deleted on another of their connections while this one
		// changed it: the text typed over it becomes a new note in its place,
		// under its activity, instead of a box whose esc threw it away.
		s.saving = false
		if s.mode == modeEdit && s.input != nil {
			if session.Areas[s.area] == session.AreaActivities {
				s.activity = s.editActivity
			}
			s.mode, s.editing = modeCompose, 0
			s.setStatus("That note was deleted meanwhile: enter saves your text as a new note, esc keeps it unsent.", true)
		} else {
			// A move (m) of a note deleted on another connection: said, not
			// left to the list to show it gone.
			s.setStatus("That note was deleted meanwhile.", true)
		}
		return s, s.reload()
	case noteDeletedMsg:
		s.notes = slices.DeleteFunc(s.notes, func(n *session.Note) bool { return n.ID == msg.id })
		s.setStatus("Note deleted.", false)
		s.e.opt.Conn.TellOwn()
		return s, s.reload()
	case noteAcceptedMsg:
		// The saved note is on the list and selected at once, with "Saved": a d or e
		// pressed before the list is loaded again acts on it, not on the note the
		// selection was on before.
		s.saving = false
		s.e.opt.Conn.TellOwn()
		s.putNote(msg.note)
		s.selectNote = msg.note.ID
		if msg.moved && session.Areas[s.area] == msg.note.Area {
			// The list follows the note, so that its writer sees where it went
			// (not when they went to another area while it was saved: the
			// lanes there are not the note's).
			s.lane = max(slices.Index(s.lanes(), msg.note.Lane), 0)
			s.activity = ""
		}
		s.selectSaved()
		s.mode = modeBrowse
		s.closeInput()
		if msg.refiled {
			if a := msg.note.Activity; a != "" {
				s.setStatus("Your note is under "+a+" now.", false)
			} else {
				s.setStatus("Your note is about no activity now.", false)
			}
			return s, s.reload()
		}
		if msg.moved {
			s.setStatus("Moved your note to "+session.CleanText(session.LaneTitle(msg.note.Lane))+".", false)
			return s, s.reload()
		}
		if msg.edited {
			saved := "Saved your change."
			if n := msg.note; n.ActivityFiled && n.Activity != msg.chose {
				// Filed again by its new words: said as for a new note, for the
				// writer to see where it counts now and change it if that is wrong
				// (the list selects the note).
				switch {
				case n.Activity != "":
					saved = "Saved your change under " + n.Activity + ", which your note names now; enter, a changes that."
				case len(msg.named) > 1:
					saved = "Saved your change under no activity: your note names " + joinAnd(msg.named) + " now; enter, a chooses one."
				default:
					saved = "Saved your change under no activity: your note names none now; enter, a chooses one."
				}
			}
			s.setStatus(saved, false)
			if s.takeWaiting() {
				s.setStatus(saved+" "+s.status, false)
			}
			return s, s.reload()
		}
		if a := msg.note.Activity; msg.note.Area == session.AreaActivities && a != "" && msg.chose == "" {
			// None chosen, the note went under the activity it names: said, for
			// the writer to see where it counts and change it if that is wrong
			// (the box is open for the next note, and the list selects this one).
			s.setStatusOr("Saved under "+a+", which your note names; esc, enter, a changes that.",
				"Saved under "+a+", which it names; esc, enter, a changes that.", "Saved under "+a+".")
		} else if a != "" && msg.note.Area == session.AreaActivities {
			// The activity sticks: said here, a writer moving on to another one
			// sees it before the next note goes under this one.
			s.setStatusOr("Saved under "+a+"; your next notes go there too (esc, a changes it).",
				"Saved under "+a+"; next notes too (esc, a changes it).", "Saved under "+a+".")
		} else if len(msg.named) > 1 {
			// Filed under none: said, or it read as if the words named none.
			s.setStatusOr("Saved under no activity: your note names "+joinAnd(msg.named)+"; esc, enter, a chooses one.",
				"Saved under no activity; esc, enter, a chooses one.", "Saved under no activity.")
		} else {
			s.setStatus(savedNext, false)
		}
		typed := s.typedWhileSaving
		s.typedWhileSaving = nil
		var cmd tea.Cmd
		if s.takeWaiting() {
			s.setStatus("Saved. "+s.status, false)
		} else if s.sess.Phase.AcceptsNotes() && s.currentLane() != "" {
			cmd = s.nextBox(typed)
		}
		if !s.loading {
			// The new note is on the list as stored, and what others change reaches
			// the screen through the hub: reading the view again for every note was
			// a tenth of the server's CPU in a burst of notes. A load that began
			// before the note was stored is followed by another (reload).
			return s, cmd
		}
		return s, tea.Batch(cmd, s.reload())
	case ratedMsg:
		// A copy: the participant read with the view may be shared with others.
		me := *s.me
		// Taken as shown until the load that follows says whether it is held:
		// "held" for a moment, then gone, read as a fault.
		me.Rating, me.ShownRating = msg.rating, msg.rating
		s.me = &me
		s.rated, s.ratedAfter = msg.rating, s.loads
		// Their other terminals mark the rating given here, not one they gave before.
		s.e.opt.Conn.TellOwn()
		if s.mode == modeRateLate || s.rateLateSent {
			s.mode, s.rateLateSent = modeBrowse, false
			// True whether it waits or came out at once with two that waited; which
			// one it is would say whether others rated late.
			s.setStatus(fmt.Sprintf("Your rating %d is saved. The chart shows it with at least two other ratings given after the check-in: never alone, nor in a pair.", msg.rating), false)
			return s, s.reload()
		}
		if s.sess.Furthest().AtLeast(session.PhaseWrite) {
			// A check-in gone back to: the same words whether or not it waits,
			// which would say whether others rated (as for a late rating).
			s.setStatus(fmt.Sprintf("Your rating %d is saved. After the check-in the chart shows ratings with at least two others given since, never alone: one still waiting when the facilitator moves on is left out (a changed one counts as it was before).", msg.rating), false)
			return s, s.reload()
		}
		s.setStatus(fmt.Sprintf("Your rating %d is saved. You can change it until the facilitator moves on.", msg.rating), false)
		return s, s.reload()
	case doneMsg:
		s.saving = false
		// Their other terminals show the done mark (or dot, or volunteering) given
		// here: participants' screens do not watch who is done.
		s.e.opt.Conn.TellOwn()
		if s.mode == modeVolunteerName {
			s.mode = modeBrowse
			s.closeInput()
		}
		s.setStatus(msg.status, false)
		return s, s.reload()
	case tea.KeyMsg:
		s.themeChosen = s.themeChosen || s.sess.Phase.AtLeast(session.PhaseGroup)
		// Only a key once the rating can be given late: keys pressed at the
		// check-in without rating took the offer away before it was ever made.
		s.lateHinted = s.lateHinted || s.canRateLate()
		if s.leaving {
			return s.answerLeave(msg)
		}
		if msg.String() == "ctrl+c" {
			// Asked over whatever is open, which stays as it was: a note's box keeps
			// its text for any other key, and for the next connection on leaving.
			s.leaving, s.wordKey, s.asked = true, 0, 0
			return s, nil
		}
		if s.mode == modePickActivity {
			return s.updatePicker(msg)
		}
		if s.mode == modeRateLate {
			return s.updateRateLate(msg)
		}
		if s.mode == modeMoveLane {
			return s.updateMoveLane(msg)
		}
		if s.mode != modeBrowse {
			if s.saving {
				if s.mode == modeCompose && (msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace || msg.Type == tea.KeyEnter) {
					s.typedWhileSaving = append(s.typedWhileSaving, msg)
				}
				return s, nil
			}
			return s.updateInput(msg)
		}
		return s.updateBrowse(msg)
	}
	return s, nil
}

// answerLeave takes the answer to the leave question: y or a second ctrl+c leaves,
// any other key stays.
func (s *participantScreen) answerLeave(msg tea.KeyMsg) (screen, tea.Cmd) {
	s.leaving = false
	if cmd, ok := s.wordAfterKey(msg, 'y', 'n'); ok {
		return s, cmd
	}
	if msg.String() == "y" || msg.String() == "ctrl+c" {
		if g := s.e.opt.Goodbye; g != nil {
			// Written on the terminal once the screen is gone, which left it blank.
			g(s.comeBackLine())
		}
		return s, tea.Quit
	}
	s.setStatus("You stay in the session.", false)
	return s, nil
}

// comeBackLine says, as the participant leaves, how to come back as themselves.
func (s *participantScreen) comeBackLine() string {
	left := "You left " + session.CleanText(s.sess.Title) + ". What you entered is saved."
	if s.mode == modeEdit && s.input != nil && s.inputValue() != s.editFrom {
		left = "You left " + session.CleanText(s.sess.Title) + ". Your change to the note you were editing was not saved; the rest is."
	}
	code := session.NormalizeCode(s.sess.Code)
	if s.e.rejoinCode != "" {
		// Without a key the session's code would make them someone new.
		code = s.e.rejoinCode
	}
	if s.e.opt.JoinHint == "" || code == "" {
		return left
	}
	// The command on a line of its own, so that it copies whole (the terminal is
	// raw here: a line ends with \r\n).
	return left + " To come back:\r\n  " + s.e.opt.JoinHint + " " + code
}

// leaveQuestion is the question q and ctrl+c ask, wrapped to w; unsaved says that
// a change to a saved note would be lost (a new note's text is kept for the next
// connection, a change is not).
func leaveQuestion(w int, unsaved bool) []string {
	q := "Leave the session? You can come back with the same code. y or ctrl+c = leave, any other key = stay"
	if unsaved {
		q = "Leave the session? Your change to the note is not saved (any other key, then enter, saves it). y or ctrl+c = leave, any other key = stay"
	}
	return wrap(q, w)
}

func (s *participantScreen) asksBeforeLeaving() {}

func (s *participantScreen) run(f func(ctx context.Context) tea.Msg) tea.Cmd {
	return s.e.withTimeout(f)
}

// updateRating takes the keys of the check-in's rating: ↑/↓ and enter, or 1-5.
func (s *participantScreen) updateRating(msg tea.KeyMsg) (screen, tea.Cmd) {
	svc, id := s.e.opt.Service, s.me.ID
	switch {
	case matches(msg, pk.RateSelect):
		// The list runs from 5 at the top to 1; without a cursor, ↓ comes in at
		// the top and ↑ at the bottom.
		up := msg.String() == "up" || msg.String() == "k"
		switch {
		case s.rateSel == 0 && up:
			s.rateSel = 1
		case s.rateSel == 0:
			s.rateSel = 5
		case up:
			s.rateSel = min(s.rateSel+1, 5)
		default:
			s.rateSel = max(s.rateSel-1, 1)
		}
	case matches(msg, pk.RateEnter) && s.rateSel == 0:
		s.setStatus("Choose a rating first: a number from 1 to 5, or ↑/↓ and enter.", true)
	case matches(msg, pk.Rate) || matches(msg, pk.RateEnter):
		r := s.rateSel
		if matches(msg, pk.Rate) {
			r = int(msg.Runes[0] - '0')
		}
		s.rateSel = r
		return s, s.run(func(ctx context.Context) tea.Msg {
			if err := svc.Rate(ctx, id, r); err != nil {
				return errMsg{err}
			}
			return ratedMsg{r}
		})
	}
	return s, nil
}

// canRateLate says the participant may give the check-in's rating now: they joined
// after the check-in (or skipped it) and notes are still being written. A rating
// given now waits, as any, for someone else's before the chart shows it.
func (s *participantScreen) canRateLate() bool {
	ph := s.sess.Phase
	return (ph == session.PhaseWrite || ph == session.PhaseReveal) && s.me.Rating == 0 && !s.me.Paper
}

// updateRateLate takes the keys of the rating given after the check-in; esc leaves
// it for later.
func (s *participantScreen) updateRateLate(msg tea.KeyMsg) (screen, tea.Cmd) {
	if s.rateLateSent {
		// Given, and on its way: a late rating cannot be changed, and enter
		// pressed again (or another digit) would have sent one more, or esc said
		// none was given. Its answer ends this mode; a failure leaves it open.
		return s, nil
	}
	if cmd, ok := s.wordAfterKey(msg, 'j', 'k', '1', '2', '3', '4', '5'); ok {
		return s, cmd
	}
	if matches(msg, pk.Cancel) || !s.canRateLate() {
		s.mode = modeBrowse
		s.setStatus("No rating given; c rates whenever you like while notes are written.", false)
		return s, nil
	}
	if matches(msg, pk.Rate) {
		// A digit chooses, enter gives: once given, a late rating cannot be
		// changed, and a digit typed by someone who thought a note's box was
		// open would have rated for them.
		s.rateSel = int(msg.Runes[0] - '0')
		s.sayChosen()
		return s, nil
	}
	sel := s.rateSel
	sc, cmd := s.updateRating(msg)
	if cmd != nil {
		s.rateLateSent = true
	}
	if s.rateSel != sel {
		// Said for the arrows as for a digit: "3 chosen" stood over ▸ 2 after
		// ↓, and enter gave 2.
		s.sayChosen()
	}
	return sc, cmd
}

// sayChosen says which late rating enter gives, and that it stays.
func (s *participantScreen) sayChosen() {
	s.setStatus(fmt.Sprintf("%d chosen: enter gives it (it cannot be changed after), esc leaves it for later.", s.rateSel), false)
}

func (s *participantScreen) updateBrowse(msg tea.KeyMsg) (screen, tea.Cmd) {
	if s.reading != nil {
		return s.updateReading(msg)
	}
	if s.asked != 0 && msg.Paste {
		// Text, not an answer: a note, as any paste on the list.
		s.asked, s.wordKey = 0, 0
	}
	if s.asked != 0 {
		return s.answerAsked(msg)
	}
	return s.listKey(msg, true)
}

// listKey runs a key of the list; typed says it was pressed on the list itself,
// where typing begins a note, not while a note was open to read (which passes
// e, d, n and x on to the list).
func (s *participantScreen) listKey(msg tea.KeyMsg, typed bool) (screen, tea.Cmd) {
	ph := s.sess.Phase
	// start is k as the first letter of a word to come (see wordStart).
	start := func(k rune) rune {
		if !typed {
			return 0
		}
		return s.wordStart(k)
	}
	switch {
	case matches(msg, backToSessions) && s.hasSessionList():
		// A closed session, opened from the list of those they took part in (or
		// by its code): back to that list, not out of the connection.
		s.e.opt.Conn.Leave()
		j := newJoin(s.e, "")
		j.from = s.sess.ID
		return j, nil
	case matches(msg, pk.Quit):
		s.leaving = true
		s.wordKey = start('q')
		return s, nil
	case matches(msg, pk.Done) && ph == session.PhaseCheckIn:
		// The check-in is done by rating: the board counts ratings without knowing
		// whose, and a done mark (given after rating) would tell it.
		if s.me.Rating == 0 {
			s.setStatus("Give your rating first: a number from 1 to 5, or ↑/↓ and enter.", true)
		} else {
			s.setStatus("Your rating is your check-in: the facilitator sees how many rated, never who.", false)
		}
		return s, nil
	case matches(msg, pk.Done) && ph != session.PhaseLobby && ph != session.PhaseClosed:
		if s.askFirst(start('x')) {
			return s, nil
		}
		return s, s.toggleDone()
	case ph == session.PhaseCheckIn:
		return s.updateRating(msg)
	case matches(msg, pk.RateLate) && s.canRateLate():
		s.wordKey = start('c')
		s.mode, s.rateSel = modeRateLate, 0
		s.setStatus("", false)
		return s, nil
	}
	if ph.AtLeast(session.PhaseGroup) {
		return s.updateThemesKey(msg)
	}
	if ph == session.PhaseLobby || ph == session.PhaseCheckIn {
		return s, nil
	}
	if typed && ph.AcceptsNotes() && s.beginsNote(msg) {
		// Typed without n first: the key is the first of a note, not lost, and
		// the rest of the words go into the box.
		cmd := s.newNote()
		if s.input == nil {
			return s, cmd
		}
		s.spaceAfterDraft()
		_, typed := s.updateInput(msg)
		return s, tea.Batch(cmd, typed)
	}
	switch {
	case s.move(msg):
	case matches(msg, pk.Select) || matches(msg, lk.Page) || matches(msg, lk.Ends):
		s.rows.setLen(len(s.laneNotes()))
		s.rows.update(msg)
	case matches(msg, pk.Read) && s.selected() != nil:
		s.reading = &reading{note: s.selected().ID}
	case matches(msg, pk.Activity) && session.Areas[s.area] == session.AreaActivities:
		if !s.askFirst(start('a')) {
			s.pickActivity(nil)
		}
	case matches(msg, pk.Topic) && session.Areas[s.area] == session.AreaOpen && ph.AcceptsNotes():
		if s.askFirst(start('t')) {
			return s, nil
		}
		return s, s.newTopic()
	case (matches(msg, pk.New) || matches(msg, pk.Read)) && ph.AcceptsNotes():
		n := start('n')
		cmd := s.newNote()
		if matches(msg, pk.New) && s.mode == modeCompose && s.inputValue() != "" {
			// The unsent text n brought back (a letter typed on the list without
			// any begins a note with it, see beginsNote): a letter next is a word
			// begun with n, as after any other letter typed there.
			s.wordKey = n
		}
		return s, cmd
	case matches(msg, pk.Edit) && ph.AcceptsNotes():
		n := s.selected()
		if n == nil || n.ParticipantID != s.me.ID {
			s.setStatus("Select one of your own notes to edit it.", true)
			return s, nil
		}
		if s.askFirst(start('e')) {
			return s, nil
		}
		return s, s.editNote(n)
	case matches(msg, pk.Delete) && ph.AcceptsNotes():
		n := s.selected()
		if n == nil || n.ParticipantID != s.me.ID {
			s.setStatus("Select one of your own notes to delete it.", true)
			return s, nil
		}
		s.wordKey = start('d')
		s.mode, s.editing = modeConfirmDelete, n.ID
	case matches(msg, pk.Move) && ph.AcceptsNotes():
		n := s.selected()
		if n == nil || n.ParticipantID != s.me.ID {
			s.setStatus("Select one of your own notes to move it to another lane.", true)
			return s, nil
		}
		if s.askFirst(start('m')) {
			return s, nil
		}
		s.askLane(n)
	}
	return s, nil
}

// askLane asks to which other lane of its area n moves, when there is one.
func (s *participantScreen) askLane(n *session.Note) {
	if len(s.otherLanes(n)) == 0 {
		s.setStatus("Its area has no other lane to move it to.", true)
		return
	}
	s.mode, s.editing = modeMoveLane, n.ID
	s.setStatus("", false)
}

// otherLanes are the lanes of n's area it can move to, the first nine: a digit
// chooses one.
func (s *participantScreen) otherLanes(n *session.Note) []string {
	var out []string
	for _, l := range s.lanesOf(n.Area) {
		if l != n.Lane && len(out) < 9 {
			out = append(out, l)
		}
	}
	return out
}

// updateMoveLane takes the key pressed while the lane is asked for: a digit moves
// the note there, keeping its text and activity; any other key leaves it.
func (s *participantScreen) updateMoveLane(msg tea.KeyMsg) (screen, tea.Cmd) {
	s.mode = modeBrowse
	var n *session.Note
	for _, o := range s.notes {
		if o.ID == s.editing && o.ParticipantID == s.me.ID {
			n = o
		}
	}
	lanes := []string{}
	if n != nil {
		lanes = s.otherLanes(n)
	}
	i := -1
	if msg.Type == tea.KeyRunes && len(msg.Runes) == 1 && msg.Runes[0] >= '1' && msg.Runes[0] <= '9' {
		i = int(msg.Runes[0] - '1')
	}
	if n == nil && i >= 0 {
		// Deleted on another of their connections, and the list read again
		// before the answer (else the move finds it gone: editGoneMsg).
		s.setStatus("That note was deleted meanwhile.", true)
		return s, nil
	}
	if n == nil || i < 0 || i >= len(lanes) {
		s.setStatus("The note stays where it is.", false)
		return s, nil
	}
	svc, id := s.e.opt.Service, s.me.ID
	note, area, lane, activity := n.ID, n.Area, lanes[i], n.Activity
	s.saving = true
	return s, s.run(func(ctx context.Context) tea.Msg {
		// Its place only: its words as stored (see session.Service.PlaceOwnNote).
		saved, err := svc.PlaceOwnNote(ctx, id, note, area, lane, activity)
		if session.ErrorCode(err) == session.ENotFound {
			return editGoneMsg{}
		}
		if err != nil {
			return errMsg{err}
		}
		return noteAcceptedMsg{edited: true, moved: true, note: saved}
	})
}

// laneQuestion is the question modeMoveLane asks, the lanes numbered.
func (s *participantScreen) laneQuestion() string {
	for _, n := range s.notes {
		if n.ID != s.editing {
			continue
		}
		var choices []string
		for i, l := range s.otherLanes(n) {
			choices = append(choices, fmt.Sprintf("%d %s", i+1, session.CleanText(session.LaneTitle(l))))
		}
		stays := "its text stays"
		if n.Area == session.AreaActivities {
			stays = "its text and activity stay"
		}
		return "Move " + quoteStart(n.Text) + " to: " + strings.Join(choices, ", ") + "? (" + stays + "; any other key = back)"
	}
	return ""
}

// askFirst asks before the list's key k (e, x, a, t) acts, when k begins a word
// (k is not 0, see wordStart): "encryption" opened the edit of the selected note
// and put "ncryption" at its end, "xss" marked its writer done. k or enter
// answers; a letter begins a note with both (see wordAfterKey).
// Enter alone does it: the same key again was a word's second letter too
// ("xxe parsing" marked its writer done).
func (s *participantScreen) askFirst(k rune) bool {
	if k == 0 {
		return false
	}
	s.asked, s.wordKey = k, k
	s.setStatus("", false)
	return true
}

// answerAsked takes the key pressed while askFirst's question is shown: the key
// enter does what it asked; a letter is a word's second; any other key leaves
// things as they were.
func (s *participantScreen) answerAsked(msg tea.KeyMsg) (screen, tea.Cmd) {
	k := s.asked
	s.asked = 0
	if s.wordStart(k) == 0 {
		// The phase moved on meanwhile: the question is gone, the key is the
		// list's.
		s.wordKey = 0
		return s.listKey(msg, true)
	}
	if cmd, ok := s.wordAfterKey(msg); ok {
		return s, cmd
	}
	if msg.Type != tea.KeyEnter {
		return s, nil
	}
	switch k {
	case 'e':
		if n := s.selected(); n != nil && n.ParticipantID == s.me.ID {
			return s, s.editNote(n)
		}
	case 'x':
		return s, s.toggleDone()
	case 'a':
		s.pickActivity(nil)
	case 't':
		return s, s.newTopic()
	case 'm':
		if n := s.selected(); n != nil && n.ParticipantID == s.me.ID {
			s.askLane(n)
		}
	}
	return s, nil
}

// askedQuestion is the question askFirst shows, with its keys.
func (s *participantScreen) askedQuestion() string {
	switch s.asked {
	case 'e':
		text := "the selected note"
		if n := s.selected(); n != nil {
			text = quoteStart(n.Text)
		}
		return "Edit " + text + "? enter = edit, esc = back (a letter begins a new note)"
	case 'm':
		text := "the selected note"
		if n := s.selected(); n != nil {
			text = quoteStart(n.Text)
		}
		return "Move " + text + " to another lane? enter = choose the lane, esc = back (a letter begins a new note)"
	case 'x':
		if s.me.Done {
			return "Take back your done mark? enter = not done, esc = back (a letter begins a new note)"
		}
		return "Mark yourself as done? enter = done, esc = back (a letter begins a new note)"
	case 'a':
		return "Choose the activity of your notes here? enter = choose, esc = back (a letter begins a new note)"
	case 't':
		return "Raise a new open topic? enter = type its title, esc = back (a letter begins a new note)"
	}
	return ""
}

// askedKeys are the keys of askFirst's question.
func (s *participantScreen) askedKeys() []key.Binding {
	does := map[rune]string{'e': "edit", 'm': "choose the lane", 'x': "done", 'a': "choose activity", 't': "new topic"}[s.asked]
	if s.asked == 'x' && s.me.Done {
		does = "not done"
	}
	return answerKeys(does, "back", true)
}

// answerKeys are the keys of a question on the note list: enter does it; a letter
// begins a note, when letter says one does; esc goes back.
func answerKeys(does, back string, letter bool) []key.Binding {
	keys := []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", does))}
	if letter {
		keys = append(keys, key.NewBinding(key.WithKeys("a"), key.WithHelp("a letter", "new note")))
	}
	return append(keys, key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", back)))
}

// quoteStart quotes a note's first words in a question about it, the cut marked.
func quoteStart(text string) string {
	q := firstWords(text, 8)
	if len(strings.Fields(text)) > 8 {
		q += "…"
	}
	return "“" + q + "”"
}

// toggleDone marks the participant done, or takes the mark back.
func (s *participantScreen) toggleDone() tea.Cmd {
	svc, id, ph := s.e.opt.Service, s.me.ID, s.sess.Phase
	done := !s.me.Done
	return s.run(func(ctx context.Context) tea.Msg {
		if err := svc.SetDone(ctx, id, done); err != nil {
			return errMsg{err}
		}
		if done {
			if ph == session.PhaseWrite || ph == session.PhaseReveal {
				return doneMsg{"Marked as done. Press x again if you want to add more."}
			}
			return doneMsg{"Marked as done. Press x again to take it back."}
		}
		return doneMsg{"Not done any more."}
	})
}

// pickActivity opens the list of activities new notes can be about, or with n,
// the participant's note read whole, the list of what it can be about.
func (s *participantScreen) pickActivity(n *session.Note) {
	s.mode, s.pickFor = modePickActivity, 0
	others := proposedActivities(s.sess.Activities, s.notes)
	if n != nil {
		s.pickFor = n.ID
		s.picker = newPicker(s.sess.Activities, others, n.Activity, "no activity", "propose")
		return
	}
	s.picker = newPicker(s.sess.Activities, others, s.activity, noActivity, "propose")
}

// proposedActivities are the activities of notes that list lacks, each once, in
// order of their names: the picker offers those on the notes a participant sees
// (their own before the reveal, everyone's from it on), so that one proposed
// already is chosen as it is, not proposed again in another case.
func proposedActivities(list []string, notes []*session.Note) []string {
	var out []string
	for _, n := range notes {
		if n.Activity != "" && !slices.Contains(list, n.Activity) && !slices.Contains(out, n.Activity) {
			out = append(out, n.Activity)
		}
	}
	slices.Sort(out)
	return out
}

// noActivity is the picker's entry for none: a note then goes under the activity
// it names, if it names one (session.FiledActivity).
const noActivity = "no activity chosen"

// refile saves the activity a participant chose for their note n, its text as it
// is: one filed under the activity its words name that they meant otherwise, or
// one written under the activity chosen for the lane that was about another.
func (s *participantScreen) refile(n *session.Note, activity string) tea.Cmd {
	svc, id, note := s.e.opt.Service, s.me.ID, n.ID
	s.saving = true
	return s.run(func(ctx context.Context) tea.Msg {
		// Chosen, it stays whatever the note's words become (see
		// session.Note.ActivityFiled).
		saved, err := svc.ChooseOwnActivity(ctx, id, note, activity)
		if err != nil {
			return errMsg{err}
		}
		return noteAcceptedMsg{edited: true, note: saved, chose: activity, refiled: true}
	})
}

// newTopic opens the box of a new open topic's title.
func (s *participantScreen) newTopic() tea.Cmd {
	s.mode, s.noteAfterTopic = modeTopic, false
	return s.openInput(inputCap, 3)
}

// editNote opens the box that changes the participant's note n, with the change a
// phase move cut short if one waits.
func (s *participantScreen) editNote(n *session.Note) tea.Cmd {
	s.mode, s.editing, s.editActivity = modeEdit, n.ID, n.Activity
	cmd := s.openInput(inputCap, 3)
	s.input.SetValue(n.Text)
	s.editFrom = s.inputValue()
	s.boxFresh, s.boxN = false, -1
	if u, ok := s.unsavedEdit[n.ID]; ok {
		// The change a phase move cut short, over the note as saved.
		s.input.SetValue(u.text)
		delete(s.unsavedEdit, n.ID)
		if u.from != s.editFrom {
			// Changed since on another connection: enter would write over
			// that change unseen.
			s.setStatus("Your change from before is back, but the note was changed since: enter saves yours over it, esc keeps the note as it is now.", true)
		} else {
			s.setStatus("Your change from before is back: enter saves it, esc keeps the note as it was.", false)
		}
	}
	return cmd
}

// move goes to another area (tab, shift+tab) or lane (←, →) for msg, and reports
// whether msg was one of those keys. From an empty box the box goes along.
func (s *participantScreen) move(msg tea.KeyMsg) bool {
	switch {
	case msg.String() == "tab":
		s.area, s.lane, s.activity = (s.area+1)%len(session.Areas), 0, ""
		s.rows.selectRow(0)
	case msg.String() == "shift+tab":
		s.area, s.lane, s.activity = (s.area+len(session.Areas)-1)%len(session.Areas), 0, ""
		s.rows.selectRow(0)
	case matches(msg, pk.Lane):
		if n := len(s.lanes()); n > 0 {
			if msg.String() == "left" {
				s.lane = (s.lane + n - 1) % n
			} else {
				s.lane = (s.lane + 1) % n
			}
			s.rows.selectRow(0)
			if s.activity != "" {
				// The activity chosen is for the lane it was chosen in: carried
				// into "Do less", a note on e-learning counted as less code
				// scanning in the activity matrix (a newcomer's finding).
				choose := "a chooses one"
				if s.mode == modeCompose {
					choose = "esc, a chooses one"
				}
				s.setStatus("No activity chosen here: "+choose+" ("+s.activity+" was for the lane before).", false)
				s.activity = ""
			}
		}
	default:
		return false
	}
	return true
}

// wordStart is k as the first letter of a word to come, when typing on the note
// list begins a note (see beginsNote); otherwise 0.
func (s *participantScreen) wordStart(k rune) rune {
	if s.mode == modeBrowse && s.reading == nil && s.sess.Phase.AcceptsNotes() {
		return k
	}
	return 0
}

// wordAfterKey takes a letter typed right after q, c or d on the note list (see
// wordKey) as the second of a word begun with that key, not an answer to what the
// key asked: "quick wins" asked whether to leave and took u as "stay", "champions"
// opened the late rating and lost every letter after, "docs" asked whether to
// delete the selected note and took o as "keep". The question goes, and the note
// begins with both letters. answers are the letters that answer it, if any.
func (s *participantScreen) wordAfterKey(msg tea.KeyMsg, answers ...rune) (tea.Cmd, bool) {
	first := s.wordKey
	s.wordKey = 0
	if first == 0 || !wordChar(msg) || slices.Contains(answers, msg.Runes[0]) {
		return nil, false
	}
	s.leaving = false
	s.mode = modeBrowse
	s.setStatus("", false)
	cmd := s.newNote()
	if s.input == nil {
		return cmd, true
	}
	s.spaceAfterDraft()
	s.input.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{first}})
	s.input.Update(msg)
	s.box, s.boxFresh, s.boxN = "", false, -1
	return cmd, true
}

// wordChar reports whether msg is one typed character that can be a word's second:
// a letter, a digit or a sign ("x-ray"), not a space.
func wordChar(msg tea.KeyMsg) bool {
	return msg.Type == tea.KeyRunes && !msg.Alt && !msg.Paste && len(msg.Runes) == 1 &&
		unicode.IsGraphic(msg.Runes[0]) && !unicode.IsSpace(msg.Runes[0])
}

// spaceAfterDraft puts a space after the unsent text newNote brought back into the
// box, before words typed on the list: "old text" and "patching is slow" were
// glued into "old textpatching is slow".
func (s *participantScreen) spaceAfterDraft() {
	if v := s.inputValue(); v != "" && !unicode.IsSpace([]rune(v)[len([]rune(v))-1]) {
		s.input.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{' '}})
	}
}

// emptyBox reports whether the box of a new note is open with nothing in it.
func (s *participantScreen) emptyBox() bool {
	return s.mode == modeCompose && s.input != nil && s.inputValue() == ""
}

// openIdleBox opens an empty box for a new note where the screen is, when it shows
// the list of notes while notes are taken and nothing else is open or waiting (a
// note for n, a change to a note for e): the words someone types are a note's,
// whatever letter they begin with. The list's keys are an esc away (listWanted).
func (s *participantScreen) openIdleBox() tea.Cmd {
	if s.mode != modeBrowse || s.reading != nil || s.leaving || s.listWanted || s.saving ||
		!s.sess.Phase.AcceptsNotes() || s.draft != "" || s.restore != nil || s.waiting != nil || len(s.unsavedEdit) > 0 ||
		s.currentLane() == "" {
		return nil
	}
	s.mode = modeCompose
	return s.openInput(inputCap, 3)
}

// nextBox opens an empty box for the next note where the last was saved, with
// what was typed while it was being saved.
func (s *participantScreen) nextBox(typed []tea.KeyMsg) tea.Cmd {
	s.mode = modeCompose
	cmd := s.openInput(inputCap, 3)
	for i, k := range typed {
		s.box, s.boxFresh, s.boxN = "", false, -1
		if k.Type != tea.KeyEnter {
			cmd = tea.Batch(cmd, s.input.Update(k))
			continue
		}
		if s.inputValue() == "" {
			continue // an enter pressed twice on the note saved
		}
		// The words typed while the last note was saved were a note, sent with
		// enter: it is saved in turn, and what was typed after waits for it.
		_, save := s.updateInput(k)
		if s.saving {
			s.typedWhileSaving = slices.Clone(typed[i+1:])
			return tea.Batch(cmd, save)
		}
	}
	return cmd
}

// emptyBoxKey takes the keys that move, typed in the box of a new note while it
// is empty: ←, →, tab and shift+tab take the box to another lane or area; ↑, ↓,
// pgup, pgdn, home and end close it, for the list's keys; enter does nothing. The box stays open
// after a note is saved; these keys still go where the person looks.
func (s *participantScreen) emptyBoxKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	if s.mode != modeCompose || s.input == nil || s.inputValue() != "" {
		return nil, false
	}
	switch msg.String() {
	case "enter":
		// Nothing to send: an enter pressed again after a save (or twice) leaves
		// "Saved" standing, not an error that reads as if the save had failed.
		return nil, true
	case "up", "down", "pgup", "pgdown", "home", "end":
		// To the list, on the note marked there (the one just saved): the key
		// that leaves the box does not move past it.
		s.mode = modeBrowse
		s.closeInput()
		s.setStatus("", false)
		s.listWanted = true
		return nil, true
	}
	if !s.move(msg) {
		return nil, false
	}
	if s.currentLane() == "" || !s.sess.Phase.AcceptsNotes() {
		// No lane to write in (an open area without topics): t raises one.
		s.mode = modeBrowse
		s.closeInput()
		return nil, true
	}
	return s.openInput(inputCap, 3), true
}

// newNote opens the box of a new note in the lane shown, as n does: the text left
// with esc comes back in it, in the place it was begun.
func (s *participantScreen) newNote() tea.Cmd {
	s.setStatus("", false)
	if here := s.here(); s.draft != "" && (s.draftAt.Area != here.Area || !sameLane(s.draftAt, here.Lane) || s.draftAt.Activity != here.Activity) {
		// The text left with esc belongs where it was written, under the
		// activity it was written under: pressed in another lane, n put it
		// there, under a heading it was not written for (a tester's finding).
		// One unsent note at a time, in its place.
		s.goTo(s.draftAt)
		s.setStatus("Back in "+s.placeName()+", where you began this note: enter sends it, esc keeps it again, ctrl+u empties it.", false)
	}
	if s.currentLane() == "" {
		// No topic yet: its title first, then the note. Refused, the words
		// typed after n ran as keys.
		s.mode, s.noteAfterTopic = modeTopic, true
		s.setStatus("An open topic needs a title first: type it, then enter opens your note on it.", false)
		if s.draft != "" {
			// The note left with esc while its topic's title was asked for.
			s.topicNote, s.draft = s.draft, ""
			s.setStatus("Your note is kept: first a short title for the topic it goes under, then enter.", false)
		}
		return s.openInput(inputCap, 3)
	}
	s.mode = modeCompose
	cmd := s.openInput(inputCap, 3)
	if s.draft != "" {
		// The text left with esc (or by a phase that took no notes).
		s.input.SetValue(s.draft)
		s.boxFresh, s.boxN, s.draft = false, -1, ""
	}
	return cmd
}

// beginsNote reports whether msg, on the list of notes while notes are taken, is
// typed text rather than a key of the list: a printable character that runs no
// command here (h, l, j and k included, which are no longer the arrows on this
// list). e and d begin a note unless one of the person's own notes is selected,
// as there is nothing for them to edit or delete: after the reveal "deploy" on
// someone else's note lost its d. ? stays out: on the facilitator's screens it lists
// the keys, and someone looking for them should not find a note begun.
func (s *participantScreen) beginsNote(msg tea.KeyMsg) bool {
	if msg.Type == tea.KeyRunes && msg.Paste {
		// Pasted text is a note's words, whatever letters it holds.
		return slices.ContainsFunc(msg.Runes, func(r rune) bool { return unicode.IsGraphic(r) && !unicode.IsSpace(r) })
	}
	if msg.Type != tea.KeyRunes || msg.Alt || len(msg.Runes) != 1 || !unicode.IsGraphic(msg.Runes[0]) || unicode.IsSpace(msg.Runes[0]) {
		return false
	}
	switch area := session.Areas[s.area]; msg.String() {
	case "?":
		return false
	case "n":
		// n brings back the text left unsent; without any it is a letter.
		return s.draft == ""
	case "e", "d":
		n := s.selected()
		return n == nil || n.ParticipantID != s.me.ID
	case "m":
		// On their own note, when it has another lane to go to.
		n := s.selected()
		return n == nil || n.ParticipantID != s.me.ID || s.otherLanes(n) == nil
	case "a":
		return area != session.AreaActivities
	case "t":
		return area != session.AreaOpen
	}
	return true
}

func (s *participantScreen) updateInput(msg tea.KeyMsg) (screen, tea.Cmd) {
	svc, id, sess := s.e.opt.Service, s.me.ID, s.sess
	if s.mode == modeConfirmDelete {
		// Enter alone deletes: a word goes on with any letter, y included
		// ("dynamic scans" deleted the selected note), and a note "d" nobody
		// writes. A letter begins a note with both.
		if cmd, ok := s.wordAfterKey(msg); ok {
			return s, cmd
		}
		s.mode = modeBrowse
		if msg.Type != tea.KeyEnter {
			s.setStatus("Kept the note.", false)
			return s, nil
		}
		noteID := s.editing
		return s, s.run(func(ctx context.Context) tea.Msg {
			if err := svc.DeleteNote(ctx, id, noteID); err != nil {
				return errMsg{err}
			}
			return noteDeletedMsg{noteID}
		})
	}
	if s.wordKey == 'n' {
		// The first key after n brought back unsent text: a letter says n began
		// a word, typed after that text as any word typed on the list is.
		s.wordKey = 0
		if s.mode == modeCompose && wordChar(msg) {
			s.spaceAfterDraft()
			s.input.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'n'}})
		}
	}
	if cmd, ok := s.emptyBoxKey(msg); ok {
		return s, cmd
	}
	if s.mode == modeTopic && msg.Type == tea.KeyTab && s.titleAsked != "" && s.inputValue() == s.titleAsked {
		// The sentence typed as a title is a note: its topic's title comes first.
		s.topicNote, s.titleAsked, s.noteAfterTopic = s.titleAsked, "", true
		s.setStatus("Your note is kept: now a short title for the topic it goes under, then enter.", false)
		return s, s.openInput(inputCap, 3)
	}
	switch msg.Type {
	case tea.KeyEsc:
		s.listWanted = s.listWanted || s.mode == modeCompose
		kept := s.mode == modeCompose && strings.TrimSpace(s.inputValue()) != ""
		if kept {
			// A reflex esc threw a long note away: it is kept until n opens the
			// box again.
			s.draft, s.draftAt = s.inputValue(), s.here()
		}
		if s.mode == modeTopic && s.topicNote != "" {
			kept = true
			s.draft, s.draftAt = s.topicNote, s.here()
		}
		s.topicNote, s.titleAsked = "", ""
		s.mode = modeBrowse
		s.closeInput()
		s.setStatus("", false)
		if kept {
			s.setStatus("Not sent; n opens your text again.", false)
		} else {
			// The box the note taken back waited for is given up: it is next.
			s.takeWaiting()
		}
		return s, nil
	case tea.KeyEnter:
		text := s.inputValue()
		if s.mode == modeVolunteerName {
			return s, s.volunteerAs(text)
		}
		if s.mode == modeTopic {
			topic, err := session.ValidText(text, session.MaxTopicLen, "A topic", true)
			if err != nil {
				s.setStatus(s.e.errorMessage(err), true)
				return s, nil
			}
			if n := len(strings.Fields(topic)); n > maxTitleWords && s.topicNote == "" && s.titleAsked != text {
				// A sentence typed where a title is asked for is most often a
				// note: raised as a topic, its writer's next note went under it.
				s.titleAsked = text
				s.setStatus(fmt.Sprintf("%d words read like a note: enter keeps it as the title, tab makes it your note.", n), false)
				return s, nil
			}
			s.titleAsked = ""
			s.topics = append(s.topics, topic)
			for i, l := range s.lanes() {
				if l == topic {
					s.lane = i
				}
			}
			// Raised to write on it: the box opens on it, as after an activity is
			// chosen (asked to press n, the n went into the box a reload opened).
			said := "Topic raised: write your note on it (others see it after the reveal)."
			if s.sess.Phase == session.PhaseReveal {
				// Notes written in the reveal reach everyone's screen at once.
				said = "Topic raised: write your note on it (everyone sees it with its first note)."
			}
			if s.noteAfterTopic {
				s.noteAfterTopic = false
				said = "Topic raised: write your note on it."
			}
			s.mode, s.listWanted = modeCompose, false
			cmd := s.openInput(inputCap, 3)
			if s.topicNote != "" {
				s.input.SetValue(s.topicNote)
				s.boxFresh, s.boxN, s.topicNote = false, -1, ""
				said = "Topic raised: your note is in the box; enter saves it under it."
			}
			s.setStatus(said, false)
			return s, cmd
		}
		n := session.Note{Area: session.Areas[s.area], Lane: s.currentLane(), Text: text}
		if n.Area == session.AreaActivities {
			n.Activity = s.activity
		}
		editing := s.mode == modeEdit
		n.ID = s.editing
		if editing {
			n.Activity = s.editActivity
		}
		// The text stays in the box until the server has stored it: if saving fails,
		// nothing typed is lost. Nothing else changes on screen until the answer
		// (see saveBegan).
		s.saving, s.saveBegan = true, true
		return s, s.run(func(ctx context.Context) tea.Msg {
			var err error
			saved := &n
			if editing {
				saved, err = svc.EditNote(ctx, id, n)
				if session.ErrorCode(err) == session.ENotFound {
					return editGoneMsg{}
				}
			} else {
				saved, err = svc.AddNote(ctx, id, n)
			}
			if err != nil {
				return errMsg{err}
			}
			msg := noteAcceptedMsg{edited: editing, note: saved, chose: n.Activity}
			if saved.Area == session.AreaActivities && saved.Activity == "" && (!editing && n.Activity == "" || editing && saved.ActivityFiled) {
				// Read here, off the screen's loop: the activities the words name
				// when they name several, which the status then lists.
				msg.named = session.NamedActivities(sess, saved.Text)
			}
			return msg
		})
	}
	if s.input == nil {
		s.mode = modeBrowse
		return s, nil
	}
	began := s.mode == modeCompose && s.inputValue() == ""
	cmd := s.input.Update(spaceForTab(msg))
	s.box, s.boxFresh, s.boxN = "", false, -1
	if began && s.inputValue() != "" && !s.statusErr {
		// The next note begun: "Saved" was about the last one.
		s.setStatus("", false)
	}
	if s.titleAsked != "" && s.inputValue() != s.titleAsked {
		// The question was about the title as it was.
		s.titleAsked = ""
		s.setStatus("", false)
	}
	if s.joinNameAsked != "" && s.inputValue() != s.joinNameAsked {
		// The question was about the name as it was.
		s.joinNameAsked = ""
		s.setStatus("", false)
	}
	return s, cmd
}

// unsavedEdit is a change to a saved note that a phase move cut short: its text,
// and the note's text it began from.
type unsavedEdit struct{ text, from string }

// editGoneMsg says the note being edited is no longer there: deleted meanwhile on
// another connection of theirs.
type editGoneMsg struct{}

// noteAcceptedMsg arrives only after the note is stored.
type noteAcceptedMsg struct {
	edited bool
	note   *session.Note // the note as stored, shown and selected at once
	// chose is the activity the writer chose for the note, as sent (for an
	// edit, the note's activity as the screen had it); refiled says the save
	// chose the activity of a note, its text unchanged.
	chose   string
	refiled bool
	// moved says the edit took the note to another lane (m).
	moved bool
	// named are the activities a note's words name when it was filed under none
	// (session.NamedActivities), read with the save.
	named []string
}

func (s *participantScreen) View() string { return s.viewInto(&viewText{}) }

// viewInto writes the screen into b and returns it (or a string of its own).
func (s *participantScreen) viewInto(b *viewText) string {
	e, sty := s.e, s.e.sty
	w := max(e.w, 40)
	if s.gone != "" {
		return sty.Error.Render(fit(s.gone, w)) + "\n"
	}
	s.lines.frame(sty)
	// As long as the last frame, and at least what a styled 80x24 screen takes,
	// so that the frame is not copied as it grows.
	b.Grow(max(s.frameLen+256, 4096))
	ph := s.sess.Phase
	timer := headTimer(timerText(s.sess.Timer, e.now()), strings.ToUpper(string(ph)), w)
	b.WriteString(s.lines.line(lineKey{kind: lineHead, text: s.sess.Title, extra: timer, mark: string(ph), width: w}, func() string {
		right := sty.Phase.Render(strings.ToUpper(string(ph)))
		if timer != "" {
			right = timer + " " + right
		}
		left := sty.Title.Render("charter") + " " + headTitle(s.sess.Title, w, right)
		gap := max(w-lipgloss.Width(left)-lipgloss.Width(right), 1)
		return left + strings.Repeat(" ", gap) + right
	}))
	b.WriteByte('\n')
	// Two lines for what the phase asks where the screen has room for them (at
	// 40 columns it was cut); one, cut, on a shorter one.
	askLines := 1
	if e.h <= 0 || e.h >= minAskRows {
		askLines = 2
	}
	b.WriteString(s.lines.line(lineKey{kind: lineAsk, mark: string(ph), width: w, id: int64(askLines)}, func() string {
		return sty.Muted.Render(strings.Join(phaseAskLines(ph, w, askLines), "\n"))
	}))
	b.WriteByte('\n')
	b.WriteString(s.lines.line(lineKey{kind: lineRule, width: w}, func() string {
		return sty.Muted.Render(strings.Repeat("─", w))
	}))
	b.WriteByte('\n')

	// The footer first: the body gets the rows it leaves.
	footer := s.footer(w, strings.Count(b.String(), "\n"))
	s.bodyRoom = e.h - strings.Count(b.String(), "\n") - lipgloss.Height(footer)
	var body string
	switch {
	case s.reading != nil && s.mode == modeBrowse:
		body = s.readingView(w)
	case s.mode == modeRateLate:
		body = s.checkInView(w)
	case ph == session.PhaseLobby:
		body = s.lobbyView(w)
	case ph == session.PhaseCheckIn:
		body = s.checkInView(w)
	case ph.AtLeast(session.PhaseGroup):
		body = s.themesView(w)
	default:
		// Written in place: the notes are most of a frame, drawn for every key.
		s.notesView(b, w)
	}
	b.WriteString(body)

	// The footer on the screen's bottom lines (atBottom counts the lines that
	// end in a newline; lipgloss.Height counted one more and left the bottom
	// line empty, as on the board before a5758b1).
	b.footAtBottom(footer, e.h)
	s.frameLen = b.Len()
	return s.timeUp.decorate(b.String(), w, e.now(), sty)
}

// minAskRows is the fewest rows on which what the phase asks takes a second line
// when neither of its sentences fits on one (see phaseAskLines): 40x14, the
// smallest screen the views are laid out for, has the room, below the phase's
// list; a shorter one gives it to the list. The phases with a note's box, which
// needs the rows, say it in one line at 40 columns.
const minAskRows = 14

// savedNext is the status after a new note is saved, the box open for the next.
const savedNext = "Saved. Your note is stored; the box is open for your next one (esc closes it)."

// footer is the bottom of the screen, w wide, under the above rows of its head:
// status, done mark and key help.
func (s *participantScreen) footer(w, above int) string {
	e, sty := s.e, s.e.sty
	footer := ""
	keyLine := e.helpView(s.keys())
	if s.leaving {
		for _, l := range leaveQuestion(w, s.mode == modeEdit && s.input != nil && s.inputValue() != s.editFrom) {
			footer += sty.Warn.Render(l) + "\n"
		}
	} else if s.status != "" {
		said := ""
		if s.status == s.shorterOf {
			said = "has shorter" // the same words set with setStatus have not
		}
		rest := lipgloss.Height(keyLine)
		if s.me.Done {
			rest++
		}
		room := s.statusRoom(w, above+rest)
		footer += s.lines.line(lineKey{kind: lineStatus, id: int64(room), text: s.status, mark: said, width: w, sel: s.statusErr}, func() string {
			st := sty.OK
			if s.statusErr {
				st = sty.Error
			}
			return st.Render(strings.Join(s.statusLines(w, room), "\n"))
		}) + "\n"
	}
	if s.status == "" && !s.leaving && !s.lateHinted && (s.mode == modeBrowse || s.emptyBox()) && s.canRateLate() {
		// Someone who joined after the check-in has no other way to know; said
		// until their first key, in the status's place (a status would fade on a
		// timer: a thousand of them at once for a room that joined late).
		inBox := s.mode != modeBrowse
		footer += s.lines.line(lineKey{kind: lineStatus, mark: "late rating", width: w, sel: inBox}, func() string {
			gives := "c gives one"
			if inBox {
				gives = "esc, then c, gives one"
			}
			return sty.Muted.Render(strings.Join(wrap("No confidence rating from you yet: "+gives+" (the chart never shows whose).", w), "\n"))
		}) + "\n"
	}
	if s.me.Done {
		footer += s.doneLine(w) + "\n"
	}
	return footer + keyLine
}

// statusLines is the status w wide, in at most room lines: wrapped, not cut, as
// a status says what happened to what the person was doing ("… merged into …, now
// selected."); said shorter where it has a shorter way that fits (setStatusOr), and
// cut only when none does.
func (s *participantScreen) statusLines(w, room int) []string {
	status := s.status
	if status == savedNext && lipgloss.Width(status) > w {
		// On a narrow screen the box in view says the rest, and the
		// line it leaves keeps the note just saved in view.
		status = "Saved. Your note is stored."
	}
	lines := wrap(status, w)
	if s.status == s.shorterOf {
		for _, shorter := range s.shorter {
			if len(lines) <= room {
				break
			}
			lines = wrap(shorter, w)
		}
	}
	return cutLines(lines, room, w, cutJoined)
}

// savedNoteRoom is the fewest body rows that keep the note just saved in view
// while a box is open for the next: tabs, lanes, that note, the box's title and
// the box at its fewest (three rows with its frame); the other lines of the
// notes view give way before (linesToGive).
const savedNoteRoom = 1 + 1 + 1 + 1 + 3

// statusRoom is how many lines a status takes, at most three, on a screen w wide
// whose head and footer take taken rows besides: those the body's fewest leave
// (leastBody). At 40x14 a status of three lines over the box left no row for the
// notes, and one beside the done mark pushed the head off the top.
func (s *participantScreen) statusRoom(w, taken int) int {
	least := s.leastBody(w)
	if s.e.h <= 0 || least == 0 {
		return 3
	}
	return min(max(s.e.h-taken-least, 1), 3)
}

// leastBody is the fewest rows of the notes view that keep the note selected (or
// just saved) in view, w wide: with a box open savedNoteRoom; on the list the tabs,
// the lanes, that note and the question asked under it. Other views, which draw
// no note's box nor list of one's notes, have none (0).
func (s *participantScreen) leastBody(w int) int {
	ph := s.sess.Phase
	if s.reading != nil && s.mode == modeBrowse || s.mode == modeRateLate || s.mode == modePickActivity ||
		ph == session.PhaseLobby || ph == session.PhaseCheckIn || ph.AtLeast(session.PhaseGroup) {
		return 0
	}
	if s.writingInBox() {
		if len(s.laneNotes()) == 0 {
			// No note to keep in view: its row is the status's (a proposal's or a
			// topic's status was cut to a line for a row the count took).
			return savedNoteRoom - 1
		}
		return savedNoteRoom
	}
	return 1 + 1 + 1 + len(s.questionLines(w))
}

// writingInBox says a note's (or a topic's title's) box is open under the notes.
func (s *participantScreen) writingInBox() bool {
	return (s.mode == modeCompose || s.mode == modeEdit || s.mode == modeTopic) && s.input != nil
}

// doneLine is the done mark as the footer shows it, w wide. Writing in a box
// leaves the mark as it is: taken away by the note, it would tell the board the
// moment that person wrote, which the notes, shown only with another's, do not.
// The line says so, and how to take it back.
func (s *participantScreen) doneLine(w int) string {
	if !s.writingInBox() {
		return s.e.sty.OK.Render("✓ you are marked as done")
	}
	return s.lines.line(lineKey{kind: lineStatus, mark: "done, writing", width: w}, func() string {
		said := "✓ you are still marked as done: if you have more to add, esc, then x"
		if ansi.StringWidth(said) > w {
			said = "✓ marked as done; more to add? esc, x"
		}
		return s.e.sty.OK.Render(fit(said, w))
	})
}

// updatePicker chooses the activity of new notes; one typed that is not on the list
// is proposed: notes carry it, and the facilitator, who sees it only on them (in
// a batch, as any note), may add it to the session's list.
func (s *participantScreen) updatePicker(msg tea.KeyMsg) (screen, tea.Cmd) {
	p := s.picker.update(msg)
	switch {
	case p.cancelled:
		s.mode, s.picker, s.pickFor = modeBrowse, nil, 0
	case p.done:
		value, err := session.ValidText(p.value, session.MaxTopicLen, "An activity", false)
		if err != nil {
			s.setStatus(s.e.errorMessage(err), true)
			return s, nil
		}
		if s.pickFor != 0 {
			var n *session.Note
			for _, x := range s.notes {
				if x.ID == s.pickFor {
					n = x
				}
			}
			s.mode, s.picker, s.pickFor = modeBrowse, nil, 0
			if n == nil {
				s.setStatus("That note was deleted meanwhile.", true)
				return s, nil
			}
			return s, s.refile(n, value)
		}
		s.mode, s.picker, s.activity = modeBrowse, nil, value
		switch {
		case p.proposed:
			s.setStatus("Proposed: the facilitator sees it on your notes and may add it to the list.", false)
		case value == "":
			// Beside the box, at 40x14, it has one line or two.
			s.setStatusOr("No activity chosen: a note here goes under the activity it names, if it names one.",
				"No activity chosen: a note goes under the one it names.", "No activity chosen.")
		default:
			s.setStatus("New notes here are about "+value+".", false)
		}
		// Chosen to write about it: the box opens.
		s.listWanted = false
		return s, s.openIdleBox()
	}
	return s, nil
}

// The list's ways to a new note (see newKey).
var (
	// typeNote is typing on the list: any letter begins a note, n too.
	typeNote = key.NewBinding(key.WithKeys("n"), key.WithHelp("type", "new note"))
	// typeTopic is typing in the open topics while there are none: what is typed
	// is the first topic's title.
	typeTopic = key.NewBinding(key.WithKeys("t"), key.WithHelp("type", "a topic's title"))
	// keptNoteKey is n while a note left unsent is kept: n brings it back.
	keptNoteKey = key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "your unsent note"))
)

// newKey is how the list's key line offers a new note: typing, or n for the text
// kept.
func (s *participantScreen) newKey() key.Binding {
	if s.draft != "" {
		return keptNoteKey
	}
	return typeNote
}

// notDoneKey is x once the participant is marked done: it takes the mark back.
var notDoneKey = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "not done after all"))

// doneKey is x as the key line offers it: to say done, or once done to take it back.
func (s *participantScreen) doneKey() key.Binding {
	if s.me.Done {
		return notDoneKey
	}
	return pk.Done
}

func (s *participantScreen) keys() []key.Binding {
	switch {
	case s.leaving:
		return []key.Binding{key.NewBinding(key.WithKeys("y", "ctrl+c"), key.WithHelp("y/ctrl+c", "leave")), key.NewBinding(key.WithKeys("n"), key.WithHelp("any other key", "stay"))}
	case s.mode == modeConfirmDelete:
		return answerKeys("delete", "keep", s.wordKey != 0)
	case s.mode == modeMoveLane:
		digits := "1"
		for _, n := range s.notes {
			if l := len(s.otherLanes(n)); n.ID == s.editing && l > 1 {
				digits = fmt.Sprintf("1-%d", l)
			}
		}
		return []key.Binding{key.NewBinding(key.WithKeys("1"), key.WithHelp(digits, "move there")),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back"))}
	case s.asked != 0:
		return s.askedKeys()
	case s.mode == modePickActivity:
		return s.picker.keys()
	case s.mode == modeRateLate:
		return []key.Binding{pk.RateSelect, pk.RateEnter, rateChoose, pk.Cancel}
	case s.mode == modeCompose && s.input != nil && s.inputValue() == "":
		toList, closeBox := boxToList, boxClose
		if s.sess.Phase.NotesVisibleToAll() {
			toList = boxToAll
		}
		if s.me.Done {
			closeBox = boxCloseDone
		}
		return []key.Binding{pk.Lane, pk.Area, toList, closeBox}
	case s.mode == modeCompose:
		return []key.Binding{pk.Save, pk.PutAside}
	case s.mode == modeTopic && s.titleAsked != "":
		return []key.Binding{titleKeep, titleAsNote, pk.Cancel}
	case s.mode != modeBrowse:
		return []key.Binding{pk.Save, pk.Cancel}
	case s.reading != nil:
		return s.readingKeys()
	}
	switch s.sess.Phase {
	case session.PhaseLobby:
		return []key.Binding{pk.Quit}
	case session.PhaseGroup:
		if len(s.th.Themes) == 0 {
			// "No themes yet" (themeRows lists the themes shared): nothing to select
			// or read whole.
			return []key.Binding{pk.Quit}
		}
		return []key.Binding{pk.Select, vk.Open, lk.Page, pk.Quit}
	case session.PhaseVote:
		return []key.Binding{pk.Select, vk.Give, vk.Take, vk.Open, s.doneKey(), lk.Page, pk.Quit}
	case session.PhaseActions:
		var on int64
		if rows, i := s.themeRows(), s.rows.selected(); i >= 0 && i < len(rows) {
			on = rows[i].action
			// On a theme's line v is for its one action point: "v volunteer"
			// there, once volunteered, took the offer back.
			if of := s.themeActions(rows[i].theme); on == 0 && len(of) == 1 {
				on = of[0]
			}
		}
		return []key.Binding{pk.Select, s.volunteerKey(on), vk.Open, lk.Page, pk.Quit}
	case session.PhaseClosed:
		if s.hasSessionList() {
			return []key.Binding{pk.Select, vk.Open, lk.Page, backToSessions, leaveNow}
		}
		return []key.Binding{pk.Select, vk.Open, lk.Page, pk.Quit}
	case session.PhaseCheckIn:
		return []key.Binding{pk.RateSelect, pk.RateEnter, pk.Rate, pk.Quit}
	}
	ks := make([]key.Binding, 0, 12) // the most this screen shows
	noTopic := session.Areas[s.area] == session.AreaOpen && len(s.lanes()) == 0
	switch {
	case !s.sess.Phase.AcceptsNotes():
	case noTopic && s.draft == "":
		// What is typed here first is a topic's title, not a note (see the
		// screen's "Type a topic's title first"): t would say the same again.
		ks = append(ks, typeTopic)
	default:
		ks = append(ks, s.newKey())
	}
	if s.laneHasNotes() {
		ks = append(ks, pk.Read)
	}
	if s.sess.Phase.AcceptsNotes() {
		switch session.Areas[s.area] {
		case session.AreaActivities:
			ks = append(ks, pk.Activity)
		case session.AreaOpen:
			if !noTopic || s.draft != "" {
				ks = append(ks, pk.Topic)
			}
		}
	}
	ks = append(ks, pk.Area, pk.Lane, s.doneKey())
	if n := s.selected(); n != nil && n.ParticipantID == s.me.ID && s.sess.Phase.AcceptsNotes() {
		// Only on their own note: on another's (the reveal) e and d are refused,
		// and on an empty lane they begin a note (see beginsNote).
		ks = append(ks, pk.Edit, pk.Delete)
		if s.otherLanes(n) != nil {
			ks = append(ks, pk.Move)
		}
	}
	if s.canRateLate() {
		ks = append(ks, pk.RateLate)
	}
	return append(ks, pk.Select, pk.Quit)
}

func (s *participantScreen) lobbyView(w int) string {
	var b strings.Builder
	name := s.me.Pseudonym
	if s.me.Name != "" {
		name = s.me.Name
	}
	b.WriteString(fmt.Sprintf("Hello %s, you are in.\n\n", fit(name, w-20)))
	if c := s.e.rejoinCode; c != "" {
		// Wrapped, not cut: at 40 columns the line lost "way back as yourself)".
		code, why := s.e.sty.Header.Render("Your rejoin code: "+c), " (the only way back as yourself)"
		if lipgloss.Width(code+why) <= w {
			b.WriteString(code + s.e.sty.Muted.Render(why) + "\n\n")
		} else {
			b.WriteString(code + "\n" + s.e.sty.Muted.Render(strings.TrimSpace(why)) + "\n\n")
		}
	}
	// The introduction gives way to its last sentence on a short terminal, so that
	// what is above it (the rejoin code, the only way back) stays in view: at 80x14 it
	// pushed the code off the top.
	anon := "Your notes carry no name, and reach the facilitator's board only together with someone else's."
	text := wrap("This session has three parts. Confidence: how confident is your team in its own security? "+
		"Security activities: what should the program keep, add, do less of and do more of? "+
		"Motivation: what motivates you to do security work, and what gets in the way? "+
		"You can also raise your own topics. "+anon, w-2)
	room := s.bodyRoom - strings.Count(b.String(), "\n") - 2
	if s.e.h > 0 && len(text) > room {
		text = wrap(anon, w-2)
	}
	if s.e.h > 0 && len(text) > room {
		text = nil
	}
	for _, l := range text {
		b.WriteString(l + "\n")
	}
	b.WriteString("\n" + s.e.sty.Muted.Render("Waiting for the facilitator to start…") + "\n")
	return b.String()
}

func (s *participantScreen) checkInView(w int) string {
	sty := s.e.sty
	muted := func(text string) []string {
		return strings.Split(sty.Muted.Render(strings.Join(wrap(text, w), "\n")), "\n")
	}
	// The parts of the view in order, each with the rank at which it gives way
	// on a short terminal, lowest first (0: never): the question and the choice
	// stay. At 40x14 the late rating's question scrolled off the top.
	type part struct {
		lines []string
		rank  int
	}
	choices := make([]string, 0, 5)
	labels := []string{"", "not at all", "a little", "somewhat", "quite", "fully"}
	for r := 5; r >= 1; r-- {
		cursor, mine := "  ", ""
		if r == s.rateSel {
			cursor = "▸ "
		}
		if s.me.Rating == r {
			mine = "  ← your rating"
		}
		line := fit(fmt.Sprintf("%s%d  %s%s", cursor, r, labels[r], mine), w)
		if r == s.rateSel {
			line = sty.Selected.Render(line)
		}
		choices = append(choices, line)
	}
	// The question is rank questionRank: kept as the choices are (rank 0), but it
	// gives way to the line that says the chart is shown (below).
	const questionRank = 7
	parts := []part{{wrap("How confident are you in your team's security?", w), questionRank}, {[]string{""}, 1}, {choices, 0}}
	if s.me.Rating == 0 {
		how := "↑/↓ and enter, or press 1-5."
		if s.mode == modeRateLate {
			// Given late, a rating cannot be changed: 1-5 only chooses it, and
			// "or press 1-5" promised a key that rates.
			how = "↑/↓ or 1-5 to choose, then enter."
		}
		parts = append(parts, part{[]string{sty.Muted.Render(fit(how, w))}, 3})
	}
	// At the first check-in a rating given alone waits for another's, or for the
	// session to move on; its rater is told, chart or none: seeing nothing, they
	// took it for lost. In a check-in gone back to, only beside the chart (below),
	// which shows it move anyway: said without it, it would tell whether others
	// rated late (see ratedMsg).
	held := s.me.Rating != 0 && s.me.Rating != s.me.ShownRating
	const heldFirst = "Your rating is held until another person rates or the facilitator moves on, so that it never shows on its own."
	switch {
	case !s.sess.RatingsShown:
		if held && !s.sess.Furthest().AtLeast(session.PhaseWrite) {
			parts = append(parts, part{[]string{""}, 2}, part{muted(heldFirst), 4})
		}
	case s.mode == modeRateLate || s.me.Rating == 0:
		// Seen before choosing, the group's ratings pull the answer towards them.
		// A late rating is not followed by the chart either: whether it grew by
		// three would say whether others rated late (see ratedMsg).
		said := "The group's ratings show here once you have given yours."
		if s.mode == modeRateLate {
			said = "The group's ratings are left out here so that they do not sway yours."
		}
		parts = append(parts, part{[]string{""}, 2}, part{muted(said), 5})
	default:
		chart := sty.Header.Render("How the group rated") + "\n" + ratingBars(s.stats, min(w, 60), sty)
		parts = append(parts, part{[]string{""}, 2}, part{strings.Split(chart, "\n"), 6})
		if held {
			said := heldFirst
			if s.sess.Furthest().AtLeast(session.PhaseWrite) {
				// In a check-in gone back to it waits for two more, and moving
				// on shows nothing (session.MinLateRaters).
				said = "Your rating joins the chart with at least two other ratings: never alone, nor in a pair."
			}
			parts = append(parts, part{muted(said), 4})
		}
	}
	height := func() int {
		n := 0
		for _, p := range parts {
			n += len(p.lines)
		}
		return n
	}
	if room := s.bodyRoom; s.e.h > 0 {
		charted := slices.ContainsFunc(parts, func(p part) bool { return p.rank == 6 })
		for rank := 1; rank <= 6 && height() > room; rank++ {
			parts = slices.DeleteFunc(parts, func(p part) bool { return p.rank == rank })
		}
		if charted && !slices.ContainsFunc(parts, func(p part) bool { return p.rank == 6 }) {
			// The chart shown with s had no room: said in a line where one is
			// left, or a participant at 40x14 never learnt it was there.
			line := muted("The group's chart is shown: a taller window has room for it.")
			if height()+len(line) > room && s.e.h >= minAskRows {
				// The question again under the line that asks it (two lines
				// from minAskRows up) gives way to it.
				parts = slices.DeleteFunc(parts, func(p part) bool { return p.rank == questionRank })
			}
			if height()+len(line) <= room {
				parts = append(parts, part{line, 6})
			}
		}
		if over := height() - room; over > 0 {
			// All else gone, the choices around the one chosen (or given), from
			// the top if none.
			keep := max(len(choices)-over, 1)
			at := 0
			if sel := cmp.Or(s.rateSel, s.me.Rating); sel > 0 {
				at = 5 - sel
			}
			from := min(max(at-keep/2, 0), len(choices)-keep)
			parts = []part{parts[0], {choices[from : from+keep], 0}}
		}
	}
	var b strings.Builder
	for _, p := range parts {
		for _, l := range p.lines {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// laneRow is the lane titles on one line of w columns, the selected one marked
// »so«. When they do not all fit (a session's many open topics), the line scrolls
// to keep the selected one in view, with ‹ and › where more are: cut at the right
// edge, the topics past the eighth could be chosen but never seen.
func laneRow(titles []string, sel, w int, sty *Styles) string {
	if sel >= 0 && sel < len(titles) && ansi.StringWidth(titles[sel]) > w-6 {
		// A topic longer than the line is cut to leave room for its marks and
		// the ‹ › of the others (a topic may have 60 characters).
		titles = slices.Clone(titles)
		titles[sel] = fit(titles[sel], max(w-6, 4))
	}
	item := func(i int) string {
		if i == sel {
			return sty.Selected.Render("»" + titles[i] + "«")
		}
		return " " + titles[i] + " "
	}
	width := make([]int, len(titles))
	total := -1
	for i, t := range titles {
		width[i] = ansi.StringWidth(t) + 2
		total += width[i] + 1
	}
	join := func(from, to int) string {
		parts := make([]string, 0, to-from+1)
		for i := from; i <= to; i++ {
			parts = append(parts, item(i))
		}
		return strings.Join(parts, " ")
	}
	if total <= w || sel < 0 || sel >= len(titles) {
		return fit(join(0, len(titles)-1), w)
	}
	span := func(from, to int) int {
		n := -1
		for i := from; i <= to; i++ {
			n += width[i] + 1
		}
		return n
	}
	// Room for the titles once ‹ (when some are before) and › are given theirs.
	room := func(from int) int {
		if from > 0 {
			return w - 4
		}
		return w - 2
	}
	start := 0
	for start < sel && span(start, sel) > room(start) {
		start++
	}
	end := sel
	for end+1 < len(titles) && span(start, end+1) <= room(start) {
		end++
	}
	line := join(start, end)
	if start > 0 {
		line = "‹ " + line
	}
	if end < len(titles)-1 {
		line += " ›"
	}
	return fit(line, w)
}

func (s *participantScreen) notesView(b *viewText, w int) {
	e, sty := s.e, s.e.sty
	// The rows the notes take are counted from here: what View wrote before is
	// not this body's.
	start := b.Len()
	b.WriteString(s.lines.line(lineKey{kind: lineTabs, id: int64(s.area), width: w}, func() string {
		var tabs []string
		for i, a := range session.Areas {
			if i == s.area {
				tabs = append(tabs, sty.ActiveTab.Render("["+a.Title()+"]"))
			} else {
				tabs = append(tabs, sty.Tab.Render(a.Title()))
			}
		}
		// On a narrow terminal the areas before the one shown give way, so that
		// it stays in sight (at 40 columns "Open topics" never showed).
		first, lead := 0, ""
		for first < s.area && lipgloss.Width(strings.Join(tabs[first:s.area+1], "")) > w-2 {
			first, lead = first+1, "‹ "
		}
		return fit(lead+strings.Join(tabs[first:], ""), w)
	}))
	b.WriteByte('\n')
	lanes := s.lanes()
	area := session.Areas[s.area]
	lk := lineKey{kind: lineLanes, id: int64(s.lane), mark: string(area), width: w}
	if area == session.AreaOpen {
		lk.text = strings.Join(lanes, "\x00") // the topics raised so far
	}
	b.WriteString(s.lines.line(lk, func() string {
		if len(lanes) == 0 {
			return sty.Muted.Render("no topics yet")
		}
		titles := make([]string, len(lanes))
		for i, l := range lanes {
			titles[i] = session.LaneTitle(l)
		}
		return laneRow(titles, s.lane, w, sty)
	}))
	b.WriteByte('\n')
	boxOpen := (s.mode == modeCompose || s.mode == modeEdit) && s.input != nil && e.h > 0
	question := s.questionLines(w)
	listGive := s.listLinesToGive(len(question))
	if area == session.AreaActivities && s.mode != modePickActivity && !(boxOpen && s.bodyRoom < activityLineRoom) && listGive < 2 {
		// The selected note's activity is in its line; this one is for new notes.
		// On a short screen with the box open it gives way (the box's title says
		// the same): at 40x14 a status of three lines pushed the title bar off.
		b.WriteString(s.lines.line(lineKey{kind: lineActivity, text: s.activity, width: w, sel: s.mode == modeCompose}, func() string {
			change := " (a to change)"
			if s.mode == modeCompose {
				change = " (esc, a to change)"
			}
			if s.activity == "" {
				// What the box's title says too ("no activity chosen"), and what
				// becomes of such a note (session.FiledActivity).
				choose := " (a to choose)"
				if s.mode == modeCompose {
					choose = " (esc, a to choose)"
				}
				// Narrow, the rule gives way to the key: the status says where a
				// note went.
				return sty.Muted.Render(either("no activity chosen: a note goes under the one it names"+choose, "no activity chosen"+choose, w))
			}
			return sty.Muted.Render(fit("new notes are about: "+s.activity+change, w))
		}))
		b.WriteByte('\n')
	}
	ns := s.laneNotes()
	inputLines := 0
	var dropped []string
	if s.mode == modeCompose || s.mode == modeEdit || s.mode == modeTopic {
		inputLines = 7
		if s.input != nil && s.input.dropped() > 0 {
			// The box holds four notes' worth: what a paste brought beyond that
			// is gone, and the person should know before shortening the rest.
			dropped = wrap(fmt.Sprintf("The last %d characters pasted were left out: the box holds %d.", s.input.dropped(), s.input.in.limit), w)
			inputLines += len(dropped)
		}
	}
	give := s.linesToGive(strings.Count(b.String()[start:], "\n")+len(dropped), len(ns))
	if give < 1 && listGive < 1 {
		b.WriteString("\n")
	}
	if s.mode == modePickActivity {
		ask := "What are your new notes about? Pick an activity, or type one to propose it."
		if s.pickFor != 0 {
			ask = "What is your note about? Pick an activity, or type one to propose it."
		}
		for _, l := range wrap(ask, w) {
			b.WriteString(sty.Header.Render(l))
			b.WriteByte('\n')
		}
		// The rows the header and footer leave (bodyRoom): guessed from the
		// height, the picker pushed the title bar off a 40x14 screen.
		b.WriteString(s.picker.view(w, max(s.bodyRoom-strings.Count(b.String()[start:], "\n"), 3), sty))
		return
	}

	room := max(e.h-lipgloss.Height(b.String()[start:])-6-inputLines, 3)
	sayMore := true
	if inputLines == 0 && e.h > 0 {
		// The list takes at most the rows the head, the footer and the question
		// leave (bodyRoom), and where there are rows to spare no more than it
		// took before: guessed from the height alone, a status and the done mark
		// pushed the title bar off the top at 40x14 and at 80x24.
		rows := s.bodyRoom - strings.Count(b.String()[start:], "\n") - len(question)
		room = min(room, rows)
		if len(ns) > room && room == rows {
			if room <= 1 {
				// One row: the note selected, not the line that says there
				// are more (the key line says ↑/↓ goes through them).
				sayMore = false
			} else {
				room-- // the line that says how many notes there are
			}
		}
	}
	if inputLines > 0 && s.input != nil && e.h > 0 {
		// A short terminal: the box gives up lines (down to one, which scrolls)
		// before the notes above it go, and the notes go before the header
		// would be pushed off the top (at 80x14 it was). Under the notes: a
		// blank line, the box's title and the count, but for those given up.
		avail := s.bodyRoom - strings.Count(b.String()[start:], "\n") - 3 + max(give-1, 0) - len(dropped)
		if h := min(max(avail-2-min(len(ns), 2), 1), 3); h != s.input.Height() {
			s.input.SetHeight(h)
			s.box = ""
		}
		room = avail - (s.input.Height() + 2)
		if len(ns) > room {
			if room == 1 {
				// One row: the note selected (the one just saved), not the line
				// that says there are more, which left that note off the screen;
				// the key line says ↑/↓ goes through them.
				sayMore = false
			} else {
				room-- // the line that says how many notes there are
			}
		}
	}
	noNotes := len(ns) == 0
	if noNotes && (inputLines > 0 && room < len(wrap(noNotesYet, w)) || room < 1) {
		noNotes = false // no room for the sentence (while a note is written)
	}
	if noNotes {
		// Typing writes one with the box closed for the list's keys too: the keys
		// a word may begin with ask first (askFirst) or take it as a word.
		text := noNotesYet
		if s.sess.Phase.NotesVisibleToAll() {
			text = "No notes here yet. Type to write one."
		}
		if s.currentLane() == "" {
			// Open topics before any: what is typed first is a topic's title, and
			// "Type to write one" had a note typed into the title's box.
			text = "No topics yet. Type a topic's title first (a few words), enter, then your notes on it."
		}
		b.WriteString(s.lines.line(lineKey{kind: lineNoNotes, id: int64(room), text: text, width: w}, func() string {
			// Wrapped, not cut: on a narrow terminal the promise is read whole,
			// but for a screen that has no rows for it (a status, the done mark
			// and the late rating's offer beside it).
			lines := wrap(text, w)
			if e.h > 0 {
				lines = cutLines(lines, room, w, cutJoined)
			}
			return sty.Muted.Render(strings.Join(lines, "\n"))
		}))
		b.WriteByte('\n')
	}
	s.rows.setLen(len(ns))
	s.rows.setPage(max(room, 1))
	start, end := s.rows.window(max(room, 0), 0)
	if room <= 0 {
		end = start // no row for the notes while the box is open
	}
	for i := start; i < end; i++ {
		b.WriteString(s.noteLine(ns[i], w, i == s.rows.selected()))
		b.WriteByte('\n')
	}
	if n := len(ns); n > room && sayMore && (inputLines == 0 || room >= 0) {
		b.WriteString(s.lines.line(lineKey{kind: lineMore, id: int64(n), width: w}, func() string {
			return sty.Muted.Render(fmt.Sprintf("  … %d notes, ↑/↓ pgup/pgdn to scroll", n))
		}))
		b.WriteByte('\n')
	}
	if inputLines > 0 {
		title := "New note in " + session.LaneTitle(s.currentLane())
		if session.Areas[s.area] == session.AreaActivities {
			// The activity sticks from note to note, and a lane begins at none: say
			// it where the note is written (in a new lane, notes meant for the
			// activity chosen in the lane before were saved about none).
			if s.activity != "" {
				title += " · about " + s.activity
			} else {
				title += " · no activity chosen (esc, a)"
			}
		}
		switch s.mode {
		case modeEdit:
			title = "Edit your note"
		case modeTopic:
			title = either("Title of your topic (a few words; your notes go under it)", "Title of your topic (a few words)", w)
			if s.topicNote != "" {
				title = either("Title of the topic your note goes under (a few words)", "Title of your note's topic", w)
			}
		}
		if give < 2 {
			b.WriteByte('\n')
		}
		b.WriteString(s.lines.line(lineKey{kind: lineBoxTitle, text: title, width: w}, func() string {
			return sty.Header.Render(fit(title, w))
		}))
		b.WriteByte('\n')
		b.WriteString(s.boxView(w))
		b.WriteByte('\n')
		limit := session.MaxNoteLen
		if s.mode == modeTopic {
			limit = session.MaxTopicLen
		}
		// Counted as the service counts: after cleaning (runs of spaces are one);
		// the text changes only with a key the box takes.
		if s.boxN < 0 {
			s.boxN = utf8.RuneCountInString(session.CleanText(s.inputValue()))
		}
		n := s.boxN
		if give < 3 {
			b.WriteString(s.lines.line(lineKey{kind: lineBoxCount, id: int64(n), extra: strconv.Itoa(limit), width: w}, func() string {
				count := fmt.Sprintf("%d/%d characters", n, limit)
				if n > limit {
					said := count + " — too long, please shorten"
					if lipgloss.Width(said) > w {
						// At 40 columns it was cut to "… please sh": the only
						// word that a pasted note is too long.
						said = fmt.Sprintf("%d/%d — too long, please shorten", n, limit)
					}
					return sty.Error.Render(said)
				}
				return sty.Muted.Render(count)
			}))
			b.WriteByte('\n')
		}
		for _, l := range dropped {
			b.WriteString(sty.Error.Render(l))
			b.WriteByte('\n')
		}
	}
	for _, l := range question {
		b.WriteString(sty.Warn.Render(l))
		b.WriteByte('\n')
	}
}

// questionLines is the question asked under the notes (askFirst's, or whether to
// delete a note), wrapped to w: not cut, the keys are at its end.
func (s *participantScreen) questionLines(w int) []string {
	if q := s.askedQuestion(); q != "" {
		return wrap(q, w)
	}
	if s.mode == modeMoveLane {
		return wrap(s.laneQuestion(), w)
	}
	if s.mode != modeConfirmDelete {
		return nil
	}
	text := "the selected note"
	for _, n := range s.notes {
		if n.ID == s.editing {
			text = quoteStart(n.Text)
		}
	}
	q := "Delete " + text + "? enter = delete, esc = keep"
	if s.wordKey != 0 {
		// Typed on the list, where a letter next begins a word (see wordAfterKey).
		q += " (a letter begins a new note)"
	}
	return wrap(q, w)
}

// activityLineRoom is the fewest body rows that keep the line of what new notes
// are about while a box is open: tabs, lanes, that line, the note just saved, the
// box's title and the box at its fewest (three rows with its frame).
const activityLineRoom = 1 + 1 + 1 + 1 + 1 + 3

// linesToGive is how many of the lines of the notes view that can go do go, on a
// screen too short for the rest: the blank line under the lanes (1), the one over
// the box's title (2) and the count of characters (3), while far from the limit.
// Those lines go before the box would push the head off the top (at 40x14 two of
// its three lines went) and before the note just saved left the screen: the box
// gives up its lines first (at its fewest it is one), then these, then the notes.
// taken is the rows the view takes besides (the lines over them and any under the
// box); notes is how many notes the lane has.
func (s *participantScreen) linesToGive(taken, notes int) int {
	if !s.writingInBox() || s.e.h <= 0 {
		return 0
	}
	// The box at its fewest: blank lines, title, a line in its frame, count.
	least := 1 + 1 + 1 + 3 + 1
	// A note (the one just saved) and, with more, the line that says so.
	short := taken + least + min(notes, 2) - s.bodyRoom
	limit := session.MaxNoteLen
	if s.mode == modeTopic {
		limit = session.MaxTopicLen
	}
	if n := utf8.RuneCountInString(session.CleanText(s.inputValue())); n >= limit*9/10 {
		// Near the limit, or over it, the count is what the writer needs.
		return min(max(short, 0), 2)
	}
	return min(max(short, 0), 3)
}

// listLinesToGive is how many of the lines over the list that can go do go, on a
// screen too short for the note selected under them: the blank line under the
// lanes (1), then the line of what new notes are about (2). question is how many
// lines the question under the notes takes. At 40x14 a status and the done mark
// left the list no row, and the notes pushed the title bar off the top.
func (s *participantScreen) listLinesToGive(question int) int {
	if s.e.h <= 0 || s.mode == modePickActivity || s.writingInBox() {
		return 0
	}
	// Tabs, lanes, the line of the activity, the blank line, the note selected.
	short := 1 + 1 + 1 + 1 + question + 1 - s.bodyRoom
	if session.Areas[s.area] != session.AreaActivities {
		short--
	}
	return min(max(short, 0), 2)
}

// The keys of the question a long topic's title is asked (see maxTitleWords).
var (
	titleKeep   = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep as title"))
	titleAsNote = key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "make it a note"))
)

// maxTitleWords is the most words a topic's title has before enter asks whether it
// is a note: titles name a subject ("Patch management", "Security champions in
// every team"); a longer text is most often a sentence, a note.
const maxTitleWords = 6

// noNotesYet is what an empty lane says while notes are private: typing there
// begins a note (see beginsNote).
const noNotesYet = "You have no notes here yet. Type to write one. Only you can see your notes until the reveal."

// noteLine is note n as one line of the notes view, w wide, from the cache when a
// recent drawing had it.
func (s *participantScreen) noteLine(n *session.Note, w int, selected bool) string {
	mark := ""
	switch {
	case n.Hidden && n.ParticipantID == s.me.ID:
		mark = " (hidden by the facilitator)"
	case n.ParticipantID == s.me.ID && s.sess.Phase.NotesVisibleToAll():
		mark = " (yours)"
	}
	k := lineKey{kind: lineNote, id: n.ID, text: n.Text, extra: n.Activity, mark: mark, width: w, sel: selected}
	return s.lines.line(k, func() string {
		prefix := "  "
		if selected {
			prefix = "▸ "
		}
		text := n.Text
		if n.Activity != "" {
			text = "[" + n.Activity + "] " + text
		}
		line := fit(prefix+text, w-lipgloss.Width(mark)) + mark
		if selected {
			line = s.e.sty.Selected.Render(line)
		}
		return line
	})
}

func (s *participantScreen) timerRunning() bool { return s.sess.Timer.Running }

// quietOnChange implements quietOnChange: a change only starts a load (reloadFrom).
func (s *participantScreen) quietOnChange() {}

// timerCounting is a timer running with time left (one at zero counts no more).
func (s *participantScreen) timerCounting() bool {
	return s.sess.Timer.Running && s.sess.Timer.Remaining(s.e.now()) > 0
}

// pasteBeginsNote reports whether a paste now would begin a note: on the list of
// notes, nothing else open, while notes are taken (see beginsNote).
func (s *participantScreen) pasteBeginsNote() bool {
	return s.mode == modeBrowse && s.reading == nil && !s.leaving && s.sess != nil && s.sess.Phase.AcceptsNotes()
}

func (s *participantScreen) typing() bool {
	return s.mode == modeCompose || s.mode == modeEdit || s.mode == modeTopic || s.mode == modeVolunteerName
}
