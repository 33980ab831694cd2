package tui

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// campaignScreen is the facilitator's overview of a whole campaign: themes matched
// across sessions, audiences, saturation, every action point, and the program's
// hypotheses with their evidence.
type campaignScreen struct {
	e    *env
	name string
	// from is the session the home had selected, selected again on the way back.
	from   string
	f      *report.CampaignFindings
	err    string
	tab    int
	scroll int
	// adding is set while the facilitator types a new hypothesis into input, or
	// with verdict a verdict on one; saving while it is being stored, when the box
	// waits for the answer.
	adding, verdict, saving bool
	input                   textinput.Model
	status                  string

	// themes is the themes view's list: campaign themes with the session themes
	// matched into each, selectable so that a wrong match can be split there.
	themes  list
	rowsNow []campaignRow
	// confirm splits (or undoes splits and joins) once the facilitator confirms
	// it with y; keep is what the status says when they do not.
	confirm func() tea.Cmd
	keep    string
	// joining is set while the facilitator types, into input, the campaign theme
	// to join joinFrom with (J).
	joining  bool
	joinFrom report.CampaignTheme
	// reading is the notes shown whole (enter), nil when none are.
	reading *themeReading
	readTop int
	// follow is a session theme to select once the report is built again.
	follow int64
	// loading is set while the campaign is read; again when a change came
	// meanwhile, to read it once more when that read ends.
	loading, again bool
	// finding is the hypothesis just added whose evidence the read under way
	// finds (0: none): the status says it is found once the read is in.
	finding int
	// help shows every key of the view (?) in place of it.
	help keyList
}

// themeReading is the notes the themes view shows whole: those of one session
// theme, or of every session theme of a campaign theme, what people said under
// it in all its sessions.
type themeReading struct {
	// theme is the campaign theme whose session themes are all read; one, when
	// theme is nil, the session theme read.
	theme *report.CampaignTheme
	one   *report.SessionTheme
}

// campaignRow is a line of the themes view: of campaign theme ct (an index of
// f.Themes, -1 for none) and, on a session theme's line, of its session theme st
// (an index of its SessionThemes, else -1).
type campaignRow struct {
	text   string
	ct, st int
	header bool
	// facts are a campaign theme's counts and where it was raised, shown whole
	// on as many lines as they need (see factLines); nil on other rows.
	facts []string
}

var campaignTabs = []string{"Themes", "Audiences", "Saturation", "Actions", "Hypotheses"}

// tabHypotheses is the index of the hypotheses view.
const tabHypotheses = 4

var ck = struct{ Tab, Scroll, Back, Add, Verdict, Save, Cancel, Split, Join, Unsplit, Notes key.Binding }{
	Tab:     key.NewBinding(key.WithKeys("tab", "1", "2", "3", "4", "5"), key.WithHelp("1-5", "view")),
	Split:   key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "split from match")),
	Join:    key.NewBinding(key.WithKeys("J"), key.WithHelp("J", "join with theme")),
	Unsplit: key.NewBinding(key.WithKeys("U"), key.WithHelp("U", "undo split/join")),
	Notes:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "its notes")),
	Add:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add hypothesis")),
	Verdict: key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "verdict")),
	Save:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
	Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	Scroll:  key.NewBinding(key.WithKeys("up", "down", "k", "j", "pgup", "pgdown", "home", "end"), key.WithHelp("↑/↓", "scroll")),
	Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
}

func newCampaign(e *env, name string) *campaignScreen {
	in := newTextInput(e.sty)
	in.Prompt = ""                        // the view puts "New hypothesis: " or "Verdict: " before it
	in.CharLimit = 2 * session.MaxNoteLen // the service says when it is too long
	in.Placeholder = "e.g. teams want deeper training"
	s := &campaignScreen{e: e, name: name, input: in, themes: newList()}
	s.themes.match = func(i int, q string) bool {
		return i < len(s.rowsNow) && strings.Contains(strings.ToLower(s.rowsNow[i].text), q)
	}
	s.themes.lines = func(i int) int {
		if i >= len(s.rowsNow) || s.rowsNow[i].facts == nil {
			return 1
		}
		return len(factLines(s.rowsNow[i].facts, max(s.e.w, 40)))
	}
	s.themes.number = func(k int) (int, bool) {
		for i, r := range s.rowsNow {
			if r.header && s.f.Themes[r.ct].Rank == k {
				return i, true
			}
		}
		return 0, false
	}
	return s
}

// splitMsg is the outcome of splitting a session theme from its match.
type splitMsg struct {
	said string
	// follow is the session theme split or unsplit, to select once the campaign
	// is read again.
	follow int64
	err    error
}

type campaignMsg struct{ f *report.CampaignFindings }

// hypothesisAddedMsg is the outcome of saving a hypothesis, verdictMsg of giving
// one a verdict.
type hypothesisAddedMsg struct {
	h   *session.Hypothesis
	err error
}

type verdictMsg struct {
	h   *session.Hypothesis
	err error
}

func (s *campaignScreen) Init() tea.Cmd {
	// Hypotheses, verdicts and splits, added here, by another facilitator or from
	// the command line, are published under the session list.
	s.e.watch(session.SessionList, session.ChangeSession)
	s.loading = true
	svc, name := s.e.opt.Service, s.name
	// Matching themes across sessions clusters text: it runs here, in a command.
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		f, err := report.LoadCampaignReport(ctx, svc, name)
		if err != nil {
			return errMsg{err}
		}
		return campaignMsg{f}
	})
}

// reload reads the campaign again, or once more after the read under way: one read
// at a time, so that an older read never replaces a newer one.
func (s *campaignScreen) reload() tea.Cmd {
	if s.loading {
		s.again = true
		return nil
	}
	return s.Init()
}

