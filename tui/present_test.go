package tui_test

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// The sizes every projector screen is drawn at: a laptop's terminal and a full-HD one.
var presentSizes = [][2]int{{80, 24}, {200, 60}}

// room is a session with three named participants, for the projector view.
type room struct {
	w      *world
	sess   *session.Session
	people []*session.Participant
	notes  []*session.Note
	themes []*session.Theme
}

// Names that the projector must never show.
var roomNames = []string{"Ana", "Ben", "Cleo", "Dana Owner"}

func newRoom(t *testing.T) *room {
	w := newWorld(t)
	r := &room{w: w, sess: w.newSession("Developers Berlin")}
	for i, name := range roomNames[:3] {
		r.people = append(r.people, w.join(r.sess, fmt.Sprintf("key-%d", i+1), name))
	}
	return r
}

// to moves the session on to phase ph, doing on the way what each phase is for.
func (r *room) to(ph session.Phase) {
	t, w, ctx := r.w.t, r.w, r.w.ctx
	if r.session().Phase.AtLeast(ph) {
		return
	}
	for _, step := range session.Phases[1:] {
		if r.session().Phase.AtLeast(step) {
			continue
		}
		w.setPhase(r.sess, step)
		switch step {
		case session.PhaseCheckIn:
			for i, p := range r.people {
				if err := w.svc.Rate(ctx, p.ID, []int{4, 3, 4}[i]); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.svc.ShowRatings(ctx, r.sess.ID, true); err != nil {
				t.Fatal(err)
			}
		case session.PhaseWrite:
			for i, x := range []struct {
				area       session.Area
				lane, text string
			}{
				{session.AreaConfidence, "strength", "We run threat modelling for every new service."},
				{session.AreaConfidence, "concern", "Nobody owns the dependency updates."},
				{session.AreaActivities, "keep", "The security guild meets every month and people come."},
				{session.AreaActivities, "more", "More pen testing before big releases."},
				{session.AreaMotivation, "demotivates", "Scanner findings nobody triages."},
				{session.AreaOpen, "Secrets", "API keys still end up in the repositories."},
				{session.AreaConfidence, "concern", "Dependency updates wait for months."},
			} {
				r.notes = append(r.notes, w.addNote(r.people[i%3], x.area, x.lane, x.text))
			}
			if err := w.svc.SetDone(ctx, r.people[0].ID, true); err != nil {
				t.Fatal(err)
			}
			if _, err := w.svc.ChangeTimer(ctx, r.sess.ID, session.TimerSet, 5*time.Minute); err != nil {
				t.Fatal(err)
			}
			if _, err := w.svc.ChangeTimer(ctx, r.sess.ID, session.TimerStart, 0); err != nil {
				t.Fatal(err)
			}
		case session.PhaseGroup:
			n := r.notes
			err := w.svc.SaveThemes(ctx, r.sess.ID, []session.Theme{
				{Label: "Dependency updates have no owner", NoteIDs: []int64{n[1].ID, n[6].ID}},
				{Label: "Threat modelling and pen testing", NoteIDs: []int64{n[0].ID, n[3].ID}},
				{Label: "Scanner noise", NoteIDs: []int64{n[4].ID}},
			})
			if err != nil {
				t.Fatal(err)
			}
			if r.themes, err = w.svc.Themes(ctx, r.sess.ID); err != nil {
				t.Fatal(err)
			}
		case session.PhaseVote:
			for i, p := range r.people {
				for _, th := range []int{0, 0, 2, 1}[i : i+2] {
					if err := w.svc.Vote(ctx, p.ID, r.themes[th].ID, 1); err != nil {
						t.Fatal(err)
					}
				}
			}
		case session.PhaseActions:
			a, err := w.svc.AddAction(ctx, session.ActionPoint{SessionID: r.sess.ID, ThemeID: r.themes[0].ID,
				Title: "Name an owner for dependency updates in every team", Priority: session.PriorityHigh, Owner: "Dana Owner"})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.svc.Volunteer(ctx, r.people[1].ID, a.ID, true); err != nil {
				t.Fatal(err)
			}
		}
		if step == ph {
			return
		}
	}
}

func (r *room) session() *session.Session { return r.w.session(r.sess.ID) }

// present opens the projector view by its join code, as `ssh HOST present CODE` does.
func (r *room) present(width, height int) *term {
	return r.w.openSized(tui.Options{Facilitator: true, Present: true, Code: r.sess.Code,
		JoinHint: "ssh -p 2222 -t charter.example"}, width, height)
}

// withBigCode is withCode for a view that also draws the join code in the block font.
// The block is replaced where its rows stand one below the other, not row by row: a
// code whose rows repeat (its top row also its bottom row) would otherwise have one
// row replaced twice, and the golden fail for some random codes.
func withBigCode(view string, s *session.Session) string {
	lines := strings.Split(view, "\n")
	for k := 1; k <= 8; k++ {
		real, fixed := tui.BigText(s.Code[:4]+"-"+s.Code[4:], k), tui.BigText("ABCD-EFGH", k)
		for j := 0; j+len(real) <= len(lines); j++ {
			at := strings.Index(lines[j], real[0])
			if at < 0 {
				continue
			}
			block := true
			for i := range real {
				block = block && len(lines[j+i]) >= at && strings.HasPrefix(lines[j+i][at:], real[i])
			}
			if !block {
				continue
			}
			for i := range real {
				lines[j+i] = lines[j+i][:at] + fixed[i] + lines[j+i][at+len(real[i]):]
			}
			j += len(real) - 1
		}
	}
	return withCode(strings.Join(lines, "\n"), s)
}

func TestPresentFollowsEveryPhase(t *testing.T) {
	t.Parallel()
	// One room taken through the phases in order: to does every step on the way, so
	// each phase finds what a room of its own would (a room per phase did the early
	// steps eight times over). The world is the test's, so no subtests.
	r := newRoom(t)
	for _, tc := range []struct {
		phase session.Phase
		// shows is what the view draws once loaded; hides what it must not.
		shows []string
		hides []string
	}{
		{session.PhaseLobby, []string{"3 people joined so far", "ssh -p 2222 -t charter.example"}, nil},
		// Cleo's rating waits for someone else's (see session.MinBatchRaters).
		{session.PhaseCheckIn, []string{"3 of 3 people rated, 1 held", "2 ratings · mean 3.5"}, nil},
		{session.PhaseWrite, []string{"people done", "5:00"}, []string{"threat modelling", "Dependency"}},
		{session.PhaseReveal, []string{"Confidence · Concerns (2)", "API keys still end up"}, nil},
		{session.PhaseGroup, []string{"Dependency updates have no owner (2 notes)", "Scanner noise (1 note)"}, nil},
		{session.PhaseVote, []string{"Scanner noise", "results when voting closes"}, []string{"2 votes", "1 vote "}},
		{session.PhaseActions, []string{"3 votes", "Name an owner for dependency", "1 volunteer"}, nil},
		{session.PhaseClosed, []string{"Thank you", "Name an owner for dependency"}, nil},
	} {
		r.to(tc.phase)
		for _, size := range presentSizes {
			s := r.present(size[0], size[1])
			s.waitFor(tc.shows...)
			v := s.view()
			for _, x := range append(tc.hides, roomNames...) {
				if strings.Contains(v, x) {
					t.Errorf("%s %dx%d: the projector shows %q:\n%s", tc.phase, size[0], size[1], x, v)
				}
			}
			name := fmt.Sprintf("present-%s-%dx%d", tc.phase, size[0], size[1])
			requireGoldenIn(t, name, withBigCode(v, r.sess), size[0], size[1])
		}
	}
}

func TestPresentFollowsPhaseLive(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	s := r.present(80, 24)
	s.waitFor("LOBBY", "3 people joined so far")
	r.to(session.PhaseWrite)
	// The last of the 7 notes waits for a second writer (see session.MinBatchWriters).
	s.waitFor("WRITE", "6 notes · 1 of 3 people done")
	r.w.addNote(r.people[1], session.AreaMotivation, "motivates", "Praise for fixed findings.")
	s.waitFor("8 notes · 1 of 3 people done")
	r.to(session.PhaseReveal)
	s.waitFor("REVEAL", "Praise for fixed findings.")
}

func TestPresentLeavesHiddenNotesOut(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	r.to(session.PhaseReveal)
	if err := r.w.svc.HideNote(r.w.ctx, r.notes[5].ID, true); err != nil {
		t.Fatal(err)
	}
	s := r.present(200, 60)
	s.waitFor("Confidence · Concerns (2)")
	if v := s.view(); strings.Contains(v, r.notes[5].Text) {
		t.Errorf("the projector shows a hidden note:\n%s", v)
	}
}

func TestPresentUnknownCode(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	s := w.open(tui.Options{Facilitator: true, Present: true, Code: "ZZZZ-ZZZZ"})
	// The projector is opened with a facilitator's key: "check the code with
	// your facilitator", the participants' advice, sent the facilitator to
	// themselves. The facilitator home lists every session's code.
	s.waitFor(`No session has the code`, `facilitator home`)
	if s.everDrawn("with your facilitator") {
		t.Errorf("a facilitator is told to ask their facilitator:\n%s", s.drawn.String())
	}
	s.keys("q")
	s.tm.WaitFinished(t)
}

// `ssh -t HOST present` without a code: the projector has no field to type one
// in, and "Please type the join code your facilitator gave you" is the
// participants' words; it says how to name the session instead.
func TestPresentWithoutACodeSaysHowToGiveOne(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	s := w.open(tui.Options{Facilitator: true, Present: true})
	s.waitFor("present CODE", "facilitator home")
	if s.everDrawn("your facilitator gave you") {
		t.Errorf("a facilitator is told to type what their facilitator gave them:\n%s", s.drawn.String())
	}
	s.keys("q")
	s.tm.WaitFinished(t)
}

func TestPresentFromHome(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	s := r.w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Berlin")
	s.keys("p")
	s.waitFor("3 people joined so far")
	s.press(tea.KeyEsc)
	s.waitFor("· facilitator")
}

func TestPresentOnlyForFacilitators(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	s := r.w.open(tui.Options{Present: true, Code: r.sess.Code + "\x1b[31m", KeyHash: "key-9", JoinHint: "ssh -p 2299 -t charter.example.org"})
	// The way in, with the server's own port and host and the code given, its
	// escape sequence left out.
	s.waitFor("The projector view is for facilitators' keys.", "-t charter.example.org "+r.sess.Code+" ")
	s.tm.WaitFinished(t, teatest.WithFinalTimeout(waitTime))
	if s.everDrawn("people joined so far") || s.everDrawn("You joined as") {
		t.Error("a participant's key opened the projector view or joined")
	}
}

// reverse is how a flashed screen starts its lines (SGR 7, reverse video).
const reverse = "\x1b[7m"

// flashOver is longer than a flash lasts.
const flashOver = 3 * time.Second

// movingClock is a clock a test sets forward.
type movingClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *movingClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *movingClock) add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func TestPresentTimeUpFlashesAndRingsOnce(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	r.to(session.PhaseWrite) // a running timer of 5 minutes
	c := &movingClock{now: clock}
	// Colours on, to see the flash: the screen in reverse video.
	ansi := lipgloss.NewRenderer(io.Discard)
	ansi.SetColorProfile(termenv.ANSI)
	s := r.w.openSized(tui.Options{Facilitator: true, Present: true, Code: r.sess.Code, Now: c.Now, Renderer: ansi}, 80, 24)
	s.waitFor("5:00", "6 notes · 1 of 3 people done")
	if s.everDrawn(reverse) {
		t.Fatal("the screen flashed before time was up")
	}
	c.add(5 * time.Minute)
	s.waitFor("\a", "Time is up", reverse)
	// The flash ends and the bell does not ring again with later redraws.
	c.add(flashOver)
	r.w.addNote(r.people[2], session.AreaOpen, "Secrets", "Rotate keys yearly.")
	s.waitFor("8 notes")
	if n := strings.Count(s.drawn.String(), "\a"); n != 1 {
		t.Errorf("the bell rang %d times, want once", n)
	}
}

