package tui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/charter-tool/charter/session"
)

// homeScreen is the facilitator's list of sessions.
type homeScreen struct {
	e        *env
	sessions []*session.Session
	// cols are the columns of sessions as last laid out, for colsKey: worked out
	// over every session (titles cut apart compare each with the others alike),
	// they were made again at every drawing: 34 ms a frame for 300 alike titles.
	cols      homeColumns
	colsKey   homeColumnsKey
	campaigns []session.Campaign
	// list selects and scrolls the sessions; / searches their titles, campaigns,
	// places and codes.
	list      list
	status    string
	statusErr bool
	loaded    bool
	// deleting is the session the facilitator asked to delete, until they answer.
	deleting *session.Session
	// asking is the session D was pressed on while its question is being made
	// (its invitations read): a key pressed meanwhile drops the question, which
	// arrived late over another selection and took the next y as its answer.
	asking string
	// selectID is the session to select once the list is loaded (one just edited).
	selectID string
	// typed is what the facilitator connected with (`ssh -t HOST WORD`), until the
	// first load: a session's join code selects that session.
	typed string
	// help shows every key (?) in place of the list.
	help keyList
	// leaving is the question ctrl+c asks before it closes the connection, as the
	// board asks: the next key answers it (y or ctrl+c leaves).
	leaving bool
}

var homeKeys = struct{ Select, Open, Present, New, Edit, Delete, Campaign, Export, Quit key.Binding }{
	Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
	Delete:   key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "delete")),
	Present:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "projector")),
	Campaign: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "campaign")),
	Select:   key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑/↓", "select")),
	Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open board")),
	New:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new session")),
	Export:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "export")),
	Quit:     key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
}

// homeAt is the home with the session at id selected once the list is loaded: the
// one a facilitator comes back from.
func homeAt(e *env, id string) *homeScreen {
	h := newHome(e)
	h.selectID = id
	return h
}

func newHome(e *env) *homeScreen {
	s := &homeScreen{e: e, list: newList()}
	s.list.match = func(i int, q string) bool {
		ss := s.sessions[i]
		for _, f := range []string{ss.Title, ss.Campaign, ss.Location, ss.Code, code(ss.Code)} {
			if strings.Contains(strings.ToLower(f), q) {
				return true
			}
		}
		return false
	}
	return s
}

type sessionsMsg []*session.Session

// sessionLister is what the home screen reads.
type sessionLister interface {
	Sessions(ctx context.Context) ([]*session.Session, error)
}

func (s *homeScreen) Init() tea.Cmd {
	s.e.watch(session.SessionList, session.ChangeSession)
	return s.load()
}

// load reads the sessions; it runs again when a session is created here or by
// another process.
func (s *homeScreen) load() tea.Cmd {
	var svc sessionLister = s.e.opt.Service
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		list, err := svc.Sessions(ctx)
		if err != nil {
			return errMsg{err}
		}
		return sessionsMsg(list)
	})
}

type exportedMsg struct{ path string }

// selectTyped selects the session whose join code the facilitator connected with,
// the line the board shows for participants, and says what it is for them.
func (s *homeScreen) selectTyped() {
	typed := s.typed
	s.typed = ""
	if typed == "" {
		return
	}
	c := session.NormalizeCode(typed)
	for i, x := range s.sessions {
		if x.Code == c {
			s.list.selectRow(i)
			s.status = fmt.Sprintf("“%s” is the join code of “%s”, selected: enter opens its board, p its projector. Your key is a facilitator's, which joins no session as a participant; to try one as a participant, connect with another key.",
				fit(typed, 24), fit(x.Title, 40))
			s.statusErr = false
			return
		}
	}
}