func (s *campaignScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case campaignMsg:
		s.f, s.loading, s.err = msg.f, false, ""
		s.setRows()
		if !s.again {
			// Not a read begun before the split was stored (the change it
			// published starts one): that read's result is followed by another.
			s.followSplit()
		}
		if s.finding != 0 && !s.again && s.status == findingEvidence(s.finding) {
			s.status = fmt.Sprintf("Added H%d; its evidence is under it.", s.finding)
			s.finding = 0
		}
		if s.again {
			s.again = false
			return s, s.reload()
		}
	case errMsg:
		s.err, s.loading = s.e.errorMessage(msg.err), false
		if s.again {
			s.again = false
			return s, s.reload()
		}
	case ChangedMsg:
		return s, s.reload()
	case splitMsg:
		if msg.err != nil {
			// Nothing was stored, but the refusal may come of a change made
			// meanwhile (a theme deleted): read the campaign again so that the
			// overview shows what is.
			s.status = s.e.errorMessage(msg.err)
			return s, s.reload()
		}
		s.status, s.follow = msg.said, msg.follow
		return s, s.reload()
	case hypothesisAddedMsg:
		s.saving = false
		if msg.err != nil {
			s.status = s.e.errorMessage(msg.err)
			return s, nil
		}
		s.adding, s.status, s.finding = false, findingEvidence(msg.h.Number), msg.h.Number
		s.input.Reset()
		s.input.Blur()
		return s, s.reload()
	case verdictMsg:
		s.saving = false
		if msg.err != nil {
			s.status = s.e.errorMessage(msg.err) // the line stays, to mend
			return s, nil
		}
		s.adding, s.verdict = false, false
		s.status = fmt.Sprintf("H%d: %s.", msg.h.Number, msg.h.Verdict.Title())
		s.input.Reset()
		s.input.Blur()
		return s, s.reload()
	case tea.KeyMsg:
		if s.joining {
			return s.updateJoining(msg)
		}
		if s.adding {
			return s.updateAdding(msg)
		}
		if s.confirm != nil {
			do := s.confirm
			s.confirm = nil
			if msg.String() != "y" {
				s.status = s.keep
				return s, nil
			}
			return s, do()
		}
		if s.reading != nil {
			return s.updateReading(msg)
		}
		if !(s.tab == 0 && s.themes.open()) {
			switch {
			case key.Matches(msg, bk.Help):
				w := max(s.e.w, 40)
				s.help.press(keyListPages(s.e.sty, s.allKeys(), w, s.keyRoom(w)))
				return s, nil
			case key.Matches(msg, ck.Back) && s.help.shown:
				s.help.shown = false
				return s, nil
			}
			// Any other key closes the key list and does what it does, where it
			// is seen.
			s.help.shown = false
		}
		if s.tab == 0 && s.f != nil {
			if ok, cmd := s.themes.update(msg); ok {
				return s, cmd
			}
			switch {
			case key.Matches(msg, ck.Split):
				return s, s.askSplit()
			case key.Matches(msg, ck.Join):
				return s, s.askJoin()
			case key.Matches(msg, ck.Unsplit):
				return s, s.askUnsplit()
			case key.Matches(msg, ck.Notes):
				// On a session theme's line its notes; on another line of a
				// campaign theme those of all its session themes: it did nothing
				// there, though the key line offered it.
				if r, ok := s.currentRow(); ok {
					ct := s.f.Themes[r.ct]
					s.reading, s.readTop = &themeReading{theme: &ct}, 0
					if r.st >= 0 {
						s.reading = &themeReading{one: &ct.SessionThemes[r.st]}
					}
				}
				return s, nil
			}
		}
		switch msg.String() {
		case "esc", "q":
			return homeAt(s.e, s.from), nil
		case "tab":
			s.tab, s.scroll = (s.tab+1)%len(campaignTabs), 0
		case "1", "2", "3", "4", "5":
			s.tab, s.scroll = int(msg.Runes[0]-'1'), 0
		case "a":
			if s.tab == tabHypotheses && s.f != nil {
				s.adding, s.verdict, s.status = true, false, ""
				s.input.Placeholder = "e.g. teams want deeper training"
				return s, s.input.Focus()
			}
		case "v":
			if s.tab == tabHypotheses && s.f != nil {
				if len(s.f.Hypotheses) == 0 {
					s.status = "No hypothesis to give a verdict on yet: press a to add one."
					return s, nil
				}
				s.adding, s.verdict, s.status = true, true, ""
				s.input.Placeholder = "e.g. H1 supported: every session asked for it"
				return s, s.input.Focus()
			}
		default:
			// View brings a scroll past the end back to the last screenful.
			scrollPage(&s.scroll, 10, msg)
		}
	}
	return s, nil
}

func (s *campaignScreen) View() string {
	e, sty := s.e, s.e.sty
	w := max(e.w, 40)
	var b strings.Builder
	b.WriteString(sty.Title.Render("charter") + sty.Muted.Render(" · campaign ") + sty.Header.Render(fit(s.name, w-20)) + "\n")
	footer := s.footer(w)
	if s.err != "" {
		return b.String() + sty.Error.Render(fit(s.err, w)) + "\n" + footer
	}
	if s.f == nil {
		return b.String() + sty.Muted.Render("Matching themes across the sessions…") + "\n" + footer
	}
	b.WriteString(s.head(w))
	// b's lines each end in a newline: lipgloss.Height counted one line more, and
	// the overview left the screen's bottom line empty.
	room := max(e.h-lineCount(b.String())-height(footer), 3)
	if s.keysShown() {
		b.WriteString(s.help.view(sty, s.allKeys(), w, s.keyRoom(w)))
		return atBottom(b.String(), footer, e.h)
	}
	if s.reading != nil || s.tab == 0 {
		if s.reading != nil {
			b.WriteString(s.readingView(w, room))
		} else {
			b.WriteString(s.themesView(w, room))
		}
		return atBottom(b.String(), footer, e.h)
	}
	var lines []string
	switch s.tab {
	case 1:
		lines = s.audienceLines()
	case 2:
		lines = s.saturationLines()
	case 3:
		lines = s.actionLines()
	case tabHypotheses:
		lines = s.hypothesisLines()
	}
	s.scroll = min(s.scroll, max(len(lines)-room, 0))
	for i := s.scroll; i < len(lines) && i < s.scroll+room; i++ {
		b.WriteString(fit(lines[i], w) + "\n")
	}
	return atBottom(b.String(), footer, e.h)
}

// lineKeys are the keys of the key line, most used first.
func (s *campaignScreen) lineKeys() []key.Binding {
	switch {
	case s.adding:
		return []key.Binding{ck.Save, ck.Cancel}
	case s.joining:
		return []key.Binding{joinKey, ck.Cancel}
	case s.reading != nil:
		return []key.Binding{rk.Scroll, rk.Close}
	case s.tab == 0 && s.themes.open():
		return s.themes.keys()
	}
	// "?" comes first, as on the board, so that it survives a narrow key line.
	keys := []key.Binding{bk.Help, ck.Tab, ck.Scroll, ck.Back}
	switch {
	case s.tab == tabHypotheses:
		keys = []key.Binding{bk.Help, ck.Tab, ck.Add, ck.Verdict, ck.Scroll, ck.Back}
	case s.tab == 0:
		keys = append([]key.Binding{bk.Help, ck.Tab}, s.themes.keys()...)
		keys = append(keys, ck.Split, ck.Join)
		if r, ok := s.currentRow(); ok && len(s.undoable(r)) > 0 {
			keys = append(keys, ck.Unsplit)
		}
		keys = append(keys, ck.Notes, ck.Back)
	}
	return keys
}

