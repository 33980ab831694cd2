package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// list is the selection and scrolling of one list of rows, shared by the board's
// tabs: ↑/↓ (k/j), PgUp/PgDn, Home/End, / to search and # to jump to a numbered
// item. What the rows are, how they look and what matches a search stays with the
// owner; list only knows their count.
type list struct {
	n    int // rows
	sel  int // the selected row
	top  int // the first row shown
	page int // rows shown at once, as last drawn; PgUp/PgDn move by it
	// cutPage: the list is drawn by cut, whose line of what is above and below
	// takes a row of the page (see setCutPage).
	cutPage bool
	// extra is how many lines more than one the selected row takes (a long note
	// shown whole), as the owner last set it: a page shows as many rows fewer.
	// Counted in, PgDn skipped the rows the long note pushed off the screen.
	extra int
	// lines is how many lines row i takes when it is not selected, for an owner
	// that shows some rows whole on every line they need (a closed session's
	// action points); nil: one line each.
	lines func(i int) int

	// match reports whether row i matches a search (lower-case) query; nil
	// switches searching off.
	match func(i int, query string) bool
	// number returns the row of item k (as numbered on the screen, from 1);
	// nil switches jumping off.
	number func(k int) (row int, ok bool)

	// in is the search or jump input, made when first opened: a text input is
	// about 5 KB, and most lists (every participant's) are never searched.
	in *textinput.Model
	// typing is what the input is for: searchTyping, jumpTyping or 0 when closed.
	typing int
	// query is the last search, for n and N once the input is closed.
	query string
	// from is the selection when the input opened, restored by esc.
	from int
	// said is a short message about the last search or jump ("no match").
	said string
}

const (
	searchTyping = iota + 1
	jumpTyping
)

var lk = struct {
	Select, Page, Ends, Search, Next, EndSearch, Jump, Go, Cancel key.Binding
}{
	Select:    key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑/↓", "select")),
	Page:      key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", "page")),
	Ends:      key.NewBinding(key.WithKeys("home", "end"), key.WithHelp("home/end", "first/last")),
	Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
	Next:      key.NewBinding(key.WithKeys("n", "N"), key.WithHelp("n/N", "next/prev match")),
	EndSearch: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "end search")),
	Jump:      key.NewBinding(key.WithKeys("#"), key.WithHelp("#", "theme by number")),
	Go:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go")),
	Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
}

func newList() list {
	return list{page: 10}
}

// setLen sets the number of rows, keeping the selection on a row.
func (l *list) setLen(n int) {
	l.n = n
	l.sel = max(min(l.sel, n-1), 0)
	l.top = max(min(l.top, n-1), 0)
}

// setPage sets how many rows are shown at once.
func (l *list) setPage(rows int) { l.page, l.cutPage = max(rows, 1), false }

// setCutPage is setPage for a list drawn by cut in rows lines: when it is cut, the
// line that says what is above and below takes one of them, and a page is one row
// less. Counted in, PgDn went one row further than the screen showed, and each page
// skipped a row nobody saw.
func (l *list) setCutPage(rows int) { l.page, l.cutPage = max(rows, 1), true }

// setExtra sets the lines more than one the selected row takes (see extra).
func (l *list) setExtra(lines int) { l.extra = max(lines, 0) }

// room is how many lines a page has for its rows: the page, less the line that
// says what is above and below when the list is drawn by cut and does not fit.
func (l *list) room() int {
	if l.cutPage && l.span(0, l.n-1) > l.page && l.page-l.extra > 1 {
		return l.page - 1
	}
	return l.page
}

// rowLines is how many lines row i takes: the selected row 1+extra (extra as
// given, since a view draws with the selection it has now), the others as lines
// says.
func (l *list) rowLines(i, extra int) int {
	switch {
	case i == l.selected():
		return 1 + extra
	case l.lines == nil:
		return 1
	}
	return max(l.lines(i), 1)
}

// span is how many lines rows from to to (both included) take, as last set.
func (l *list) span(from, to int) int { return l.spanWith(from, to, l.extra) }

func (l *list) spanWith(from, to, extra int) int {
	n := 0
	for i := max(from, 0); i <= min(to, l.n-1); i++ {
		n += l.rowLines(i, extra)
	}
	return n
}

// shown is how many rows a page shows, as window and cut show them: with rows
// of more than one line, those from the top that fit.
func (l *list) shown() int {
	room := max(l.room()-l.extra, 1)
	if l.lines == nil {
		return room
	}
	rows := 0
	for i := l.top; i < l.n; i++ {
		if room -= max(l.lines(i), 1); room < 0 {
			break
		}
		rows++
	}
	return max(rows, 1)
}

// selected is the selected row; -1 when the list is empty.
func (l *list) selected() int {
	if l.n == 0 {
		return -1
	}
	return min(l.sel, l.n-1)
}

