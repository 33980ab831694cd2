package tui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/charter-tool/charter/session"
)

// presentScreen is the projector view: what the room sees on the shared screen. It
// follows the session's phase, changes nothing, and never shows a name: no
// participant's, no volunteer's, no owner's. Before the reveal it shows counts only.
type presentScreen struct {
	e *env
	// code is the join code the view was opened with; sess is nil until it is found.
	code string
	// fromHome is set when the facilitator opened the view from the home screen, to
	// which esc goes back; opened by `present CODE`, leaving ends the connection.
	fromHome bool
	// leaving is set while the view asks whether to end the connection (q).
	leaving bool

	sess   *session.Session
	people int // active participants (not removed, not on paper)
	// joined counts removed participants too, as rated does: a count of raters
	// that dropped with a removal would tell whether the removed person had rated.
	joined int
	done   int
	rated  int
	// held is the ratings held for others' at the first check-in, counted as the
	// board counts them there ("3 of 3 rated, 1 held"); none after it (see the
	// board's heldLive).
	held session.HeldRatings
	// paper is how many ratings were imported from paper: their authors are
	// not among the people who joined, and rated leaves them out.
	paper  int
	notes  []*session.Note // visible notes only
	themes []*session.Theme
	// numbers are the themes' numbers as the board gives them (its M and # take
	// them; themes nobody else sees come after these), so that the room can follow
	// "move it to 5".
	numbers map[int64]int
	totals  map[int64]int
	// ranked are the themes' IDs in the session's one ranking (session.RankThemes,
	// as the board, the findings and the participants' screens order them), once
	// voting has closed.
	ranked []int64
	// scores are the ranked themes' scores, by ID: the bars of the results.
	scores  map[int64]int
	actions []*session.ActionPoint
	stats   session.RatingStats
	failed  string

	scroll int
	// lastBody is how many lines the body had when last drawn, to bound scrolling.
	lastBody, lastRoom int

	timeUp timeUp

	loading, loaded bool
	pending         session.Change
	// pace spaces the reads (loading is set while one waits).
	pace readPace
}

var presentKeys = struct{ Scroll, Page, Leave, Back key.Binding }{
	Scroll: key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑/↓", "scroll")),
	Page:   key.NewBinding(key.WithKeys("pgup", "pgdown", " ", "home", "end"), key.WithHelp("pgup/pgdn/home/end", "page")),
	// Leave asks first, and esc is not one of its keys: on the projector's
	// laptop esc is what someone presses to leave full screen, and the room's
	// screen ended mid-session.
	Leave: key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "leave")),
	// Back is Leave as the key line says it when the view was opened from the
	// home screen, to which q goes back: "leave" read as ending the connection.
	Back: key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q", "back")),
}

// newPresent opens the projector view of the session with join code c.
func newPresent(e *env, c string) *presentScreen {
	return &presentScreen{e: e, code: c}
}

// newPresentOf opens the projector view of sess from the facilitator's home.
func newPresentOf(e *env, sess *session.Session) *presentScreen {
	return &presentScreen{e: e, code: sess.Code, sess: sess, fromHome: true}
}

type presentFoundMsg struct{ sess *session.Session }

func (s *presentScreen) Init() tea.Cmd {
	if s.sess != nil {
		return s.watchAndLoad()
	}
	svc, c := s.e.opt.Service, s.code
	if session.NormalizeCode(c) == "" {
		// The projector has no field to type a code in.
		line := "present CODE"
		if s.e.opt.JoinHint != "" {
			line = s.e.opt.JoinHint + " present CODE"
		}
		return func() tea.Msg {
			return errMsg{session.Errorf(session.EInvalid, "Name the session to show after the word present: %s, with its join code. The facilitator home lists each session with its code, and p there opens the selected session's projector view.", line)}
		}
	}
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		sess, err := svc.FindByCode(ctx, c)
		if session.ErrorCode(err) == session.ENotFound && session.NormalizeCode(c) != "" {
			// FindByCode's advice is the participants' ("check the code with your
			// facilitator"); the projector is opened with a facilitator's key.
			err = session.Errorf(session.ENotFound, "No session has the code %q. The facilitator home lists each session with its code, and p there opens the selected session's projector view.", session.ShownCode(c))
		}
		if err != nil {
			return errMsg{err}
		}
		return presentFoundMsg{sess}
	})
}

