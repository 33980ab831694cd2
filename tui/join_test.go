package tui_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// countingGuard is a lockout after limit wrong codes that counts them, each code
// once, as the server's guard does; calls counts every Fail, so that a test sees
// the screen tried a code it was told was refused.
type countingGuard struct {
	mu                  sync.Mutex
	fails, limit, calls int
	refused             map[string]bool
}

func (g *countingGuard) Check() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.fails >= g.limit {
		return session.Errorf(session.ELimit, "Locked out.")
	}
	return nil
}

func (g *countingGuard) Fail(code string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.calls++
	if g.refused == nil {
		g.refused = map[string]bool{}
	}
	if c := session.NormalizeCode(code); !g.refused[c] {
		g.refused[c] = true
		g.fails++
	}
}

func (g *countingGuard) Refused(code string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.refused[session.NormalizeCode(code)]
}

func (g *countingGuard) Left() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.fails == 0 {
		return ""
	}
	return fmt.Sprintf("%d tries left.", g.limit-g.fails)
}

func (g *countingGuard) failed() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.fails
}

// failCalls is how many times the screen called Fail.
func (g *countingGuard) failCalls() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.calls
}

// The join line typed whole, a key at a time, joins by its code as a pasted one
// does: the box cut it at 24 characters ("ssh -p 25301 -t 127.0.0.") and took that
// for a wrong code, one of the tries before a lockout.
func TestJoinTypedJoinLineJoinsByItsCode(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	g := &countingGuard{limit: 5}
	s := w.open(tui.Options{KeyHash: "key-1", Guard: g})
	s.waitFor("Join code:")
	line := "ssh -p 25301 -t 127.0.0.1 " + sess.Code
	s.keys(line)
	// Seen whole as it is typed, not only its last 20 characters.
	s.waitFor("Join code: " + line)
	s.press(tea.KeyEnter)
	s.waitFor("You joined as P1", "Your name:")
	if n := g.failed(); n != 0 {
		t.Errorf("joining by a typed join line counted %d wrong codes", n)
	}
}

// A wrong code is counted once: enter again on the same code (the same text, or
// the code written another way) is no new guess, and the screen says it is not
// counted; a different code is, up to the lockout.
func TestJoinSameWrongCodeAgainIsNotAnotherTry(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.newSession("Developers Berlin")
	g := &countingGuard{limit: 3}
	s := w.open(tui.Options{KeyHash: "key-1", Guard: g})
	s.waitFor("Join code:")
	s.keys("ssh -p 25301 -t 127.0.0.1 WRNG-KEYS")
	s.press(tea.KeyEnter)
	// The box keeps the code that was tried.
	s.waitFor(`No session has the code "WRNG-KEYS"`, "2 tries left.", "Join code: WRNG-KEYS")
	s.press(tea.KeyEnter)
	s.waitFor("it was refused from your network")
	s.press(tea.KeyCtrlU)
	s.keys("wrngkeys")
	s.waitFor("Join code: wrngkeys")
	s.press(tea.KeyEnter)
	s.waitFor(`"wrngkeys": it was refused`)
	s.keys("X")
	s.waitFor("Join code: wrngkeysX")
	if n := g.failed(); n != 1 {
		t.Fatalf("the same wrong code entered three times counted %d tries, want 1", n)
	}
	if n := g.failCalls(); n != 1 {
		t.Fatalf("the same wrong code entered three times was tried %d times, want once", n)
	}
	// A different wrong code is another guess.
	s.press(tea.KeyEnter)
	s.waitFor(`No session has the code "wrngkeysX"`, "1 tries left.")
	s.press(tea.KeyBackspace)
	s.keys("Y")
	s.press(tea.KeyEnter)
	s.waitFor("Locked out.")
	if v := s.view(); strings.Contains(v, "You joined") {
		t.Errorf("a wrong code let in:\n%s", v)
	}
	if n := g.failed(); n != 3 {
		t.Errorf("counted %d wrong codes, want 3", n)
	}
}

// A code the guard says was refused before (on a connection since closed) is
// not tried again on a new one: the screen says it is not counted, as for a code
// entered twice on one connection.
func TestJoinCodeRefusedBeforeAReconnectIsNotTriedAgain(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.newSession("Developers Berlin")
	g := &countingGuard{limit: 3}
	first := w.open(tui.Options{KeyHash: "key-1", Guard: g})
	first.waitFor("Join code:")
	first.keys("WRNG-KEYS")
	first.press(tea.KeyEnter)
	first.waitFor(`No session has the code "WRNG-KEYS"`, "2 tries left.")
	again := w.open(tui.Options{KeyHash: "key-1", Guard: g})
	again.waitFor("Join code:")
	again.keys("wrng-keys")
	again.press(tea.KeyEnter)
	again.waitFor(`"wrng-keys": it was refused`, "not counted as another", "2 tries left.")
	if n := g.failed(); n != 1 {
		t.Errorf("the same wrong code on two connections counted %d tries, want 1", n)
	}
	if n := g.failCalls(); n != 1 {
		t.Errorf("the same wrong code on two connections was tried %d times, want once", n)
	}
}

