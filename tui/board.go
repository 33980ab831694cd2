package tui

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/charter-tool/charter/session"
)

// Tabs of the live board.
const (
	tabNotes = iota
	tabPeople
	tabCheckIn
	tabThemes
	tabCount
)

var tabNames = []string{"Notes", "People", "Check-in", "Themes"}

// boardScreen is the facilitator's live board of one session.
type boardScreen struct {
	// lines are the rows of the notes view drawn lately (lineCache).
	lines  lineCache
	e      *env
	sess   *session.Session
	people []*session.Participant
	// active and joined are activePeople and joinedPeople, made once a reload.
	active, joined []*session.Participant
	notes          []*session.Note
	// listed are the notes in the notes view's order (see listNotes), made
	// when the notes are loaded: the view, its search and its selection read it.
	listed []*session.Note
	// written is how many notes each person wrote, by participant ID, as shown.
	written map[int64]int
	// stats are the ratings as shown, and rated how many people taking part gave
	// them: never whose they are (see session.MinBatchRaters).
	stats session.RatingStats
	rated int
	// held counts the ratings given that no screen shows yet: held.First people
	// rated beyond rated. Counts, never whose.
	held session.HeldRatings
	// online and left say who is connected now, and when those who were left.
	online map[int64]bool
	left   map[int64]time.Time

	tab int
	// tabs are the board's tabs, in the order of tabNames.
	tabs [tabCount]boardTab
	// ask is the board's one-line prompt, open while it asks for something.
	ask boardAsk
	// reading is a note shown whole (enter on a note); nil when none is.
	reading *noteReader
	// fullHelp shows every key of the current view instead of the view.
	fullHelp keyList
	// confirmDelete runs a deletion (or another step that is hard to undo) once the
	// facilitator confirms it with y; confirmNo is said otherwise (default: nothing
	// was deleted).
	confirmDelete func() tea.Cmd
	// escArmed is when an esc that had nothing else to close was pressed: a
	// second esc right after it (the next key, while its status shows) leaves
	// the board. One slip of esc (after closing the key list, say) does not throw
	// the facilitator out of the session's board.
	escArmed  time.Time
	confirmNo string
	// leaving is the question ctrl+c asks on the board before it closes the
	// connection: the next key answers it (y or ctrl+c leaves).
	leaving bool
	// arrived says that, while people write, newer notes came in at the top of
	// the notes view and took its selected top row since the facilitator's last
	// key; arrivedBefore, that the key being handled came after such a change.
	// h or L then asks first, naming the note: the note they saw selected is no
	// longer the one selected.
	arrived, arrivedBefore bool
	themes                 themeBoard
	// acts is the list of the session's activities while it is open (a).
	acts      *activityEditor
	status    string
	statusErr bool
	fade      fading

	loading, loaded bool
	// pace spaces the reads of released notes (loading is set while one waits,
	// so that changes only add up).
	pace readPace
	// kept is an answer a board of this session was typing into a prompt when its
	// connection closed: the prompt's key on its theme or action point opens it
	// again (takeKept).
	kept *BoardDraft
	// keptSaid is the line that said kept is kept, which a line saying it is
	// dropped replaces rather than follows.
	keptSaid string
	// view is the last view loaded, which a release of notes brings up to date.
	view *session.BoardView
	// moving counts phase moves not saved yet; lastMove is closed when the last
	// one is done.
	moving   int
	lastMove chan struct{}
	// lastThemes queues changes of the themes made here and their undos, so that
	// each reads, changes and reads again the themes alone (see doThemes).
	lastThemes chan struct{}
	// leftTopics are the open topics L moved a note out of here: a topic lives in
	// its notes, and once its only note was moved out L offered it no more.
	leftTopics []string
	// savingActs counts activity lists not saved yet; lastActs is closed when the
	// last one is saved.
	savingActs int
	lastActs   chan struct{}
	// timerEdits counts the timer changes made here; a load begun before the last
	// one keeps the timer as shown.
	timerEdits int
	// timerSaving counts the timer changes made here not saved yet: a load that
	// reads the store meanwhile has the timer as it was (the header flickered
	// back to "paused" after space).
	timerSaving int
	// actionEdits counts the action points changed here, savingActions those not
	// saved yet: a load begun before a change, or read before it was saved, has
	// the action point as it was, and the next key (p again) must build on the
	// change, not on what the load read.
	actionEdits, savingActions int
	// themeEdits counts the changes of the themes made here and saved (their
	// replies come after the commit): a load begun before one may show the themes
	// as they were, and is read again.
	themeEdits int
	// lastActionSave is closed when the last action point save ends.
	lastActionSave chan struct{}
	// pending are the kinds of change not loaded yet.
	pending session.Change
}

var bk = struct {
	Phase, Next, Prev, Tab, Activities, Read, Timer, StartPause, Extend, ClearTimer, Hide, Refile, Remove, LetIn, ShowRatings, Export, Back, Help key.Binding
}{
	Phase:       key.NewBinding(key.WithKeys("[", "]"), key.WithHelp("[/]", "phase")),
	Next:        key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next phase")),
	Prev:        key.NewBinding(key.WithKeys("["), key.WithHelp("[", "prev phase")),
	Tab:         key.NewBinding(key.WithKeys("tab", "1", "2", "3", "4"), key.WithHelp("1-4", "view")),
	Activities:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "activities")),
	Read:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read note")),
	Timer:       key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "timer")),
	StartPause:  key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "run/pause")),
	Extend:      key.NewBinding(key.WithKeys("+"), key.WithHelp("+", "+1 min")),
	ClearTimer:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "clear")),
	Hide:        key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "hide/show note")),
	Refile:      key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "move note to a lane")),
	Remove:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "remove person")),
	LetIn:       key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "let address in")),
	ShowRatings: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "show/hide ratings")),
	Export:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "export")),
	Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
}

func newBoard(e *env, sess *session.Session) *boardScreen {
	in := newTextInput(e.sty)
	in.CharLimit = 200
	b := &boardScreen{e: e, sess: sess, ask: boardAsk{in: in}}
	b.tabs = [tabCount]boardTab{newNotesTab(b), newPeopleTab(b), &checkInTab{b}, newThemesTab(b)}
	// The view of the phase, as moving into it gives (see movePhase).
	switch {
	case sess.Phase == session.PhaseCheckIn:
		b.tab = tabCheckIn
	case sess.Phase.AtLeast(session.PhaseGroup):
		b.tab = tabThemes
	}
	return b
}

// boardTab is one tab of the board: the keys the board leaves to it, its view and
// its key help. Tabs read and change the board they belong to.
type boardTab interface {
	update(msg tea.KeyMsg) tea.Cmd
	view(w, room int) string
	keys() []key.Binding
	// rows is the tab's list, or nil for a tab without one.
	rows() *list
	// sync brings the tab, while it is the one shown, up to date with what a
	// message changed (its rows, the page its list scrolls by), so that view only
	// draws.
	sync()
}

func (s *boardScreen) Init() tea.Cmd {
	if d, ok := s.e.opt.Conn.TakeBoardDraft(s.sess.ID); ok {
		// Kept on this connection in turn, should it drop too before it is
		// taken.
		s.kept = &d
		s.e.opt.Conn.KeepBoardDraft(s.sess.ID, d)
	}
	s.e.watch(s.sess.ID, session.ChangeSession|session.ChangeNotes|session.ChangeReleased|session.ChangePeople|session.ChangeThemes)
	s.loading = true
	return s.load()
}

// loadDirty loads the board again when changes are pending. New notes come in
// batches (session.ChangeReleased) with the counts that go with them, never one by
// one as they are saved.
func (s *boardScreen) loadDirty() tea.Cmd { return s.loadPending(false) }

// loadPending is loadDirty; due says the wait for a read of released notes is
// over (readPace).
func (s *boardScreen) loadPending(due bool) tea.Cmd {
	if s.pending == 0 {
		return nil
	}
	released := s.pending == session.ChangeReleased && s.view != nil
	if released {
		if cmd, wait := s.pace.next(s.e.opt.Conn, s.e.now(), due); wait {
			s.loading = true
			return cmd
		}
	}
	s.pending = 0
	s.loading = true
	if released {
		// Only notes were released since the last load: read just those.
		return s.loadReleased(s.view)
	}
	return s.load()
}