func (s *homeScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case sessionsMsg:
		// Sessions are listed by campaign, each campaign under a heading.
		// A reload keeps the selection on the same session.
		selected := s.selectID
		if i := s.list.selected(); i >= 0 {
			selected = s.sessions[i].ID
		}
		s.campaigns = session.Campaigns(msg)
		s.sessions, s.colsKey = nil, homeColumnsKey{}
		for _, c := range s.campaigns {
			s.sessions = append(s.sessions, c.Sessions...)
		}
		s.list.setLen(len(s.sessions))
		for i, x := range s.sessions {
			if x.ID == selected {
				s.list.selectRow(i)
			}
		}
		s.selectTyped()
		s.loaded = true
	case errMsg:
		s.status, s.statusErr = s.e.errorMessage(msg.err), true
	case exportedMsg:
		s.status, s.statusErr = "Exported to "+msg.path, false
	case ChangedMsg:
		return s, s.load()
	case deleteAskMsg:
		if msg.sess.ID != s.asking {
			return s, nil // a key came between D and its question
		}
		s.asking = ""
		s.deleting = msg.sess
		s.status, s.statusErr = deleteQuestion(msg.sess, msg.invited), true
	case deletedMsg:
		s.status, s.statusErr = "Deleted “"+msg.title+"”.", false
		return s, s.load()
	case tea.KeyMsg:
		s.asking = ""
		if msg.String() == "ctrl+c" {
			return s, s.interrupt()
		}
		if s.leaving {
			s.leaving = false
			if msg.String() == "y" {
				return s, func() tea.Msg { return quitAfterMsg{} }
			}
			s.status, s.statusErr = "You stay on the list of sessions.", false
			return s, nil
		}
		if s.deleting != nil {
			return s, s.confirmDelete(msg)
		}
		if s.list.open() {
			_, cmd := s.list.update(msg)
			return s, cmd
		}
		sel := s.list.selected()
		if !key.Matches(msg, bk.Help) && !key.Matches(msg, bk.Back) {
			// Any other key closes the key list and does what it does, where it
			// is seen.
			s.help.shown = false
		}
		switch {
		case key.Matches(msg, bk.Help):
			w := max(s.e.w, 40)
			s.help.press(keyListPages(s.e.sty, s.allKeys(), w, s.keyRoom(s.footer(w))))
			return s, nil
		case key.Matches(msg, bk.Back) && s.help.shown:
			s.help.shown = false
			return s, nil
		case key.Matches(msg, homeKeys.Quit):
			return s, tea.Quit
		case key.Matches(msg, homeKeys.New):
			// Before the list is loaded, the session it is to select.
			f, cmd := newForm(s.e), tea.Cmd(nil)
			if kept := s.e.newSession; kept != nil {
				f, cmd = kept, kept.focus()
				s.e.newSession = nil
			}
			f.back = s.selectID
			if len(s.sessions) > 0 {
				f.back = s.sessions[sel].ID
			}
			return f, cmd
		case key.Matches(msg, homeKeys.Open):
			if len(s.sessions) > 0 {
				return newBoard(s.e, s.sessions[sel]), nil
			}
		case key.Matches(msg, homeKeys.Edit):
			if len(s.sessions) > 0 {
				return newEditForm(s.e, s.sessions[sel]), nil
			}
		case key.Matches(msg, homeKeys.Delete):
			if len(s.sessions) > 0 {
				s.asking = s.sessions[sel].ID
				return s, s.askDelete(s.sessions[sel])
			}
		case key.Matches(msg, homeKeys.Present):
			if len(s.sessions) > 0 {
				return newPresentOf(s.e, s.sessions[sel]), nil
			}
		case key.Matches(msg, homeKeys.Campaign):
			if len(s.sessions) > 0 {
				name := s.sessions[sel].Campaign
				if name == "" {
					s.status, s.statusErr = "This session belongs to no campaign.", true
					return s, nil
				}
				c := newCampaign(s.e, name)
				c.from = s.sessions[sel].ID
				return c, nil
			}
		case key.Matches(msg, homeKeys.Export):
			if len(s.sessions) > 0 && s.e.opt.Export != nil {
				return s, exportCmd(s.e, s.sessions[sel].ID)
			}
		default:
			// n is a new session here, so N is the only way to the next match.
			_, cmd := s.list.update(msg)
			return s, cmd
		}
	}
	return s, nil
}

type deletedMsg struct{ title string }

// deleteAskMsg asks whether to delete sess, which the campaign's plan invited
// invited people to.
type deleteAskMsg struct {
	sess    *session.Session
	invited int
}

// askDelete reads how many people the plan invited to sess, for the question D
// asks: they hold its join code.
func (s *homeScreen) askDelete(sess *session.Session) tea.Cmd {
	if sess.Campaign == "" {
		return func() tea.Msg { return deleteAskMsg{sess: sess} }
	}
	svc := s.e.opt.Service
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		invited, err := svc.InviteeCount(ctx, sess.ID)
		if err != nil {
			return errMsg{err}
		}
		return deleteAskMsg{sess, invited}
	})
}

