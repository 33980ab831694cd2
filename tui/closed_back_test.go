package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// A participant who opens a closed session from the sessions they took part in
// goes back to that list with esc (or q, as on the campaign overview), selected
// on the session they came from; esc did nothing and q ended the connection.
// The board no longer counts them in the session they left.
func TestParticipantGoesBackFromAClosedSessionToTheList(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for _, title := range []string{"Developers Berlin", "Service owners Lisbon"} {
		s := w.newSession(title)
		w.setPhase(s, session.PhaseWrite)
		w.join(s, "key-1", "")
		w.setPhase(s, session.PhaseClosed)
	}
	ps, err := w.svc.Participations(w.ctx, "key-1")
	if err != nil || len(ps) != 2 {
		t.Fatalf("participations = %v, %v; want the two sessions", ps, err)
	}
	// The second of the list, to see that the way back selects it again.
	second, me := ps[1].Session, ps[1].Participant
	p := w.open(tui.Options{KeyHash: "key-1"})
	p.waitFor("Sessions you took part in", "▸ "+ps[0].Session.Title+" · closed", "  "+second.Title+" · closed")
	p.press(tea.KeyDown)
	p.waitFor("▸ " + second.Title + " · closed")
	p.press(tea.KeyEnter)
	p.waitFor("Thank you for taking part")
	if connected, _ := p.conn.Presence(second.ID); !connected[me.ID] {
		t.Fatalf("the board does not count the participant as connected while they look at the session: %v", connected)
	}

	p.press(tea.KeyEsc)
	p.waitFor("Sessions you took part in", "▸ "+second.Title+" · closed")
	if connected, _ := p.conn.Presence(second.ID); len(connected) != 0 {
		t.Errorf("back on the list, the board still counts %v as connected to the session", connected)
	}

	// q goes back too; the session's screen is reached again from the list, and
	// its key line says how back goes.
	p.press(tea.KeyEnter)
	p.waitFor("Thank you for taking part", "esc back to your sessions")
	p.keys("q")
	p.waitFor("Sessions you took part in")
	v := p.view()
	if strings.Contains(v, "Leave the session?") || !strings.Contains(v, "Join code:") {
		t.Errorf("q in a closed session did not go back to the list:\n%s", v)
	}
}
