package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// Before the facilitator confirms a removal, the prompt says whether the person's
// network address will be closed to new people (they were alone on it) or stays open
// (others in the room joined from it); a closed address shows on the people tab, and
// u opens it again while the removed key stays out.
func TestRemovalSaysWhatHappensToTheAddress(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	const office, home = "192.0.2.10", "198.51.100.7"
	joinFrom := func(key, addr, name string) error {
		p, _, err := w.svc.JoinFrom(w.ctx, sess.ID, key, addr)
		if err == nil && name != "" {
			err = w.svc.SetName(w.ctx, p, name)
		}
		return err
	}
	for _, j := range []struct{ key, addr, name string }{{"key-ana", office, "Ana"}, {"key-ben", office, "Ben"}, {"key-rui", home, "Rui"}} {
		if err := joinFrom(j.key, j.addr, j.name); err != nil {
			t.Fatal(err)
		}
	}
	s := w.openBoard(sess)
	s.keys("2")
	s.waitFor("3 people")

	// Rui, the last one, is the only one from home.
	s.press(tea.KeyEnd)
	s.keys("r")
	s.waitFor("Remove Rui from the session?", "Nobody else joined")
	s.keys("y")
	s.waitFor("Removed from the session.", "No new people from the network address of Rui", "u let address in")
	if err := joinFrom("key-new", home, ""); session.ErrorCode(err) != session.EForbidden {
		t.Fatalf("a new key from the removed person's address: %v", err)
	}

	s.keys("u")
	s.waitFor("Let new people join again from the network address of Rui?")
	s.keys("y")
	s.waitFor("New people can join from there again")
	if err := joinFrom("key-new", home, ""); err != nil {
		t.Fatalf("a new key after u: %v", err)
	}
	if err := joinFrom("key-rui", home, ""); session.ErrorCode(err) != session.EForbidden {
		t.Fatalf("the removed key came back after u: %v", err)
	}

	// Ana shares the office address with Ben.
	s.press(tea.KeyHome)
	s.keys("r")
	s.waitFor("Remove Ana from the session?", "Others joined")
	s.keys("y")
	s.waitFor("Removed from the session. Their key (or rejoin code) is kept out.")
	if err := joinFrom("key-late", office, ""); err != nil {
		t.Fatalf("a latecomer behind the office address after a removal: %v", err)
	}
	v := s.view()
	requireFits(t, v)
	if strings.Contains(v, "No new people from") {
		t.Errorf("the people tab still shows a closed address:\n%s", v)
	}
}

// A closed session's results are frozen and nobody can be removed from it: r says so
// at once, and the key line does not offer it, rather than asking to remove someone
// and refusing only after the y.
func TestRemovalInAClosedSessionIsRefusedAtOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	ana := w.join(sess, "key-ana", "Ana")
	w.setPhase(sess, session.PhaseClosed)
	s := w.openBoard(sess)
	s.keys("2")
	s.waitFor("Ana")
	s.keys("r")
	s.waitFor("The session is closed: nobody can be removed from it.")
	v := s.view()
	if strings.Contains(v, "Remove Ana from the session?") || strings.Contains(v, "r remove person") {
		t.Errorf("a closed session's people view offers a removal:\n%s", v)
	}
	if w.participant(ana.ID).Removed {
		t.Error("Ana was removed from a closed session")
	}
}