// deleteQuestion asks whether to delete sess. A planned session not held yet
// whose invitations went out says that the people invited hold its join code,
// which refuses them once it is deleted, and how they are invited again: the
// question alone read as if nobody would notice.
func deleteQuestion(sess *session.Session, invited int) string {
	q := "Delete “" + sess.Title + "” with all its notes, themes, votes and action points? "
	if invited > 0 && !sess.Held && sess.Phase != session.PhaseClosed {
		q += fmt.Sprintf("The %s invited to it %s its code %s and will be refused: plan %s again (charter plan --create) and send the new letters with charter invite, which tell them this session is off. ",
			persons(invited), holds(invited), code(sess.Code), session.CleanText(sess.Campaign))
	}
	return q + "This cannot be undone. y deletes, any other key keeps it."
}

// interrupt takes ctrl+c: in a search or a question it cancels them as esc does;
// elsewhere it asks before it closes the connection, as the board does. It
// closed the connection at once.
func (s *homeScreen) interrupt() tea.Cmd {
	esc := tea.KeyMsg{Type: tea.KeyEsc}
	switch {
	case s.leaving:
		return func() tea.Msg { return quitAfterMsg{} }
	case s.deleting != nil:
		return s.confirmDelete(esc)
	case s.list.open():
		_, cmd := s.list.update(esc)
		return cmd
	}
	s.leaving = true
	return nil
}

// leaveHomeQuestion is what ctrl+c asks on the home.
const leaveHomeQuestion = "Close the connection? Connect again to come back to the list of sessions. y or ctrl+c = close, any other key = stay"

func (s *homeScreen) asksBeforeLeaving() {}

// confirmDelete deletes the session asked about on y; any other key keeps it.
func (s *homeScreen) confirmDelete(msg tea.KeyMsg) tea.Cmd {
	sess := s.deleting
	s.deleting = nil
	if msg.String() != "y" {
		s.status, s.statusErr = "Kept “"+sess.Title+"”.", false
		return nil
	}
	svc := s.e.opt.Service
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		if err := svc.DeleteSession(ctx, sess.ID); err != nil {
			return errMsg{err}
		}
		return deletedMsg{sess.Title}
	})
}

func exportCmd(e *env, sessionID string) tea.Cmd {
	export := e.opt.Export
	return e.withTimeout(func(ctx context.Context) tea.Msg {
		path, err := export(ctx, sessionID)
		if err != nil {
			return errMsg{err}
		}
		return exportedMsg{path}
	})
}

func (s *homeScreen) View() string {
	e, sty := s.e, s.e.sty
	w := max(e.w, 40)
	var b strings.Builder
	b.WriteString(sty.Title.Render("charter") + sty.Muted.Render(" · facilitator") + "\n\n")
	b.WriteString(sty.Header.Render("Sessions") + sty.Muted.Render(" by campaign") + "\n\n")
	footer := s.footer(w)
	if s.help.shown {
		b.WriteString(s.help.view(sty, s.allKeys(), w, s.keyRoom(footer)))
		return atBottom(b.String(), footer, e.h)
	}
	if s.loaded && len(s.sessions) == 0 {
		b.WriteString(sty.Muted.Render("No sessions yet. Press n to create the first one.") + "\n")
	}
	// The rows have what the title, the headings and the footer leave: a fixed
	// 12 left one row at 40x14.
	room := max(e.h-homeHead-height(footer), 3)
	s.list.setPage(room)
	// Each campaign heading shown takes a row of the room too, and a list that
	// does not fit says what is above and below: rows that overflowed the screen
	// took the top heading with them, and nothing said sessions were hidden.
	start, end, more := s.list.cut(room, 0)
	for range 3 {
		h := s.headingsIn(start, end)
		start, end, more = s.list.cut(room, h)
		if s.headingsIn(start, end) <= h {
			break
		}
	}
	// A page is the rows shown, headings and the line of what is above and below
	// left out: counted in, PgDn skipped rows nobody saw.
	s.list.setPage(max(end-start, 1))
	sel := s.list.selected()
	if k := (homeColumnsKey{laid: true, w: w, today: e.today()}); s.colsKey != k {
		s.cols, s.colsKey = homeColumnsFor(s.sessions, w, k.today), k
	}
	cols := s.cols
	for i := start; i < end; i++ {
		ss := s.sessions[i]
		if i == start || session.CampaignKey(s.sessions[i-1].Campaign) != session.CampaignKey(ss.Campaign) {
			b.WriteString(sty.Header.Render(fit(s.campaignHeading(ss.Campaign), w)) + "\n")
		}
		prefix := "  "
		if i == sel {
			prefix = "▸ "
		}
		title, meta := cols.row(ss)
		line := prefix + title + sty.Muted.Render(meta)
		if i == sel {
			line = sty.Selected.Render(prefix+title) + sty.Muted.Render(meta)
		}
		b.WriteString(line + "\n")
	}
	if more {
		b.WriteString(s.list.moreLine(start, end, w, sty) + "\n")
	}
	return atBottom(b.String(), footer, e.h)
}