// selectRow selects row i (clamped) and scrolls it into view.
func (l *list) selectRow(i int) {
	l.sel = max(min(i, l.n-1), 0)
	if l.sel < l.top {
		l.top = l.sel
	}
	// The rows above it leave the page while it would not show whole.
	room, used := l.room(), l.span(l.top, l.sel)
	for l.top < l.sel && used > room {
		used -= l.rowLines(l.top, l.extra)
		l.top++
	}
}

// selectItem selects row i, the first of an item whose rows run to last (a theme's
// name, then its notes), so that they show below it: when they would not all show
// from where the list is, the item goes to the top, as a jump puts it. Selected by
// selectRow alone, a theme stood on the list's last row, its notes out of sight.
func (l *list) selectItem(i, last int) {
	l.selectRow(i)
	if last >= l.top+l.shown() {
		l.top = l.sel
	}
}

// heard takes note of a key the screen got while the list's input is closed, the
// list's own or not: what the last search or jump said goes with any key but those
// that go on with it (n and N, the next match; esc, which ends a kept search).
// Keys the screen handles itself (a tab, a phase change) left "Search ended."
// under the list for good.
func (l *list) heard(msg tea.KeyMsg) {
	switch msg.String() {
	case "n", "N", "esc":
	default:
		l.said = ""
	}
}

// endSearch forgets the last search, and what was said of it.
func (l *list) endSearch() {
	if l.typing == searchTyping {
		l.closeInput()
	}
	l.query, l.said = "", ""
}

// open reports whether the list's input (search or jump) takes the keys.
func (l *list) open() bool { return l.typing != 0 }

// update handles a key if it is one of the list's, and reports whether it was.
func (l *list) update(msg tea.KeyMsg) (bool, tea.Cmd) {
	if l.typing != 0 {
		return true, l.updateInput(msg)
	}
	if k := msg.String(); k != "n" && k != "N" {
		// What the last search or jump said is about it: gone with the next key.
		l.said = ""
	}
	switch msg.String() {
	case "up", "k":
		l.selectRow(l.sel - 1)
	case "down", "j":
		l.selectRow(l.sel + 1)
	case "pgup":
		p := l.shown()
		l.top = max(l.top-p, 0)
		l.selectRow(l.sel - p)
	case "pgdown":
		p := l.shown()
		l.top = max(min(l.top+p, l.n-p), 0)
		l.selectRow(l.sel + p)
	case "home":
		l.selectRow(0)
	case "end":
		l.selectRow(l.n - 1)
	case "/":
		if l.match == nil {
			return false, nil
		}
		return true, l.openInput(searchTyping, "/")
	case "#":
		if l.number == nil {
			return false, nil
		}
		return true, l.openInput(jumpTyping, "# ")
	case "n", "N":
		if l.match == nil || l.query == "" {
			return false, nil
		}
		l.find(msg.String() == "n", false)
	case "esc":
		// A search kept with enter ends with esc, where it is: enter chose the
		// match (a facilitator went on to act on it). Only the next esc leaves the
		// screen. An esc while the query is typed goes back where it began.
		if l.match == nil || l.query == "" {
			return false, nil
		}
		l.query, l.said = "", "Search ended."
	default:
		return false, nil
	}
	return true, nil
}

func (l *list) openInput(what int, prompt string) tea.Cmd {
	l.typing, l.from, l.said = what, l.sel, ""
	if l.in == nil {
		// Styled as it is drawn (inputView): a list does not know its terminal.
		in := newTextInput(nil)
		in.CharLimit = 80
		l.in = &in
	}
	l.in.Prompt = prompt
	l.in.SetValue("")
	return l.in.Focus()
}

func (l *list) closeInput() {
	l.typing = 0
	if l.in != nil {
		l.in.Blur()
	}
}

func (l *list) updateInput(msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyEsc:
		l.closeInput()
		l.selectRow(l.from)
		l.said = ""
		return nil
	case tea.KeyEnter:
		if l.typing == jumpTyping {
			l.jump(strings.TrimSpace(l.in.Value()))
			return nil
		}
		l.closeInput()
		// The match is selected already as the query was typed; enter keeps it
		// (an empty query keeps the last one for n).
		return nil
	}
	if l.typing == jumpTyping && msg.Type == tea.KeySpace {
		return nil // a number has no space
	}
	if l.typing == jumpTyping && msg.Type == tea.KeyRunes {
		// A number only: # again starts it afresh, other letters do nothing
		// (after "There is no theme 99." a # made "99#", which no enter took).
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, string(msg.Runes))
		if strings.ContainsRune(string(msg.Runes), '#') {
			l.in.SetValue("")
			l.said = ""
		}
		if digits == "" {
			return nil
		}
		msg.Runes = []rune(digits)
	}
	before := l.in.Value()
	var cmd tea.Cmd
	*l.in, cmd = l.in.Update(msg)
	if l.typing == searchTyping && l.in.Value() != before {
		l.query = strings.ToLower(strings.TrimSpace(l.in.Value()))
		// Search as the query is typed, from where the search began.
		l.sel = l.from
		if l.query != "" {
			l.find(true, true)
		} else {
			l.said = ""
		}
	}
	return cmd
}