// allKeys are the keys the key list (?) shows: the key line's, and those that
// scroll or move in the view's list.
func (s *campaignScreen) allKeys() []key.Binding {
	return append(s.lineKeys()[1:], lk.Page, lk.Ends)
}

// keysShown reports whether the key list (?) is shown in place of the view: not
// over a hypothesis or a theme to join being typed, a note being read or a search.
func (s *campaignScreen) keysShown() bool {
	return s.help.shown && !s.adding && !s.joining && s.reading == nil && !(s.tab == 0 && s.themes.open())
}

// head is the overview's lines under its title, w wide: the campaign's period and
// counts, the views and a rule. The counts and the views are broken between two
// of them where they are wider than the screen: cut at 40 columns, they read
// "· 3 sessions · …" and "3 Saturation …".
func (s *campaignScreen) head(w int) string {
	sty, f := s.e.sty, s.f
	var b strings.Builder
	facts := []string{campaignPeriod(f, s.e.today())}
	if len(f.Sessions) > 0 {
		// None held: "none held yet: 12 to come" said it, and "· 0 sessions"
		// after it read as if the twelve were not sessions.
		// Participations, as every count of people in the views below is, so
		// that they add up to it; the people behind them beside it.
		who := plural(f.Participations, "participation")
		if f.Participants != f.Participations {
			who += " (" + persons(f.Participants) + ")"
		}
		facts = append(facts, plural(len(f.Sessions), "session"), who, plural(f.Notes, "note"))
	}
	for _, l := range packParts(facts, " · ", w, wrap) {
		b.WriteString(l + "\n")
	}
	var tabs []string
	for i, t := range campaignTabs {
		if i == s.tab {
			tabs = append(tabs, sty.ActiveTab.Render(fmt.Sprintf("[%d %s]", i+1, t)))
		} else {
			tabs = append(tabs, sty.Tab.Render(fmt.Sprintf("%d %s", i+1, t)))
		}
	}
	for _, l := range packParts(tabs, " ", w, wrap) {
		b.WriteString(l + "\n")
	}
	b.WriteString(sty.Muted.Render(strings.Repeat("─", w)) + "\n")
	return b.String()
}

// keyRoom is how many lines the key list (?) has, w wide: the screen's, less the
// title, head and footer.
func (s *campaignScreen) keyRoom(w int) int {
	if s.f == nil {
		return max(s.e.h-1-height(s.footer(w)), 3)
	}
	return max(s.e.h-1-lineCount(s.head(w))-height(s.footer(w)), 3)
}

// footer is the bottom of the overview, w wide: a hypothesis being typed, a
// search, the status and the key line (not under the key list, which says every
// key it would).
func (s *campaignScreen) footer(w int) string {
	sty := s.e.sty
	var extra string
	if s.adding {
		prompt := "New hypothesis: "
		if s.verdict {
			prompt = "Verdict: "
		}
		extra = fit(prompt+s.input.View(), w) + "\n"
	}
	if s.joining {
		extra = fit(s.joinPrompt()+s.input.View(), w) + "\n" + sty.Muted.Render(fit(s.joinHint(s.input.Value()), w)) + "\n"
	}
	if s.tab == 0 && s.reading == nil {
		if v := s.themes.inputView(w, s.e.sty); v != "" {
			for _, line := range strings.Split(v, "\n") {
				extra += fit(line, w) + "\n"
			}
		}
	}
	if s.status != "" {
		for _, l := range wrap(s.status, w) {
			extra += sty.Muted.Render(l) + "\n"
		}
	}
	if s.keysShown() {
		return strings.TrimSuffix(extra, "\n")
	}
	return extra + s.e.helpView(s.lineKeys())
}

// setRows lists the campaign themes, each with its counts, the session themes
// matched into it and its quotes, once a campaign is loaded: the rows change with
// nothing else, so View and the keys read rowsNow rather than build them again.
func (s *campaignScreen) setRows() {
	var out []campaignRow
	for i, t := range s.f.Themes {
		out = append(out, campaignRow{ct: i, st: -1, header: true, text: fmt.Sprintf("#%d %s · score %d", t.Rank, t.Label, t.Score)})
		// Sessions held nowhere in particular leave no empty field ("·  ·").
		facts := []string{plural(t.Sessions, "session"), session.PeopleUpTo(t.Participants), plural(t.Votes, "vote"), plural(t.Notes, "note")}
		for _, f := range []string{strings.Join(t.Locations, ", "), audienceWords(t.Audiences)} {
			if f != "" {
				facts = append(facts, f)
			}
		}
		out = append(out, campaignRow{ct: i, st: -1, text: "    " + strings.Join(facts, " · "), facts: facts})
		for j, st := range t.SessionThemes {
			out = append(out, campaignRow{ct: i, st: j, text: "    " + s.sessionThemeLine(st, 0)})
		}
		for _, q := range t.Quotes {
			out = append(out, campaignRow{ct: i, st: -1, text: "      “" + q + "”"})
		}
	}
	s.rowsNow = out
	s.themes.setLen(len(out))
}

// sessionThemeLine is a session theme's line, "S1 #2 “label” · 3 notes ·
// Developers Berlin", in w cells (0: whole). Cut, its session's title keeps at
// least a quarter of them and is cut in its middle, so that its end, where the
// titles of a campaign's sessions differ, stays (cut at its end, two sessions'
// lines read "· Developers,…"); the label gives up cells next, then the rest.
func (s *campaignScreen) sessionThemeLine(st report.SessionTheme, w int) string {
	pre, post := sessionThemeAround(st)
	line := pre + st.Label + post
	title := s.sessionTitle(st.Session)
	if title == "" {
		if w > 0 {
			return fit(line, w)
		}
		return line
	}
	if w <= 0 || lipgloss.Width(line+" · "+title) <= w {
		return line + " · " + title
	}
	title = fitMiddle(title, max(w-3-lipgloss.Width(line), min(lipgloss.Width(title), max(w/4, 10))))
	room := w - 3 - lipgloss.Width(title) - lipgloss.Width(pre+post)
	if room >= min(lipgloss.Width(st.Label), 10) {
		return pre + fit(st.Label, room) + post + " · " + title
	}
	return fit(line, w-3-lipgloss.Width(title)) + " · " + title
}