// homeHead is how many lines the home's title and heading take.
const homeHead = 4

// keyRoom is how many lines the key list (?) has above footer.
func (s *homeScreen) keyRoom(footer string) int {
	return max(s.e.h-homeHead-height(footer), 3)
}

// homeLineKeys are the keys of the home's key line, after "?".
var homeLineKeys = []key.Binding{homeKeys.Select, homeKeys.Open, homeKeys.New, homeKeys.Present, homeKeys.Campaign, homeKeys.Export, homeKeys.Edit, homeKeys.Delete, lk.Search, homeKeys.Quit}

// allKeys are the keys the key list (?) shows: the key line's and the list's.
func (s *homeScreen) allKeys() []key.Binding {
	ks := slices.Clone(homeLineKeys)
	if s.list.query != "" {
		ks = append(ks, lk.Next, lk.EndSearch)
	}
	return append(ks, s.list.moreKeys()...)
}

// footer is the bottom of the home, w wide: a search, the status and the key
// line (not under the key list, which says every key it would).
func (s *homeScreen) footer(w int) string {
	sty := s.e.sty
	footer := ""
	if v := s.list.inputView(w, s.e.sty); v != "" {
		footer += v + "\n"
	}
	// What was done (saved, deleted) shows with the list it changed, not before it.
	switch {
	case s.leaving:
		for _, l := range wrap(leaveHomeQuestion, w) {
			footer += sty.Error.Render(l) + "\n"
		}
	case s.status != "" && (s.loaded || s.statusErr):
		st := sty.OK
		if s.statusErr {
			st = sty.Error
		}
		for _, l := range wrap(s.status, w) {
			footer += st.Render(l) + "\n"
		}
	}
	if s.help.shown {
		return strings.TrimSuffix(footer, "\n")
	}
	// "?" comes first so it survives when the line is cut to the width.
	keys := append([]key.Binding{bk.Help}, homeLineKeys...)
	switch {
	case s.leaving:
		keys = leaveKeys
	case s.list.open():
		keys = s.list.keys()
	}
	return footer + s.e.helpView(keys)
}

// campaignHeading names a campaign with its period and size.
func (s *homeScreen) campaignHeading(name string) string {
	for _, c := range s.campaigns {
		if session.CampaignKey(c.Name) != session.CampaignKey(name) {
			continue
		}
		if name == "" {
			name = "Sessions without a campaign"
		}
		period := session.DayText(c.From, true)
		switch {
		case c.From.IsZero():
			period = noDayYet
		case session.DayText(c.To, true) != period:
			period += " – " + session.DayText(c.To, true)
		}
		return fmt.Sprintf("%s · %s · %s", name, period, plural(len(c.Sessions), "session"))
	}
	return name
}

func (s *homeScreen) typing() bool { return s.list.open() }

// noDayYet stands for the day of a session planned without one (session.NoDayYet):
// the day it was created, which the home showed, is not when it is held.
const noDayYet = "no date yet"

// homeFields are a home row's fields after the title, in their order: place
// ("online" for an online session held nowhere in particular), day, audience (in words), phase and join code, as of today (YYYY-MM-DD).
func homeFields(ss *session.Session, today string) [5]string {
	day := session.DayText(ss.Day(), false)
	if ss.NoDayYet() {
		day = noDayYet
	}
	phase := string(ss.Phase)
	if ss.PastDay(today) {
		// Its day passed in the lobby: "lobby" read as still to come.
		phase = pastDay
	}
	place := ss.Location
	if place == "" && ss.Mode == session.ModeOnline {
		// As the campaign report names its place: an empty column read as not
		// yet known.
		place = "online"
	}
	return [5]string{place, day, ss.Audience.Title(), phase, code(ss.Code)}
}

