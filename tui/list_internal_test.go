package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// testList is a list of n rows named "row 0", "row 1", ...; every fifth row is
// the header of a numbered item.
func testList(n, page int) (*list, []string) {
	rows := make([]string, n)
	for i := range rows {
		rows[i] = "row " + itoa(i)
	}
	l := newList()
	l.setLen(n)
	l.setPage(page)
	l.match = func(i int, q string) bool { return strings.Contains(rows[i], q) }
	l.number = func(k int) (int, bool) {
		if k < 1 || (k-1)*5 >= n {
			return 0, false
		}
		return (k - 1) * 5, true
	}
	return &l, rows
}

func itoa(i int) string {
	return string(rune('0'+i/10%10)) + string(rune('0'+i%10))
}

func keyMsg(s string) tea.KeyMsg {
	switch s {
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "pgup":
		return tea.KeyMsg{Type: tea.KeyPgUp}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "home":
		return tea.KeyMsg{Type: tea.KeyHome}
	case "end":
		return tea.KeyMsg{Type: tea.KeyEnd}
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	case " ":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func press(l *list, keys ...string) {
	for _, k := range keys {
		l.update(keyMsg(k))
	}
}

// The selection stays on a row and inside the window whatever is pressed.
func TestListMovesAndScrolls(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name            string
		keys            []string
		sel, start, end int
	}{
		{"start", nil, 0, 0, 5},
		{"down", []string{"down", "j"}, 2, 0, 5},
		{"up at the top stays", []string{"up", "k"}, 0, 0, 5},
		{"down past the window scrolls", []string{"j", "j", "j", "j", "j", "j"}, 6, 2, 7},
		{"page down", []string{"pgdown"}, 5, 5, 10},
		{"page down twice then up", []string{"pgdown", "pgdown", "pgup"}, 5, 5, 10},
		{"end", []string{"end"}, 22, 18, 23},
		{"end then home", []string{"end", "home"}, 0, 0, 5},
		{"page down at the end stays", []string{"end", "pgdown"}, 22, 18, 23},
		{"page up at the top stays", []string{"pgup"}, 0, 0, 5},
	} {
		t.Run(c.name, func(t *testing.T) {
			l, _ := testList(23, 5)
			press(l, c.keys...)
			if got := l.selected(); got != c.sel {
				t.Errorf("selected %d, want %d", got, c.sel)
			}
			if s, e := l.window(5, 0); s != c.start || e != c.end {
				t.Errorf("window %d-%d, want %d-%d", s, e, c.start, c.end)
			}
		})
	}
}

// A list cut with a line that says what is above and below pages by the rows it
// shows: PgDn went one row further than the screen showed, and each page skipped
// a row nobody saw (a newcomer grouping 100 notes never saw two of them).
func TestCutListPagesWithoutAGap(t *testing.T) {
	t.Parallel()
	l, _ := testList(40, 13)
	l.setCutPage(13) // as the board sets it: the room for the list
	_, end, more := l.cut(13, 0)
	if !more {
		t.Fatal("40 rows in 13 lines are not cut")
	}
	seen := map[int]bool{}
	for row := 0; row < end; row++ {
		seen[row] = true
	}
	for range 5 {
		press(l, "pgdown")
		start, end, _ := l.cut(13, 0)
		for row := start; row < end; row++ {
			seen[row] = true
		}
	}
	for row := range 40 {
		if !seen[row] {
			t.Errorf("row %d was never shown paging down", row)
		}
	}
}

// A selected row that takes more lines shrinks the window, never hides itself.
func TestListWindowKeepsTheSelection(t *testing.T) {
	t.Parallel()
	l, _ := testList(30, 10)
	press(l, "end")
	s, e := l.window(10, 2)
	if sel := l.selected(); sel < s || sel >= e || e-s != 8 {
		t.Errorf("window %d-%d for selection %d and 8 rows", s, e, sel)
	}
	l.setLen(3) // rows went away
	if sel := l.selected(); sel != 2 {
		t.Errorf("after shrinking, selected %d, want 2", sel)
	}
	if s, e := l.window(10, 0); s != 0 || e != 3 {
		t.Errorf("after shrinking, window %d-%d", s, e)
	}
	l.setLen(0)
	if sel := l.selected(); sel != -1 {
		t.Errorf("empty list: selected %d", sel)
	}
	press(l, "down", "end", "pgdown", "/", "x", "enter", "n")
}

// / searches as the query is typed; enter keeps the match, n and N go on, esc goes
// Rows of more than one line (a closed session's action points, shown whole)
// fill the lines they are given and no more, whole, the selection among them,
// moved or paged; paging down shows every row.
func TestListOfRowsOfSeveralLines(t *testing.T) {
	t.Parallel()
	const lines = 13
	l, _ := testList(30, lines)
	l.setCutPage(lines)
	l.lines = func(i int) int { return 1 + i%3 } // 1, 2, 3, 1, 2, 3, ...
	drawn := func(start, end int) int {
		n := 0
		for i := start; i < end; i++ {
			n += l.rowLines(i, 0)
		}
		return n
	}
	seen := map[int]bool{}
	for _, k := range []string{"", "pgdown", "pgdown", "pgdown", "pgdown", "pgdown", "pgdown", "home", "j", "j", "j", "j", "j", "j", "j", "pgup", "end", "k"} {
		if k != "" {
			press(l, k)
		}
		start, end, more := l.cut(lines, 0)
		if !more {
			t.Fatalf("after %q the list is not cut", k)
		}
		if n := drawn(start, end); n > lines-1 {
			t.Errorf("after %q rows %d-%d take %d lines, more than the %d there are", k, start, end, n, lines-1)
		}
		if sel := l.selected(); sel < start || sel >= end {
			t.Errorf("after %q the selection %d is outside rows %d-%d", k, sel, start, end)
		}
		if k == "pgdown" || k == "" {
			for i := start; i < end; i++ {
				seen[i] = true
			}
		}
	}
	for i := range 30 {
		if !seen[i] {
			t.Errorf("row %d was never shown paging down", i)
		}
	}
}

// back to where the search began.
func TestListSearch(t *testing.T) {
	t.Parallel()
	l, _ := testList(30, 5)
	press(l, "down", "down", "/")
	if !l.open() {
		t.Fatal("/ did not open the search")
	}
	press(l, "1")
	if got := l.selected(); got != 10 {
		t.Fatalf("typing 1 selects %d, want 10 (the first row with a 1 from row 2 on)", got)
	}
	press(l, "5")
	if got := l.selected(); got != 15 {
		t.Fatalf("typing 15 selects %d, want 15", got)
	}
	press(l, "backspace", "enter")
	if l.open() || l.selected() != 10 {
		t.Fatalf("enter: open %v, selected %d", l.open(), l.selected())
	}
	press(l, "n")
	if got := l.selected(); got != 11 {
		t.Errorf("n selects %d, want 11", got)
	}
	press(l, "N", "N")
	if got := l.selected(); got != 1 {
		t.Errorf("N N selects %d, want 1", got)
	}
	press(l, "N")
	if got := l.selected(); got != 21 {
		t.Errorf("N wraps to %d, want 21", got)
	}

	press(l, "home", "/", "2", "7")
	if got := l.selected(); got != 27 {
		t.Fatalf("27 selects %d", got)
	}
	if s, e := l.window(5, 0); s > 27 || e <= 27 {
		t.Errorf("the match is off screen: window %d-%d", s, e)
	}
	press(l, "esc")
	if l.open() || l.selected() != 0 {
		t.Errorf("esc: open %v, selected %d, want back at 0", l.open(), l.selected())
	}

	press(l, "/", "z", "z")
	if !strings.Contains(l.inputView(80, NewStyles(nil)), "No match") {
		t.Errorf("a query without a match says nothing: %q", l.inputView(80, NewStyles(nil)))
	}
}

// # and a number select that item's row; a wrong number says so and waits.
func TestListJump(t *testing.T) {
	t.Parallel()
	l, _ := testList(30, 5)
	press(l, "#", "4", "enter")
	if l.open() || l.selected() != 15 {
		t.Fatalf("# 4 enter: open %v, selected %d, want 15", l.open(), l.selected())
	}
	if s, _ := l.window(5, 0); s != 15 {
		t.Errorf("# 4: the window starts at %d, want the item on top (15)", s)
	}
	press(l, "#", "9", "enter")
	if !l.open() || !strings.Contains(l.inputView(80, NewStyles(nil)), "no theme 9") {
		t.Fatalf("# 9: open %v, said %q", l.open(), l.inputView(80, NewStyles(nil)))
	}
	// # again starts the number afresh, and letters do nothing: "9#2" was taken
	// as typed, and no enter went anywhere.
	press(l, "#", "x", "2", "enter")
	if l.open() || l.selected() != 5 {
		t.Fatalf("# 9 enter # x 2 enter: open %v, selected %d, want 5", l.open(), l.selected())
	}
	// A space is no part of a number either ("2 1" was taken as typed).
	press(l, "#", "2", " ", "1", "enter")
	if !strings.Contains(l.inputView(80, NewStyles(nil)), "There is no theme 21.") {
		t.Errorf("# 2 space 1: said %q", l.inputView(80, NewStyles(nil)))
	}
	press(l, "esc")
	press(l, "#", "9", "enter")
	press(l, "esc")
	if l.open() || l.selected() != 5 {
		t.Errorf("esc: open %v, selected %d", l.open(), l.selected())
	}
	press(l, "#", "x", "enter")
	if !strings.Contains(l.inputView(80, NewStyles(nil)), "number") {
		t.Errorf("# x: said %q", l.inputView(80, NewStyles(nil)))
	}
}

// Without a match or number function, / and # are not the list's keys.
func TestListWithoutSearch(t *testing.T) {
	t.Parallel()
	l := newList()
	l.setLen(5)
	for _, k := range []string{"/", "#", "n", "x"} {
		if ok, _ := l.update(keyMsg(k)); ok {
			t.Errorf("%s was taken by a list without search", k)
		}
	}
	for _, k := range []string{"up", "down", "pgup", "pgdown", "home", "end"} {
		if ok, _ := l.update(keyMsg(k)); !ok {
			t.Errorf("%s was not taken", k)
		}
	}
	for _, b := range l.keys() {
		if b.Help().Key == "/" || b.Help().Key == "#" {
			t.Errorf("help offers %s", b.Help().Key)
		}
	}
}

// A cut list of two lines or more says what is above and below it, its rows
// taking the others: two lines showed two rows that looked like the whole list.
// One line is all the row's, and the selected row takes its lines whole.
func TestCutListInFewLines(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		height, extra int
		rows          int
		more          bool
	}{
		{1, 0, 1, false},
		{2, 0, 1, true},
		{3, 0, 2, true},
		{2, 1, 1, false},
		{3, 1, 1, true},
	} {
		l, _ := testList(6, c.height)
		start, end, more := l.cut(c.height, c.extra)
		if end-start != c.rows || more != c.more {
			t.Errorf("cut(%d, %d) shows %d rows, more %v; want %d rows, more %v", c.height, c.extra, end-start, more, c.rows, c.more)
		}
		if used := l.spanWith(start, end-1, c.extra) + map[bool]int{true: 1}[more]; used > c.height {
			t.Errorf("cut(%d, %d) takes %d lines", c.height, c.extra, used)
		}
	}
}