// sessionThemeAround is what a session theme's line has before its label and
// after it, up to its session's title: "S1 #2 “" and "” · 3 notes".
func sessionThemeAround(st report.SessionTheme) (pre, post string) {
	rank := "" // as its session's board and findings rank it
	if st.Rank > 0 {
		rank = fmt.Sprintf(" #%d", st.Rank)
	}
	split := ""
	if len(st.KeptApart) > 0 {
		split = fmt.Sprintf(" · split from %d", len(st.KeptApart))
	}
	if len(st.JoinedWith) > 0 {
		split += " · joined by hand"
	}
	if st.ThemeID == 0 {
		split += " · grouped by the report"
	}
	return fmt.Sprintf("S%d%s “", st.Session, rank), fmt.Sprintf("” · %s%s", plural(len(st.Notes), "note"), split)
}

// sessionTitle is the title of the campaign's session n (S1 is 1), "" when the
// report has none.
func (s *campaignScreen) sessionTitle(n int) string {
	if k := n - 1; k >= 0 && k < len(s.f.Sessions) {
		return s.f.Sessions[k].Title
	}
	return ""
}

func (s *campaignScreen) currentRow() (campaignRow, bool) {
	if i := s.themes.selected(); i >= 0 {
		return s.rowsNow[i], true
	}
	return campaignRow{}, false
}

// followSplit selects the session theme just split out, where it went.
func (s *campaignScreen) followSplit() {
	if s.follow == 0 {
		return
	}
	for i, r := range s.rowsNow {
		if r.st >= 0 && s.f.Themes[r.ct].SessionThemes[r.st].ThemeID == s.follow {
			s.themes.selectRow(i)
			// Matching may put it with another theme now: say where it went.
			ct := s.f.Themes[r.ct]
			if len(ct.SessionThemes) == 1 {
				s.status += fmt.Sprintf(" It stands alone as #%d.", ct.Rank)
			} else {
				s.status += fmt.Sprintf(" It is matched into #%d “%s” now.", ct.Rank, ct.Label)
			}
			break
		}
	}
	s.follow = 0
}

// askSplit asks to keep the selected session theme apart from the other session
// themes of its campaign theme, in this report and every later one.
func (s *campaignScreen) askSplit() tea.Cmd {
	r, ok := s.currentRow()
	if !ok || r.st < 0 {
		s.status = "Select a session theme (a line S1 “…”) to split it from the others of its campaign theme."
		return nil
	}
	ct := s.f.Themes[r.ct]
	st := ct.SessionThemes[r.st]
	name := fmt.Sprintf("S%d “%s”", st.Session, st.Label)
	if len(ct.SessionThemes) == 1 {
		s.status = name + " is matched with no other session's theme: nothing to split."
		return nil
	}
	if st.ThemeID == 0 {
		s.status = fmt.Sprintf("S%d has no themes of its own yet (the report grouped its notes): group them on its board, then split.", st.Session)
		return nil
	}
	var others []int64
	for j, o := range ct.SessionThemes {
		if j != r.st && o.ThemeID != 0 {
			others = append(others, o.ThemeID)
		}
	}
	if len(others) == 0 {
		s.status = "The other sessions of this theme have no themes of their own yet (the report grouped their notes): group them first."
		return nil
	}
	svc, id := s.e.opt.Service, st.ThemeID
	said := fmt.Sprintf("Split: %s stands apart from “%s” now and in later reports.", name, ct.Label)
	s.confirm = func() tea.Cmd {
		s.status = "Splitting and matching the themes again…"
		return s.e.withTimeout(func(ctx context.Context) tea.Msg {
			// One call: a pair refused stores none of the others.
			pairs := make([][2]int64, len(others))
			for i, o := range others {
				pairs[i] = [2]int64{id, o}
			}
			if err := svc.SplitThemePairs(ctx, pairs); err != nil {
				return splitMsg{err: err}
			}
			return splitMsg{said: said, follow: id}
		})
	}
	s.status = fmt.Sprintf("Split %s from #%d “%s”, here and in later reports? y = split, any other key = keep", name, ct.Rank, ct.Label)
	s.keep = "Nothing was split."
	return nil
}

// undoable are the stored pairs U undoes on row r: on a session theme's line its
// splits and joins, on another line of a campaign theme the joins of its session
// themes.
func (s *campaignScreen) undoable(r campaignRow) (pairs []themePair) {
	ct := s.f.Themes[r.ct]
	for j, st := range ct.SessionThemes {
		if r.st >= 0 && j != r.st {
			continue
		}
		if r.st >= 0 {
			for _, o := range st.KeptApart {
				pairs = append(pairs, themePair{st.ThemeID, o, false})
			}
		}
		for _, o := range st.JoinedWith {
			if r.st < 0 && slices.ContainsFunc(pairs, func(p themePair) bool { return p.a == o && p.b == st.ThemeID }) {
				continue // listed from the other side
			}
			pairs = append(pairs, themePair{st.ThemeID, o, true})
		}
	}
	return pairs
}

// themePair is a split (or, joined, a join) of two session themes.
type themePair struct {
	a, b   int64
	joined bool
}