// pastDay stands for the phase of a session whose day passed in the lobby
// (session.PastDay): the day before it, "2 Dec · not held".
const pastDay = "not held"

// homeColumns are the widths of a home row's columns: the title's, then the
// fields' (homeFields), 0 for a column left out. Every row has the same columns in
// the same place, so that a field is found by where it is: a row that left out
// what its title said already ("Security engineers, Berlin · no date yet ·
// lobby") stood beside rows with a place and an audience in those places. A
// column every row's title says already (titles as "Service owners Berlin"
// usually name both) is left out of all of them: it only took the room the
// titles needed, which were cut to "Service… Berlin" and could not be told apart.
type homeColumns struct {
	title  int
	fields [5]int
	// today is the day the rows are shown on, YYYY-MM-DD (see homeFields).
	today string
	// apart are the titles, by session ID, of rows whose title cut alike another's
	// (see cutTitle), cut so as to keep where they differ.
	apart map[string]string
}

const (
	homePlace = iota
	homeDay
	homeAudience
	homePhase
	homeCode
)

// homeGap is what stands between two columns.
const homeGap = "  "

// A title is cut down to homeTitleWant cells (homeTitleMin at homeWide columns
// and wider) before a column gives way, and the place gives up cells for it, down
// to homePlaceCut, until it has homeTitleWant; a place takes at most homePlaceMax.
const (
	homeTitleMin  = 12
	homeTitleWant = 20
	homeWide      = 80
	homePlaceCut  = 8
	homePlaceMax  = 24
)

// homeColumnsFor lays out the rows of sessions w cells wide. At 80 columns, the
// size the screens are made for, every field has its column, and the title is cut
// to make room for them (to 13 cells when every field is at its longest); on a
// narrower terminal, where that would leave a title fewer than homeTitleWant
// cells, the audience, then the place, then the day give way, in every row alike,
// and never the code, which the facilitator reads out to the room.
// homeColumnsKey is what the home's columns were laid out for: the sessions as
// loaded last (laid false: not yet), a width and a day.
type homeColumnsKey struct {
	laid  bool
	w     int
	today string
}

func homeColumnsFor(sessions []*session.Session, w int, today string) homeColumns {
	c := homeColumns{today: today}
	titles := 0
	for _, ss := range sessions {
		titles = max(titles, lipgloss.Width(ss.Title))
		for i, f := range homeFields(ss, today) {
			c.fields[i] = max(c.fields[i], lipgloss.Width(f))
		}
	}
	for _, i := range []int{homePlace, homeAudience} {
		if titlesSay(sessions, i, today) {
			c.fields[i] = 0
		}
	}
	c.fields[homePlace] = min(c.fields[homePlace], homePlaceMax)
	least := min(titles, homeTitleWant)
	if w >= homeWide {
		least = min(least, homeTitleMin)
	}
	// The prefix (▸), and the last column kept free.
	room := w - 2 - 1
	for _, giving := range []int{-1, homeAudience, homePlace, homeDay} {
		if giving >= 0 {
			c.fields[giving] = 0
		}
		rest := room
		for _, f := range c.fields {
			if f > 0 {
				rest -= f + len(homeGap)
			}
		}
		c.title = rest
		if want := min(titles, homeTitleWant); c.fields[homePlace] > homePlaceCut && c.title < want {
			cut := min(c.fields[homePlace]-homePlaceCut, want-c.title)
			c.fields[homePlace] -= cut
			c.title += cut
		}
		if c.title >= least {
			break
		}
	}
	c.title = max(min(c.title, titles), 1)
	c.tellApart(sessions)
	return c
}

