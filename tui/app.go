package tui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/charter-tool/charter/session"
)

// Options wire a connection's app to the rest of charter.
type Options struct {
	Service *session.Service
	// Context is the connection's: it ends when the SSH session does, and so do the
	// service calls the screens make. Nil is a connection that never ends (tests).
	Context context.Context
	// Conn receives live changes; nil in tests that need none.
	Conn     *Conn
	Renderer *lipgloss.Renderer
	// Facilitator is true only for a key on the allowlist.
	Facilitator bool
	// KeyHash identifies a returning participant; empty when they have no key.
	KeyHash string
	// Code is the join code given on the ssh command line, if any.
	Code string
	// Present opens the projector view of the session with Code instead of the
	// facilitator's home; only for a facilitator.
	Present bool
	// Claim is asked first with every code typed on the join screen: it returns true
	// when the code was the one-time facilitator claim code and this key is now a
	// facilitator. Nil when claiming is closed.
	Claim func(code string) (bool, error)
	// Export writes a session's findings document and returns where it went.
	Export func(ctx context.Context, sessionID string) (string, error)
	// Guard locks out connections that try too many wrong codes; nil means no lockout.
	Guard Guard
	// Remote is the connection's network address, for the limits per address.
	Remote string
	// JoinHint is the ssh command participants type, without the code.
	JoinHint string
	// Now is the clock (for timers).
	Now func() time.Time
	// IdleTimeout disconnects after this long without a key press, with a warning
	// shortly before and a message saying why; 0 never does.
	IdleTimeout time.Duration
	// Goodbye, if set, is told why the app is about to end the connection (the server
	// shutting down, idleness), so that the words can be written again after the
	// alternate screen is gone and stay in the person's terminal.
	Goodbye func(msg string)
	// Failed, if set, sees every internal error a screen shows as "Something went
	// wrong" (a note not saved on a full disk, for one), once per error shown, so
	// that a log can hold it: the screen hides its details.
	Failed func(err error)
	// KeepAlive, if set, is called when an idle check finds the connection in use
	// (a key or a change in the session since the last check), so that the
	// connection's own idle limit, which counts only its traffic, does not close it
	// while the screen has had nothing new to draw.
	KeepAlive func()
}

// Guard is what the join screen asks before and after trying a code, so that codes
// cannot be found by guessing. One Guard serves one connection.
type Guard interface {
	// Check returns an error to show when the connection may not try a code now.
	Check() error
	// Fail records code, which named no session and no participant: a try
	// toward the lockout, unless Refused(code) already.
	Fail(code string)
	// Refused reports whether code was refused here before and still counts: typed
	// again, from this connection or another (a reconnect), it is no new guess,
	// and is neither tried nor counted again.
	Refused(code string) bool
	// Left says how many tries are left before a lockout, as a line to show; empty
	// while nothing was tried wrong.
	Left() string
}

// env is what every screen shares: options, styles and the terminal's size.
type env struct {
	opt  Options
	sty  *Styles
	w, h int
	// rejoinCode is the personal rejoin code of a participant without a key, as
	// given or entered on this connection (see session.Participant.RejoinCode).
	rejoinCode string
	// newSession is a new session's form left with esc after something was typed
	// into it: n on the home opens it again as it was, as a participant's n opens
	// a note put aside.
	newSession *formScreen
}

func (e *env) now() time.Time { return e.opt.Now() }

// today is the day of now (UTC, YYYY-MM-DD), as session.Service.Today says it: the
// day a session past its day is compared with.
func (e *env) today() string { return e.now().UTC().Format(session.DateLayout) }

// errorMessage is what to tell the person about err. An internal error is also
// handed to Options.Failed, once per error shown.
func (e *env) errorMessage(err error) string {
	return session.Tell(err, e.opt.Failed)
}

func (e *env) watch(sessionID string, mask session.Change) {
	e.opt.Conn.Watch(sessionID, mask)
}

// screen is one page of the app.
type screen interface {
	Init() tea.Cmd
	Update(tea.Msg) (screen, tea.Cmd)
	View() string
}