// askUnsplit asks to undo the splits and joins of the selected session theme, or
// the joins of the selected campaign theme, so that matching goes by what the
// themes say again, here and in later reports.
func (s *campaignScreen) askUnsplit() tea.Cmd {
	r, ok := s.currentRow()
	if !ok {
		return nil
	}
	pairs := s.undoable(r)
	ct := s.f.Themes[r.ct]
	name := fmt.Sprintf("#%d “%s”", ct.Rank, ct.Label)
	if r.st >= 0 {
		st := ct.SessionThemes[r.st]
		name = fmt.Sprintf("S%d “%s”", st.Session, st.Label)
	}
	if len(pairs) == 0 {
		if r.st < 0 {
			s.status = "Select a session theme (a line S1 “…”) to undo its splits; " + name + " was not joined by hand."
			return nil
		}
		s.status = name + " was not split or joined: nothing to undo."
		return nil
	}
	var split, joined []string
	for _, p := range pairs {
		if r.st < 0 {
			joined = append(joined, s.themeName(p.a)+" with "+s.themeName(p.b))
		} else if p.joined {
			joined = append(joined, s.themeName(p.b))
		} else {
			split = append(split, s.themeName(p.b))
		}
	}
	var what []string
	switch {
	case r.st < 0:
		what = append(what, "the joins in "+name+": "+strings.Join(joined, ", "))
	case len(joined) > 0:
		what = append(what, "the join of "+name+" with "+strings.Join(joined, ", "))
	}
	if len(split) > 0 {
		what = append(what, fmt.Sprintf("the split of %s from %s", name, strings.Join(split, ", ")))
	}
	said := fmt.Sprintf("Undone: %s may be matched with %s again.", name, strings.Join(split, ", "))
	if len(joined) > 0 {
		said = fmt.Sprintf("Undone: %s is matched by what it says again.", name)
		if r.st < 0 {
			said = fmt.Sprintf("Undone: the themes joined in %s are matched by what they say again.", name)
		}
	}
	svc, follow := s.e.opt.Service, pairs[0].a
	s.confirm = func() tea.Cmd {
		s.status = "Undoing and matching the themes again…"
		return s.e.withTimeout(func(ctx context.Context) tea.Msg {
			// One call, so that overviews hear of the undo once; a pair another
			// facilitator undid meanwhile is passed over.
			var splits, joins [][2]int64
			for _, p := range pairs {
				if p.joined {
					joins = append(joins, [2]int64{p.a, p.b})
				} else {
					splits = append(splits, [2]int64{p.a, p.b})
				}
			}
			n, err := svc.UndoThemePairs(ctx, splits, joins)
			if err != nil {
				return splitMsg{err: err}
			}
			if n == 0 {
				// Another facilitator's undo came first: "Undone" would claim it.
				return splitMsg{said: "Nothing left to undo: it was undone elsewhere meanwhile."}
			}
			return splitMsg{said: said, follow: follow}
		})
	}
	s.status = fmt.Sprintf("Undo %s, here and in later reports? y = undo, any other key = keep", strings.Join(what, " and "))
	s.keep = "The splits and joins stay."
	if len(joined) == 0 {
		s.keep = "The splits stay."
	}
	return nil
}

// joinKey is the join prompt's enter.
var joinKey = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "join"))

// askJoin opens the prompt for the campaign theme to join the selected one with,
// by its number or part of its name: matching missed that they are one.
func (s *campaignScreen) askJoin() tea.Cmd {
	r, ok := s.currentRow()
	if !ok {
		s.status = "Select a campaign theme to join it with another."
		return nil
	}
	if len(s.f.Themes) < 2 {
		s.status = "There is no other campaign theme to join it with."
		return nil
	}
	s.joining, s.joinFrom, s.status = true, s.f.Themes[r.ct], ""
	s.input.Reset()
	s.input.Placeholder = "number or part of its name"
	return s.input.Focus()
}

func (s *campaignScreen) joinPrompt() string {
	return fmt.Sprintf("Join #%d “%s” with: ", s.joinFrom.Rank, fit(s.joinFrom.Label, 40))
}

// joinHint says under the join prompt which theme enter joins with, or why none.
func (s *campaignScreen) joinHint(v string) string {
	i, others := s.findCampaignTheme(v)
	switch {
	case strings.TrimSpace(v) == "":
		return "Type the theme's number or part of its name; enter joins, esc cancels."
	case i < 0:
		if _, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSpace(v), "#")); err == nil {
			return "No campaign theme has that number."
		}
		return "No other campaign theme matches."
	case others > 0:
		return fmt.Sprintf("→ #%d %s (and %d more match: type more)", s.f.Themes[i].Rank, s.f.Themes[i].Label, others)
	}
	return fmt.Sprintf("→ #%d %s", s.f.Themes[i].Rank, s.f.Themes[i].Label)
}

// findCampaignTheme finds, other than the one being joined, the campaign theme
// ranked v ("12" or "#12"), or else the one whose name, or a session theme's name
// in it, is v or holds it (a whole name first, then one that starts with it, then
// one with a word that does; the first by rank among equals), and counts the others
// that match too. -1 for none.
func (s *campaignScreen) findCampaignTheme(v string) (int, int) {
	v = strings.ToLower(strings.TrimSpace(v))
	if v == "" {
		return -1, 0
	}
	if k, err := strconv.Atoi(strings.TrimPrefix(v, "#")); err == nil {
		for i, t := range s.f.Themes {
			if t.Rank == k {
				return i, 0
			}
		}
		return -1, 0
	}
	found, best, n := -1, 5, 0
	for i, t := range s.f.Themes {
		if t.ID == s.joinFrom.ID {
			continue
		}
		tier := 5
		for _, name := range append([]string{t.Label}, t.SessionLabels...) {
			name = strings.ToLower(name)
			switch {
			case name == v:
				tier = min(tier, 1)
			case strings.HasPrefix(name, v):
				tier = min(tier, 2)
			case strings.Contains(" "+strings.Join(strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " "), " "+v):
				tier = min(tier, 3)
			case strings.Contains(name, v):
				tier = min(tier, 4)
			}
		}
		if tier == 5 {
			continue
		}
		if found >= 0 {
			n++
		}
		if tier < best {
			found, best = i, tier
		}
	}
	return found, n
}

// updateJoining handles keys while the theme to join with is typed: enter joins
// (in a command), esc drops it.
func (s *campaignScreen) updateJoining(msg tea.KeyMsg) (screen, tea.Cmd) {
	switch msg.Type {
	case tea.KeyEsc:
		s.joining, s.status = false, "Nothing was joined."
		s.input.Reset()
		s.input.Blur()
		return s, nil
	case tea.KeyEnter:
		cmd, done := s.join(s.input.Value())
		if done {
			s.joining = false
			s.input.Reset()
			s.input.Blur()
		}
		return s, cmd
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return s, cmd
}

// join joins the campaign theme being joined with the one v names, for good: every
// session theme of the one with every session theme of the other, stored as
// charter's joins are. done is false when v names none that can be, said in the
// status, and the prompt stays to mend it.
func (s *campaignScreen) join(v string) (cmd tea.Cmd, done bool) {
	i, _ := s.findCampaignTheme(v)
	if i < 0 {
		s.status = s.joinHint(v)
		return nil, false
	}
	from, to := s.joinFrom, s.f.Themes[i]
	name := func(t report.CampaignTheme) string { return fmt.Sprintf("#%d “%s”", t.Rank, t.Label) }
	if to.ID == from.ID {
		s.status = name(to) + " is the theme being joined: type another's number or name."
		return nil, false
	}
	for _, a := range from.SessionThemes {
		for _, b := range to.SessionThemes {
			if a.Session == b.Session {
				s.status = fmt.Sprintf("%s and %s both hold a theme of S%d: a campaign theme holds one theme of each session, so merge those on S%d's board first.", name(from), name(to), a.Session, a.Session)
				return nil, true
			}
		}
	}
	for _, st := range append(slices.Clone(from.SessionThemes), to.SessionThemes...) {
		if st.ThemeID == 0 {
			s.status = fmt.Sprintf("S%d has no themes of its own yet (the report grouped its notes): group them on its board, then join.", st.Session)
			return nil, true
		}
	}
	svc := s.e.opt.Service
	said := fmt.Sprintf("Joined: %s and %s are one theme now and in later reports (U undoes it).", name(from), name(to))
	s.status = "Joining and matching the themes again…"
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		// One call: a pair refused stores none of the others.
		var pairs [][2]int64
		for _, a := range from.SessionThemes {
			for _, b := range to.SessionThemes {
				pairs = append(pairs, [2]int64{a.ThemeID, b.ThemeID})
			}
		}
		if err := svc.JoinThemePairs(ctx, pairs); err != nil {
			return splitMsg{err: err}
		}
		return splitMsg{said: said, follow: from.SessionThemes[0].ThemeID}
	}), true
}

