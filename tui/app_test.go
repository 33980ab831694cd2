package tui_test

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/charter-tool/charter/internal/testdb"
	"github.com/charter-tool/charter/internal/testmain"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
	"github.com/charter-tool/charter/tui"
)

// clock is the moment every screen in these tests is drawn at, so timers and golden
// screens do not depend on when the tests run.
var clock = time.Date(2026, time.March, 10, 14, 0, 0, 0, time.UTC)

// waitTime bounds every wait for something to appear on a screen: long, since a
// wait ends as soon as it is drawn and a loaded machine (CI, -race) is slow: at a
// load of 10 on 2 cores, four tests ran past 15 s now and then.
const waitTime = 30 * time.Second

// Terminal size of every test screen.
const termW, termH = 80, 24

func TestMain(m *testing.M) {
	// Bubbles components draw with the default renderer; without colours, golden
	// screens hold only what a person reads.
	testmain.NoRaceExitPause()
	// The screens' tests wait for frames (bubbletea draws at most 60 a second) and
	// for the database's syncs more than they compute: at go test's default of one
	// test per core, a run used about one core of two.
	testmain.Parallel(testmain.Waiting)
	lipgloss.SetColorProfile(termenv.Ascii)
	testmain.Exit(m.Run())
}

// world is a real service over a real SQLite file, with a hub as its notifier. The
// tests check what was stored in db; the screens read only through svc.
type world struct {
	t   *testing.T
	ctx context.Context
	svc *session.Service
	db  *sqlite.DB
	hub *tui.Hub
}

func newWorld(t *testing.T) *world {
	t.Helper()
	return newWorldOver(t, nil)
}

// newWorldOver is newWorld with the service over wrap(db), a store that may delay or
// change what the database answers; nil wrap is the database itself.
func newWorldOver(t *testing.T, wrap func(session.Store) session.Store) *world {
	t.Helper()
	db := testdb.Open(t)
	hub := tui.NewHub()
	hub.Now = func() time.Time { return clock }
	var st session.Store = db
	if wrap != nil {
		st = wrap(db)
	}
	svc := session.NewService(st, hub)
	svc.Now = func() time.Time { return clock }
	return &world{t: t, ctx: context.Background(), svc: svc, db: db, hub: hub}
}

// in is the world for subtest t: the connections it opens end with t, and it fails
// t. Subtests that share a world take turns (none is parallel).
func (w *world) in(t *testing.T) *world {
	sub := *w
	sub.t = t
	return &sub
}

func (w *world) newSession(title string) *session.Session {
	w.t.Helper()
	// Held on the test clock's day: the day due dates are checked against.
	s, err := w.svc.NewSession(w.ctx, session.Session{Title: title, Audience: session.AudienceDevelopers, Location: "Berlin",
		Date: clock.Format(session.DateLayout)})
	if err != nil {
		w.t.Fatal(err)
	}
	return s
}

// join adds a participant with a key; a non-empty name is set as theirs.
func (w *world) join(s *session.Session, keyHash, name string) *session.Participant {
	w.t.Helper()
	p, err := w.svc.Join(w.ctx, s.ID, keyHash)
	if err != nil {
		w.t.Fatal(err)
	}
	if name != "" {
		if err := w.svc.SetName(w.ctx, p, name); err != nil {
			w.t.Fatal(err)
		}
	}
	return p
}

// writingParticipant is the most common start of a test: a session in the write
// phase with one anonymous participant, whose key hash is "key-1".
func (w *world) writingParticipant() (*session.Session, *session.Participant) {
	w.t.Helper()
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	return sess, w.join(sess, "key-1", "")
}

func (w *world) setPhase(s *session.Session, ph session.Phase) {
	w.t.Helper()
	if _, err := w.svc.SetPhase(w.ctx, s.ID, ph); err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) addNote(p *session.Participant, area session.Area, lane, text string) *session.Note {
	w.t.Helper()
	n, err := w.svc.AddNote(w.ctx, p.ID, session.Note{Area: area, Lane: lane, Text: text})
	if err != nil {
		w.t.Fatal(err)
	}
	return n
}

func (w *world) session(id string) *session.Session {
	w.t.Helper()
	s, err := w.db.Session(w.ctx, id)
	if err != nil {
		w.t.Fatal(err)
	}
	return s
}

func (w *world) participant(id int64) *session.Participant {
	w.t.Helper()
	p, err := w.db.Participant(w.ctx, id)
	if err != nil {
		w.t.Fatal(err)
	}
	return p
}