// movePhase moves the session to phase to, and the board to the view of that phase.
func (s *boardScreen) movePhase(to session.Phase) tea.Cmd {
	switch {
	case to == session.PhaseCheckIn:
		s.tab = tabCheckIn
	case to.AtLeast(session.PhaseGroup):
		s.tab = tabThemes
	case s.tab == tabCheckIn || s.tab == tabThemes:
		s.tab = tabNotes
	}
	// A search is about the rows of the phase it was made in: kept, its keys
	// stayed on the help line with no match in view, and the first esc of the
	// new phase ended it without a word.
	for _, t := range s.tabs {
		if l := t.rows(); l != nil {
			l.endSearch()
		}
	}
	// The themes tab shows other rows in every phase from the group phase on.
	s.tabs[tabThemes].rows().selectRow(0)
	s.tabs[tabThemes].(*themesTab).followAction = 0
	s.tabs[tabThemes].(*themesTab).top = true
	// Step from the phase just asked for, so that quick presses of ] add up.
	moved := *s.sess
	moved.Phase = to
	s.sess = &moved
	s.listed = s.listNotes() // their order changes at the reveal
	id, planned := s.sess.ID, s.sess.Date
	said := "Moved to " + string(to) + "."
	for _, p := range s.activePeople() {
		if p.Done {
			said += " Done marks start afresh in this phase."
			break
		}
	}
	if s.sess.Timer.Active() {
		said += " The timer was for the last phase and is cleared; t sets one for this phase."
	}
	if to == session.PhaseVote && s.sess.Furthest().AtLeast(session.PhaseActions) {
		// Said whether or not anyone changes a dot: the totals never tell one
		// person's change (see session.MinBatchVoters).
		said += " The totals will change only once at least two people have changed their dots."
	}
	svc := s.e.opt.Service
	s.moving++
	// Moves are saved in the order they were made: quick presses of ] run one
	// after the other, never the later one first.
	wait, done := inTurn(&s.lastMove)
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		defer done()
		if err := wait(ctx); err != nil {
			return phaseMovedMsg{said, err}
		}
		sess, err := svc.SetPhase(ctx, id, to)
		if err == nil && sess.Date != planned {
			// Begun before the day it was planned for, or planned with no day (see
			// session.Service.SetPhase).
			if planned == "" {
				said += " Dated today, the day it began."
			} else {
				said += " Dated today (was planned for " + planned + ")."
			}
		}
		return phaseMovedMsg{said, err}
	})
}

// inTurn queues a save behind the one last holds, for saves that must land in
// the order they were made (each writes whole what it saves, and an older one
// landing last would undo a newer). The save's command calls wait before it
// writes and done when it ends, whatever happened.
func inTurn(last *chan struct{}) (wait func(context.Context) error, done func()) {
	prev, ch := *last, make(chan struct{})
	*last = ch
	wait = func(ctx context.Context) error {
		if prev == nil {
			return nil
		}
		select {
		case <-prev:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return wait, func() { close(ch) }
}

// phaseMovedMsg says that a phase move was saved (err nil) or refused.
type phaseMovedMsg struct {
	status string
	err    error
}

// setTimer shows the timer as just asked for, so that the next key (space right after
// setting it) acts on it before the board is loaded again.
func (s *boardScreen) setTimer(t session.Timer) {
	s.timerEdits++
	changed := *s.sess
	changed.Timer = t
	s.sess = &changed
}

// boardReader is what the board reads: the whole board in one snapshot, or what a
// release of notes added to it.
type boardReader interface {
	BoardView(ctx context.Context, sessionID string) (*session.BoardView, error)
	BoardViewAfterRelease(ctx context.Context, v *session.BoardView) (*session.BoardView, error)
}

// boardStateMsg is the board as stored at one moment, and who is connected.
type boardStateMsg struct {
	*session.BoardView
	// base is the board's session when the load began, and timerEdits the
	// board's count of timer changes then.
	base       *session.Session
	timerEdits int
	// timerSaving is the board's count of timer changes not saved when it began.
	timerSaving int
	// actionEdits is the board's count of action point changes when it began,
	// savingActions of those not saved then.
	actionEdits, savingActions int
	// themeEdits is the board's count of changes of the themes made here and
	// saved, when it began.
	themeEdits int
	online     map[int64]bool
	left       map[int64]time.Time
}

func (s *boardScreen) load() tea.Cmd {
	var svc boardReader = s.e.opt.Service
	id, conn, base, edits, acts, saving, timing := s.sess.ID, s.e.opt.Conn, s.sess, s.timerEdits, s.actionEdits, s.savingActions, s.timerSaving
	themes := s.themeEdits
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		// Read before the people, so that someone who joins meanwhile shows as
		// connected with the next load rather than as never connected.
		online, left := conn.Presence(id)
		v, err := svc.BoardView(ctx, id)
		if err != nil {
			return loadFailedMsg{err}
		}
		return boardStateMsg{BoardView: v, base: base, timerEdits: edits, timerSaving: timing, actionEdits: acts, savingActions: saving,
			themeEdits: themes, online: online, left: left}
	})
}

// loadReleased brings v up to date with the notes released since it was loaded.
func (s *boardScreen) loadReleased(v *session.BoardView) tea.Cmd {
	var svc boardReader = s.e.opt.Service
	id, conn, base, edits, acts, saving, timing := s.sess.ID, s.e.opt.Conn, s.sess, s.timerEdits, s.actionEdits, s.savingActions, s.timerSaving
	themes := s.themeEdits
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		online, left := conn.Presence(id)
		nv, err := svc.BoardViewAfterRelease(ctx, v)
		if err != nil {
			return loadFailedMsg{err}
		}
		return boardStateMsg{BoardView: nv, base: base, timerEdits: edits, timerSaving: timing, actionEdits: acts, savingActions: saving,
			themeEdits: themes, online: online, left: left}
	})
}

func (s *boardScreen) setStatus(msg string, isErr bool) { s.status, s.statusErr = msg, isErr }

type boardDoneMsg struct{ status string }

// loadFailedMsg is a failed read of the board's view.
type loadFailedMsg struct{ err error }

// doTimer is do for a change of the timer shown already (setTimer): until it is
// saved, loads keep the timer the board shows.
func (s *boardScreen) doTimer(status string, f func(ctx context.Context, svc *session.Service) error) tea.Cmd {
	s.timerSaving++
	svc := s.e.opt.Service
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		return timerSavedMsg{status, f(ctx, svc)}
	})
}

// timerSavedMsg says a timer change was saved (err nil) or refused.
type timerSavedMsg struct {
	status string
	err    error
}

func (s *boardScreen) do(status string, f func(ctx context.Context, svc *session.Service) error) tea.Cmd {
	svc := s.e.opt.Service
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		if err := f(ctx, svc); err != nil {
			return errMsg{err}
		}
		return boardDoneMsg{status}
	})
}

func (s *boardScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	sc, cmd := fadeStatus(s.e.opt.Conn, &s.fade, &s.status, &s.statusErr, msg, s.update)
	s.tabs[s.tab].sync()
	switch msg.(type) {
	case tea.KeyMsg, suggestionsMsg:
		// A run that kept the edits placed new notes in them: kept so too.
		s.keepPreview()
	}
	if sc == nil {
		return s, cmd
	}
	return sc, cmd
}