// themeName is a session theme of the campaign as its line names it, S2 “…”.
func (s *campaignScreen) themeName(id int64) string {
	for _, t := range s.f.Themes {
		for _, st := range t.SessionThemes {
			if st.ThemeID == id {
				return fmt.Sprintf("S%d “%s”", st.Session, st.Label)
			}
		}
	}
	return fmt.Sprintf("a theme not in this report (ID %d)", id)
}

// themesView draws the themes view's list in room lines; the selected line is
// shown whole.
func (s *campaignScreen) themesView(w, room int) string {
	sty := s.e.sty
	var b strings.Builder
	// The method's formula, wrapped, over at most three lines, and fewer where
	// they would leave the list fewer than six (at 40x14 it left two); the list
	// gets the rest of the room. Its remarks (how people are counted, ties) are
	// the report's: cut at the third line, they ended mid-word.
	formula, _, _ := strings.Cut(s.f.Method, " (within")
	method := wrap("Themes by campaign priority: "+formula+" (the report says how people are counted)", w)
	method = cutLines(method, min(3, max(room-6, 1)), w, cutJoined)
	for _, l := range method {
		b.WriteString(sty.Muted.Render(l) + "\n")
	}
	room -= len(method) - 1
	rows := s.rowsNow
	if len(rows) == 0 {
		b.WriteString(sty.Muted.Render("No themes yet.") + "\n")
		return b.String()
	}
	sel := s.themes.selected()
	// Its further lines under its text, not at the screen's edge, where they read
	// as rows of their own.
	text := rows[sel].text
	selected := hanging("▸ "+text, 2+len(text)-len(strings.TrimLeft(text, " ")), w)
	if rows[sel].facts != nil {
		selected = factLines(rows[sel].facts, w)
		selected[0] = "▸" + selected[0][1:]
	} else {
		selected = cutLines(selected, 3, w, cutHangingTrimmed)
	}
	page := max(room-1, 1)
	// Facts on more lines than the page has show what fits, and say they go on:
	// drawn whole, they pushed the screen's top line off.
	selected = cutLines(selected, page, w, cutWhole)
	s.themes.setPage(page)
	// The selected row's extra lines take rows of the page: PgDn went as far as
	// the page, and skipped the rows they had pushed off the screen.
	s.themes.setExtra(len(selected) - 1)
	start, end := s.themes.window(page, len(selected)-1)
	left := page
	for i := start; i < end && left > 0; i++ {
		if i == sel {
			for _, l := range selected {
				b.WriteString(sty.Selected.Render(l) + "\n")
			}
			left -= len(selected)
			continue
		}
		if rows[i].facts != nil {
			facts := cutLines(factLines(rows[i].facts, w), left, w, cutWhole)
			b.WriteString(strings.Join(facts, "\n") + "\n")
			left -= len(facts)
			continue
		}
		left--
		line := fit("  "+rows[i].text, w)
		if rows[i].st >= 0 {
			line = "      " + s.sessionThemeLine(s.f.Themes[rows[i].ct].SessionThemes[rows[i].st], w-6)
		}
		if rows[i].header {
			line = sty.Header.Render(line)
		}
		b.WriteString(line + "\n")
	}
	// A theme's facts below the last whole row show their first lines rather
	// than leave the lines blank: at 40x14 a theme selected had an empty line
	// under it where its facts did not fit.
	if end < len(rows) && left > 0 && rows[end].facts != nil {
		b.WriteString(strings.Join(cutLines(factLines(rows[end].facts, w), left, w, cutWhole), "\n") + "\n")
	}
	return b.String()
}

// factLines are a campaign theme's facts as its row shows them, w wide: under
// its name, joined by " · " and broken between facts, a fact wider than a line
// wrapped. Cut at the screen's edge, its audiences read "· develo…" at 80
// columns.
func factLines(facts []string, w int) []string {
	const indent = "      "
	out := packParts(facts, " · ", max(w-len(indent), 8), wrap)
	for i, l := range out {
		out[i] = indent + l
	}
	return out
}

// hanging wraps line to w columns, its further lines indented by indent.
func hanging(line string, indent, w int) []string {
	if indent >= w/2 {
		return wrap(line, w)
	}
	// wrapHanging wraps the rest of the text as it was written: joined from
	// wrapped lines, a word longer than a line came out with a space in it.
	return wrapHanging(line, w, indent)
}

// updateReading scrolls the notes read; esc, enter or q go back.
func (s *campaignScreen) updateReading(msg tea.KeyMsg) (screen, tea.Cmd) {
	switch msg.String() {
	case "esc", "enter", "q":
		s.reading = nil
	default:
		scrollPage(&s.readTop, 10, msg)
	}
	return s, nil
}

