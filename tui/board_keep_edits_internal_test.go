package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// A clustering run begun before a name was given to a suggestion is of a preview
// no longer shown: its result is put aside and the run made again, keeping the
// name. It replaced the preview, and the name was gone.
func TestRunBegunBeforeARenameKeepsTheName(t *testing.T) {
	a, b, _, _, ids := groupingBoard(t, []string{"pen tests come late", "pen test reports arrive late", "deadlines always win", "tight deadlines every sprint"}, nil, 80, 30)
	b.tab = tabThemes
	a.Update(suggestionsMsg{themes: []session.Theme{
		{Label: "pen tests", NoteIDs: ids[:2]},
		{Label: "deadlines", NoteIDs: ids[2:]},
	}, gen: b.themes.sugGen})
	// A run for a new note begins, and the first suggestion is named while it
	// runs.
	run := b.suggest()
	for _, k := range []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune{'R'}}, {Type: tea.KeyCtrlU}, {Type: tea.KeyRunes, Runes: []rune("Late pen tests")}, {Type: tea.KeyEnter}} {
		a.Update(k)
	}
	if got := b.themes.suggestions[0].Label; got != "Late pen tests" {
		t.Fatalf("renamed: suggestion 1 is %q", got)
	}
	_, again := a.Update(run())
	if got := b.themes.suggestions[0]; got.Label != "Late pen tests" || !got.Named {
		t.Fatalf("after the run begun before the rename, suggestion 1 is %+v, want the name kept", got)
	}
	sug, ok := suggestionsIn(again)
	if !ok || sug.kept == nil {
		t.Fatalf("the run begun before the rename was not made again keeping the name (%v)", ok)
	}
	a.Update(sug)
	if got := b.themes.suggestions[0]; got.Label != "Late pen tests" || len(got.NoteIDs) != 2 {
		t.Errorf("after the run made again, suggestion 1 is %+v, want the name and its notes", got)
	}
}

// suggestionsIn runs cmd and what it batches, and returns the clustering result
// among their messages.
func suggestionsIn(cmd tea.Cmd) (suggestionsMsg, bool) {
	if cmd == nil {
		return suggestionsMsg{}, false
	}
	switch msg := cmd().(type) {
	case suggestionsMsg:
		return msg, true
	case tea.BatchMsg:
		for _, c := range msg {
			if sug, ok := suggestionsIn(c); ok {
				return sug, true
			}
		}
	}
	return suggestionsMsg{}, false
}

// New suggestions keep the selected note selected wherever they put it: after L
// moved a note to another lane it went to another suggestion, and the selection
// stayed on its row, on another note (found trying the product).
func TestNewSuggestionsKeepTheSelectedNote(t *testing.T) {
	a, b, _, _, ids := groupingBoard(t, []string{"pen tests come late", "pen test reports arrive late", "deadlines always win", "tight deadlines every sprint"}, nil, 80, 30)
	b.tab = tabThemes
	a.Update(suggestionsMsg{themes: []session.Theme{
		{Label: "pen tests", NoteIDs: ids[:2]},
		{Label: "deadlines", NoteIDs: ids[2:]},
	}, gen: b.themes.sugGen})
	tab := b.tabs[tabThemes].(*themesTab)
	tab.refresh()
	for i, r := range tab.rowsNow {
		if r.note == ids[1] {
			tab.list.selectRow(i)
		}
	}
	if got := tab.current().note; got != ids[1] {
		t.Fatalf("selected note %d, want %d (the test needs it selected)", got, ids[1])
	}
	// The note now goes with the deadlines, further down.
	a.Update(suggestionsMsg{themes: []session.Theme{
		{Label: "pen tests", NoteIDs: ids[:1]},
		{Label: "deadlines", NoteIDs: []int64{ids[2], ids[3], ids[1]}},
	}, gen: b.themes.sugGen})
	if got := b.themes.suggestions[1].Label; got != "deadlines" {
		t.Fatalf("suggestion 1 is %q, want the new suggestions shown", got)
	}
	tab.refresh()
	if got := tab.current().note; got != ids[1] {
		t.Errorf("after new suggestions the selected note is %d, want %d", got, ids[1])
	}
}