// find selects the next (or previous) row matching the query, wrapping around;
// here includes the selected row itself.
func (l *list) find(forward, here bool) {
	if l.n == 0 {
		l.said = "No match for “" + session.CleanText(l.query) + "”."
		return
	}
	step := 1
	if !forward {
		step = -1
	}
	start := l.sel + step
	if here {
		start = l.sel
	}
	for k := range l.n {
		i := ((start+step*k)%l.n + l.n) % l.n
		if l.match(i, l.query) {
			l.said = ""
			l.selectRow(i)
			return
		}
	}
	l.said = "No match for “" + session.CleanText(l.query) + "”."
}

// jump selects the item numbered v; a wrong number keeps the input open.
func (l *list) jump(v string) {
	k, err := strconv.Atoi(v)
	if err != nil {
		l.said = "Type the theme's number, e.g. 3, then enter."
		return
	}
	row, ok := l.number(k)
	if !ok {
		l.said = "There is no theme " + strconv.Itoa(k) + "."
		return
	}
	l.closeInput()
	l.said = ""
	// The item goes to the top, so that what belongs to it shows below it.
	l.top = row
	l.selectRow(row)
}

// window returns the first and one past the last row to draw in height lines when
// the selected row takes extra lines more than one; the selection is always inside.
func (l *list) window(height, extra int) (start, end int) {
	sel := l.selected()
	start = max(min(l.top, sel), 0)
	used := l.spanWith(start, sel, extra)
	for start < sel && used > height {
		used -= l.rowLines(start, extra)
		start++
	}
	// No empty space below the last row while rows above are hidden.
	below := l.spanWith(start, l.n-1, extra)
	for start > 0 && below+l.rowLines(start-1, extra) <= height {
		start--
		below += l.rowLines(start, extra)
	}
	// Whole rows only, the first whatever it takes.
	end, used = start, 0
	for end < l.n {
		if used += l.rowLines(end, extra); used > height && end > start {
			break
		}
		end++
	}
	return start, end
}

// cut is window for a list that says, on a line of its own below its rows, what
// is above and below them (moreLine) when they do not all fit: that line takes one
// of the height's rows. more reports whether the list is cut.
func (l *list) cut(height, extra int) (start, end int, more bool) {
	if l.n <= 1 || l.spanWith(0, l.n-1, extra) <= height || height-extra <= 1 {
		// All of it fits, or the room is too small to give a row to the line:
		// with two lines, one row and the line say more than two rows that
		// look like the whole list (the people view at 40x14).
		start, end = l.window(height, extra)
		return start, end, false
	}
	start, end = l.window(height-1, extra)
	return start, end, true
}

// moreLine says how many rows are above and below the rows start to end shown,
// so that a cut list never looks whole.
func (l *list) moreLine(start, end, w int, sty *Styles) string {
	var parts []string
	if start > 0 {
		parts = append(parts, fmt.Sprintf("%d above", start))
	}
	if n := l.n - end; n > 0 {
		parts = append(parts, fmt.Sprintf("%d below", n))
	}
	return sty.Muted.Render(fit("  … "+strings.Join(parts, ", ")+" · ↑/↓ pgup/pgdn home/end to scroll", w))
}

// inputView is the open search or jump input with what it said, or what the last
// search said; "" when there is nothing to say. The input draws with sty.
func (l *list) inputView(w int, sty *Styles) string {
	if l.typing == 0 {
		return l.said
	}
	styleInput(l.in, sty)
	l.in.Width = max(w-len(l.in.Prompt)-2, 10)
	v := l.in.View()
	if l.said != "" {
		v += "\n" + l.said
	}
	return v
}

// keys are the list's keys for the help line; paging and the ends, which people
// try without being told, are in moreKeys.
func (l *list) keys() []key.Binding {
	if l.typing != 0 {
		return []key.Binding{lk.Go, lk.Cancel}
	}
	ks := []key.Binding{lk.Select}
	if l.match != nil {
		ks = append(ks, lk.Search)
		if l.query != "" {
			ks = append(ks, lk.Next, lk.EndSearch)
		}
	}
	if l.number != nil {
		ks = append(ks, lk.Jump)
	}
	return ks
}

// moreKeys are the list's keys for the full help.
func (l *list) moreKeys() []key.Binding { return []key.Binding{lk.Page, lk.Ends} }