// readingView shows the notes read whole, wrapped, under their heading, in room
// lines: a session theme's, or a campaign theme's under the line of each of its
// session themes, each note marked with its session, which tells them apart once
// that line has scrolled away.
func (s *campaignScreen) readingView(w, room int) string {
	sty := s.e.sty
	notes := func(st report.SessionTheme, mark string) []string {
		var out []string
		for _, n := range st.Notes {
			for i, l := range wrap(n, max(w-4-lipgloss.Width(mark), 8)) {
				lead := "  • " + mark
				if i > 0 {
					lead = strings.Repeat(" ", 4+lipgloss.Width(mark))
				}
				out = append(out, lead+l)
			}
		}
		return out
	}
	var head string
	var lines []string
	if t := s.reading.theme; t != nil {
		n := 0
		for _, st := range t.SessionThemes {
			n += len(st.Notes)
			// Wrapped, not cut: the lines scroll, and cut at 40 columns it lost
			// its count of notes.
			lines = append(lines, wrapHanging(s.sessionThemeLine(st, 0), w, 3)...)
			lines = append(lines, notes(st, fmt.Sprintf("S%d · ", st.Session))...)
		}
		head = fmt.Sprintf("#%d “%s”: %s from %s", t.Rank, t.Label, plural(n, "note"), plural(len(t.SessionThemes), "session"))
	} else {
		st := *s.reading.one
		title := ""
		if t := s.sessionTitle(st.Session); t != "" {
			title = " of " + t
		}
		head = fmt.Sprintf("S%d “%s”%s: %s", st.Session, st.Label, title, plural(len(st.Notes), "note"))
		lines = notes(st, "")
	}
	head = sty.Header.Render(fit(head, w))
	// The heading stays while the notes scroll under it.
	room = max(room-1, 1)
	s.readTop = min(s.readTop, max(len(lines)-room, 0))
	end := min(s.readTop+room, len(lines))
	var b strings.Builder
	b.WriteString(head + "\n")
	for _, l := range lines[s.readTop:end] {
		b.WriteString(l + "\n")
	}
	return b.String()
}

// audienceLines count people in participations, as the head does, so that each
// list adds up to its count. Wrapped, not cut: at 40 columns a segment's count
// of themes, a count of ratings and a question's title were lost.
func (s *campaignScreen) audienceLines() []string {
	var out []string
	w := max(s.e.w-2, 20)
	for _, a := range s.f.Audiences {
		out = append(out, wrapHanging(fmt.Sprintf("%s · %s · %s · %s, %d only here", session.Audience(a.Audience).Title(), plural(a.Sessions, "session"),
			plural(a.Participations, "participation"), plural(a.Themes, "theme"), len(a.OnlyHere)), w, 4)...)
		if a.Confidence != nil {
			c := a.Confidence
			out = append(out, wrapHanging(fmt.Sprintf("    confidence: mean %s, median %s, %s", session.Tenths(c.Mean), session.Median(c.Median), plural(c.Ratings, "rating")), w, 8)...)
		} else {
			out = append(out, wrapHanging(fmt.Sprintf("    confidence: fewer than %d ratings, not shown", session.MinSegment), w, 8)...)
		}
	}
	for _, br := range s.f.Segments {
		out = append(out, "")
		out = append(out, wrap(br.Title, w)...)
		segs := br.Segments
		if br.Other != nil {
			segs = append(segs, *br.Other)
		}
		for _, sg := range segs {
			line := fmt.Sprintf("    %-22s %s · %s", sg.Value, plural(sg.Participations, "participation"), plural(sg.Themes, "theme"))
			if sg.Confidence != nil {
				line += " · confidence mean " + session.Tenths(sg.Confidence.Mean)
			}
			out = append(out, wrapHanging(line, w, 8)...)
		}
		if br.FoldedInSessions {
			out = append(out, wrapHanging(fmt.Sprintf("    (answers shared by fewer than %d in a session count as other or not given)", session.MinSegment), w, 5)...)
		}
	}
	return out
}

func (s *campaignScreen) saturationLines() []string {
	var out []string
	out = append(out, "New themes each session brought, in date order:", "")
	most := 1
	for _, st := range s.f.Saturation.Steps {
		most = max(most, st.New)
	}
	for _, st := range s.f.Saturation.Steps {
		bar := strings.Repeat("█", st.New*30/most)
		out = append(out, fmt.Sprintf("S%-2d %s %-30s %2d new (%d)", st.Session, st.Date, bar, st.New, st.Cumulative))
	}
	out = append(out, "")
	out = append(out, wrap(s.f.Saturation.Verdict, max(s.e.w-2, 20))...)
	return out
}

func (s *campaignScreen) actionLines() []string {
	if len(s.f.Actions) == 0 {
		return []string{"No action points yet."}
	}
	var out []string
	for _, a := range s.f.Actions {
		line := fmt.Sprintf("[%s] %s · %s · S%d %s", a.Priority, a.Title, a.Status, a.Session, a.SessionTitle)
		if a.Owner != "" {
			line += " · owner " + a.Owner
		}
		if len(a.Volunteers) > 0 {
			line += " · volunteers " + strings.Join(a.Volunteers, ", ")
		}
		if a.Due != "" {
			line += " · due " + a.Due
		}
		// Wrapped, not cut: at 80 columns the cut took the status, the session,
		// the owner and the volunteers, with no key to read the rest.
		out = append(out, wrapHanging(line, max(s.e.w-2, 20), 4)...)
	}
	out = append(out, "")
	out = append(out, wrap("Change an action point's status on its session's board (themes view).", max(s.e.w-2, 20))...)
	return out
}

func (s *campaignScreen) typing() bool { return s.adding || s.themes.open() }