// A long note is on the projector whole after the reveal, wrapped, never cut: when
// the notes take more lines than the screen has, the last line says how many more
// there are, and paging reaches the end.
func TestPresentShowsLongNotesWhole(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	r.to(session.PhaseWrite)
	long := strings.Repeat("Deadlines set by sales leave no time for the fixes the pen test asked for; ", 3) +
		"so the same findings come back every year."
	r.w.addNote(r.people[2], session.AreaMotivation, "demotivates", long)
	r.to(session.PhaseReveal)

	wide := r.present(200, 60)
	wide.waitFor("Motivation · Demotivates (2)")
	v := wide.view()
	if !strings.Contains(v, "come back every year.") || strings.Contains(v, "…") {
		t.Errorf("the long note is not whole on a 200x60 projector:\n%s", v)
	}

	small := r.present(80, 24)
	small.waitFor("more (↓ or pgdn)")
	small.tm.Send(tea.KeyMsg{Type: tea.KeyEnd})
	small.waitFor("come back every year.")
	// At the end nothing is left below: the notice of a line more took the last
	// line's place, and no key brought that line into view.
	v = small.view()
	requireFits(t, v)
	if strings.Contains(v, "more (↓ or pgdn)") {
		t.Errorf("the end of the projector's list still has a line below it:\n%s", v)
	}
	// Scrolled, it says what is above: the room took a scrolled list for its start.
	if !strings.Contains(lastLines(v, 3), "above (↑ or pgup)") {
		t.Errorf("at the end of a scrolled list nothing says there are lines above:\n%s", v)
	}
}