func (s *boardScreen) update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case boardStateMsg:
		s.loading = false
		if msg.themeEdits != s.themeEdits {
			// Begun before a change of the themes made here was saved, it may
			// show them as they were (an undo's themes back after it said
			// "Undone"): read again.
			s.pending |= session.ChangeThemes
			return s, s.loadDirty()
		}
		if s.moving > 0 || msg.base != s.sess {
			// A phase move made here is not saved yet or came after this load began:
			// the load may predate it. Keep the move; saving it loads again.
			msg.Session.Phase = s.sess.Phase
		}
		if s.savingActs > 0 || msg.base != s.sess {
			// Likewise the activity list edited here: the next key edits it.
			msg.Session.Activities = s.sess.Activities
		}
		if msg.timerEdits != s.timerEdits || msg.timerSaving > 0 || s.timerSaving > 0 {
			// And the timer changed here after this load began (set, then started
			// with space): the load has it as it was. Saving it loads again.
			msg.Session.Timer = s.sess.Timer
		}
		if s.savingActions > 0 || msg.actionEdits != s.actionEdits || msg.savingActions > 0 {
			// Action points changed here after this load began, or not saved yet:
			// keep them as shown. Saving them loads again.
			msg.BoardView = withActions(msg.BoardView, s.themes.actions)
		}
		// The notes view's selection stays on its note, wherever the new notes
		// (or a note moved to another lane) put it in the list; but the top row
		// while people write, the newest note, stays the top row: it follows
		// the notes as they arrive.
		var keep, top int64
		if n := s.tabs[tabNotes].(*notesTab).selected(); n != nil {
			if s.tabs[tabNotes].rows().selected() > 0 || s.sess.Phase.AtLeast(session.PhaseReveal) {
				keep = n.ID
			} else {
				top = n.ID
			}
		}
		s.sess, s.people, s.notes, s.written = msg.Session, msg.People, msg.Notes, msg.Written
		s.active, s.joined = nil, nil
		s.listed = s.listNotes()
		if i := slices.IndexFunc(s.listed, func(n *session.Note) bool { return n.ID == keep }); keep != 0 && i >= 0 {
			l := s.tabs[tabNotes].rows()
			l.setLen(len(s.listed))
			l.selectRow(i)
		}
		if n := s.tabs[tabNotes].(*notesTab).selected(); top != 0 && n != nil && n.ID != top {
			s.arrived = true
		}
		s.view = msg.BoardView
		s.online, s.left = msg.online, msg.left
		s.themes.set(msg)
		var cmd tea.Cmd
		if s.sess.Phase == session.PhaseGroup && (len(s.themes.themes) == 0 || s.themes.placing) {
			// Clustered again only when what it clusters changed: a reload for
			// someone joining threw away the names, merges and picks made in the
			// preview.
			if key := s.suggestKey(); key != s.themes.sugKey || s.themes.suggestions == nil && !s.themes.suggesting {
				if !s.restorePreview(key) {
					cmd = s.suggest()
				}
			}
		}
		s.stats, s.rated, s.held = session.Summarize(msg.Ratings), msg.Rated, msg.Held
		s.loaded = true
		s.tabs[tabThemes].(*themesTab).loaded()
		if s.kept != nil {
			s.sayKept()
		}
		if s.acts != nil {
			s.acts.saved(s.sess.Activities, s.notes)
		}
		return s, tea.Batch(cmd, s.loadDirty())
	case suggestFailedMsg:
		s.themes.suggesting, s.themes.resuggest, s.themes.acceptWhenReady = false, false, false
		s.setStatus("Clustering failed: "+s.e.errorMessage(msg.err)+" Press g to try again.", true)
		return s, nil
	case suggestionsMsg:
		s.themes.suggesting = false
		if msg.gen != s.themes.sugGen {
			// The preview was edited here (or its edits dropped with g) while
			// this ran: it is of a preview no longer shown. Run again on the one
			// shown, while there is one to show.
			s.themes.resuggest = false
			if s.sess.Phase == session.PhaseGroup && (len(s.themes.themes) == 0 || s.themes.placing) {
				return s, s.suggest()
			}
			return s, nil
		}
		said := ""
		tab := s.tabs[tabThemes].(*themesTab)
		at := tab.current()
		if msg.kept != nil {
			said = s.themes.keepSuggestions(msg.kept, msg.themes)
		} else if s.themes.setSuggestions(msg.themes) {
			// Only a merge begun (m) was there to drop: the hand edits would
			// have kept the suggestions.
			s.setStatus("New notes changed the suggestions; the merge begun (m) was dropped.", false)
		}
		// The selected note stays selected wherever the suggestions put it: after
		// L it went to another suggestion, and the selection stayed on the row,
		// on another note.
		tab.keepAt(at)
		if said != "" && !s.themes.placing {
			s.setStatus(said, false)
		}
		if s.themes.resuggest {
			s.themes.resuggest = false
			return s, s.suggest()
		}
		if s.kept != nil && s.loaded {
			// A suggested theme's name kept from a dropped board is for one of these.
			s.sayKept()
		}
		if s.themes.placing {
			if s.themes.acceptWhenReady {
				return s, s.acceptPlacements()
			}
			s.placed()
			if said != "" && s.themes.placing {
				// Said first: the count of notes alone hid that the picks and
				// names made there stay.
				s.setStatus(said+" "+s.status, false)
			}
		} else if s.themes.acceptWhenReady {
			s.themes.acceptWhenReady = false
			switch {
			case s.sess.Phase != session.PhaseGroup || len(s.themes.themes) > 0:
				s.setStatus("", false) // the moment passed: no "as soon as ready" left behind
			case len(msg.themes) == 0:
				s.setStatus("There are no notes to group yet.", true)
			default:
				return s, s.acceptSuggestions()
			}
		}
	case readDueMsg:
		if !s.pace.over() {
			return s, nil
		}
		s.loading = false
		return s, s.loadPending(true)
	case ChangedMsg:
		// Coalesce: while a load runs, changes only add up.
		s.pending |= msg.What
		if s.loading {
			return s, nil
		}
		return s, s.loadDirty()
	case actionSavedMsg:
		s.savingActions--
		if msg.err != nil {
			return s.update(errMsg{msg.err})
		}
		s.setStatus(msg.status, false)
	case refusedMsg:
		msg.putBack()
		return s.update(msg.msg)
	case errMsg:
		s.setStatus(s.e.errorMessage(msg.err), true)
		// A refused change may have been shown already; reload what is stored:
		// after the read on its way, if one is (a second read begun beside it
		// could land first, and the older snapshot be drawn last).
		s.pending |= session.ChangeSession
		if s.loading {
			return s, nil
		}
		return s, s.loadDirty()
	case timerSavedMsg:
		// Never below 0: a save begun on a board closed since reaches the next.
		s.timerSaving = max(s.timerSaving-1, 0)
		if msg.err != nil {
			return s.update(errMsg{msg.err})
		}
		s.setStatus(msg.status, false)
		if s.timerSaving == 0 {
			// The loads while it was saved kept the timer shown: read it back as
			// stored (another board or a command may have changed it too).
			s.pending |= session.ChangeSession
			if !s.loading {
				return s, s.loadDirty()
			}
		}
	case loadFailedMsg:
		// Not read again at once: a read that fails keeps failing (a closed or
		// broken database), and reading again at once would spin. The next change,
		// or reopening the board, reads again.
		s.loading = false
		s.setStatus(s.e.errorMessage(msg.err), true)
		return s, nil
	case phaseMovedMsg:
		s.moving--
		if msg.err != nil {
			return s.Update(errMsg{msg.err})
		}
		s.setStatus(msg.status, false)
	case activitiesSavedMsg:
		s.savingActs--
		if msg.err != nil {
			return s.Update(errMsg{msg.err})
		}
		s.setStatus(msg.status, false)
	case askSavedMsg:
		out, ahead := s.ask.saved(msg)
		next, cmd := s.update(out)
		// The keys typed ahead act now, in this update: keys that arrive later
		// come after them.
		cmds := []tea.Cmd{cmd}
		for _, k := range ahead {
			var c tea.Cmd
			next, c = next.Update(k)
			cmds = append(cmds, c)
		}
		return next, tea.Sequence(cmds...)
	case boardDoneMsg:
		s.setStatus(msg.status, false)
	case themesChangedMsg:
		s.themes.pending--
		s.themeEdits++
		if msg.step == nil {
			s.setStatus(msg.status, false)
			break
		}
		s.themes.undo = append(s.themes.undo, *msg.step)
		if len(s.themes.undo) > maxUndo {
			s.themes.undo = slices.Delete(s.themes.undo, 0, len(s.themes.undo)-maxUndo)
		}
		s.setStatus(msg.status+" (u undoes it)", false)
	case themesFailedMsg:
		s.themes.pending--
		s.setStatus(s.e.errorMessage(msg.err), true)
	case undoneMsg:
		s.themes.pending--
		s.themeEdits++
		s.setStatus("Undone: "+msg.what+".", false)
		if msg.note != 0 {
			// Selected now, wherever the board shows it (the reload that the undo
			// started may have come first), and kept selected by the reload that
			// shows it where the undo put it.
			t := s.tabs[tabThemes].(*themesTab)
			t.follow, t.followLoose = msg.note, true
			t.loaded()
		}
		if len(msg.accepted) > 0 && s.coversNotes(msg.accepted) {
			sug := make([]session.Theme, len(msg.accepted))
			for i, th := range msg.accepted {
				sug[i] = session.Theme{Label: th.Label, Named: th.Named, NoteIDs: slices.Clone(th.NoteIDs)}
			}
			s.themes.setSuggestions(sug)
			// The stored themes are gone: the board is the preview from now on,
			// not once the reload that follows arrives (an A pressed before it
			// took the listed themes for arranged ones and started placing notes
			// into them). The key is what a run would cluster now, so that the
			// reload keeps this preview.
			s.themes.themes, s.themes.placing = nil, false
			s.themes.sugKey = s.suggestKey()
		}
	case undoFailedMsg:
		s.themes.pending--
		s.themes.undo = append(s.themes.undo, msg.step)
		s.setStatus("Not undone: "+s.e.errorMessage(msg.err), true)
	case undoStaleMsg:
		s.themes.pending--
		// Every earlier step was taken from themes as they were before it.
		s.themes.undo = nil
		if msg.note {
			s.setStatus("Not undone: the note was moved to another lane again since (on another board); undo starts again from here.", true)
			break
		}
		s.setStatus("Not undone: the themes changed since (on another board, or the notes placed with g); undo starts again from here.", true)
	case actionAddedMsg:
		// Selected now when the board has it already, else once it loads it.
		s.setStatus("Action point added and selected: o sets its owner, u its due date.", false)
		if t := s.tabs[tabThemes].(*themesTab); !t.selectAction(msg.id) {
			t.followAction = msg.id
		}
	case removalAskMsg:
		s.tabs[tabPeople].(*peopleTab).ask(msg)
	case exportedMsg:
		s.setStatus("Exported to "+msg.path, false)
	case tea.KeyMsg:
		if msg.String() == "ctrl+c" {
			return s.interrupt()
		}
		if s.leaving {
			return s.answerLeave(msg)
		}
		if s.acts != nil {
			return s.updateActivities(msg)
		}
		// A prompt opened by this key starts on a clean status line: what the
		// last action said ("Themes merged.") is not about the question.
		asked, said := s.ask.open(), s.status
		next, cmd := s.updateKey(msg)
		if !asked && s.ask.open() && s.status == said {
			s.setStatus("", false)
		}
		return next, cmd
	}
	return s, nil
}

// interrupt takes ctrl+c: in a prompt, a search or a question it cancels them as
// esc does; elsewhere on the board it asks before it closes the connection, as a
// participant's screen does. It closed the connection at once, from inside a
// prompt too.
func (s *boardScreen) interrupt() (screen, tea.Cmd) {
	esc := tea.KeyMsg{Type: tea.KeyEsc}
	l := s.tabs[s.tab].rows()
	switch {
	case s.leaving:
		return s.leave()
	case s.acts != nil && (s.acts.open || s.acts.items.open()):
		return s.updateActivities(esc)
	case s.acts == nil && (s.ask.open() || s.confirmDelete != nil || s.reading == nil && l != nil && l.open()):
		// A question (y/n) takes it as any key but y: no.
		return s.updateKey(esc)
	}
	s.leaving = true
	return s, nil
}