// The ssh line typed without a code at its end is no code, and no guess: the
// screen says to type the code, and nothing is counted.
func TestJoinSSHLineWithoutCodeIsNoGuess(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.newSession("Developers Berlin")
	g := &countingGuard{limit: 5}
	s := w.open(tui.Options{KeyHash: "key-1", Guard: g})
	s.waitFor("Join code:")
	s.keys("ssh -p 25301 -t 127.0.0.1")
	s.press(tea.KeyEnter)
	s.waitFor("without a join code at its end")
	s.view()
	if n := g.failed(); n != 0 {
		t.Errorf("the ssh line without a code counted %d wrong codes", n)
	}
}

// The ssh line to a host without dots, typed or pasted without a code, is no
// guess either: the host ("localhost") was taken for the code at the line's end,
// tried, refused, and counted toward the lockout.
func TestJoinSSHLineToAHostWithoutDotsIsNoGuess(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		line  string
		paste bool
	}{
		{"ssh -p 2222 -t localhost", false},
		{"ssh -p2222 -t workshop1", false},
		{"ssh -t facilitation-server", true},
	} {
		t.Run(c.line, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			w.newSession("Developers Berlin")
			g := &countingGuard{limit: 5}
			s := w.open(tui.Options{KeyHash: "key-1", Guard: g})
			s.waitFor("Join code:")
			if c.paste {
				s.paste(c.line)
			} else {
				s.keys(c.line)
			}
			s.press(tea.KeyEnter)
			s.waitFor("without a join code at its end")
			if v := s.view(); strings.Contains(v, "No session has the code") {
				t.Errorf("the ssh line was tried as a code:\n%s", v)
			}
			if n := g.failed(); n != 0 {
				t.Errorf("the ssh line without a code counted %d wrong codes", n)
			}
		})
	}
}

// A code holding a character no code has (0, O, 1, I, L) was misread: the refusal
// names that character, for the person to check, and does not count as a try
// toward the lockout, as it can match no one's code. Join, rejoin and claim
// codes alike.
func TestJoinMisreadCodeNamesTheCharacterAndCostsNoTry(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.newSession("Developers Berlin")
	g := &countingGuard{limit: 3}
	s := w.open(tui.Options{KeyHash: "key-1", Guard: g})
	s.waitFor("Join code:")
	for _, c := range []struct{ code, says string }{
		{"ABCD-EF0H", "has a zero (0)"},
		{"abcd-efoh", "has the letter O"},
		{"ABCDE-FGH1K", "has a one (1)"},
		{"CLAIM-ABCD-EFGH-JKLM", "has the letter L"},
	} {
		s.press(tea.KeyCtrlU)
		s.keys(c.code)
		s.press(tea.KeyEnter)
		s.waitFor(c.says, "which no code has", "Check that character")
	}
	if n := g.failed(); n != 0 {
		t.Errorf("misread codes counted %d wrong tries, want 0", n)
	}
	// A code of the codes' characters that no session has is still a try.
	s.press(tea.KeyCtrlU)
	s.keys("ABCD-EFGH")
	s.press(tea.KeyEnter)
	s.waitFor(`No session has the code "ABCD-EFGH"`, "2 tries left.")
}

// At 40x14 a refusal and the tries left fit with the screen's top: the
// introduction gives way, where the title went off the top before.
func TestJoinRefusalFitsAShortTerminal(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.newSession("Developers Berlin")
	s := w.openSized(tui.Options{KeyHash: "key-1", Guard: &countingGuard{limit: 5}}, 40, 14)
	s.waitFor("Join code:")
	s.keys("WRNG-KEYS")
	s.press(tea.KeyEnter)
	s.waitFor("4 tries")
	s.press(tea.KeyEnter)
	s.waitFor("it was refused from your network")
	v := s.view()
	requireFitsIn(t, v, 40, 14)
	if !strings.HasPrefix(v, "charter · security chartering") || !strings.Contains(v, "Join code: WRNG-KEYS") {
		t.Errorf("the join screen at 40x14 lost its top or its box:\n%s", v)
	}
}