// lastLines is the last n lines of view.
func lastLines(view string, n int) string {
	ls := strings.Split(view, "\n")
	return strings.Join(ls[max(len(ls)-n, 0):], "\n")
}

// A theme whose notes the facilitator hid is not on the projector in any phase, not
// even its name, and the results follow the session's one ranking.
func TestPresentLeavesThemesOfHiddenNotesOut(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	r.to(session.PhaseGroup)
	w, ctx := r.w, r.w.ctx
	in := []session.Theme{{Label: "API keys still end up", NoteIDs: []int64{r.notes[5].ID}}}
	for _, th := range r.themes {
		in = append(in, *th)
	}
	if err := w.svc.SaveThemes(ctx, r.sess.ID, in); err != nil {
		t.Fatal(err)
	}
	var err error
	if r.themes, err = w.svc.Themes(ctx, r.sess.ID); err != nil {
		t.Fatal(err)
	}
	hidden := r.themes[len(r.themes)-1]
	r.to(session.PhaseVote)
	if err := w.svc.Vote(ctx, r.people[2].ID, hidden.ID, 1); err != nil {
		t.Fatal(err)
	}
	if err := w.svc.HideNote(ctx, r.notes[5].ID, true); err != nil {
		t.Fatal(err)
	}
	s := r.present(80, 24)
	s.waitFor("Scanner noise")
	if v := s.view(); strings.Contains(v, "API keys") {
		t.Errorf("vote: the projector shows the theme of a hidden note:\n%s", v)
	}
	r.to(session.PhaseActions)
	ranked, err := w.svc.Priorities(ctx, r.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	s = r.present(80, 24)
	s.waitFor("ACTIONS", "Name an owner for dependency")
	v := s.view()
	if strings.Contains(v, "API keys") {
		t.Errorf("actions: the projector shows the theme of a hidden note:\n%s", v)
	}
	at := -1
	for _, p := range ranked {
		var label string
		for _, th := range r.themes {
			if th.ID == p.ID {
				label = th.Label
			}
		}
		i := strings.Index(v, label)
		if i < at {
			t.Errorf("the projector lists %q (#%d) out of the ranking's order:\n%s", label, p.Rank, v)
		}
		at = i
	}
}

// The results' bars follow the ranking, which counts people and notes besides
// votes: a theme without a vote that ranks above one with a vote has the longer
// bar, not an empty one above a full one.
func TestPresentResultsBarsFollowTheRanking(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	var pen []int64
	for i, text := range []string{"more pen tests before release", "pen test findings come too late", "pen tests miss our APIs"} {
		p := w.join(sess, fmt.Sprintf("key-%d", i+1), "")
		pen = append(pen, w.addNote(p, session.AreaActivities, "more", text).ID)
	}
	late := w.addNote(w.join(sess, "key-4", ""), session.AreaMotivation, "demotivates", "deadlines always win over security")
	w.setPhase(sess, session.PhaseGroup)
	if err := w.svc.SaveThemes(w.ctx, sess.ID, []session.Theme{
		{Label: "pen tests", NoteIDs: pen},
		{Label: "deadlines", NoteIDs: []int64{late.ID}},
	}); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseVote)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	voter := w.join(sess, "key-9", "")
	for _, th := range ts {
		if th.Label == "deadlines" {
			if err := w.svc.Vote(w.ctx, voter.ID, th.ID, 1); err != nil {
				t.Fatal(err)
			}
		}
	}
	w.setPhase(sess, session.PhaseActions)
	s := w.openSized(tui.Options{Facilitator: true, Present: true, Code: sess.Code}, 80, 24)
	s.waitDrawn("deadlines")
	v := s.view()
	// pen tests: 3 × 0 votes + 2 × 3 people + 3 notes; deadlines: 3 × 1 + 2 × 1 + 1.
	first, second := lineWith(v, "pen tests"), lineWith(v, "deadlines")
	if !strings.Contains(first, "#1 · score 9 · 0 votes") || !strings.Contains(second, "#2 · score 6 · 1 vote") {
		t.Fatalf("want pen tests ranked first and deadlines second:\n%s", v)
	}
	if a, b := strings.Count(first, "█"), strings.Count(second, "█"); a <= b {
		t.Errorf("bars %d above %d: the theme ranked first has the shorter bar:\n%s", a, b, v)
	}
}