// timedScreen is a screen that shows a session's timer. While the timer runs, the app
// ticks once a second to redraw it; other screens are not redrawn by the clock.
type timedScreen interface {
	timerRunning() bool
}

// countdownScreen is a screen whose timer runs with time left (one at zero counts no
// more); a countdown is the session going on, so the connection is not idle.
type countdownScreen interface {
	timerCounting() bool
}

// typingScreen is a screen that can have a text box open. Several runes arriving in
// one message are text for the box while typing, and single key presses otherwise;
// a paste (the terminal marks it) is text, dropped when no box is open (unless it
// begins one, see noteByPasteScreen).
type typingScreen interface {
	typing() bool
}

// noteByPasteScreen is a typingScreen on which a paste with no text box open may
// begin a note, as typed words do on a participant's list of notes: the paste is
// then the note's text, not dropped.
type noteByPasteScreen interface {
	pasteBeginsNote() bool
}

// toScreen hands msg to the current screen. A screen that moves on returns the next
// screen from its Update, which starts at once: the keys after the one that opened
// it (typed fast, pasted, or arriving together over a slow link) are its own, not
// taken by the screen left behind as its commands.
func (a *App) toScreen(msg tea.Msg) tea.Cmd {
	cmd, start := a.toScreenStart(msg)
	return tea.Batch(cmd, start)
}

// toScreenStart is toScreen with the next screen's Init apart (nil when the screen
// stays): keys handed on one by one run their commands in order, and the next
// screen's start must not wait behind the work of the screen it replaced.
func (a *App) toScreenStart(msg tea.Msg) (cmd, start tea.Cmd) {
	prev := a.screen
	next, cmd := prev.Update(msg)
	a.screen = next
	if next != prev {
		start = next.Init()
	}
	return cmd, start
}

// tickMsg redraws timers once a second; screens read the time from env.now.
type tickMsg struct{}

// tick asks for the next tickMsg by the connection's timer (see Conn.Tick), not a
// goroutine per screen and second while a timer runs.
func (a *App) tick() tea.Cmd {
	return a.env.opt.Conn.Tick(time.Second, tickMsg{})
}

// quitAfterMsg ends the program after a notice has been read.
type quitAfterMsg struct{}

// App is the root model of one connection.
type App struct {
	env      *env
	screen   screen
	notice   string
	quitting bool
	// last is the last drawing; cached says nothing has changed since. An app drawn
	// by Frames (framed) is asked viewUnchanged instead and keeps no drawing.
	last   string
	cached bool
	framed bool
	// lastKey is when a key was last pressed or something changed in the session on
	// screen (a note, a person, a phase, a running timer): a screen that is watched
	// without typing is not idle. idleWarned says the warning is shown.
	lastKey    time.Time
	idleWarned bool
	// ticking says a tick is on its way: one comes each second only while the
	// screen shows a running timer, so that idle screens are not woken for nothing.
	ticking bool
}

// New returns the app for one connection.
func New(opt Options) *App {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	e := &env{opt: opt, sty: NewStyles(opt.Renderer), w: 80, h: 24}
	a := &App{env: e}
	switch {
	case opt.Present && !opt.Facilitator:
		// The view shows what only the facilitator may put on the wall.
		a.notice = "The projector view is for facilitators' keys. " + joinInstead(e, opt.Code)
		a.screen = newJoin(e, "")
	case opt.Facilitator && opt.Present:
		a.screen = newPresent(e, opt.Code)
	case opt.Facilitator:
		h := newHome(e)
		if c := session.CleanText(opt.Code); c != "" {
			// `ssh -t HOST expot`: the home, and why not what was typed.
			h.status = fmt.Sprintf("“%s” opens nothing on a terminal: here are your sessions (enter opens a board); present CODE opens the projector, and commands such as export run with ssh -T.", fit(c, 24))
			h.typed = c
		}
		a.screen = h
	default:
		a.screen = newJoin(e, opt.Code)
	}
	return a
}

// Init implements tea.Model.
func (a *App) Init() tea.Cmd {
	a.lastKey = a.env.now()
	if a.notice != "" {
		a.goodbye()
		return tea.Tick(1500*time.Millisecond, func(time.Time) tea.Msg { return quitAfterMsg{} })
	}
	return tea.Batch(a.screen.Init(), a.idleCheck())
}