func (w *world) notes(s *session.Session) []*session.Note {
	w.t.Helper()
	ns, err := w.db.Notes(w.ctx, s.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	return ns
}

// term is one connection's app running in an 80x24 test terminal.
type term struct {
	t  *testing.T
	tm *teatest.TestModel
	// conn is the program's hub connection, closed as the server does when the
	// SSH session ends.
	conn *tui.Conn
	// drawn is everything the program wrote so far, read by waitFor.
	drawn bytes.Buffer
}

// open starts an app the way the server does: the service, a renderer of its own, a
// fixed clock (unless opt has them) and a hub connection that delivers live changes.
func (w *world) open(opt tui.Options) *term {
	w.t.Helper()
	return w.openSized(opt, termW, termH)
}

// openSized is open in a terminal of width x height.
func (w *world) openSized(opt tui.Options, width, height int) *term {
	w.t.Helper()
	opt.Service = w.svc
	if opt.Renderer == nil {
		opt.Renderer = lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii))
	}
	if opt.Now == nil {
		opt.Now = func() time.Time { return clock }
	}
	conn := w.hub.Connect()
	opt.Conn = conn
	tm := teatest.NewTestModel(w.t, tui.New(opt), teatest.WithInitialTermSize(width, height))
	conn.Start(tm.GetProgram())
	w.t.Cleanup(func() {
		conn.Close()
		_ = tm.Quit()
		tm.WaitFinished(w.t, teatest.WithFinalTimeout(waitTime))
	})
	return &term{t: w.t, tm: tm, conn: conn}
}

// waitFor waits until everything in want has been drawn since the last wait.
func (s *term) waitFor(want ...string) {
	s.t.Helper()
	teatest.WaitFor(s.t, io.TeeReader(s.tm.Output(), &s.drawn), func(b []byte) bool {
		for _, w := range want {
			if !bytes.Contains(b, []byte(w)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(waitTime), teatest.WithCheckInterval(10*time.Millisecond))
}

// waitDrawn waits until everything in want has appeared on the screen at any time
// so far, drawn before the last wait or after it: a first drawing can reach the
// terminal in more than one read, and a wait ends at the read that satisfies it.
func (s *term) waitDrawn(want ...string) {
	s.t.Helper()
	drawn := func() bool {
		for _, w := range want {
			if !s.everDrawn(w) {
				return false
			}
		}
		return true
	}
	if drawn() {
		return
	}
	teatest.WaitFor(s.t, io.TeeReader(s.tm.Output(), &s.drawn), func([]byte) bool { return drawn() },
		teatest.WithDuration(waitTime), teatest.WithCheckInterval(10*time.Millisecond))
}

// everDrawn reports whether text appeared on the screen at any time so far.
func (s *term) everDrawn(text string) bool {
	return bytes.Contains(s.drawn.Bytes(), []byte(text))
}

func (s *term) press(k tea.KeyType) { s.tm.Send(tea.KeyMsg{Type: k}) }

// keys types text one key per character, as a person does; unlike teatest's Type it
// keeps characters of more than one byte whole.
func (s *term) keys(text string) {
	for _, r := range text {
		s.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// paste sends text as one message, as a fast typist or a paste arrives.
func (s *term) paste(text string) {
	s.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text)})
}

// view ends the program and returns its last screen.
func (s *term) view() string {
	s.t.Helper()
	_ = s.tm.Quit()
	return s.tm.FinalModel(s.t, teatest.WithFinalTimeout(waitTime)).View()
}

// requireFits fails unless the view fits the terminal: no line wider than it and no
// more lines than it has (the renderer would cut the top line off). The last line, the
// key help, is left to TestKeyHelpFits.
func requireFits(t *testing.T, view string) {
	t.Helper()
	requireFitsIn(t, view, termW, termH)
}

// requireFitsIn is requireFits for a terminal of width x height.
func requireFitsIn(t *testing.T, view string, width, height int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > height {
		t.Errorf("view has %d lines, the terminal %d:\n%s", len(lines), height, view)
	}
	for i, l := range lines[:len(lines)-1] {
		if w := lipgloss.Width(l); w > width {
			t.Errorf("line %d is %d cells wide, the terminal %d: %q", i+1, w, width, l)
		}
	}
}

// lastLine is a view's bottom line, where screens put their key help.
func lastLine(view string) string {
	return view[strings.LastIndex(view, "\n")+1:]
}

// updating reports whether golden files are to be rewritten: `go test ./tui/ -update`
// (the flag is the one teatest's golden package defines).
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// requireGolden compares a whole screen with testdata/NAME.golden. Values that differ
// from run to run (the join code) are to be replaced by the caller.
func requireGolden(t *testing.T, name, view string) {
	t.Helper()
	requireGoldenIn(t, name, view, termW, termH)
}

// requireGoldenIn is requireGolden for a terminal of width x height.
func requireGoldenIn(t *testing.T, name, view string, width, height int) {
	t.Helper()
	requireFitsIn(t, view, width, height)
	if strings.Contains(view, "\x1b") {
		t.Errorf("view has escape sequences although colours are off: %q", view)
	}
	path := filepath.Join("testdata", name+".golden")
	if updating() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(view), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./tui/ -update to write it)", err)
	}
	if got := view; got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < max(len(gl), len(wl)); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s: line %d differs\nwant %q\ngot  %q\n\nwhole screen:\n%s", path, i+1, w, g, got)
			}
		}
	}
}

