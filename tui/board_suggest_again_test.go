package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// g before accepting asks before it drops the names, merges and picks made on
// the suggestions, saying how many: the same notes give the same suggestions, and
// it threw the work away without a word.
func TestBoardSuggestAgainAsksBeforeDroppingHandEdits(t *testing.T) {
	t.Parallel()
	w, sess, sug := previewWorld(t)
	b := w.openBoard(sess)
	b.waitEverDrawn("1. "+sug[0].Label, "A accept all")
	b.keys("R")
	b.waitFor("Name before sharing: ")
	b.press(tea.KeyCtrlU)
	b.keys("Build")
	b.press(tea.KeyEnter)
	b.waitFor("1. Build", "Renamed; nobody sees it until A.")
	b.keys("#2")
	b.press(tea.KeyEnter)
	b.keys("v")
	b.waitFor("[x] 2. " + sug[1].Label)

	b.keys("g")
	b.waitFor("drops the 1 name and 1 pick made here", "y = drop them, any other key = keep them")
	b.keys("n")
	b.waitFor("Kept as they are: 1 name and 1 pick.")
	b.keys("g")
	b.waitFor("drops the 1 name and 1 pick made here")
	b.keys("y")
	b.waitFor("1. " + sug[0].Label)
	if v := b.view(); strings.Contains(v, "Build") || strings.Contains(v, "[x]") {
		t.Errorf("the name and the pick are still there after y:\n%s", v)
	}
}
