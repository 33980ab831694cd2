package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/charter-tool/charter/session"
)

// The home lays its columns out once for the sessions loaded, a width and a day,
// not at every drawing; a new load, a new width or a new day lays them out again:
// the rows then say the titles as they are now.
func TestHomeColumnsFollowTheSessionsAndTheWidth(t *testing.T) {
	at := time.Date(2026, time.March, 10, 14, 0, 0, 0, time.UTC)
	e := New(Options{Facilitator: true, Renderer: colours256(), Now: func() time.Time { return at }}).env
	e.w, e.h = 80, 24
	h := newHome(e)
	load := func(titles ...string) {
		var ss []*session.Session
		for i, t := range titles {
			ss = append(ss, &session.Session{ID: string(rune('a' + i)), Title: t, Code: "ABCD-EFG" + string(rune('A'+i)), Location: "Berlin",
				Audience: session.AudienceDevelopers, Campaign: "Spring 2027", Phase: session.PhaseLobby})
		}
		h.Update(sessionsMsg(ss))
	}
	load("Developers of the platform teams in Hamburg, the spring session", "Developers of the platform teams in Munich, the spring session")
	first := ansi.Strip(h.View())
	if len(h.cols.apart) == 0 {
		t.Fatalf("the titles were not cut apart, and the test tells nothing:\n%s", first)
	}
	laid := h.colsKey
	if !laid.laid {
		t.Fatal("the columns were not laid out for the drawing")
	}
	h.View()
	if h.colsKey != laid {
		t.Error("a drawing with nothing changed laid the columns out again")
	}
	load("Service owners Lisbon", "Developers of the platform teams in Munich, the spring session")
	v := ansi.Strip(h.View())
	if v == first || !strings.Contains(v, "Service owners") {
		t.Errorf("after a new load the rows do not say its titles:\n%s", v)
	}
	h.Update(tea.WindowSizeMsg{Width: 40, Height: 14})
	e.w, e.h = 40, 14
	v = ansi.Strip(h.View())
	if h.colsKey.w != 40 {
		t.Errorf("the columns are laid out for %d columns on a screen of 40", h.colsKey.w)
	}
	for _, l := range strings.Split(v, "\n") {
		if ansi.StringWidth(l) > 40 {
			t.Errorf("a row is wider than the screen: %q", l)
		}
	}
}