func (s *presentScreen) watchAndLoad() tea.Cmd {
	s.e.watch(s.sess.ID, session.ChangeSession|session.ChangeNotes|session.ChangeReleased|session.ChangePeople|session.ChangeThemes)
	s.loading = true
	return s.load()
}

type presentStateMsg struct {
	sess           *session.Session
	people, joined int
	done, rated    int
	held           session.HeldRatings
	paper          int
	ratings        []int
	notes          []*session.Note
	themes         []*session.Theme
	numbers        map[int64]int
	totals         map[int64]int
	ranked         []int64
	scores         map[int64]int
	actions        []*session.ActionPoint
}

// presentReader is what the projector reads: the board, of which it shows less.
type presentReader interface {
	BoardView(ctx context.Context, sessionID string) (*session.BoardView, error)
}

// loadPending reads the changes pending, when their turn has come (readPace; due
// says the wait for it is over), in one read.
func (s *presentScreen) loadPending(due bool) tea.Cmd {
	if s.pending == 0 {
		s.loading = false
		return nil
	}
	s.loading = true
	if cmd, wait := s.pace.next(s.e.opt.Conn, s.e.now(), due); wait {
		return cmd
	}
	s.pending = 0
	return s.load()
}

// quietOnChange: a change only begins a read (or its wait); the projector is drawn
// again with what is read.
func (s *presentScreen) quietOnChange() {}

func (s *presentScreen) load() tea.Cmd {
	var svc presentReader = s.e.opt.Service
	id := s.sess.ID
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		v, err := svc.BoardView(ctx, id)
		if err != nil {
			return errMsg{err}
		}
		sess := v.Session
		st := presentStateMsg{sess: sess}
		for _, p := range v.People {
			if p.Paper {
				continue
			}
			st.joined++
			if p.Removed {
				continue
			}
			st.people++
			// As the board counts them: those who said so (x). Counting who gave
			// every dot would tell, as a theme is hidden and its dots go back, how
			// many who had voted fully backed it.
			if p.Done {
				st.done++
			}
		}
		st.rated, st.paper = v.Rated, v.PaperRatings()
		if !sess.Furthest().AtLeast(session.PhaseWrite) {
			// The board counts them there; the room reads one count.
			st.held = v.Held
		}
		if sess.RatingsShown {
			st.ratings = v.Ratings
		}
		for _, n := range v.Notes {
			if n.Hidden {
				continue
			}
			c := *n
			c.ParticipantID = 0 // the projector has no use for authors
			if !sess.Phase.NotesVisibleToAll() {
				c.Text = "" // before the reveal only the count leaves this function
			}
			st.notes = append(st.notes, &c)
		}
		// In the order every screen lists notes in (case aside): sorted as strings,
		// capitals came first, and the notes typed live (capitalised) stood apart
		// from the paper ones at the top of each lane and theme.
		session.SortNotes(st.notes)
		if sess.Phase.AtLeast(session.PhaseGroup) {
			// What participants see: no theme without a visible note, no name
			// made from a hidden one.
			st.themes, st.actions = v.ShownThemes(), v.ShownActions()
			st.numbers = make(map[int64]int, len(v.Themes))
			for i, t := range v.Themes {
				st.numbers[t.ID] = i + 1
			}
			if sess.Phase.AtLeast(session.PhaseActions) {
				st.totals, st.scores = v.Totals, map[int64]int{}
				for _, p := range v.Ranked {
					st.ranked = append(st.ranked, p.ID)
					st.scores[p.ID] = p.Score
				}
			}
		}
		return st
	})
}