// goodbye hands the notice to Options.Goodbye.
func (a *App) goodbye() {
	if a.env.opt.Goodbye != nil {
		a.env.opt.Goodbye(a.notice)
	}
}

// idleCheckMsg asks whether the connection has been idle too long.
type idleCheckMsg struct{}

// idleWarnBefore is how long before the idle disconnect the warning shows: a fifth
// of the limit, at most a minute, but at least five seconds (half of a shorter
// limit), time for a person to see it and press a key.
func (a *App) idleWarnBefore() time.Duration {
	limit := a.env.opt.IdleTimeout
	return min(time.Minute, max(limit/5, min(limit/2, 5*time.Second)))
}

// idleCheck schedules the next idle check: at the warning, or at the disconnect.
func (a *App) idleCheck() tea.Cmd {
	limit := a.env.opt.IdleTimeout
	if limit <= 0 {
		return nil
	}
	at := a.lastKey.Add(limit - a.idleWarnBefore())
	if a.idleWarned {
		at = a.lastKey.Add(limit)
	}
	// Conn.Tick: a timer, not a goroutine per connection waiting for it.
	return a.env.opt.Conn.Tick(max(at.Sub(a.env.now()), 10*time.Millisecond), idleCheckMsg{})
}

// idle handles an idle check: warn, disconnect with a message, or look again later.
func (a *App) idle() tea.Cmd {
	limit := a.env.opt.IdleTimeout
	if _, watched := a.screen.(*presentScreen); watched {
		// The projector is watched, never typed into: nobody is at its laptop to
		// answer "Still there?", and the room would see it close while it reads.
		// --max-timeout still ends it.
		a.lastKey = a.env.now()
	}
	idle := a.env.now().Sub(a.lastKey)
	switch {
	case a.quitting:
		return nil
	case idle >= limit:
		a.notice = fmt.Sprintf("Disconnected after %s without a key press or any change in the session. Everything you entered is saved; connect again with the same command to carry on.", roundDuration(limit))
		a.goodbye()
		return tea.Tick(1500*time.Millisecond, func(time.Time) tea.Msg { return quitAfterMsg{} })
	case idle >= limit-a.idleWarnBefore():
		a.idleWarned = true
	default:
		// In use, maybe only because the session changed: what changed need not
		// change this screen, and then nothing went over the connection, whose own
		// idle limit counts its traffic. Tell it the screen is in use.
		if keep := a.env.opt.KeepAlive; keep != nil {
			return tea.Batch(a.idleCheck(), func() tea.Msg { keep(); return nil })
		}
	}
	return a.idleCheck()
}

// roundDuration says d in whole minutes, or seconds when shorter than a minute.
func roundDuration(d time.Duration) string {
	if d < time.Minute {
		return plural(int(d.Round(time.Second)/time.Second), "second")
	}
	return plural(int(d.Round(time.Minute)/time.Minute), "minute")
}

// Update implements tea.Model.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tickMsg); ok {
		a.ticking = false
	}
	if k, ok := msg.(tea.KeyMsg); ok && len(k.Runes) > 0 {
		// bubbletea hands every connection the same rune slice for some keys (space,
		// for one), and bubbles' text fields clean their input in place: each screen
		// gets its own copy, or two people typing a space at once race.
		k.Runes = append([]rune(nil), k.Runes...)
		msg = k
	}
	m, cmd := a.update(msg)
	if a.ticking || a.quitting {
		return m, cmd
	}
	if t, ok := a.screen.(timedScreen); ok && t.timerRunning() {
		a.ticking = true
		return m, tea.Batch(cmd, a.tick())
	}
	return m, cmd
}

