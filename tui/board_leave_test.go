package tui_test

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/charter-tool/charter/tui"
)

// ctrl+c on the facilitator's board cancels a prompt as esc does, and on the
// board itself asks before it closes the connection, as a participant's screen
// asks: it closed the connection at once, from inside a prompt too.
func TestBoardCtrlCCancelsAPromptAndAsksBeforeLeaving(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	said := make(chan string, 1)
	b := w.open(tui.Options{Facilitator: true, JoinHint: "ssh -p 2222 -t charter.example", Goodbye: func(m string) { said <- m }})
	b.waitFor(sess.Title)
	b.press(tea.KeyEnter)
	b.waitFor("1. pen tests (2)")

	b.keys("R")
	b.waitFor("New name: pen tests")
	b.keys(" and more")
	b.press(tea.KeyCtrlC)
	b.waitFor("R rename") // the board's keys again, the prompt gone
	b.keys("jM")
	b.waitFor("Move the note to theme")
	b.press(tea.KeyCtrlC)
	b.waitFor("R rename")
	b.keys("k")

	b.keys("/pen")
	b.waitFor("/pen")
	b.press(tea.KeyCtrlC)
	b.waitFor("R rename")

	// A question's answer: no, as any key but y.
	b.keys("D")
	b.waitFor("Delete theme 1")
	b.press(tea.KeyCtrlC)
	b.waitFor("Nothing was deleted.")

	b.press(tea.KeyCtrlC)
	b.waitFor("Close the connection?", "y or ctrl+c = close")
	b.keys("k") // stays, and does not move the selection
	b.waitFor("You stay on the board.")
	if got := w.themesOf(sess); len(got) != 2 || len(got["pen tests"]) != 2 {
		t.Fatalf("themes %v, want pen tests and deadlines as they were", got)
	}
	b.press(tea.KeyCtrlC)
	b.waitFor("Close the connection?")
	b.press(tea.KeyCtrlC)
	b.tm.WaitFinished(t, teatest.WithFinalTimeout(waitTime))
	select {
	case m := <-said:
		if !strings.HasPrefix(m, "You left the board of Developers Berlin; the session goes on. To come back:") {
			t.Errorf("leaving said %q", m)
		}
	case <-time.After(waitTime):
		t.Fatal("leaving said nothing")
	}
}