// updateAdding handles keys while a new hypothesis is typed: enter saves it (in a
// command), esc drops it.
func (s *campaignScreen) updateAdding(msg tea.KeyMsg) (screen, tea.Cmd) {
	if s.saving {
		return s, nil // enter again must not add the hypothesis twice
	}
	switch msg.Type {
	case tea.KeyEsc:
		s.adding, s.verdict, s.status = false, false, ""
		s.input.Reset()
		s.input.Blur()
		return s, nil
	case tea.KeyEnter:
		svc, name, text := s.e.opt.Service, s.name, s.input.Value()
		if s.verdict {
			n, v, why, err := session.ParseVerdictLine(text)
			if err != nil {
				s.status = s.e.errorMessage(err) // the line stays, to mend
				return s, nil
			}
			s.saving = true
			return s, s.e.withTimeout(func(ctx context.Context) tea.Msg {
				h, err := svc.SetVerdict(ctx, name, n, v, why)
				return verdictMsg{h, err}
			})
		}
		s.saving = true
		return s, s.e.withTimeout(func(ctx context.Context) tea.Msg {
			h, err := svc.AddHypothesis(ctx, name, text)
			return hypothesisAddedMsg{h, err}
		})
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return s, cmd
}

// hypothesisLines shows each hypothesis with its verdict and the themes that match
// it, then the themes that match none.
func (s *campaignScreen) hypothesisLines() []string {
	width := max(s.e.w-4, 20)
	if len(s.f.Hypotheses) == 0 {
		return wrap("No hypotheses yet. Press a to add what the program believes, e.g. \"teams want deeper training\"; the themes that match it are shown here and in the campaign report.", width)
	}
	var out []string
	for _, h := range s.f.Hypotheses {
		// Both are read whole, as the quotes are: the facilitator wrote them.
		out = append(out, wrapHanging(fmt.Sprintf("H%d %s", h.Number, h.Text), width, 3)...)
		verdict := "verdict: " + session.Verdict(h.Verdict).Title()
		if h.Why != "" {
			verdict += " · " + h.Why
		}
		for _, l := range wrapHanging(verdict, width-4, len("verdict: ")) {
			out = append(out, "    "+l)
		}
		if len(h.Themes) == 0 {
			out = append(out, "    no matching theme")
		}
		for _, t := range h.Themes {
			var ss []string
			for _, n := range t.Sessions {
				ss = append(ss, fmt.Sprintf("S%d", n))
			}
			// Wrapped, not cut: cut, its audiences read "developers…".
			line := fmt.Sprintf("#%d %s · similarity %.2f · %s · %s", t.Rank, t.Label, t.Similarity, strings.Join(ss, " "), audienceWords(t.Audiences))
			for _, l := range wrapHanging(line, width-4, 4) {
				out = append(out, "    "+l)
			}
		}
		if len(h.Quotes) > 0 {
			// Said, so that the quotes under the last theme's line do not read as
			// that theme's alone: they are from all the themes above.
			said := "what its notes say:"
			if len(h.Themes) > 1 {
				said = fmt.Sprintf("what the notes of these %d themes say:", len(h.Themes))
			}
			out = append(out, "    "+said)
		}
		for _, q := range h.Quotes {
			for _, l := range quoteLines(q.Text, quoteMark(q), width-4) {
				out = append(out, "      "+l)
			}
		}
		// What the notes about an activity it names said, whichever theme they are
		// in, as the report has it: "no matching theme" alone read as no evidence.
		for _, r := range h.Activities {
			for _, l := range wrap(fmt.Sprintf("in the activity matrix, %s: %s, in any theme", r.Activity, r.Said()), width) {
				out = append(out, "    "+l)
			}
		}
		for _, q := range h.ActivityNotes {
			where := quoteMark(q)
			if q.Theme != "" {
				where += " · in " + q.Theme
			}
			for _, l := range quoteLines(q.Text, where, width-4) {
				out = append(out, "      "+l)
			}
		}
		if more := h.MoreActivityNotes; more == 1 {
			out = append(out, "      and 1 more note about it")
		} else if more > 1 {
			out = append(out, fmt.Sprintf("      and %d more notes about it", more))
		}
		if heard := hypothesisHeardLine(h); heard != "" {
			for _, l := range wrap(heard, width-4) {
				out = append(out, "    "+l)
			}
		}
		out = append(out, "")
	}
	out = append(out, "Not expected (no hypothesis matches):")
	if len(s.f.Unexpected) == 0 {
		out = append(out, "    none")
	}
	for _, t := range s.f.Unexpected {
		out = append(out, fmt.Sprintf("    #%d %s · %s", t.Rank, t.Label, plural(t.Sessions, "session")))
	}
	out = append(out, "")
	out = append(out, wrap("Give a verdict: press v and type the number, the verdict (supported, mixed, not supported, no evidence) and why, e.g. \"H1 supported: every session asked for it\".", width)...)
	return out
}

// quoteLines wraps a quoted note and where it was written to w columns, where it
// was written on one line when it fits one: broken, "(S1 · do" above "less)"
// read as two things.
func quoteLines(text, where string, w int) []string {
	const nbsp = "\u00a0" // the wrapping breaks no line there
	if lipgloss.Width(where)+2 <= w {
		where = strings.ReplaceAll(where, " ", nbsp)
	}
	lines := wrap(fmt.Sprintf("“%s” (%s)", text, where), w)
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(l, nbsp, " ")
	}
	return lines
}

// quoteMark is the session of a note a hypothesis quotes, its audience when the
// hypothesis names it, and its side where its area has sides: "S2 · developers,
// whom it names · motivates". Evidence is found by what a note says, not by its
// side: without it, what motivates read as support for what demotivates. Shorter
// than the report's mark (session/report's quoteWhere, which names every quote's
// audience): on a screen the audience is said only when the hypothesis names it.
func quoteMark(q report.HypothesisNote) string {
	out := fmt.Sprintf("S%d", q.Session)
	if q.NamedAudience {
		out += fmt.Sprintf(" · %s, whom it names", session.Audience(q.Audience).Title())
	}
	if side := q.Side(); side != "" {
		out += " · " + strings.ToLower(side)
	}
	return out
}

// hypothesisHeardLine says, as the report does, when a hypothesis names an
// audience that sessions were held with but none of the notes it quotes is theirs.
func hypothesisHeardLine(h report.HypothesisFinding) string {
	if len(h.Heard) == 0 || len(h.Quotes)+len(h.ActivityNotes) == 0 || h.QuotedFromNamed() > 0 {
		return ""
	}
	return fmt.Sprintf("none of these notes is from %s, whom it names", audienceWords(h.Heard))
}

// audienceWords names audiences, given by their keys as the report holds them,
// in words: "service owners, developers".
func audienceWords(as []string) string {
	words := make([]string, len(as))
	for i, a := range as {
		words[i] = session.Audience(a).Title()
	}
	return strings.Join(words, ", ")
}

// findingEvidence is the status while the evidence of hypothesis n is looked for.
func findingEvidence(n int) string { return fmt.Sprintf("Added H%d; finding its evidence…", n) }

// campaignPeriod is the days a campaign's sessions were held on, as of today
// (YYYY-MM-DD): one day said once (it read "2026-12-06 – 2026-12-06"), and none
// held yet said so (it read " – "), with the sessions planned whose day passed in
// the lobby counted apart: counted as planned, they read as still ahead.
func campaignPeriod(f *report.CampaignFindings, today string) string {
	switch {
	case f.From == "" && f.To == "":
		past, closed := 0, 0
		for _, ns := range f.NotHeld {
			switch {
			case ns.Phase == string(session.PhaseClosed):
				closed++
			case ns.Date != "" && ns.Date < today && ns.Phase == string(session.PhaseLobby):
				past++
			}
		}
		if past > 0 {
			their := "their day"
			if past == 1 {
				their = "its day"
			}
			// Short enough that the counts after it fit 80 columns.
			out := fmt.Sprintf("none held yet: %d to come, %d past %s", len(f.NotHeld)-past-closed, past, their)
			if closed > 0 {
				out += fmt.Sprintf(", %d closed", closed)
			}
			return out
		}
		return fmt.Sprintf("no session held yet (%s planned)", plural(len(f.NotHeld), "session"))
	case f.From == f.To || f.To == "":
		return f.From
	case f.From == "":
		return f.To
	}
	return f.From + " – " + f.To
}