// The projector counts people done voting as the board does: those who pressed x.
// One who gave every dot but did not is not counted: as a theme is hidden and its
// dots go back, such a count would tell how many who had voted fully backed it.
func TestPresentCountsOnlyVotersWhoSaidDone(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := w.db.Participants(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	budget := w.session(sess.ID).VoteBudget
	for i := range budget {
		if err := w.svc.Vote(w.ctx, ps[0].ID, ts[i%len(ts)].ID, 1); err != nil {
			t.Fatal(err)
		}
	}
	s := w.openSized(tui.Options{Facilitator: true, Present: true, Code: sess.Code}, 80, 24)
	s.waitFor("0 of 2 people done voting")
	if err := w.svc.SetDone(w.ctx, ps[0].ID, true); err != nil {
		t.Fatal(err)
	}
	s.waitFor("1 of 2 people done voting")
}

// While grouping, the projector numbers the themes as the board does (its M and #
// take the numbers): "move it to 3" on the board is 3 on the shared screen too. A
// theme the room does not see is listed last on the board, so that the numbers run
// without a gap that would tell the room something is hidden.
func TestPresentNumbersThemesAsTheBoard(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	r.to(session.PhaseGroup)
	first := r.themes[0]
	for _, id := range first.NoteIDs {
		if err := r.w.svc.HideNote(r.w.ctx, id, true); err != nil {
			t.Fatal(err)
		}
	}
	s := r.present(80, 24)
	want := fmt.Sprintf("1. %s", r.themes[1].Label)
	s.waitFor(want, fmt.Sprintf("%d. %s", len(r.themes)-1, r.themes[len(r.themes)-1].Label))
	if v := s.view(); strings.Contains(v, "2. "+r.themes[1].Label) || strings.Contains(v, first.Label) {
		t.Errorf("the projector numbers its themes apart from the board:\n%s", v)
	}
	b := r.w.openBoardSized(r.sess, 200, 60)
	b.waitDrawn(want, fmt.Sprintf("%d. %s", len(r.themes), first.Label))
}

// The projector says when an action point is due, as the board does.
func TestPresentShowsWhenAnActionIsDue(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	r.to(session.PhaseActions)
	acts, err := r.w.svc.Actions(r.w.ctx, r.sess.ID)
	if err != nil || len(acts) == 0 {
		t.Fatalf("action points %v, %v", acts, err)
	}
	if err := r.w.svc.SetActionDue(r.w.ctx, acts[0].ID, "2026-03-31"); err != nil {
		t.Fatal(err)
	}
	s := r.present(200, 60)
	s.waitFor("· due 2026-03-31")
}

// While people vote, the projector numbers the themes as the board and every
// participant's screen do, so that "vote for 2" can be followed on it.
func TestPresentNumbersThemesInTheVote(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	r.to(session.PhaseVote)
	s := r.present(80, 24)
	s.waitFor("1. "+r.themes[0].Label, "2. "+r.themes[1].Label)
}

// The projector lists a lane's notes, and a theme's, in the order every screen
// does, case aside: sorted as strings, the notes typed with a capital (live, as
// people type) stood at the top apart from the paper ones in lower case.
func TestPresentOrdersNotesAsEveryScreen(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	r.to(session.PhaseWrite)
	for _, text := range []string{"Zebra crossings on the way to the office", "apple pie friday", "Mango smoothies"} {
		r.w.addNote(r.people[2], session.AreaMotivation, "motivates", text)
	}
	r.to(session.PhaseReveal)
	p := r.present(200, 60)
	p.waitFor("Motivation · Motivates")
	v := p.view()
	a, m, z := strings.Index(v, "apple pie"), strings.Index(v, "Mango"), strings.Index(v, "Zebra")
	if a < 0 || m < 0 || z < 0 || !(a < m && m < z) {
		t.Errorf("the notes are not in order case aside (apple %d, Mango %d, Zebra %d):\n%s", a, m, z, v)
	}
}

// The room's screen does not end on esc, which is what someone presses on the
// projector's laptop to leave full screen, and q asks first: both ended the
// connection at once, mid-session.
func TestPresentAsksBeforeLeaving(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	p := r.present(80, 24)
	p.waitFor("3 people joined so far")
	p.press(tea.KeyEsc)
	p.keys("q")
	p.waitFor("Leave the projector view? y = leave")
	p.keys("n")
	p.waitFor("q leave")
	p.keys("q")
	p.waitFor("Leave the projector view?")
	p.keys("y")
	p.tm.WaitFinished(t, teatest.WithFinalTimeout(waitTime))
	if strings.Count(p.drawn.String(), "Leave the projector view?") < 2 {
		t.Error("esc or the first q ended the projector view")
	}
}

// A theme named after a long note wraps in the projector's results under its name,
// within the screen: its second line was indented past the screen's edge.
func TestPresentResultsWrapALongThemeWithinTheScreen(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	// 60 characters, a theme's most, each two cells wide.
	long := "締め切りはいつもセキュリティに勝ち、スキャナーの指摘を直す時間を誰も計画しない。締め切りはいつもセキュリティに勝ち、スキ"
	n := w.addNote(w.join(sess, "key-1", ""), session.AreaMotivation, "demotivates", long)
	w.setPhase(sess, session.PhaseGroup)
	if err := w.svc.SaveThemes(w.ctx, sess.ID, []session.Theme{{Label: long, NoteIDs: []int64{n.ID}}}); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	s := w.openSized(tui.Options{Facilitator: true, Present: true, Code: sess.Code}, 80, 24)
	s.waitDrawn("score 3")
	v := s.view()
	requireFitsIn(t, v, 80, 24)
	if !strings.Contains(strings.Join(strings.Fields(ansi.Strip(v)), ""), long) {
		t.Errorf("the theme's name is not on the projector whole:\n%s", v)
	}
}

// While people write, the count of notes per area is read whole on a narrow
// projector: at 60 columns the line ended "Motivation 3 · Open …", under four
// empty lines, and the room never saw how many open topics there were.
func TestPresentWriteCountsEveryAreaWhenNarrow(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	r.to(session.PhaseWrite)
	s := r.present(60, 20)
	s.waitFor("people done")
	v := s.view()
	requireFitsIn(t, v, 60, 20)
	flat := strings.Join(strings.Fields(ansi.Strip(v)), " ")
	for _, a := range session.Areas {
		if !strings.Contains(flat, a.Title()+" ") || strings.Contains(flat, a.Title()+" …") {
			t.Errorf("the projector does not count %q whole at 60 columns:\n%s", a.Title(), v)
		}
	}
}

// The results are wrapped whole within a narrow projector. An action point, under
// the theme's name, was wrapped 20 columns wide whatever was left there, ran past
// the screen's edge, and the terminal cut its words ("budg", "mediu"); the
// theme's name, in the 8 columns beside the figures, was cut into pieces of
// words ("Dependenc", "y updates").
func TestPresentResultsWrapWholeOnANarrowScreen(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	r.to(session.PhaseActions)
	for _, size := range [][2]int{{40, 40}, {50, 40}} {
		s := r.present(size[0], size[1])
		s.waitFor("score")
		v := s.view()
		requireFitsIn(t, v, size[0], size[1])
		flat := strings.Join(strings.Fields(ansi.Strip(v)), " ")
		for _, want := range []string{r.themes[0].Label, r.themes[1].Label, r.themes[2].Label,
			"→ Name an owner for dependency updates in every team · high · proposed · 1 volunteer"} {
			if !strings.Contains(flat, want) {
				t.Errorf("at %d columns %q is not whole:\n%s", size[0], want, v)
			}
		}
	}
}

// While people vote, the projector's line of who is done and when the results come
// is read whole on a narrow screen: 54 columns on one line, a terminal under that
// cut it ("results when voting clo").
func TestPresentVoteLineWholeWhenNarrow(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	r.to(session.PhaseVote)
	for _, width := range []int{40, 80} {
		s := r.present(width, 24)
		s.waitFor("done voting")
		v := s.view()
		requireFitsIn(t, v, width, 24)
		flat := strings.Join(strings.Fields(ansi.Strip(v)), " ")
		if !strings.Contains(flat, "0 of 3 people done voting") || !strings.Contains(flat, "results when voting closes") {
			t.Errorf("at %d columns the vote's line is not whole:\n%s", width, v)
		}
	}
}

// Ratings imported from paper are counted as such at check-in: "0 of 0 people
// rated" over a chart of five ratings told the room something false. Paper
// authors are never counted among the people who joined (session.BoardView.Rated),
// and the projector says how many ratings came from paper, never whose they are.
func TestPresentCountsPaperRatingsAtCheckIn(t *testing.T) {
	t.Parallel()
	paper := func(w *world, sess *session.Session, ratings ...int) {
		var rows []session.ImportRow
		for i, r := range ratings {
			rows = append(rows, session.ImportRow{Line: i + 1, Author: fmt.Sprintf("card %d", i+1), Rating: fmt.Sprint(r)})
		}
		if _, err := w.svc.Import(w.ctx, sess.ID, rows, session.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := w.svc.ShowRatings(w.ctx, sess.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("only paper", func(t *testing.T) {
		t.Parallel()
		w := newWorld(t)
		sess := w.newSession("Paper only")
		w.setPhase(sess, session.PhaseCheckIn)
		paper(w, sess, 4, 3, 5, 2, 4)
		s := w.openSized(tui.Options{Facilitator: true, Present: true, Code: sess.Code}, 80, 24)
		s.waitFor("5 ratings from paper", "5 ratings · mean 3.6")
		if v := s.view(); strings.Contains(v, "0 of 0") || strings.Contains(v, "people rated") {
			t.Errorf("the projector counts people who rated where only paper ratings exist:\n%s", v)
		}
	})
	t.Run("paper and people", func(t *testing.T) {
		t.Parallel()
		r := newRoom(t)
		r.to(session.PhaseCheckIn)
		paper(r.w, r.sess, 4, 1)
		s := r.present(80, 24)
		// Cleo's rating waits for someone else's (see session.MinBatchRaters).
		s.waitFor("3 of 3 people rated, 1 held · 2 ratings from paper", "4 ratings · mean 3.0")
		v := s.view()
		for _, x := range roomNames {
			if strings.Contains(v, x) {
				t.Errorf("the projector shows %q:\n%s", x, v)
			}
		}
	})
}

// The closed session's results say what a score is, as the actions phase does: a
// room reading "score 15" under the thank-you could not tell what it counted.
func TestPresentClosedSaysWhatAScoreIs(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	r.to(session.PhaseClosed)
	for _, size := range [][2]int{{40, 30}, {80, 24}, {200, 60}} {
		s := r.present(size[0], size[1])
		s.waitFor("#1 · score")
		v := s.view()
		requireFitsIn(t, v, size[0], size[1])
		if !strings.Contains(v, "score = 3 × votes + 2 × people + notes") {
			t.Errorf("at %dx%d the closed results do not say what a score is:\n%s", size[0], size[1], v)
		}
	}
}

// Said where results fill the screen, the score's legend takes no line of them: it
// stands between the thank-you and the first result, where a blank line was.
func TestPresentClosedLegendCostsNoResult(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	p := w.join(sess, "key-1", "")
	var themes []session.Theme
	for i := range 30 {
		n := w.addNote(p, session.AreaActivities, "more", fmt.Sprintf("note about topic %02d", i+1))
		themes = append(themes, session.Theme{Label: fmt.Sprintf("topic %02d", i+1), NoteIDs: []int64{n.ID}})
	}
	w.setPhase(sess, session.PhaseGroup)
	if err := w.svc.SaveThemes(w.ctx, sess.ID, themes); err != nil {
		t.Fatal(err)
	}
	for _, ph := range []session.Phase{session.PhaseVote, session.PhaseActions, session.PhaseClosed} {
		w.setPhase(sess, ph)
	}
	s := w.openSized(tui.Options{Facilitator: true, Present: true, Code: sess.Code}, 80, 24)
	s.waitFor("#1 · score", "more (↓ or pgdn)")
	v := s.view()
	requireFitsIn(t, v, 80, 24)
	lines := strings.Split(v, "\n")
	// Under the title and its rule: the thank-you, then the legend, then the results.
	if !strings.Contains(lines[2], "Thank you") || !strings.Contains(lines[3], "score = ") || !strings.Contains(lines[4], "#1 · score") {
		t.Errorf("the closed results do not begin right under the thank-you and the score's legend:\n%s", v)
	}
}

// In a check-in gone back to the projector counts no held rating, as the board
// does not: a count that moved at one key press told the room whether that person
// rated before or changed their rating.
func TestPresentCountsNoHeldRatingAfterTheCheckIn(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	r.to(session.PhaseWrite) // the three ratings shown when the check-in ended
	r.w.setPhase(r.sess, session.PhaseCheckIn)
	if err := r.w.svc.Rate(r.w.ctx, r.people[0].ID, 1); err != nil {
		t.Fatal(err)
	}
	s := r.present(80, 24)
	s.waitFor("3 of 3 people rated")
	if v := s.view(); strings.Contains(v, "held") {
		t.Errorf("the projector counts a held rating after the check-in:\n%s", v)
	}
}

// At 40x14 a participant whose screen has no room for the chart the facilitator
// showed is told it is shown: nothing said it was there (a tester's finding).
func TestParticipantAtFortyIsToldTheChartIsShown(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	r.to(session.PhaseCheckIn) // three ratings, the chart shown
	p := r.w.openSized(tui.Options{KeyHash: r.people[0].KeyHash, Code: r.sess.Code}, 40, 14)
	p.waitFor("CHECK-IN")
	v := p.view()
	requireFitsIn(t, v, 40, 14)
	if !strings.Contains(strings.Join(strings.Fields(v), " "), "The group's chart is shown") {
		t.Errorf("nothing says the chart is shown:\n%s", v)
	}
}
