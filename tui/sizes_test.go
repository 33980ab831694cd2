package tui_test

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// Every screen fits a terminal of 80x24 and one of 200x60, with all of its key help:
// none is cut off at 80 columns.
func TestEveryScreenFitsBothSizes(t *testing.T) {
	t.Parallel()
	type screen struct {
		name string
		// phase is where the room's session is; open opens the screen and waits.
		phase session.Phase
		open  func(r *room, s *term)
		// keys is key help that must be on the screen.
		keys []string
	}
	participant := func(wait ...string) func(r *room, s *term) {
		return func(r *room, s *term) { s.waitFor(wait...) }
	}
	// board opens the board and presses keys; what they show is checked on the last
	// screen (the renderer redraws only lines that change, so waiting for a line
	// already drawn would wait forever).
	board := func(keys string, shows ...string) func(r *room, s *term) {
		return func(r *room, s *term) {
			s.waitFor("Developers Berlin")
			s.press(tea.KeyEnter)
			s.waitFor("3 people · ") // loaded: the room has three
			s.keys(keys)
			v := s.view()
			for _, x := range shows {
				if !strings.Contains(v, x) {
					r.w.t.Errorf("the screen lacks %q:\n%s", x, v)
				}
			}
		}
	}
	fac := tui.Options{Facilitator: true, JoinHint: "ssh -p 2222 -t charter.example"}
	type sized struct {
		screen
		opt func(r *room) tui.Options
	}
	screens := []sized{
		{screen{"join", session.PhaseLobby, participant("Join code:"), []string{"enter"}},
			func(r *room) tui.Options { return tui.Options{} }},
		{screen{"home", session.PhaseLobby, participant("Developers Berlin"), []string{"p projector", "q quit", "D delete"}},
			func(r *room) tui.Options { return fac }},
		{screen{"form", session.PhaseLobby, func(r *room, s *term) {
			s.waitFor("Developers Berlin")
			s.keys("n")
			s.waitFor("new session")
		}, []string{"esc cancel"}}, func(r *room) tui.Options { return fac }},
		{screen{"campaign-less home", session.PhaseClosed, participant("Developers Berlin"), []string{"q quit"}},
			func(r *room) tui.Options { return fac }},
		{screen{"board notes", session.PhaseWrite, board("21", "Security activities"), []string{"esc back", "x export"}},
			func(r *room) tui.Options { return fac }},
		{screen{"board people", session.PhaseWrite, board("2", "connected now"), []string{"r remove person", "esc back"}},
			func(r *room) tui.Options { return fac }},
		{screen{"board check-in", session.PhaseCheckIn, board("3", "Confidence in the team"), []string{"s show/hide ratings", "esc back"}},
			func(r *room) tui.Options { return fac }},
		{screen{"board themes", session.PhaseActions, board("14", "Scanner noise"), []string{"esc back"}},
			func(r *room) tui.Options { return fac }},
		{screen{"board activities", session.PhaseWrite, board("a", "Security activities of this session"), []string{"n new activity", "esc close"}},
			func(r *room) tui.Options { return fac }},
		{screen{"participant lobby", session.PhaseLobby, participant("you are in"), []string{"q leave"}}, nil},
		{screen{"participant check-in", session.PhaseCheckIn, participant("your rating"), []string{"enter rate", "q leave"}}, nil},
		{screen{"participant write", session.PhaseWrite, func(r *room, s *term) {
			s.waitFor("Strengths", "We run threat modelling")
			s.press(tea.KeyEsc) // the box of a new note closed for the list's keys
			s.waitFor("type new note")
		}, []string{"q leave", "↑/↓ select", "d delete"}}, nil},
		{screen{"participant activity picker", session.PhaseWrite, func(r *room, s *term) {
			s.waitFor("Strengths")
			s.waitDrawn("esc close box") // loaded: the box is open
			s.press(tea.KeyTab)
			s.press(tea.KeyEsc)
			s.waitFor("type new note")
			s.keys("a")
			s.press(tea.KeyEnter)
			s.waitFor("type to filter")
		}, []string{"enter choose", "esc cancel"}}, nil},
		{screen{"participant empty note box", session.PhaseWrite, func(r *room, s *term) {
			s.waitFor("Strengths")
			s.waitDrawn("esc close box")
		}, []string{"←/→ lane", "↑/↓ your notes", "esc close box"}}, nil},
		{screen{"participant note box", session.PhaseWrite, func(r *room, s *term) {
			s.waitFor("Strengths")
			s.keys("we")
			s.waitFor("enter save")
		}, []string{"enter save", "esc close, text kept"}}, nil},
		{screen{"participant reveal", session.PhaseReveal, participant("Strengths"), []string{"q leave"}}, nil},
		{screen{"participant group", session.PhaseGroup, participant("Scanner noise"), []string{"q leave", "↑/↓ select"}}, nil},
		{screen{"participant vote", session.PhaseVote, participant("dots left", "In “"), []string{"q leave", "- take back"}}, nil},
		{screen{"participant actions", session.PhaseActions, participant("Name an owner"), []string{"v volunteer", "q leave"}}, nil},
		{screen{"participant closed", session.PhaseClosed, participant("Thank you for taking part"), []string{"esc back to your sessions", "ctrl+c leave"}}, nil},
	}
	// One room serves every screen of a phase, at both sizes: building a room (a
	// database, its people, the phases up to the screen's) is most of the test's time.
	// The screens of a phase take turns, each connection closed before the next
	// screen opens, as in a room of its own.
	for _, ph := range session.Phases {
		var ofPhase []sized
		for _, sc := range screens {
			if sc.phase == ph {
				ofPhase = append(ofPhase, sc)
			}
		}
		if len(ofPhase) == 0 {
			continue
		}
		t.Run(string(ph), func(t *testing.T) {
			t.Parallel()
			r := newRoom(t)
			r.to(ph)
			for _, sc := range ofPhase {
				t.Run(sc.name, func(t *testing.T) {
					r := &room{w: r.w.in(t), sess: r.sess, people: r.people, notes: r.notes, themes: r.themes}
					for _, size := range presentSizes {
						t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
							opt := tui.Options{KeyHash: "key-1", Code: r.sess.Code}
							if sc.opt != nil {
								opt = sc.opt(r)
							}
							s := r.w.openSized(opt, size[0], size[1])
							sc.open(r, s)
							v := s.view()
							requireFitsIn(t, v, size[0], size[1])
							help := strings.Join(strings.Split(v, "\n")[max(strings.Count(v, "\n")-4, 0):], "\n")
							for _, k := range sc.keys {
								if !strings.Contains(help, k) {
									t.Errorf("the key help lacks %q:\n%s", k, help)
								}
							}
						})
					}
				})
			}
		})
	}
}