func (a *App) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tickMsg); !ok {
		a.cached = false
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.env.w, a.env.h = msg.Width, msg.Height
	case idleCheckMsg:
		return a, a.idle()
	case ChangedMsg:
		// Something happened in the session on screen: not idle.
		if !a.idleWarned {
			a.lastKey = a.env.now()
		}
	case tea.KeyMsg:
		a.lastKey = a.env.now()
		if a.idleWarned {
			// The key that answers the warning does nothing else.
			a.idleWarned = false
			return a, nil
		}
		// bubbletea hands every program the same shared rune slice for a space; a
		// text box that writes into it races with other connections. Use our own.
		if msg.Type == tea.KeySpace {
			msg.Runes = []rune{' '}
		}
		if msg.String() == "ctrl+c" {
			if _, asks := a.screen.(asksBeforeLeaving); !asks || a.tooNarrow() {
				a.quitting = true
				return a, tea.Quit
			}
			return a, a.toScreen(msg)
		}
		if a.tooNarrow() {
			// The screen is not shown: a key would act on what nobody sees.
			return a, nil
		}
		if msg.Type == tea.KeyRunes && slices.ContainsFunc(msg.Runes, session.Hidden) {
			// What reorders or hides text never reaches a box: it would show there, on
			// the person's own terminal, and count, yet not be stored.
			msg.Runes = slices.DeleteFunc(slices.Clone(msg.Runes), session.Hidden)
			if len(msg.Runes) == 0 {
				return a, nil
			}
		}
		// A paste that begins a note (see noteByPasteScreen) is text for the box it
		// opens: not split into keys below, not dropped.
		beginsNote := false
		if msg.Paste {
			if t, ok := a.screen.(typingScreen); ok && !t.typing() {
				// Pasted with no text box open: text, not key presses. Its letters
				// ran as keys, and "dy" in a paragraph deleted a note.
				n, ok := a.screen.(noteByPasteScreen)
				if beginsNote = ok && n.pasteBeginsNote(); !beginsNote {
					return a, nil
				}
			}
		}
		// Typed text can arrive as one message of several runes; if those spell a key
		// name ("up", "enter", ...) key bindings would match and swallow the word.
		// Marked as a paste, it is inserted as text.
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 {
			if t, ok := a.screen.(typingScreen); ok && !t.typing() && !beginsNote {
				// Not in a text box: several keys that arrived together (a fast
				// typist, a slow link) are each a key press.
				var cmds, starts []tea.Cmd
				for _, r := range msg.Runes {
					cmd, start := a.toScreenStart(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
					cmds, starts = append(cmds, cmd), append(starts, start)
				}
				// In order: the second key's change must not overtake the first's.
				return a, tea.Batch(append(starts, tea.Sequence(cmds...))...)
			}
			if slices.Contains(msg.Runes, 0x1b) {
				// A pasted escape sequence goes whole: the text box drops only its
				// control characters and would keep the rest (a title's "]0;...").
				msg.Runes = []rune(ansi.Strip(string(msg.Runes)))
			}
			msg.Paste = true
			return a, a.toScreen(msg)
		}
	case takenOverMsg:
		a.notice = "Your rejoin code was just used on another connection, which is now you in this session; this one is closed. If that was not you, tell the facilitator at once."
		a.goodbye()
		return a, tea.Tick(1500*time.Millisecond, func(time.Time) tea.Msg { return quitAfterMsg{} })
	case ShutdownMsg:
		a.notice = "The server is shutting down for a moment. Everything you entered is saved; reconnect with the same command in a minute."
		a.goodbye()
		return a, tea.Tick(1500*time.Millisecond, func(time.Time) tea.Msg { return quitAfterMsg{} })
	case quitAfterMsg:
		a.quitting = true
		return a, tea.Quit
	case tickMsg:
		// Only a running timer changes with the clock; other screens keep their last
		// drawing instead of being rendered again every second.
		if t, ok := a.screen.(timedScreen); !ok || !t.timerRunning() {
			a.cached = true
			return a, nil
		}
		if t, ok := a.screen.(countdownScreen); ok && t.timerCounting() && !a.idleWarned {
			a.lastKey = a.env.now() // a timer counting down is the session going on
		}
		return a, a.toScreen(msg)
	}
	before := a.screen
	cmd := a.toScreen(msg)
	switch msg.(type) {
	case ChangedMsg, readDueMsg:
		if _, quiet := a.screen.(quietOnChange); quiet && !a.idleWarned {
			// The drawing after the last message is still the screen: when a change
			// reaches a thousand screens, each is drawn once, with what it read.
			a.cached = true
		}
	}
	if s, ok := a.screen.(asIsScreen); ok && a.screen == before && s.leftAsIs() && !a.idleWarned {
		a.cached = true
	}
	return a, cmd
}