// withCode replaces a session's random join code in a view by a fixed one of the same
// width, so that golden screens are stable.
func withCode(view string, s *session.Session) string {
	view = strings.ReplaceAll(view, s.Code[:4]+"-"+s.Code[4:], "ABCD-EFGH")
	return strings.ReplaceAll(view, s.Code, "ABCDEFGH")
}

func TestJoinWrongCode(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.newSession("Developers Berlin")
	s := w.open(tui.Options{KeyHash: "key-1"})
	s.waitFor("Join code:")
	s.tm.Type("ZZZZ-ZZZZ")
	s.press(tea.KeyEnter)
	s.waitFor(`No session has the code "ZZZZ-ZZZZ"`)
	// The code stays in the box, to be corrected: a letter fixed, not all retyped.
	s.press(tea.KeyBackspace)
	s.keys("Y")
	s.press(tea.KeyEnter)
	s.waitFor(`No session has the code "ZZZZ-ZZZY"`)
	if v := s.view(); !strings.Contains(v, "Join code: ZZZZ-ZZZY") {
		t.Errorf("after a wrong code the join screen should stay with the code in its box, got:\n%s", v)
	}
}

// Something long pasted as the code on the ssh command line (the invitation's
// paragraph instead of its code) is named in the refusal by its start only: the whole
// of it, 3,000 characters, filled the screen and pushed the code's box off the top.
func TestJoinWrongLongCodeKeepsTheScreen(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.newSession("Developers Berlin")
	s := w.open(tui.Options{KeyHash: "key-1", Code: strings.Repeat("A", 3000)})
	s.waitFor("try again")
	v := s.view()
	requireFits(t, v)
	if flat := strings.Join(strings.Fields(v), " "); !strings.Contains(flat, "Join code:") || !strings.Contains(flat, "Check the code with your facilitator") {
		t.Errorf("the join screen lost its box or its message:\n%s", v)
	}
}

// Before joining there is nothing to leave: ctrl+c on the join code's screen ends
// the connection at once.
func TestCtrlCBeforeJoiningEndsAtOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	s := w.open(tui.Options{KeyHash: "key-1"})
	s.waitFor("Join code:")
	s.keys("ABCD")
	s.press(tea.KeyCtrlC)
	s.tm.WaitFinished(t, teatest.WithFinalTimeout(waitTime))
}