// Narrower than the 40 columns every screen is drawn for, the terminal says so and
// keys do nothing, rather than showing lines cut at their ends (a phone's 34 columns
// lost the ends of notes, even on the projector); widened, the screen is back.
func TestTooNarrowTerminalSaysSoAndKeysDoNothing(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	p := w.join(sess, "key-1", "Carla")
	s := w.openSized(tui.Options{KeyHash: p.KeyHash, Code: sess.Code}, 34, 14)
	// Said so: "keys wait" was read as keys kept for later, and words typed
	// meanwhile were missing once the window was wide again.
	s.waitFor("This terminal is 34 columns", "charter needs 40", "keys do nothing")
	s.keys("n") // unseen: not a letter in the box of a new note, open here
	s.tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	s.waitFor("New note in Strengths", "esc close box")
	if v := s.view(); !strings.Contains(v, "0/280 characters") {
		t.Errorf("a key pressed while the screen was not shown went into the note:\n%s", v)
	}
}

// The board and the home take every line of the terminal, the key help on the
// bottom one: the header's height was counted one line too many, the bottom line
// stayed empty and a list showed one row fewer than fitted.
func TestBoardAndHomeTakeTheBottomLine(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	for _, size := range [][2]int{{80, 24}, {40, 14}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			w := w.in(t)
			check := func(what, v string) {
				t.Helper()
				requireFitsIn(t, v, size[0], size[1])
				if n := len(strings.Split(v, "\n")); n != size[1] || strings.TrimSpace(lastLine(v)) == "" {
					t.Errorf("the %s takes %d lines of %d, the last %q:\n%s", what, n, size[1], lastLine(v), v)
				}
			}
			h := w.openSized(tui.Options{Facilitator: true}, size[0], size[1])
			h.waitFor(sess.Title)
			check("home", h.view())
			b := w.openBoardSized(sess, size[0], size[1])
			b.keys("4")
			b.waitDrawn("pen tests")
			check("board", b.view())
		})
	}
}

// The campaign overview takes the screen's bottom line too, in each of its views
// and under its key list: it counted its head one line too many, as the board and
// the home did.
func TestCampaignOverviewTakesTheBottomLine(t *testing.T) {
	t.Parallel()
	w, _ := campaignWorld(t)
	for _, size := range [][2]int{{80, 24}, {40, 14}} {
		for _, view := range []struct{ keys, drawn string }{
			{"", "Pentest"}, {"2", "[2 Audiences]"}, {"5", "[5 Hypotheses]"}, {"?", "Keys of this view"},
		} {
			s := w.openSized(tui.Options{Facilitator: true}, size[0], size[1])
			s.waitFor("Champions 2")
			s.keys("c")
			s.waitFor("Pentest")
			s.keys(view.keys)
			s.waitDrawn(view.drawn)
			v := s.view() // ends the connection
			requireFitsIn(t, v, size[0], size[1])
			// Under the key list no key line is on the bottom line; the list's own
			// lines end where it does.
			if n := len(strings.Split(v, "\n")); n != size[1] || view.keys != "?" && strings.TrimSpace(lastLine(v)) == "" {
				t.Errorf("at %dx%d after %q the overview takes %d lines of %d, the last %q:\n%s", size[0], size[1], view.keys, n, size[1], lastLine(v), v)
			}
		}
	}
}

// The participant's screen takes the bottom line too: it counted its lines, each
// ending in a newline, with lipgloss.Height, one too many, and its key line stood
// above an empty bottom line, as the board's did.
func TestParticipantTakesTheBottomLine(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	p := w.join(sess, "key-1", "")
	for _, size := range [][2]int{{80, 24}, {40, 14}} {
		s := w.openSized(tui.Options{KeyHash: p.KeyHash, Code: sess.Code}, size[0], size[1])
		s.waitFor("New note in")
		v := s.view() // ends the connection
		requireFitsIn(t, v, size[0], size[1])
		if n := len(strings.Split(v, "\n")); n != size[1] || strings.TrimSpace(lastLine(v)) == "" {
			t.Errorf("at %dx%d the participant's screen takes %d lines of %d, the last %q:\n%s", size[0], size[1], n, size[1], lastLine(v), v)
		}
	}
}