// asIsScreen is a screen that can tell that the last message left it as it was
// drawn (a key that began saving a note): it is not drawn again.
type asIsScreen interface{ leftAsIs() bool }

// asksBeforeLeaving is a screen that takes ctrl+c itself, to cancel what is open
// or ask before the person leaves what they were in the middle of; on the others
// ctrl+c ends the connection at once (and does on a terminal too narrow to show
// the question).
type asksBeforeLeaving interface{ asksBeforeLeaving() }

// quietOnChange is a screen that looks the same after a ChangedMsg (and after
// readDueMsg): it only starts reading what changed, and is drawn again
// when that arrives.
type quietOnChange interface{ quietOnChange() }

// View implements tea.Model.
func (a *App) View() string {
	if a.cached && a.last != "" {
		return a.last
	}
	v := a.view(nil)
	if !a.framed {
		a.last = v
	}
	return v
}

// drawnByFrames and viewUnchanged implement keptView.
func (a *App) drawnByFrames()      { a.framed = true }
func (a *App) viewUnchanged() bool { return a.cached }

// minCols is the narrowest terminal the screens are drawn for: each lays itself out
// at least this wide, and on a narrower one every line was cut (a phone's 34
// columns lost the ends of notes, even on the projector).
const minCols = 40

// tooNarrow says the terminal is narrower than the screens are drawn for.
func (a *App) tooNarrow() bool { return a.env.w > 0 && a.env.w < minCols }

// viewInto implements textViewer: Frames lends the frame's text.
func (a *App) viewInto(t *viewText) string { return a.view(t) }

// view draws the connection's screen, into t when it is not nil and the screen can.
func (a *App) view(t *viewText) string {
	if a.notice != "" {
		return a.env.sty.Warn.Width(max(a.env.w-2, 20)).Render(a.notice) + "\n"
	}
	if a.quitting {
		return ""
	}
	if a.tooNarrow() {
		w := a.env.w
		var b strings.Builder
		for _, l := range wrap(fmt.Sprintf("This terminal is %d columns wide; charter needs %d. Widen the window (or make the font smaller): nothing is lost meanwhile, but keys do nothing until it is wide enough.", w, minCols), max(w-1, 8)) {
			b.WriteString(a.env.sty.Warn.Render(l) + "\n")
		}
		return b.String()
	}
	if a.idleWarned {
		left := a.env.opt.IdleTimeout - a.env.now().Sub(a.lastKey)
		return a.env.sty.Warn.Width(max(a.env.w-2, 20)).Render(fmt.Sprintf(
			"Still there? No key was pressed and nothing changed for a while: this connection closes in about %s. Press any key to stay.", roundDuration(max(left, time.Second)))) + "\n"
	}
	if v, ok := a.screen.(textViewer); ok && t != nil {
		return v.viewInto(t)
	}
	return a.screen.View()
}

// errMsg carries an error from a command to the screen that ran it.
type errMsg struct{ err error }

// withTimeout runs f with the connection's context and a deadline: a stuck disk never
// freezes a screen forever, and work for a connection that closed stops. A write cut
// off that way is not stored, and nobody is left to be told it was.
func (e *env) withTimeout(f func(ctx context.Context) tea.Msg) tea.Cmd {
	parent := e.opt.Context
	if parent == nil {
		parent = context.Background()
	}
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(parent, 10*time.Second)
		defer cancel()
		return f(ctx)
	}
}

// joinInstead tells a participant who asked for the projector view how to join the
// session: the server's own ssh command with the code they gave, cleaned as any
// text of theirs and written as the board writes codes, when both are known.
func joinInstead(e *env, code string) string {
	code = session.NormalizeCode(session.CleanText(code))
	if e.opt.JoinHint == "" || code == "" || len(code) > 20 {
		return "To join the session, connect without the word present and type its join code."
	}
	return "To join the session, connect with: " + e.opt.JoinHint + " " + code
}