func TestJoinRightCodeAsksForName(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	s := w.open(tui.Options{KeyHash: "key-1"})
	s.waitFor("Join code:")
	// Lower case with the dash, as people read it aloud.
	s.tm.Type(strings.ToLower(sess.Code[:4] + "-" + sess.Code[4:]))
	s.press(tea.KeyEnter)
	s.waitFor("You joined as P1", "Your name:")
	s.tm.Type("Ana")
	s.press(tea.KeyEnter)
	s.waitFor("Hello Ana, you are in.")
	ps, err := w.db.Participants(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || ps[0].Name != "Ana" || ps[0].KeyHash != "key-1" {
		t.Fatalf("participants = %+v, want one named Ana with key-1", ps)
	}
}

// The join line pasted whole into the code box, as the board shows it to be
// shared, joins by its code: cut at the box's width it was a wrong code, and cost
// a try before the lockout.
func TestJoinPastedJoinLineJoinsByItsCode(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	s := w.open(tui.Options{KeyHash: "key-1"})
	s.waitFor("Join code:")
	s.paste("ssh -p 2222 -t charter.example.org " + sess.Code + "\n")
	s.waitFor("Join code: " + sess.Code)
	s.press(tea.KeyEnter)
	s.waitFor("You joined as P1", "Your name:")
}

func TestJoinReturningParticipantSkipsName(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.join(sess, "key-1", "Ana")
	s := w.open(tui.Options{KeyHash: "key-1", Code: sess.Code})
	s.waitFor("Hello Ana, you are in.")
	if s.everDrawn("Your name:") {
		t.Error("a returning participant was asked for a name again")
	}
	ps, err := w.db.Participants(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 {
		t.Errorf("reconnecting made %d participants, want 1", len(ps))
	}
}

func TestJoinClaimMakesFacilitator(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.newSession("Developers Berlin")
	var asked []string
	claim := func(code string) (bool, error) {
		asked = append(asked, code)
		return code == "CLAIM-123", nil
	}
	s := w.open(tui.Options{KeyHash: "key-1", Claim: claim})
	s.waitFor("Join code:")
	s.tm.Type("CLAIM-123")
	s.press(tea.KeyEnter)
	s.waitFor("· facilitator", "Developers Berlin", "You are a facilitator now")
	s.view()
	if len(asked) != 1 || asked[0] != "CLAIM-123" {
		t.Errorf("Claim asked with %q, want the typed code once", asked)
	}
}

func TestJoinScreenGolden(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	s := w.open(tui.Options{})
	s.waitFor("Join code:")
	requireGolden(t, "join", s.view())
}

func TestFacilitatorHomeListsSessions(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	a := w.newSession("Developers Berlin")
	b := w.newSession("Managers Lisbon")
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Berlin", "Managers Lisbon")
	v := s.view()
	requireFits(t, v)
	for _, c := range []string{a.Code, b.Code} {
		if !strings.Contains(v, c[:4]+"-"+c[4:]) {
			t.Errorf("home does not show join code %s:\n%s", c, v)
		}
	}
}

// At 60 columns the join screen's promise about the optional questions is wrapped,
// not cut: "never shown for fewer than 3 people" is read whole.
func TestJoinQuestionsPromiseWrapsAtSixtyColumns(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	s := w.openSized(tui.Options{KeyHash: "key-1", Code: sess.Code}, 60, 24)
	s.waitFor("Your name:")
	v := s.view()
	if flat := strings.Join(strings.Fields(v), " "); !strings.Contains(flat, "Optional, to compare groups in reports (never shown for fewer than 3 people):") {
		t.Errorf("the promise is cut at 60 columns:\n%s", v)
	}
	requireFits(t, v)
}

// The name field is marked as the selected question is, and its empty value says
// what leaving it empty means; tab moves the mark to the first question.
func TestJoinNameFieldIsMarked(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	s := w.open(tui.Options{KeyHash: "key-1", Code: sess.Code})
	s.waitFor("▸ Your name: (leave empty to stay anonymous)")
	s.press(tea.KeyTab)
	s.waitFor("  Your name: ")
	if v := s.view(); strings.Contains(v, "▸ Your name") || strings.Count(v, "▸") != 1 {
		t.Errorf("after tab the name field is still marked, or not one question is:\n%s", v)
	}
}

// Characters that reorder or hide text (a right-to-left override, a zero-width space)
// never reach a text box: a name pasted with them showed the override in its box, on
// the person's own terminal, and counted characters the stored name would not have.
// An emoji's joiner stays.
func TestTypedTextLosesItsInvisibleCharacters(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	s := w.open(tui.Options{KeyHash: "key-1", Code: sess.Code})
	s.waitFor("Your name:")
	s.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Mal\u202elo\u200bry 👩\u200d💻"), Paste: true})
	s.waitFor("11/40 characters")
	v := s.view()
	if !strings.Contains(v, "Your name: Mallory 👩\u200d💻") {
		t.Errorf("the name box does not show the name as it will be stored:\n%q", v)
	}
	if strings.ContainsAny(v, "\u202e\u200b") {
		t.Errorf("the screen shows an invisible character:\n%q", v)
	}
}

// A join code given on the ssh command line reaches the code's box cleaned as the
// refusal names it: an escape sequence in it left "[31m" and "]0;title" in the box
// (the box dropped only the escape character) and a right-to-left override.
func TestJoinCodeFromTheCommandLineIsCleaned(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.newSession("Developers Berlin")
	s := w.open(tui.Options{KeyHash: "key-1", Code: "\x1b[31mRED\x1b]0;title\a\u202eABC"})
	s.waitFor("No session has the code")
	v := s.view()
	if !strings.Contains(v, "Join code: REDABC") {
		t.Errorf("the code's box does not hold the code cleaned:\n%q", v)
	}
}