// leaveBoardQuestion is what ctrl+c asks on the board.
const leaveBoardQuestion = "Close the connection? The session goes on without the board; connect again to come back to it (esc twice goes to the list of sessions). y or ctrl+c = close, any other key = stay"

// leaveKeys answer the question ctrl+c asks on the board and on the home.
var leaveKeys = []key.Binding{
	key.NewBinding(key.WithKeys("y", "ctrl+c"), key.WithHelp("y/ctrl+c", "close the connection")),
	key.NewBinding(key.WithKeys("n"), key.WithHelp("any other key", "stay")),
}

// answerLeave takes the key after ctrl+c asked (a second ctrl+c is interrupt's):
// y leaves, any other key stays and does nothing else.
func (s *boardScreen) answerLeave(msg tea.KeyMsg) (screen, tea.Cmd) {
	s.leaving = false
	if msg.String() == "y" {
		return s.leave()
	}
	s.setStatus("You stay on the board.", false)
	return s, nil
}

// leave closes the connection as ctrl+c did before it asked: the screen is
// cleared, and the terminal is told how to come back once it is.
func (s *boardScreen) leave() (screen, tea.Cmd) {
	if g := s.e.opt.Goodbye; g != nil {
		bye := "You left the board of " + session.CleanText(s.sess.Title) + "; the session goes on."
		if s.e.opt.JoinHint != "" {
			bye += " To come back:\r\n  " + s.e.opt.JoinHint
		}
		g(bye)
	}
	return s, func() tea.Msg { return quitAfterMsg{} }
}

// updateActivities passes a key to the open activity list and saves what it changed.
func (s *boardScreen) updateActivities(msg tea.KeyMsg) (screen, tea.Cmd) {
	ed, cmd := s.acts.update(msg)
	switch {
	case ed.closed:
		s.acts = nil
	case ed.save != nil:
		// The list is shown as saved at once: the next key (say n, typed as soon as
		// "Deleted …" shows) must edit this list, not the one a load brings that
		// began before the save.
		id, list, said, renamed := s.sess.ID, ed.save, ed.said, ed.renamed
		changed := *s.sess
		changed.Activities = list
		s.sess = &changed
		s.acts.saved(list, s.notes)
		s.savingActs++
		// Saved in the order they were made, never a later list first.
		svc := s.e.opt.Service
		wait, done := inTurn(&s.lastActs)
		return s, s.e.withTimeout(func(ctx context.Context) tea.Msg {
			defer done()
			if err := wait(ctx); err != nil {
				return activitiesSavedMsg{err: err}
			}
			if renamed[0] != "" {
				// Its notes are renamed with it: renamed in the list alone, they
				// kept the old name, listed as a participant's proposal. So are
				// those waiting for their writers' next connection (the service
				// tells the hub).
				return activitiesSavedMsg{status: said, err: svc.RenameActivity(ctx, id, renamed[0], renamed[1])}
			}
			return activitiesSavedMsg{status: said, err: svc.SetActivities(ctx, id, list)}
		})
	}
	return s, cmd
}

// activitiesSavedMsg says an activity list edited on the board was saved, or why not.
type activitiesSavedMsg struct {
	status string
	err    error
}

// parseTimer reads "5" (minutes), "1:30" (m:ss) or a Go duration like "90s".
func parseTimer(v string) (time.Duration, error) {
	v = strings.TrimSpace(v)
	if m, sec, ok := strings.Cut(v, ":"); ok {
		mi, err1 := strconv.Atoi(m)
		si, err2 := strconv.Atoi(sec)
		if err1 != nil || err2 != nil || si >= 60 || mi < 0 || si < 0 {
			return 0, session.Errorf(session.EInvalid, "Type minutes like 10, or minutes and seconds like 2:30.")
		}
		return time.Duration(mi)*time.Minute + time.Duration(si)*time.Second, nil
	}
	if n, err := strconv.Atoi(v); err == nil {
		return time.Duration(n) * time.Minute, nil
	}
	if d, err := time.ParseDuration(v); err == nil {
		return d, nil
	}
	return 0, session.Errorf(session.EInvalid, "Type minutes like 10, or minutes and seconds like 2:30.")
}

// quitHere is what q says on the board, which it does not leave.
const quitHere = "The board leaves with esc, twice (the session goes on without the board); q quits on the list of sessions."

// escAgain is what a first esc with nothing to close says.
const escAgain = "esc again goes back to the list of sessions (the session goes on without the board)."