func (s *presentScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case presentFoundMsg:
		s.sess = msg.sess
		return s, s.watchAndLoad()
	case presentStateMsg:
		s.loading, s.loaded = false, true
		if s.sess.Phase != msg.sess.Phase {
			s.scroll = 0
		}
		s.sess, s.people, s.joined, s.done, s.rated, s.paper = msg.sess, msg.people, msg.joined, msg.done, msg.rated, msg.paper
		s.held = msg.held
		s.notes, s.themes, s.totals, s.ranked, s.scores, s.actions = msg.notes, msg.themes, msg.totals, msg.ranked, msg.scores, msg.actions
		s.numbers = msg.numbers
		s.stats = session.Summarize(msg.ratings)
		s.failed = ""
		s.timeUp.see(s.sess.Timer, s.e.now())
		if s.pending != 0 {
			return s, s.loadPending(false)
		}
	case readDueMsg:
		if s.pace.over() {
			return s, s.loadPending(true)
		}
	case ChangedMsg:
		s.pending |= msg.What
		if s.loading || s.sess == nil {
			return s, nil
		}
		return s, s.loadPending(false)
	case tickMsg:
		if s.sess != nil {
			s.timeUp.see(s.sess.Timer, s.e.now())
		}
	case errMsg:
		s.loading = false
		s.failed = s.e.errorMessage(msg.err)
	case tea.KeyMsg:
		if s.leaving {
			s.leaving = false
			if msg.String() == "y" {
				return s, tea.Quit
			}
			return s, nil
		}
		switch {
		case s.fromHome && key.Matches(msg, presentKeys.Back):
			if s.sess != nil {
				return homeAt(s.e, s.sess.ID), nil
			}
			return newHome(s.e), nil
		case key.Matches(msg, presentKeys.Leave) && !s.loaded:
			// No session shown (a wrong code, a first read that failed): nothing
			// to keep on the screen, and the question would not show.
			return s, tea.Quit
		case key.Matches(msg, presentKeys.Leave):
			s.leaving = true
		case key.Matches(msg, presentKeys.Scroll):
			if msg.String() == "up" || msg.String() == "k" {
				s.scroll--
			} else {
				s.scroll++
			}
		case key.Matches(msg, presentKeys.Page):
			switch msg.String() {
			case "pgup":
				s.scroll -= max(s.lastRoom-1, 1)
			case "home":
				s.scroll = 0
			case "end":
				s.scroll = s.lastBody
			default:
				s.scroll += max(s.lastRoom-1, 1)
			}
		}
		s.scroll = max(min(s.scroll, maxScroll(s.lastBody, s.lastRoom)), 0)
	}
	return s, nil
}

func (s *presentScreen) timerRunning() bool { return s.loaded && s.sess.Timer.Running }

func (s *presentScreen) timerCounting() bool {
	return s.timerRunning() && s.sess.Timer.Remaining(s.e.now()) > 0
}

func (s *presentScreen) typing() bool { return false }

// timeUp notices the moment a running timer reaches zero, so that a screen can flash
// and ring the terminal's bell once; a timer already at zero when first seen rings
// nothing.
type timeUp struct {
	counting bool
	// at is when time was seen to be up; zero when it has not been.
	at time.Time
}

// How long a screen flashes when time is up, and how long the bell stays in what is
// drawn: shorter, so that the line that carries it is drawn once with it and once
// more without it (the renderer rewrites only lines that changed).
const (
	flashFor = 2 * time.Second
	bellFor  = time.Second
)

// see looks at the timer; it is called on every tick and load.
func (u *timeUp) see(t session.Timer, now time.Time) {
	left := t.Remaining(now)
	if u.counting && t.Active() && t.Running && left == 0 {
		u.at = now
	}
	u.counting = t.Running && left > 0
}