// tellApart cuts again the titles of sessions whose rows read alike though they
// differ, keeping the words they differ in: "Developers Berlin, 1 March 2027" and
// "Developers Munich, 1 March 2027" were both "Developers… 1 March 2027", and
// at 40 columns only the code told their rows apart. Rows whose place, day or
// audience columns tell them apart keep their titles as cutTitle cuts them (a
// title kept to its place beside the place column said it twice).
func (c *homeColumns) tellApart(sessions []*session.Session) {
	alike := map[string][]*session.Session{}
	for _, ss := range sessions {
		cut := c.cutTitle(ss)
		if cut == ss.Title {
			continue
		}
		row := cut
		fields := homeFields(ss, c.today)
		for _, i := range []int{homePlace, homeDay, homeAudience} {
			if c.fields[i] > 0 {
				row += "\x00" + fit(fields[i], c.fields[i])
			}
		}
		alike[row] = append(alike[row], ss)
	}
	for _, group := range alike {
		for _, ss := range group {
			var others []string
			for _, o := range group {
				if o.Title != ss.Title {
					others = append(others, o.Title)
				}
			}
			if len(others) == 0 {
				continue
			}
			if c.apart == nil {
				c.apart = map[string]string{}
			}
			a, b := wordsApart(ss.Title, others)
			c.apart[ss.ID] = fitApart(ss.Title, a, b, c.title)
		}
	}
}

// wordsApart is where title differs from others, in its words: from the first
// word one of them differs in, a, to before b, after the last (a >= b when it
// differs from none but in its spaces).
func wordsApart(title string, others []string) (a, b int) {
	words := strings.Fields(title)
	a, b = len(words), 0
	for _, o := range others {
		ow := strings.Fields(o)
		p := 0
		for p < len(words) && p < len(ow) && words[p] == ow[p] {
			p++
		}
		q := 0
		for q < len(words)-p && q < len(ow)-p && words[len(words)-1-q] == ow[len(ow)-1-q] {
			q++
		}
		a, b = min(a, p), max(b, len(words)-q)
	}
	return a, b
}

// cutTitle is the title of ss cut to the column: in its middle, keeping its end
// (unless that end is the place the place column says beside it), where titles
// of one campaign differ ("Security… online 2").
func (c homeColumns) cutTitle(ss *session.Session) string {
	if place := titleWords(homeFields(ss, c.today)[homePlace]); c.fields[homePlace] > 0 && place != "  " &&
		strings.HasSuffix(titleWords(ss.Title), place) {
		// Its end is the place the column beside it says: cut there, keeping
		// the words that tell it apart ("Security eng…", not "Sec… Amsterdam"
		// beside "Amsterdam").
		return fit(ss.Title, c.title)
	}
	return fitMiddle(ss.Title, c.title)
}

// titlesSay reports whether the title of every session says its field i
// (homeFields) in so many words, whatever their case: "Berlin" in "Developers,
// berlin", not "Porto" in "Portofino". A session without the field has nothing
// for the column to say.
func titlesSay(sessions []*session.Session, i int, today string) bool {
	for _, ss := range sessions {
		f := titleWords(homeFields(ss, today)[i])
		if f != "  " && !strings.Contains(titleWords(ss.Title), f) {
			return false
		}
	}
	return len(sessions) > 0
}

// titleWords is s's words in lower case, each between spaces: " developers berlin ".
func titleWords(s string) string {
	return " " + strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ") + " "
}

// row is a session's title and the rest of its row, each cut and padded to the
// columns: the title as cutTitle cuts it, or so as to keep where it differs from
// titles that cut alike (tellApart).
func (c homeColumns) row(ss *session.Session) (title, rest string) {
	pad := func(text string, width int) string {
		return text + strings.Repeat(" ", max(width-lipgloss.Width(text), 0))
	}
	var b strings.Builder
	for i, f := range homeFields(ss, c.today) {
		if c.fields[i] > 0 {
			b.WriteString(homeGap + pad(fit(f, c.fields[i]), c.fields[i]))
		}
	}
	title, ok := c.apart[ss.ID]
	if !ok {
		title = c.cutTitle(ss)
	}
	return pad(title, c.title), strings.TrimRight(b.String(), " ")
}

// headingsIn is the number of campaign headings the rows start to end show: one
// above the first row, and one where the campaign changes.
func (s *homeScreen) headingsIn(start, end int) int {
	n := 0
	for i := start; i < end; i++ {
		if i == start || session.CampaignKey(s.sessions[i-1].Campaign) != session.CampaignKey(s.sessions[i].Campaign) {
			n++
		}
	}
	return n
}