func (s *boardScreen) updateKey(msg tea.KeyMsg) (screen, tea.Cmd) {
	id := s.sess.ID
	if s.ask.open() {
		if s.statusErr && !s.ask.saving && msg.Type != tea.KeyEnter {
			// A refusal is about the answer as it was: the next key edits it (the
			// line under the prompt says what it means now) or esc drops it, and
			// the refusal stayed under later prompts.
			s.setStatus("", false)
		}
		return s, s.ask.update(msg)
	}
	if s.reading != nil {
		if s.reading.update(msg) {
			s.reading = nil
		}
		return s, nil
	}
	if s.confirmDelete != nil {
		del, no := s.confirmDelete, s.confirmNo
		s.confirmDelete, s.confirmNo = nil, ""
		if msg.String() != "y" {
			s.setStatus(cmp.Or(no, "Nothing was deleted."), false)
			return s, nil
		}
		return s, del()
	}
	s.arrivedBefore, s.arrived = s.arrived, false
	armed := !s.escArmed.IsZero() && s.e.now().Sub(s.escArmed) < statusFor
	if !s.escArmed.IsZero() && s.status == escAgain {
		s.setStatus("", false) // said for the key right after; not true any more
	}
	s.escArmed = time.Time{}
	tab := s.tabs[s.tab]
	if s.tab == tabThemes {
		tab.(*themesTab).top = false
	}
	if l := tab.rows(); l != nil {
		if l.open() {
			// The search or jump input takes every key while it is open.
			_, cmd := l.update(msg)
			return s, cmd
		}
		l.heard(msg)
	}
	switch {
	case msg.String() == "?":
		s.fullHelp.press(len(s.keyPages()))
		return s, nil
	case key.Matches(msg, bk.Back):
		if s.fullHelp.shown {
			s.fullHelp.shown = false
			return s, nil
		}
		if s.tab == tabThemes {
			if said := s.tabs[tabThemes].(*themesTab).clearMarks(); said != "" {
				s.setStatus(said, false)
				return s, nil
			}
		}
		if l := tab.rows(); l != nil {
			// A kept search ends first.
			if handled, cmd := l.update(msg); handled {
				return s, cmd
			}
		}
		if !armed {
			s.escArmed = s.e.now()
			s.setStatus(escAgain, false)
			return s, nil
		}
		return homeAt(s.e, s.sess.ID), nil
	case key.Matches(msg, bk.Next), key.Matches(msg, bk.Prev):
		to := s.sess.Phase.Next()
		if key.Matches(msg, bk.Prev) {
			to = s.sess.Phase.Prev()
		}
		if to == s.sess.Phase {
			return s, nil
		}
		if s.sess.Phase == session.PhaseCheckIn && key.Matches(msg, bk.Next) {
			if ask := s.leaveCheckInAsk(to); ask != "" {
				s.confirmDelete = func() tea.Cmd { return s.movePhase(to) }
				s.confirmNo = "Staying in " + string(s.sess.Phase) + "."
				s.setStatus(ask, true)
				return s, nil
			}
		}
		if n, what := s.notDone(); n > 0 && key.Matches(msg, bk.Next) && s.sess.Phase != session.PhaseCheckIn {
			// People still at it would lose the moment; their done marks start
			// afresh in the next phase.
			s.confirmDelete = func() tea.Cmd { return s.movePhase(to) }
			s.confirmNo = "Staying in " + string(s.sess.Phase) + "."
			ask := fmt.Sprintf("%s %s: move on to %s? y/n", persons(n), what, to)
			if s.sess.Phase == session.PhaseWrite && !s.sess.Furthest().AtLeast(session.PhaseGroup) {
				// The last writer's notes may be waiting for a second writer's; moving
				// on for the first time shows them as they are, a batch of one person's
				// notes (later they keep waiting). Said whether or not any wait: the
				// board must not know that either. The question comes last, after
				// the warning, so that the warning is read before y is pressed.
				ask = fmt.Sprintf("%s %s. If someone is still writing, wait: notes waiting for a second writer would then show on their own, and so say whose they are. Move on to %s? y/n", persons(n), what, to)
			}
			s.setStatus(ask, true)
			return s, nil
		}
		if s.sess.Phase == session.PhaseReveal && to == session.PhaseGroup {
			// The reveal is where people add what is missing: a note being typed
			// as the phase moves is not sent. Nobody says done here, so the board
			// cannot count who is still at it; it asks every time.
			s.confirmDelete = func() tea.Cmd { return s.movePhase(to) }
			s.confirmNo = "Staying in reveal."
			ask := "Writing ends here (a note being typed is not sent): move on to group? y/n"
			if !s.sess.Furthest().AtLeast(session.PhaseGroup) {
				// The first move to group shows the notes written alone in the
				// reveal, as leaving the first writing does: warned the same way,
				// whether or not any wait.
				ask = "Writing ends here (a note being typed is not sent). If someone is still writing, wait: notes waiting for a second writer would then show on their own, and so say whose they are. Move on to group? y/n"
			}
			s.setStatus(ask, true)
			return s, nil
		}
		if n := s.unthemed(); n > 0 && s.sess.Phase == session.PhaseGroup && to == session.PhaseVote {
			// Notes in no theme take no dots and count in no theme's score: moving on
			// should not leave them out unnoticed.
			s.confirmDelete = func() tea.Cmd { return s.movePhase(to) }
			s.confirmNo = "Staying in group: g shows where the notes without a theme would go."
			s.setStatus(fmt.Sprintf("Notes without a theme: %d (no dots, no score). Move on to vote anyway? y/n", n), true)
			return s, nil
		}
		if to == session.PhaseClosed {
			// Closing freezes the results: themes, votes and action points stay as
			// they are until the session is reopened.
			s.confirmDelete = func() tea.Cmd { return s.movePhase(to) }
			s.confirmNo = "Staying in " + string(s.sess.Phase) + "."
			ask := "Closing freezes the results (reopen with [): move on to closed? y/n"
			if s.held.People() > 0 {
				// A rating held then stays out of the findings for good, unless
				// the session is reopened and others rate: said before, not found
				// missing in the findings after. Without a count, which a key
				// pressed between two looks here would move.
				ask = "Ratings given or changed after the check-in still wait for others: closing leaves them out of the findings (a changed one counts as it was before). " + ask
			}
			s.setStatus(ask, true)
			return s, nil
		}
		if s.sess.Phase == session.PhaseVote && to == session.PhaseGroup {
			// The dots stay on their themes: a merge, a split or a move there changes
			// what people voted for, without their knowing. Asked whether or not any
			// dot was given, which the board does not say while people vote.
			s.confirmDelete = func() tea.Cmd { return s.movePhase(to) }
			s.confirmNo = "Staying in vote."
			s.setStatus("Back to group? The dots stay on their themes, and merging or moving notes changes what people voted for. y/n", true)
			return s, nil
		}
		if s.sess.Phase == session.PhaseClosed {
			// Reopening lets people in again and changes what the findings say.
			s.confirmDelete = func() tea.Cmd { return s.movePhase(to) }
			s.confirmNo = "The session stays closed."
			s.setStatus("Reopen the closed session (back to "+string(to)+")? y = reopen, any other key = stay closed", true)
			return s, nil
		}
		return s, s.movePhase(to)
	case msg.String() == "tab":
		s.tab = (s.tab + 1) % tabCount
	case msg.String() >= "1" && msg.String() <= "4" && len(msg.Runes) == 1:
		s.tab = int(msg.Runes[0] - '1')
	case s.sess.Phase == session.PhaseClosed && (key.Matches(msg, bk.Timer) || key.Matches(msg, bk.StartPause) ||
		key.Matches(msg, bk.Extend) || key.Matches(msg, bk.ClearTimer)):
		s.setStatus("The session is closed: it has no timer. [ reopens it.", true)
		return s, nil
	case key.Matches(msg, bk.Timer):
		cmd := s.ask.open1("Timer (minutes, or m:ss): ", "", s.submitTimer)
		s.ask.hint = func(string) string {
			return "enter sets the timer without starting it; space starts it."
		}
		return s, cmd
	case key.Matches(msg, bk.StartPause):
		if !s.sess.Timer.Active() {
			s.setStatus("Set a timer first: press t.", true)
			return s, nil
		}
		a, word := session.TimerStart, "started"
		if s.sess.Timer.Running {
			a, word = session.TimerPause, "paused"
			s.setTimer(s.sess.Timer.Pause(s.e.now()))
		} else {
			s.setTimer(s.sess.Timer.Start(s.e.now()))
		}
		return s, s.doTimer("Timer "+word+".", func(ctx context.Context, svc *session.Service) error {
			_, err := svc.ChangeTimer(ctx, id, a, 0)
			return err
		})
	case key.Matches(msg, bk.Extend):
		s.setTimer(s.sess.Timer.Extend(time.Minute, s.e.now()))
		return s, s.doTimer("One more minute on the timer.", func(ctx context.Context, svc *session.Service) error {
			_, err := svc.ChangeTimer(ctx, id, session.TimerExtend, time.Minute)
			return err
		})
	case key.Matches(msg, bk.ClearTimer):
		clear := func() tea.Cmd {
			s.setTimer(session.Timer{})
			return s.doTimer("Timer cleared.", func(ctx context.Context, svc *session.Service) error {
				_, err := svc.ChangeTimer(ctx, id, session.TimerClear, 0)
				return err
			})
		}
		if !s.sess.Timer.Running {
			return s, clear()
		}
		// c is the campaign on the list of sessions: a running timer, which the
		// room watches, is cleared only once the facilitator says so.
		s.confirmDelete, s.confirmNo = clear, "The timer keeps running."
		s.setStatus("Clear the running timer? y = clear, any other key = keep it", true)
		return s, nil
	case key.Matches(msg, bk.Export) && s.e.opt.Export != nil:
		return s, exportCmd(s.e, id)
	case msg.String() == "q":
		// q quits the list of sessions and leaves a participant's screen: pressed
		// here it did nothing, and a facilitator who wanted out was not told how.
		s.setStatus(quitHere, false)
		return s, nil
	default:
		if l := tab.rows(); l != nil {
			if ok, cmd := l.update(msg); ok {
				return s, cmd
			}
		}
		return s, tab.update(msg)
	}
	return s, nil
}

// submitTimer sets the timer typed into the prompt.
func (s *boardScreen) submitTimer(v string) (tea.Cmd, bool) {
	d, err := parseTimer(v)
	if err == nil {
		// Checked here, so that the prompt stays open with the answer to correct.
		err = session.ValidTimer(d)
	}
	if err != nil {
		s.setStatus(s.e.errorMessage(err), true)
		return nil, false
	}
	s.setTimer(session.SetTimer(d))
	id := s.sess.ID
	return s.doTimer("Timer set to "+clock(d)+"; press space to start it.", func(ctx context.Context, svc *session.Service) error {
		_, err := svc.ChangeTimer(ctx, id, session.TimerSet, d)
		return err
	}), true
}

// boardAsk is the board's one-line prompt: what it asks, and what to do with the
// answer.
type boardAsk struct {
	in textinput.Model
	// submit takes the answer and reports whether it was taken; a refused answer
	// keeps the prompt open (the reason is on the status line). Nil when closed.
	submit func(v string) (tea.Cmd, bool)
	// hint, if set, says under the prompt what the answer typed so far means.
	hint func(v string) string
	// replace says the first value is replaced by the first character typed, as a
	// selected field is (the dots per person: typing 5 over 3 means 5, not 35).
	replace bool
	// saving is the answer taken and being saved: the prompt stays open, with the
	// text, until the save is done, so that a refusal (a date that is no date, a
	// number out of range) can be corrected where it was typed, and keys typed
	// meanwhile edit the answer instead of reaching the board as commands.
	saving bool
	// typedAhead are the keys typed while the answer was being saved (but esc, and
	// an enter right after the one that saves): they edit the answer, which stays open if it is refused, and act on
	// the board, in order, once it is kept ("enter a" in one packet adds another).
	typedAhead []tea.KeyMsg
	// seq tells this prompt's saves from an earlier prompt's.
	seq int
	// keep, if set, is told the answer as it is typed, and "" once the prompt
	// closes or its answer is being saved: what a dropped connection would lose.
	keep func(v string)
}

// askSave is enter in a prompt: it saves the answer (it does not start a timer
// that it sets, say).
var askSave = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save"))

// askSavedMsg is the outcome of saving a prompt's answer: msg as the save
// returned it (an errMsg when refused).
type askSavedMsg struct {
	seq int
	msg tea.Msg
}

func (a *boardAsk) open() bool { return a.submit != nil }

// open1 opens the prompt with a first value, which typing edits.
func (a *boardAsk) open1(prompt, value string, submit func(v string) (tea.Cmd, bool)) tea.Cmd {
	a.forget()
	a.submit, a.hint, a.replace, a.saving = submit, nil, false, false
	a.seq++
	a.in.Prompt = prompt
	a.in.SetValue(value)
	a.in.CursorEnd()
	return a.in.Focus()
}

// openReplace opens the prompt with a first value that the first character typed
// replaces (backspace and the arrows edit it instead).
func (a *boardAsk) openReplace(prompt, value string, submit func(v string) (tea.Cmd, bool)) tea.Cmd {
	cmd := a.open1(prompt, value, submit)
	a.replace = value != ""
	return cmd
}

// forget tells keep that nothing is being typed any more, and drops it.
func (a *boardAsk) forget() {
	if a.keep != nil {
		a.keep("")
		a.keep = nil
	}
}

func (a *boardAsk) close() {
	a.forget()
	a.submit, a.hint, a.replace, a.saving = nil, nil, false, false
	a.typedAhead = nil
	a.in.Blur()
}