// decorate flashes a finished drawing (every line reversed, padded to the width) and
// puts the bell on its last line, the key help, which nothing else changes meanwhile.
// BEL is the program's own, not user text.
func (u *timeUp) decorate(view string, w int, now time.Time, sty *Styles) string {
	if u.at.IsZero() || !now.Before(u.at.Add(flashFor)) {
		return view
	}
	lines := strings.Split(view, "\n")
	for i, l := range lines {
		lines[i] = sty.Flash.Render(padRight(l, w))
	}
	if now.Before(u.at.Add(bellFor)) {
		lines[len(lines)-1] = "\a" + lines[len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// leaveKey is the key that leaves the view, as its key line says it.
func (s *presentScreen) leaveKey() key.Binding {
	if s.fromHome {
		return presentKeys.Back
	}
	return presentKeys.Leave
}

func (s *presentScreen) View() string {
	e, sty := s.e, s.e.sty
	w, h := max(e.w, 40), max(e.h, 12)
	if !s.loaded {
		msg := "Looking for the session " + code(session.NormalizeCode(s.code)) + "…"
		if s.failed != "" {
			msg = s.failed
		}
		return sty.Warn.Width(w-2).Render(msg) + "\n\n" + e.helpView([]key.Binding{s.leaveKey()})
	}
	now := e.now()
	header := s.header(w, now)
	footer := e.helpView([]key.Binding{s.leaveKey(), presentKeys.Scroll, presentKeys.Page})
	if s.leaving {
		footer = sty.Warn.Render(fit("Leave the projector view? y = leave, any other key = stay", w))
	}
	if s.failed != "" {
		footer = sty.Error.Render(fit(s.failed, w)) + "\n" + footer
	}
	room := max(h-lipgloss.Height(header)-lipgloss.Height(footer), 3)
	body := s.body(w, room, now)
	lines := strings.Split(strings.TrimRight(body, "\n"), "\n")
	s.lastBody, s.lastRoom = len(lines), room
	scroll := max(min(s.scroll, maxScroll(len(lines), room)), 0)
	if len(lines) > room {
		more := len(lines) - scroll - (room - 1)
		lines = lines[scroll : scroll+room-1]
		// What is out of view either way, so that the room never takes a
		// scrolled list for its start.
		switch {
		case more > 0 && scroll > 0:
			lines = append(lines, sty.Muted.Render(fit(fmt.Sprintf("↑ %d above · ↓ %s more (↑/↓, pgup/pgdn)", scroll, plural(more, "line")), w)))
		case more > 0:
			lines = append(lines, sty.Muted.Render(fit(fmt.Sprintf("↓ %s more (↓ or pgdn)", plural(more, "line")), w)))
		case scroll > 0:
			lines = append(lines, sty.Muted.Render(fit(fmt.Sprintf("↑ %s above (↑ or pgup)", plural(scroll, "line")), w)))
		default:
			lines = append(lines, "")
		}
	}
	for len(lines) < room {
		lines = append(lines, "")
	}
	view := header + "\n" + strings.Join(lines, "\n") + "\n" + footer
	return s.timeUp.decorate(view, w, now, sty)
}

// header is the session's title and phase, and the timer when it is not drawn large.
func (s *presentScreen) header(w int, now time.Time) string {
	sty := s.e.sty
	right := sty.Phase.Render(strings.ToUpper(string(s.sess.Phase)))
	if t := timerText(s.sess.Timer, now); t != "" {
		st := sty.Header
		if s.sess.Timer.Remaining(now) == 0 {
			st = sty.Warn
		}
		right = st.Render(t) + " " + right
	}
	left := sty.Title.Render("charter") + " " + sty.Header.Render(headTitle(s.sess.Title, w, right))
	gap := max(w-lipgloss.Width(left)-lipgloss.Width(right), 1)
	return fit(left+strings.Repeat(" ", gap)+right, w) + "\n" + sty.Muted.Render(strings.Repeat("─", w))
}

// body is what the phase shows, as many lines as it takes; View scrolls it.
func (s *presentScreen) body(w, room int, now time.Time) string {
	var b strings.Builder
	ask := s.ask()
	for _, l := range wrap(ask, w) {
		b.WriteString(s.e.sty.Header.Render(l) + "\n")
	}
	if s.sess.Phase == session.PhaseClosed {
		return b.String() + s.closedView(w, room-strings.Count(b.String(), "\n"))
	}
	b.WriteString("\n")
	used := lipgloss.Height(b.String()) - 1
	switch s.sess.Phase {
	case session.PhaseLobby:
		b.WriteString(s.lobbyView(w, room-used))
	case session.PhaseCheckIn:
		b.WriteString(s.timerView(w, room-used-4, now))
		b.WriteString(s.checkInView(w))
	case session.PhaseWrite:
		b.WriteString(s.timerView(w, room-used-4, now))
		b.WriteString(s.writeView(w, room-used))
	case session.PhaseReveal:
		b.WriteString(s.revealView(w, room-used))
	case session.PhaseGroup:
		b.WriteString(s.groupView(w, room-used))
	case session.PhaseVote:
		b.WriteString(s.timerView(w, room-used-4, now))
		b.WriteString(s.voteView(w, room-used))
	default:
		b.WriteString(s.resultsView(w, room-used))
	}
	return b.String()
}

// ask is the phase's one sentence for the room.
func (s *presentScreen) ask() string {
	switch s.sess.Phase {
	case session.PhaseLobby:
		return "Welcome! Join on your laptop. Nobody will see who wrote what."
	case session.PhaseCheckIn:
		return "How confident are you in your team's security? Rate it 1 to 5 on your screen."
	case session.PhaseWrite:
		return "Write your notes. Nobody sees them until the reveal, and never who wrote them."
	case session.PhaseReveal:
		return "Everyone's notes, without names."
	case session.PhaseGroup:
		return "The notes, grouped into themes."
	case session.PhaseVote:
		return fmt.Sprintf("Vote for the themes that matter most: %s each on your screen.", plural(s.sess.VoteBudget, "dot"))
	case session.PhaseActions:
		return "What we will do: the themes by priority (" + scoreFormula + "), with their action points."
	}
	return "The session is closed. Thank you for your honest feedback!"
}

// large draws s in the block font centred in w when it fits in w and maxH, else in
// one bold line.
func (s *presentScreen) large(text string, w, maxH int, st lipgloss.Style) string {
	k := bigScale(text, w, maxH)
	if k == 0 {
		return center(st.Render(text), w) + "\n"
	}
	var b strings.Builder
	for _, l := range bigText(text, k) {
		b.WriteString(center(st.Render(l), w) + "\n")
	}
	return b.String()
}

// center puts s in the middle of w cells.
func center(s string, w int) string {
	return strings.Repeat(" ", max((w-lipgloss.Width(s))/2, 0)) + s
}

// timerView is the timer drawn large, with a blank line under it; nothing when the
// phase has no timer.
func (s *presentScreen) timerView(w, maxH int, now time.Time) string {
	t := s.sess.Timer
	if !t.Active() {
		return ""
	}
	left := t.Remaining(now)
	st := s.e.sty.Title
	words := "left"
	switch {
	case left == 0:
		st, words = s.e.sty.Warn, "Time is up"
	case !t.Running:
		words = "left (paused)"
	}
	// At most half the room, so that what the phase shows stays on screen.
	return s.large(clock(left), w, max(maxH/2, glyphRows), st) + center(st.Render(words), w) + "\n\n"
}

func (s *presentScreen) lobbyView(w, room int) string {
	sty := s.e.sty
	var b strings.Builder
	b.WriteString(center(sty.Muted.Render("Join code"), w) + "\n")
	b.WriteString(s.large(code(s.sess.Code), w, max(room-6, glyphRows), sty.Title))
	b.WriteString("\n")
	if hint := s.e.opt.JoinHint; hint != "" {
		b.WriteString(center(sty.Header.Render(fit(hint+" "+s.sess.Code, w)), w) + "\n")
	} else {
		b.WriteString(center(sty.Header.Render(fit("ssh -t to this server, then type the code", w)), w) + "\n")
	}
	b.WriteString(center(fit(persons(s.people)+" joined so far.", w), w) + "\n")
	return b.String()
}

func (s *presentScreen) checkInView(w int) string {
	sty := s.e.sty
	var b strings.Builder
	// Paper ratings are counted apart, as a number of ratings: "0 of 0 people
	// rated" over a chart of paper ratings was false, and counting paper
	// authors among the people who joined would mix the two counts.
	var counts []string
	if s.joined > 0 || s.paper == 0 {
		// Those whose rating is held count as rated, the held ones apart, as on
		// the board: the projector said "2 of 3 people rated" beside the board's
		// "3 of 3 rated, 1 held" (a tester's finding).
		rated := fmt.Sprintf("%d of %s rated", min(s.rated+s.held.First, s.joined), persons(s.joined))
		if n := s.held.People(); n > 0 {
			rated += fmt.Sprintf(", %d held", n)
		}
		counts = append(counts, rated)
	}
	if s.paper > 0 {
		counts = append(counts, plural(s.paper, "rating")+" from paper")
	}
	for _, l := range packParts(counts, " · ", w, nil) {
		b.WriteString(center(sty.Header.Render(fit(l, w)), w) + "\n")
	}
	b.WriteString("\n")
	if s.sess.RatingsShown && s.stats.N > 0 {
		bars := ratingBars(s.stats, min(w, 70), sty)
		for _, l := range strings.Split(bars, "\n") {
			b.WriteString(strings.Repeat(" ", max((w-min(w, 70))/2, 0)) + l + "\n")
		}
	}
	return b.String()
}

func (s *presentScreen) writeView(w, room int) string {
	sty := s.e.sty
	var b strings.Builder
	n := len(s.notes)
	counts := fmt.Sprintf("%s · %d of %s done", plural(n, "note"), s.done, persons(s.people))
	if room >= 16 && !s.sess.Timer.Active() || room >= 30 {
		// Room to spare: the two numbers large, side by side.
		left := s.large(fmt.Sprint(n), w/2, glyphRows*2, sty.Title) + center(sty.Muted.Render(pluralWord(n, "note")+" so far"), w/2)
		right := s.large(fmt.Sprintf("%d/%d", s.done, s.people), w/2, glyphRows*2, sty.Title) + center(sty.Muted.Render("people done"), w/2)
		b.WriteString(lipgloss.JoinHorizontal(lipgloss.Top, padBlock(left, w/2), padBlock(right, w-w/2)) + "\n\n")
	} else {
		b.WriteString(center(sty.Header.Render(counts), w) + "\n\n")
	}
	per := map[session.Area]int{}
	for _, x := range s.notes {
		per[x.Area]++
	}
	var parts []string
	for _, a := range session.Areas {
		parts = append(parts, fmt.Sprintf("%s %d", a.Title(), per[a]))
	}
	// On as many lines as it takes, broken between areas: at 60 columns the
	// open topics' count was cut off.
	for _, l := range packParts(parts, " · ", w, nil) {
		b.WriteString(center(sty.Muted.Render(fit(l, w)), w) + "\n")
	}
	return b.String()
}

// packParts joins parts with sep into lines of at most width cells, breaking
// only between parts. A part wider than width has a line of its own, or, given
// wrapWide (wrap), is wrapped, and the parts after it go on from its last line.
func packParts(parts []string, sep string, width int, wrapWide func(string, int) []string) []string {
	var lines []string
	line := ""
	for _, p := range parts {
		switch {
		case line == "":
			line = p
		case lipgloss.Width(line+sep+p) <= width:
			line += sep + p
		default:
			lines = append(lines, line)
			line = p
		}
		if wrapWide != nil && lipgloss.Width(line) > width {
			ls := wrapWide(line, width)
			lines = append(lines, ls[:len(ls)-1]...)
			line = ls[len(ls)-1]
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// padBlock pads every line of a block to width w, so blocks join side by side.
func padBlock(s string, w int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = padRight(fit(l, w), w)
	}
	return strings.Join(lines, "\n")
}

// pluralWord is a noun for a count, without the count.
func pluralWord(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// block is a heading with lines under it, laid out in columns on wide screens.
type block struct {
	head  string
	lines []string
	// numbered lines start with their own number ("3. secrets"): no bullet
	// before it ("• 3. secrets" read as a list of two marks).
	numbered bool
}

// columns lays blocks out top to bottom, in as many columns as the width holds
// (about 60 cells each), filling each column to the room before the next.
func (s *presentScreen) columns(blocks []block, w, room int) string {
	n := max(min(w/60, 4), 1)
	gap := 3
	colW := (w - gap*(n-1)) / n
	var rendered [][]string
	total := 0
	for _, bl := range blocks {
		var ls []string
		for _, l := range wrap(bl.head, colW) {
			ls = append(ls, s.e.sty.Header.Render(l))
		}
		for _, l := range bl.lines {
			for i, x := range wrap(l, colW-2) {
				lead := "• "
				switch {
				case bl.numbered && i == 0:
					lead = ""
				case i > 0:
					lead = "  "
				}
				ls = append(ls, lead+x)
			}
		}
		ls = append(ls, "")
		rendered = append(rendered, ls)
		total += len(ls)
	}
	if n == 1 {
		var all []string
		for _, r := range rendered {
			all = append(all, r...)
		}
		return strings.Join(all, "\n")
	}
	// Columns of about even height, so that the room reads across the screen.
	target := (total + n - 1) / n
	cols := make([][]string, 1, n)
	for _, r := range rendered {
		c := len(cols) - 1
		if len(cols[c]) > 0 && len(cols[c])+len(r) > target && len(cols) < n {
			cols = append(cols, nil)
			c++
		}
		cols[c] = append(cols[c], r...)
	}
	parts := make([]string, 0, 2*len(cols))
	for i, c := range cols {
		if i > 0 {
			parts = append(parts, strings.Repeat(" ", gap))
		}
		for j, l := range c {
			c[j] = padRight(fit(l, colW), colW)
		}
		parts = append(parts, strings.Join(c, "\n"))
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, parts...)
}

// revealView lists the notes by area and lane, each lane's notes in the order of
// s.notes (by activity and text, case aside), which says nothing about who wrote
// them when.
func (s *presentScreen) revealView(w, room int) string {
	if len(s.notes) == 0 {
		return s.e.sty.Muted.Render("No notes yet.") + "\n"
	}
	type laneKey struct {
		area session.Area
		lane string
	}
	by := map[laneKey][]string{}
	var order []laneKey
	for _, a := range session.Areas {
		for _, l := range a.Lanes() {
			order = append(order, laneKey{a, l})
		}
	}
	var topics []string
	for _, n := range s.notes {
		k := laneKey{n.Area, n.Lane}
		if n.Area == session.AreaOpen && len(by[k]) == 0 {
			topics = append(topics, n.Lane)
		}
		t := n.Text
		if n.Activity != "" {
			t += " [" + n.Activity + "]"
		}
		by[k] = append(by[k], t)
	}
	slices.Sort(topics)
	for _, t := range topics {
		order = append(order, laneKey{session.AreaOpen, t})
	}
	var blocks []block
	for _, k := range order {
		ts := by[k]
		if len(ts) == 0 {
			continue
		}
		head := fmt.Sprintf("%s · %s (%d)", k.area.Title(), session.LaneTitle(k.lane), len(ts))
		blocks = append(blocks, block{head: head, lines: ts})
	}
	return s.columns(blocks, w, room) + "\n"
}

// themeBlocks are the themes with their notes, in the order given; each theme's
// notes in the order of s.notes (session.SortNotes), not of its IDs, which is the
// order they were written in.
func (s *presentScreen) themeBlocks(themes []*session.Theme, head func(*session.Theme, int) string) []block {
	var blocks []block
	for _, t := range themes {
		in := make(map[int64]bool, len(t.NoteIDs))
		for _, id := range t.NoteIDs {
			in[id] = true
		}
		var ts []string
		for _, n := range s.notes {
			if in[n.ID] {
				ts = append(ts, n.Text)
			}
		}
		blocks = append(blocks, block{head: head(t, len(ts)), lines: ts})
	}
	return blocks
}

func (s *presentScreen) groupView(w, room int) string {
	if len(s.themes) == 0 {
		return s.e.sty.Muted.Render("The facilitator is grouping the notes; themes appear here.") + "\n"
	}
	blocks := s.themeBlocks(s.themes, func(t *session.Theme, n int) string {
		if k := s.numbers[t.ID]; k > 0 {
			return fmt.Sprintf("%d. %s (%s)", k, t.Label, plural(n, "note"))
		}
		return fmt.Sprintf("%s (%s)", t.Label, plural(n, "note"))
	})
	return s.columns(blocks, w, room) + "\n"
}

func (s *presentScreen) voteView(w, room int) string {
	sty := s.e.sty
	var b strings.Builder
	// On two lines when narrow: on one, a terminal under 54 columns cut it.
	for _, l := range packParts([]string{fmt.Sprintf("%d of %s done voting", s.done, persons(s.people)), "results when voting closes"}, " · ", w, nil) {
		b.WriteString(center(sty.Header.Render(l), w) + "\n")
	}
	b.WriteString("\n")
	var labels []string
	allNumbered := true
	for _, t := range s.themes {
		// Numbered as on the board and on everyone's screen: "vote for 9" is
		// followed on the shared screen too.
		if k := s.numbers[t.ID]; k > 0 {
			labels = append(labels, fmt.Sprintf("%d. %s", k, t.Label))
		} else {
			labels, allNumbered = append(labels, t.Label), false
		}
	}
	b.WriteString(s.columns([]block{{head: "Themes", lines: labels, numbered: allNumbered}}, w, room) + "\n")
	return b.String()
}

// scoreFormula says what the results' scores count, as the session ranks themes
// (analysis.Score with one session).
const scoreFormula = "score = 3 × votes + 2 × people + notes"

// closedView is the closed session's results under its thank-you, with a legend
// that says what a score is: the actions phase's sentence said it, the thank-you
// does not. The legend stands under the thank-you with a blank line after it where
// the results leave room for both, else in place of the blank line, so that it
// never takes a line of results off the screen.
func (s *presentScreen) closedView(w, room int) string {
	results := s.resultsView(w, room)
	if len(s.rankedThemes()) == 0 {
		return "\n" + results
	}
	legend := s.e.sty.Muted.Render(either("Themes by priority ("+scoreFormula+")", scoreFormula, w)) + "\n"
	if 2+strings.Count(results, "\n") <= room {
		legend += "\n"
	}
	return legend + results
}

// rankedThemes is the session's one ranking, and only what it ranks.
func (s *presentScreen) rankedThemes() []*session.Theme {
	byID := make(map[int64]*session.Theme, len(s.themes))
	for _, t := range s.themes {
		byID[t.ID] = t
	}
	var ranked []*session.Theme
	for _, id := range s.ranked {
		if t := byID[id]; t != nil {
			ranked = append(ranked, t)
		}
	}
	return ranked
}

// resultsView lists the themes in order of priority with their votes, each with its
// action points: the actions phase and the closed session.
func (s *presentScreen) resultsView(w, room int) string {
	sty := s.e.sty
	ranked := s.rankedThemes()
	acts := map[int64][]*session.ActionPoint{}
	for _, a := range s.actions {
		acts[a.ThemeID] = append(acts[a.ThemeID], a)
	}
	// The bars show the score the themes are ranked by, not the votes alone: a
	// theme of many people's notes can rank above one with a vote more, and a bar
	// shorter than the one below it would read as a mistake on the room's screen.
	most := 1
	for _, t := range ranked {
		most = max(most, s.scores[t.ID])
	}
	var b strings.Builder
	if len(ranked) == 0 && len(s.actions) == 0 {
		return sty.Muted.Render("No themes and no action points.") + "\n"
	}
	barW := min(20, max(w/8, 5))
	figW := 0
	figures := make([]string, len(ranked))
	for i, t := range ranked {
		figures[i] = fmt.Sprintf("#%d · score %d · %s", i+1, s.scores[t.ID], plural(s.totals[t.ID], "vote"))
		figW = max(figW, lipgloss.Width(figures[i]))
	}
	indent := barW + 1 + figW + 2
	for i, t := range ranked {
		bar := sty.Bar.Render(strings.Repeat("█", s.scores[t.ID]*barW/most))
		if w-indent < 20 {
			// Too narrow beside the figures for a line of words ("Dependenc",
			// "y updates"): the name goes under them, as the action points do.
			b.WriteString(padRight(bar, barW) + " " + figures[i] + "\n")
			for _, l := range wrap(t.Label, w-4) {
				b.WriteString("    " + sty.Header.Render(l) + "\n")
			}
		} else {
			head := fmt.Sprintf("%s %s  %s", padRight(bar, barW), padRight(figures[i], figW), sty.Header.Render(t.Label))
			// Under the name, within the screen: a wide script's name wrapped at the
			// screen's width and then indented ran past its edge.
			for _, l := range wrapHanging(head, w, indent) {
				b.WriteString(l + "\n")
			}
		}
		for _, a := range acts[t.ID] {
			b.WriteString(s.actionLines(a, w, indent))
		}
	}
	if loose := acts[0]; len(loose) > 0 {
		b.WriteString("\n" + sty.Header.Render("Action points without a theme") + "\n")
		for _, a := range loose {
			b.WriteString(s.actionLines(a, w, 2))
		}
	}
	return b.String()
}

// actionLines is one action point, wrapped under an indent: its title, priority,
// status, due day and how many volunteered (never who).
func (s *presentScreen) actionLines(a *session.ActionPoint, w, indent int) string {
	text := fmt.Sprintf("→ %s · %s · %s", a.Title, session.PriorityName(a.Priority), a.Status)
	if a.Due != "" {
		text += " · due " + a.Due
	}
	if n := len(a.Volunteers); n > 0 {
		text += " · " + plural(n, "volunteer")
	}
	// Under the theme's name while a line of words fits there; else nearer the
	// left edge: wrapped 20 columns wide at an indent that left fewer, it ran
	// past the screen's edge and the terminal cut its words.
	if w-indent < 20 {
		indent = min(indent, 4)
	}
	var b strings.Builder
	for _, l := range wrap(text, max(w-indent, 1)) {
		b.WriteString(strings.Repeat(" ", indent) + l + "\n")
	}
	return b.String()
}

// maxScroll is how far a body of n lines scrolls in room lines: a body taller than
// the room shows room-1 lines above the line that says how many more there are, so
// its last line is shown at n-(room-1), not n-room (which left it out for good).
func maxScroll(n, room int) int {
	if n <= room {
		return 0
	}
	return n - (room - 1)
}