func (a *boardAsk) update(msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyEsc:
		// A save under way goes on; its outcome shows on the status line.
		a.close()
		return nil
	case tea.KeyEnter:
		if a.saving {
			// A second enter right after the first is the same answer; one after
			// keys typed ahead ends what they typed.
			if len(a.typedAhead) > 0 {
				a.typedAhead = append(a.typedAhead, msg)
			}
			return nil
		}
		a.typedAhead = nil
		cmd, ok := a.submit(a.in.Value())
		if !ok {
			return cmd
		}
		if cmd == nil {
			a.close()
			return nil
		}
		a.saving = true
		if a.keep != nil {
			// Being saved, it is no longer to give back: it may be stored.
			a.keep("")
		}
		seq := a.seq
		return func() tea.Msg { return askSavedMsg{seq: seq, msg: cmd()} }
	}
	if a.saving {
		a.typedAhead = append(a.typedAhead, msg)
	}
	if a.replace && msg.Type == tea.KeyRunes && !msg.Paste {
		a.in.SetValue("")
	}
	a.replace = false
	var cmd tea.Cmd
	a.in, cmd = a.in.Update(spaceForTab(msg))
	if a.keep != nil && !a.saving {
		a.keep(a.in.Value())
	}
	return cmd
}

// spaceForTab makes a tab typed into a text box a space: the box would drop it,
// and the words on either side would run together ("great<tab>and" saved as
// "greatand"). Pasted tabs become spaces too (the note is cleaned as it is saved).
func spaceForTab(msg tea.KeyMsg) tea.KeyMsg {
	if msg.Type == tea.KeyTab && !msg.Alt {
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	return msg
}

// saved takes the outcome of a save this prompt asked for: it closes the prompt
// when the answer was kept, and keeps it open with the text when it was refused.
// It returns the outcome for the board to handle as any other, and the keys typed
// meanwhile for the board to take once the prompt closed.
func (a *boardAsk) saved(m askSavedMsg) (tea.Msg, []tea.KeyMsg) {
	var ahead []tea.KeyMsg
	if a.open() && a.saving && m.seq == a.seq {
		a.saving = false
		if !refusal(m.msg) {
			ahead = a.typedAhead
			a.close()
		}
		a.typedAhead = nil
	}
	return m.msg, ahead
}

// refusedMsg is the store's refusal of a change (msg, an errMsg or a
// themesFailedMsg), with what puts the board back as it was before the change
// was shown done.
type refusedMsg struct {
	msg     tea.Msg
	putBack func()
}

// onRefusal is cmd, whose refusal comes with putBack (see refusedMsg).
func onRefusal(cmd tea.Cmd, putBack func()) tea.Cmd {
	return func() tea.Msg {
		switch msg := cmd().(type) {
		case errMsg, themesFailedMsg:
			return refusedMsg{msg, putBack}
		default:
			return msg
		}
	}
}

// refusal reports whether msg, the outcome of saving a prompt's answer, says the
// answer was not kept. Each kind of save says so its own way: a change of the
// themes refused while grouping is a themesFailedMsg, not an errMsg, and taken
// for kept it closed the prompt ("R", emptied, enter), and the name typed next
// ran as board commands.
func refusal(msg tea.Msg) bool {
	switch m := msg.(type) {
	case errMsg, themesFailedMsg, refusedMsg:
		return true
	case actionSavedMsg:
		return m.err != nil
	case timerSavedMsg:
		return m.err != nil
	}
	return false
}

// view draws the prompt w wide, and the hint under it unless refused, the refusal
// of the answer on the status line below, says the same (the hint said that a
// name is too long, the refusal said it again).
func (a *boardAsk) view(w int, sty *Styles, refused string) string {
	var v string
	prompt := a.in.Prompt
	if lipgloss.Width(prompt)+12 > w {
		// A prompt too long to leave the box ten cells beside it (at 40 columns,
		// "Activity (part of its name; empty for none): " was cut to "…empty for
		// no" and the box lost): said on lines of its own, the box under it.
		for _, l := range wrap(strings.TrimSpace(prompt), w) {
			v += l + "\n"
		}
		a.in.Prompt = ""
		defer func() { a.in.Prompt = prompt }()
	}
	if width := max(w-lipgloss.Width(a.in.Prompt)-2, 10); width != a.in.Width {
		// The box scrolled its text for the width it had (the last prompt's, or
		// the terminal's before a resize): placed again for this one, a name that
		// fits opens whole, not scrolled to its end.
		a.in.Width = width
		a.in.SetCursor(a.in.Position())
	}
	v += a.in.View() + "\n"
	if a.hint != nil {
		// A hint wraps onto a second line rather than lose its end (a new
		// theme's name, what enter does).
		if h := a.hint(a.in.Value()); h != "" && !saysSame(h, refused) {
			for _, l := range cutLines(wrap(h, w), 2, w, cutJoined) {
				v += sty.Muted.Render(l) + "\n"
			}
		}
	}
	return v
}

// saysSame reports whether a hint and a refusal say the same thing: one holds
// the other, but for the full stop (the refusal of an empty move adds nothing to
// its hint, "…; enter moves, esc cancels.").
func saysSame(hint, refusal string) bool {
	h := strings.TrimSuffix(strings.TrimSpace(hint), ".")
	r := strings.TrimSuffix(strings.TrimSpace(refusal), ".")
	return h != "" && r != "" && (strings.Contains(h, r) || strings.Contains(r, h))
}

// notDone counts the people (connected now, or all when nobody's connection is
// known) who have not finished what the phase asks, and says what they have not done.
// At check-in it is everyone who joined (removed people too, as the count of ratings
// counts theirs) less those who rated, shown or held: the board knows how many
// rated, never who.
func (s *boardScreen) notDone() (int, string) {
	if s.sess.Phase == session.PhaseCheckIn {
		if s.sess.Furthest().AtLeast(session.PhaseWrite) {
			// Gone back to: held ratings are not counted here either, as the
			// header does not count them (see heldLive); ] pressed and taken
			// back after each key a person pressed told what it was.
			n := max(len(s.joinedPeople())-s.rated, 0)
			return n, map[bool]string{true: "has no rating shown (they may have rated: after the check-in a rating waits for two more before it shows)",
				false: "have no rating shown (some of them may have rated: after the check-in a rating waits for two more before it shows)"}[n == 1]
		}
		// The first check-in: held ratings count, as the header counts them.
		n := max(len(s.joinedPeople())-s.ratedWith(s.held), 0)
		return n, map[bool]string{true: "has not rated", false: "have not rated"}[n == 1]
	}
	n := 0
	for _, p := range s.activePeople() {
		if len(s.online) > 0 && !s.online[p.ID] {
			continue
		}
		if (s.sess.Phase == session.PhaseWrite || s.sess.Phase == session.PhaseVote) && !s.finished(p) {
			n++
		}
	}
	return n, map[bool]string{true: "is not done", false: "are not done"}[n == 1]
}

// ratedPeople counts the people who joined and rated, their rating shown or held
// (held as the live views count them, heldLive).
func (s *boardScreen) ratedPeople() int { return s.ratedWith(s.heldLive()) }

// ratedWith counts the people who joined and rated, their rating shown or one of
// held.
func (s *boardScreen) ratedWith(held session.HeldRatings) int {
	return min(s.rated+held.First, len(s.joinedPeople()))
}

// heldLive is the held ratings the live views count (the header, the people and
// the check-in views): in the first check-in only. In a check-in gone back to, a
// count that moved at one key press told the facilitator watching the room
// whether that person rated for the first time, changed their rating, or gave the
// same one again (a review's finding); the questions of ], s and closing still
// say how many are held there.
func (s *boardScreen) heldLive() session.HeldRatings {
	if s.sess.Furthest().AtLeast(session.PhaseWrite) {
		return session.HeldRatings{}
	}
	return s.held
}

// heldRatings says how many ratings are held and until when, "" when none is:
// a rating held is not one never given. Counts only: the board never knows whose.
func (s *boardScreen) heldRatings() string {
	n := s.held.People()
	if n == 0 {
		return ""
	}
	what := plural(n, "rating") + map[bool]string{true: " is", false: " are"}[n == 1] + " held"
	if !s.sess.Furthest().AtLeast(session.PhaseWrite) {
		// Until the first move past the check-in, a second rating shows it, and
		// so does that move (session.Service.SetPhase).
		return what + " until another is given or you move on to write"
	}
	more := max(session.MinLateRaters-n, 1)
	return what + fmt.Sprintf(" until %d more %s given (after the check-in, never fewer than %d show at once)",
		more, map[bool]string{true: "is", false: "are"}[more == 1], session.MinLateRaters)
}

// lateRatingsRule is what the question before leaving a check-in gone back to says
// of ratings given there, whether or not one waits.
const lateRatingsRule = "ratings given or changed now show three at a time, never alone: any still waiting when you move on stay out of the chart and the findings (a changed one counts as it was before)"

// leaveCheckInAsk is the question before moving on from check-in, "" when nobody
// is left to rate and no rating is held.
func (s *boardScreen) leaveCheckInAsk(to session.Phase) string {
	n, what := s.notDone()
	held := s.heldRatings()
	first := !s.sess.Furthest().AtLeast(session.PhaseWrite)
	if !first {
		// Said whether or not a rating waits, and without a count: both moved
		// with one person's key (see notDone).
		held = lateRatingsRule
	}
	if n == 0 && held == "" {
		return ""
	}
	var said []string
	if n > 0 {
		said = append(said, persons(n)+" "+what)
	}
	switch {
	case held != "" && first:
		// Leaving the first check-in shows the held rating on its own, as
		// leaving the first writing shows a lone writer's notes.
		said = append(said, held+": moving on shows it on its own, and so says whose it is to anyone who saw who rated last")
	case held != "":
		said = append(said, held)
	case first:
		// Someone may rate between the question and y, and be shown alone.
		said = append(said, "if someone is still rating, wait: a rating given alone would then show on its own, and so say whose it is")
	}
	ask := strings.Join(said, "; ")
	if n == 0 {
		ask = fmt.Sprintf("All %d rated; %s", s.ratedWith(s.held), ask)
	}
	return strings.ToUpper(ask[:1]) + ask[1:] + fmt.Sprintf(". Move on to %s? y/n", to)
}

// finished reports whether a person is done with the phase: they said so (x). The
// header, the vote's line, the people view and the question before moving on count
// alike. Voting, a person who gave every dot is not counted unless they said so:
// hiding or merging a theme gives its dots back, and a count that changed with it
// would tell how many of those who had voted fully backed that theme (and, beside
// the count of connected people not done, whether one who left had).
// markedDone is whether the people view marks p done.
func (s *boardScreen) markedDone(p *session.Participant) bool {
	return p.Done && s.sess.Phase != session.PhaseCheckIn
}

func (s *boardScreen) finished(p *session.Participant) bool {
	if s.sess.Phase == session.PhaseCheckIn {
		return false // the board counts ratings, never whose: nobody is marked done
	}
	return p.Done
}

// unthemed counts the visible notes in no theme, once themes were accepted.
func (s *boardScreen) unthemed() int {
	if len(s.themes.themes) == 0 {
		return 0
	}
	in := map[int64]bool{}
	for _, t := range s.themes.themes {
		for _, id := range t.NoteIDs {
			in[id] = true
		}
	}
	n := 0
	for _, note := range s.notes {
		if !note.Hidden && !in[note.ID] {
			n++
		}
	}
	return n
}

// latest returns the notes as the notes view lists them (listNotes), as made
// when they were loaded.
func (s *boardScreen) latest() []*session.Note {
	if len(s.listed) != len(s.notes) {
		s.listed = s.listNotes()
	}
	return s.listed
}

// listNotes returns the notes as the notes view lists them: newest first while
// people write, to watch them arrive; from the reveal on by area, lane and text,
// as everyone else reads them, since newest first would keep showing which notes
// were released together.
func (s *boardScreen) listNotes() []*session.Note {
	out := make([]*session.Note, len(s.notes))
	for i, n := range s.notes {
		out[len(s.notes)-1-i] = n
	}
	if s.sess != nil && s.sess.Phase.AtLeast(session.PhaseReveal) {
		session.SortNotes(out)
	}
	return out
}

// activePeople are the people who are or were connected, not removed; authors of
// imported paper notes are counted apart. The list is made once per reload (the
// header counts it on every frame); callers do not change it.
func (s *boardScreen) activePeople() []*session.Participant {
	if s.active == nil {
		s.active = make([]*session.Participant, 0, len(s.people))
		for _, p := range s.people {
			if !p.Removed && !p.Paper {
				s.active = append(s.active, p)
			}
		}
	}
	return s.active
}

// joinedPeople are the people who joined (not paper authors), removed ones
// included: the counts of who wrote and who rated count them, so that a removal
// does not tell whether the removed person had.
func (s *boardScreen) joinedPeople() []*session.Participant {
	if s.joined == nil {
		s.joined = make([]*session.Participant, 0, len(s.people))
		for _, p := range s.people {
			if !p.Paper {
				s.joined = append(s.joined, p)
			}
		}
	}
	return s.joined
}

func (s *boardScreen) paperPeople() int {
	n := 0
	for _, p := range s.people {
		if p.Paper {
			n++
		}
	}
	return n
}

func (s *boardScreen) View() string {
	e, sty := s.e, s.e.sty
	w := max(e.w, 40)
	if !s.loaded && s.status == "" {
		// Counts before the first load would read zero: nothing rather than numbers
		// that are not so.
		return sty.Title.Render("charter") + " " + headTitle(s.sess.Title, w, "") + "\n" + sty.Muted.Render("Loading the board…") + "\n"
	}
	footer := s.footer(w)
	head := s.header(w, footer)
	room := s.room(head, footer)
	var b strings.Builder
	b.WriteString(head)
	var body string
	switch {
	case s.acts != nil:
		body = s.acts.view(w, room, sty)
	case s.reading != nil:
		body = s.reading.view(w, room, sty)
	case s.fullHelp.shown:
		body = s.fullHelp.view(sty, s.allKeys(), w, room)
	default:
		body = s.tabs[s.tab].view(w, room)
	}
	b.WriteString(body)
	return atBottom(b.String(), footer, e.h)
}

// minBody is how many lines the board's body keeps on a short screen before the
// header's title line would go: a few rows of the list.
const minBody = 4

// header is the top of the board, w wide, above foot: the session, its code, the
// counts, the tabs and a rule. Where the screen is short the join line, then the
// counts, give way, so that the title and phase stay at the top (the renderer cuts
// the top lines of a view taller than the screen) and minBody lines stay below.
func (s *boardScreen) header(w int, foot string) string {
	e, sty := s.e, s.e.sty
	right := sty.Phase.Render(strings.ToUpper(string(s.sess.Phase)))
	if s.sess.PastDay(e.today()) {
		// Its day passed in the lobby: the home says "not held", and the board
		// said only LOBBY, as if it were to come.
		right = sty.Warn.Render(session.PastDayText(s.sess.Day(), session.DayNotHeld)) + " " + right
	}
	if t := headTimer(timerText(s.sess.Timer, e.now()), strings.ToUpper(string(s.sess.Phase)), w); t != "" {
		st := sty.Header
		if s.sess.Timer.Remaining(e.now()) == 0 {
			st = sty.Warn
		}
		right = st.Render(t) + " " + right
	}
	left := sty.Title.Render("charter") + " " + headTitle(s.sess.Title, w, right)
	title := left + strings.Repeat(" ", max(w-lipgloss.Width(left)-lipgloss.Width(right), 1)) + right + "\n"
	people := s.activePeople()
	done := 0
	for _, p := range people {
		if s.finished(p) {
			done++
		}
	}
	visible := 0
	for _, n := range s.notes {
		if !n.Hidden {
			visible++
		}
	}
	join := "code " + code(s.sess.Code)
	switch {
	case s.sess.Phase == session.PhaseClosed:
		// A closed session lets nobody new in: a join line would say it does.
		join += " · closed: nobody new can join"
	case s.e.opt.JoinHint != "":
		join += " · join: " + s.e.opt.JoinHint + " " + s.sess.Code
	}
	who := persons(len(people))
	joined := len(s.joinedPeople())
	if s.sess.Phase == session.PhaseCheckIn && joined > len(people) {
		// The raters are counted over everyone who joined, removed people too
		// (see notDone): without them, "2 people · 2 of 3 rated" would not add up.
		who += fmt.Sprintf(" + %d removed", joined-len(people))
	}
	if n := s.paperPeople(); n > 0 {
		who += fmt.Sprintf(" (+%d on paper)", n)
	}
	count := fmt.Sprintf("%s · %d done · %s", who, done, plural(visible, "note"))
	if s.sess.Phase == session.PhaseCheckIn {
		// Nobody is marked done at check-in (the board never knows who rated):
		// "0 done" beside ratings coming in read as a fault. The raters are
		// counted as the projector counts them ("2 of 3 people rated"): of those
		// who joined, paper ratings apart (the chart below counts those too).
		// Those whose rating is held count as rated, and the held ones are
		// counted apart: "2 of 3 rated" when all three had read as one missing.
		word := "rated"
		if n := s.heldLive().People(); n > 0 {
			word += fmt.Sprintf(", %d held", n)
		}
		rated := fmt.Sprintf("%d of %d %s", s.ratedPeople(), joined, word)
		if paper := max(s.stats.N-s.rated, 0); paper > 0 {
			// As the projector says it: "0 of 0 rated" over a chart of five paper
			// ratings read as none given.
			rated = plural(paper, "rating") + " from paper"
			if joined > 0 {
				rated = fmt.Sprintf("%d of %d %s · %d from paper", s.ratedPeople(), joined, word, paper)
			}
		}
		count = fmt.Sprintf("%s · %s · %s", who, rated, plural(visible, "note"))
	}
	var tabs []string
	for i, n := range tabNames {
		st := sty.Tab
		if i == s.tab {
			st = sty.ActiveTab
		}
		tabs = append(tabs, st.Render(fmt.Sprintf("%d %s", i+1, n)))
	}
	lines := []string{title, fit(join, w) + "\n", fit(count, w) + "\n",
		fit(strings.Join(tabs, " "), w) + "\n", sty.Muted.Render(strings.Repeat("─", w)) + "\n"}
	// The join line goes first, then the counts.
	for range 2 {
		if s.e.h-len(lines)-height(foot) >= minBody {
			break
		}
		lines = append(lines[:1], lines[2:]...)
	}
	return strings.Join(lines, "")
}

// footer is the bottom of the board, w wide: a prompt or search, the status and
// the key help.
func (s *boardScreen) footer(w int) string {
	e, sty := s.e, s.e.sty
	footer := ""
	if s.ask.open() {
		refused := ""
		if s.statusErr {
			refused = s.status
		}
		footer += s.ask.view(w, sty, refused)
	}
	if l := s.tabs[s.tab].rows(); l != nil && s.acts == nil && s.reading == nil {
		if v := l.inputView(w, sty); v != "" {
			for _, line := range strings.Split(v, "\n") {
				footer += fit(line, w) + "\n"
			}
		}
	}
	switch {
	case s.leaving:
		// Not the status line, which a save finishing meanwhile would replace.
		for _, l := range wrap(leaveBoardQuestion, w) {
			footer += sty.Error.Render(l) + "\n"
		}
	case s.status != "":
		st := sty.OK
		if s.statusErr {
			st = sty.Error
		}
		for _, l := range wrap(s.status, w) {
			footer += st.Render(l) + "\n"
		}
	}
	if s.keyListShown() {
		// The key list above says every key the help line would.
		return strings.TrimSuffix(footer, "\n")
	}
	footer += e.helpView(s.keys())
	if s.acts == nil && s.reading == nil && !s.typing() && !s.leaving {
		// The activity list, a note being read, a prompt and the question before
		// leaving take every key while they are open.
		footer += "\n" + e.helpView(s.commonKeys())
	}
	return footer
}

// room is how many lines the board's body has between head and foot.
func (s *boardScreen) room(head, foot string) int {
	return max(s.e.h-lineCount(head)-height(foot), 3)
}

// lineCount is how many lines s takes above what follows it, s made of lines that
// each end with a newline: lipgloss.Height counts one more, the empty one after
// the last newline, and a screen counted so left its bottom line empty.
func lineCount(s string) int {
	return strings.Count(s, "\n")
}

// atBottom is top, made of lines that each end with a newline (one is added to
// its last when it has none), with foot on the bottom lines of a screen h lines
// high: padded between, or without a foot (the key list takes the key help's
// place), without the last newline, which would begin a line below the screen.
func atBottom(top, foot string, h int) string {
	t := viewText{b: make([]byte, 0, len(top)+len(foot)+max(h, 0)+1)}
	t.WriteString(top)
	t.footAtBottom(foot, h)
	return t.String()
}

// footAtBottom is atBottom in place: what t holds is the top. The participant's
// frame, drawn for every key, stays in the one buffer it was drawn in; atBottom's
// copies of it were a third of what the server allocated in the burst at the
// end of the writing time.
func (t *viewText) footAtBottom(foot string, h int) {
	if len(t.b) > 0 && t.b[len(t.b)-1] != '\n' {
		// Its last line is a line all the same: foot goes under it.
		t.b = append(t.b, '\n')
	}
	for range h - bytes.Count(t.b, []byte{'\n'}) - height(foot) {
		t.b = append(t.b, '\n')
	}
	if foot == "" {
		t.b = bytes.TrimSuffix(t.b, []byte{'\n'})
		return
	}
	t.b = append(t.b, foot...)
}

// height is how many lines s takes on the screen: none when it is empty.
func height(s string) int {
	if s == "" {
		return 0
	}
	return lipgloss.Height(s)
}

// keyListShown reports whether the board's body is the list of every key (?).
func (s *boardScreen) keyListShown() bool {
	return s.fullHelp.shown && s.acts == nil && s.reading == nil || s.acts != nil && s.acts.keysShown()
}

// tabRoom is how many lines the shown tab's view has, as View will give it, and
// whether the tab is on screen at all (not covered by the activity list, a note
// being read or the key list).
func (s *boardScreen) tabRoom() (int, bool) {
	if s.acts != nil || s.reading != nil || s.fullHelp.shown {
		return 0, false
	}
	w := max(s.e.w, 40)
	foot := s.footer(w)
	return s.room(s.header(w, foot), foot), true
}

// allKeys are the keys the key list (?) shows: those of the view, of its list, and
// the board's own.
func (s *boardScreen) allKeys() []key.Binding {
	all := s.keys()[1:]
	if s.tab == tabThemes && s.sess != nil && s.sess.Phase == session.PhaseGroup && len(s.themes.themes) > 0 && !s.themes.placing &&
		s.acts == nil && s.reading == nil {
		// Not on the key line, which has no room left at 80 columns: each change
		// says "u undoes it" as it is made; h works on a note here as in the
		// notes view, and the key list is where a facilitator looks for it.
		all = append(all, tk.Undo, bk.Hide)
	}
	if s.tab == tabNotes && s.sess != nil && s.sess.Phase == session.PhaseGroup && s.acts == nil && s.reading == nil {
		// L says "u undoes it" here too.
		all = append(all, tk.Undo)
	}
	if l := s.tabs[s.tab].rows(); l != nil && l.n > 0 && !l.open() && s.acts == nil && s.reading == nil {
		all = append(all, l.moreKeys()...)
	}
	return append(all, s.commonKeys()...)
}

// commonKeys are the keys of every view of the board: phase, view, timer, export;
// a closed session has no timer.
func (s *boardScreen) commonKeys() []key.Binding {
	if s.sess != nil && s.sess.Phase == session.PhaseClosed {
		return []key.Binding{bk.Phase, bk.Tab, bk.Export}
	}
	return []key.Binding{bk.Phase, bk.Tab, bk.Timer, bk.StartPause, bk.Extend, bk.ClearTimer, bk.Export}
}

// keyPages lays out the key list on the screen as it is: one page, or, on a
// terminal too small to show every key whole, several that ? goes through.
func (s *boardScreen) keyPages() []string {
	w := max(s.e.w, 40)
	foot := s.footer(w)
	return keyPages(s.e.sty.helpModel, s.allKeys(), s.room(s.header(w, foot), foot)-1, w-len(keyListIndent))
}

func (s *boardScreen) keys() []key.Binding {
	switch {
	case s.leaving:
		return leaveKeys
	case s.acts != nil:
		return s.acts.keys()
	case s.ask.open():
		return []key.Binding{askSave, lk.Cancel}
	case s.reading != nil:
		return s.reading.keys()
	}
	tab := s.tabs[s.tab]
	l := tab.rows()
	if l != nil && l.open() {
		return l.keys()
	}
	// "?" comes first so it survives when the line is cut to the width.
	ks := []key.Binding{bk.Help}
	if l != nil && l.n > 0 {
		ks = append(ks, l.keys()[0]) // ↑/↓ first, then what the tab does
		ks = append(ks, tab.keys()...)
		ks = append(ks, l.keys()[1:]...)
	} else {
		ks = append(ks, tab.keys()...)
	}
	if l != nil && l.match != nil && l.query != "" {
		// esc ends the kept search first (the list says so); leaving comes after.
		return ks
	}
	return append(ks, bk.Back)
}

func (s *boardScreen) timerRunning() bool { return s.sess.Timer.Running }

func (s *boardScreen) asksBeforeLeaving() {}

// timerCounting is a timer running with time left (one at zero counts no more).
func (s *boardScreen) timerCounting() bool {
	return s.sess.Timer.Running && s.sess.Timer.Remaining(s.e.now()) > 0
}

func (s *boardScreen) typing() bool {
	l := s.tabs[s.tab].rows()
	return s.ask.open() || s.acts != nil && s.acts.open || l != nil && l.open()
}

// quietOnChange: a change only adds to what the board will read (pending) and starts
// the read; nothing on screen differs until what was read arrives. The board's
// drawing (160x200 on the loadtest's facilitator) was made once for the change and
// once for the read, the first thrown away.
func (s *boardScreen) quietOnChange() {}

// actionSavedMsg says an action point changed on the board was saved, or why not.
type actionSavedMsg struct {
	status string
	err    error
}

// saveAction saves an action point changed on the board, shown changed already.
// Saves run one after another, in the order the changes were made: each writes
// the whole action point, and an older one committed last would undo a newer.
func (s *boardScreen) saveAction(status string, c session.ActionPoint) tea.Cmd {
	s.actionEdits++
	s.savingActions++
	svc := s.e.opt.Service
	wait, done := inTurn(&s.lastActionSave)
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		defer done()
		if err := wait(ctx); err != nil {
			return actionSavedMsg{status, err}
		}
		return actionSavedMsg{status, svc.UpdateAction(ctx, c)}
	})
}

// withActions returns v with its action points as local has them, where both
// have one: a copy, v is not changed.
func withActions(v *session.BoardView, local []*session.ActionPoint) *session.BoardView {
	mine := make(map[int64]*session.ActionPoint, len(local))
	for _, a := range local {
		mine[a.ID] = a
	}
	out := *v
	out.Actions = make([]*session.ActionPoint, len(v.Actions))
	for i, a := range v.Actions {
		if m := mine[a.ID]; m != nil {
			a = m
		}
		out.Actions[i] = a
	}
	return &out
}
