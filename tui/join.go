package tui

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/charter-tool/charter/session"
)

// joinScreen asks for the join code.
type joinScreen struct {
	e     *env
	input textinput.Model
	err   string
	// left says how many tries are left before a lockout, once that matters.
	left    string
	busy    bool
	initial string
	// earlier are the sessions this key took part in; with an empty code box, enter
	// goes back into the selected one (to see its action points, for instance).
	earlier []session.Participation
	sel     int
	// from is the session a participant came back from (esc in a closed one):
	// selected in earlier once it is loaded.
	from string
}

type earlierMsg []session.Participation

var joinKeys = []key.Binding{
	key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "join")),
	key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "clear")),
	key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "leave")),
}

// joinLineLen is how many characters the code's box takes: a whole join line
// typed into it (`ssh -p 2222 -t HOST ABCD-EFGH`, a host name of up to 253), not
// only a code. Cut at 24, a typed join line was taken for a wrong code.
const joinLineLen = 300

func newJoin(e *env, initial string) *joinScreen {
	in := newTextInput(e.sty)
	in.Placeholder = "ABCD-EFGH"
	in.CharLimit = joinLineLen
	in.Width = 20
	in.Prompt = "Join code: "
	in.Focus()
	// Cleaned as the refusal names it: the box drops only control characters, and
	// kept the rest of an escape sequence ("[31m") given on the command line.
	return &joinScreen{e: e, input: in, initial: strings.TrimSpace(session.CleanText(initial))}
}

func (s *joinScreen) Init() tea.Cmd {
	if s.initial != "" {
		s.input.SetValue(s.initial)
		s.busy = true
		return s.submit(s.initial)
	}
	cmds := []tea.Cmd{textinput.Blink}
	if g := s.e.opt.Guard; g != nil {
		cmds = append(cmds, func() tea.Msg { return triesLeftMsg(g.Left()) })
	}
	if s.e.opt.KeyHash == "" {
		return tea.Batch(cmds...)
	}
	svc, kh := s.e.opt.Service, s.e.opt.KeyHash
	return tea.Batch(append(cmds, s.e.withTimeout(func(ctx context.Context) tea.Msg {
		ps, err := svc.Participations(ctx, kh)
		if err != nil {
			return errMsg{err}
		}
		return earlierMsg(ps)
	}))...)
}

// joinedMsg is a participant admitted to a session.
type joinedMsg struct {
	sess      *session.Session
	p         *session.Participant
	returning bool
	// byCode: they came in by typing their personal rejoin code.
	byCode bool
}

// claimedMsg means this key just became a facilitator.
type claimedMsg struct{}

func (s *joinScreen) submit(code string) tea.Cmd {
	return s.submitChecked(code, true)
}

// submitChecked joins with code; guarded is false for a session picked from the
// person's own earlier sessions, which is no guess.
func (s *joinScreen) submitChecked(code string, guarded bool) tea.Cmd {
	opt := s.e.opt
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		guard := opt.Guard
		if !guarded || tookPart(ctx, opt, code) {
			guard = nil
		}
		// told is the refusal err with the tries left, or the lockout on.
		told := func(err error) tea.Msg {
			if lock := guard.Check(); lock != nil {
				// That was the last try: the lockout is said now, not at the next.
				return codeRefusedMsg{err, session.ErrorMessage(lock)}
			}
			return codeRefusedMsg{err, guard.Left()}
		}
		refused := func(err error) tea.Msg {
			if guard == nil {
				return errMsg{err}
			}
			if session.ErrorCode(err) == session.ENotFound {
				guard.Fail(code)
			}
			return told(err)
		}
		if guard != nil {
			// The same wrong code again, here or before a reconnect, is no new
			// guess: said so, not tried, and counted once (see Guard.Refused).
			if guard.Refused(code) {
				return told(session.Errorf(session.ENotFound, "No session has the code %q: it was refused from your network address a short while ago, and is not counted as another try. Check the code with your facilitator.", session.ShownCode(code)))
			}
			if err := guard.Check(); err != nil {
				return codeRefusedMsg{err: err}
			}
		}
		if opt.Claim != nil {
			ok, err := opt.Claim(code)
			if err != nil {
				return errMsg{err}
			}
			if ok {
				return claimedMsg{}
			}
		}
		if session.IsRejoinCode(code) {
			// A personal rejoin code: back as the participant it was given to.
			sess, p, err := opt.Service.RejoinWithCode(ctx, code, opt.Remote)
			if err != nil {
				return refused(err)
			}
			return joinedMsg{sess, p, true, true}
		}
		sess, err := opt.Service.FindByCode(ctx, code)
		if err != nil {
			return refused(err)
		}
		p, returning, err := opt.Service.JoinFrom(ctx, sess.ID, opt.KeyHash, opt.Remote)
		if err != nil {
			return errMsg{err}
		}
		return joinedMsg{sess, p, returning, false}
	})
}

// tookPart reports whether the connection's key took part in the session whose code
// is code: coming back is no guess, so that a lockout of the address (someone there
// guessing) does not keep out people who reconnect.
func tookPart(ctx context.Context, opt Options, code string) bool {
	c := session.NormalizeCode(code)
	if opt.KeyHash == "" || c == "" {
		return false
	}
	ps, err := opt.Service.Participations(ctx, opt.KeyHash)
	if err != nil {
		return false
	}
	for _, p := range ps {
		if p.Session.Code == c {
			return true
		}
	}
	return false
}

// codeRefusedMsg is a code the guard counted or refused, with how many tries are
// left before a lockout (empty when none is near), or the lockout on.
type codeRefusedMsg struct {
	err  error
	left string
}

// triesLeftMsg is how many tries the connection has left as it opens.
type triesLeftMsg string

func (s *joinScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case errMsg:
		// The code stays in the box, to be corrected (a letter mistyped) rather
		// than typed again; ctrl+u clears it.
		s.busy = false
		s.err = s.e.errorMessage(msg.err)
		s.input.CursorEnd()
		return s, nil
	case codeRefusedMsg:
		s.busy = false
		s.err, s.left = s.e.errorMessage(msg.err), msg.left
		s.input.CursorEnd()
		return s, nil
	case triesLeftMsg:
		// Said as the connection opens, before anything was typed on it: why.
		if s.left = string(msg); s.left != "" {
			s.left = "A wrong code was typed from here before: " + strings.ToLower(s.left[:1]) + s.left[1:]
		}
		return s, nil
	case earlierMsg:
		s.earlier = msg
		for i, p := range s.earlier {
			if p.Session.ID == s.from && i < 8 {
				s.sel = i
			}
		}
		return s, nil
	case claimedMsg:
		s.e.opt.Facilitator = true
		h := newHome(s.e)
		// Said once, so that the claim does not pass unnoticed.
		h.status = "You are a facilitator now: the server keeps your key, so connecting without a code brings you here."
		return h, nil
	case joinedMsg:
		s.e.rejoinCode = msg.p.RejoinCode
		// This connection is the participant from now on, the name screen
		// included (where a new code is shown); one in by a code typed ends the
		// others (see Conn.TakeOver).
		s.e.opt.Conn.Is(msg.sess.ID, msg.p.ID)
		if msg.byCode {
			s.e.opt.Conn.TakeOver(msg.sess.ID, msg.p.ID)
		}
		if msg.returning {
			return newParticipant(s.e, msg.sess, msg.p), nil
		}
		return newName(s.e, msg.sess, msg.p), nil
	case tea.KeyMsg:
		if s.busy {
			return s, nil
		}
		switch {
		case msg.Type == tea.KeyEnter && strings.TrimSpace(s.input.Value()) == "" && len(s.earlier) > 0:
			s.busy = true
			s.err = ""
			return s, s.submitChecked(s.earlier[s.sel].Session.Code, false)
		case msg.Type == tea.KeyEnter:
			return s, s.enter()
		case msg.Type == tea.KeyUp:
			s.sel = max(s.sel-1, 0)
			return s, nil
		case msg.Type == tea.KeyDown:
			s.sel = min(s.sel+1, max(len(s.earlier)-1, 0))
			return s, nil
		case msg.Type == tea.KeyRunes && joinLineCode(string(msg.Runes)) != "":
			// The join line pasted whole, as the board shows it to be shared: cut
			// at the box's 24 characters ("ssh -p 2222 -t 127.0.0.") it was taken
			// for a wrong code, and cost one of the tries before a lockout.
			s.input.SetValue(joinLineCode(string(msg.Runes)))
			s.input.CursorEnd()
			return s, nil
		}
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return s, cmd
}

// enter tries the code in the box. A join line typed whole is tried by its code,
// as a pasted one is, and the box keeps only the code.
func (s *joinScreen) enter() tea.Cmd {
	code := s.input.Value()
	if isSSHLine(code) {
		c := joinLineCode(code)
		if c == "" {
			s.err = "That is the line to connect with, without a join code at its end. Type here only the join code your facilitator gave you (as ABCD-EFGH)."
			return nil
		}
		code = c
		s.input.SetValue(c)
		s.input.CursorEnd()
	}
	s.busy = true
	s.err = ""
	return s.submit(code)
}

// isSSHLine says whether text is an ssh command line rather than a code.
func isSSHLine(text string) bool {
	f := strings.Fields(text)
	return len(f) > 0 && strings.EqualFold(f[0], "ssh")
}

// joinLineCode is the code at the end of a join line ("ssh -p 2222 -t HOST
// ABCD-EFGH", "ssh -t HOST present ABCD-EFGH", or a rejoin code's, or a code read
// out with a space: "... ABCD EFGH"), "" when text is no join line or ends in no
// code ("ssh -p 2222 -t HOST"). The code is looked for only after the host, as ssh
// reads the line: a host without dots ("localhost") was taken for the code, tried,
// refused and counted toward the lockout.
func joinLineCode(text string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	words, ok := sshCommand(strings.Fields(line))
	if !ok {
		return ""
	}
	if len(words) > 0 && strings.EqualFold(words[0], "present") {
		words = words[1:]
	}
	// A code read out in parts: "ABCD EFGH", "ABCDE FGHJK", "CLAIM-ABCD EFGH JKMN".
	if len(words) == 0 || len(words) > 3 {
		return ""
	}
	if c := strings.Join(words, " "); codeShaped(c) {
		return c
	}
	return ""
}

// sshValued are the options of OpenSSH's ssh that take a value, in the next word
// or glued to the option ("-p2222"); its other options (-t -T -A -v -4 -6 -q ...)
// take none.
const sshValued = "BDEFIJLOPQRSWbceilmopw"

// sshCommand is the command an ssh command line f ("ssh", options, the
// destination, perhaps more options, then the command) runs on the host: the
// words after the destination and the options that follow it, as OpenSSH reads
// them. ok is false when f is no ssh line or names no destination.
func sshCommand(f []string) (command []string, ok bool) {
	if len(f) < 2 || !strings.EqualFold(f[0], "ssh") {
		return nil, false
	}
	dest, ended := false, false
	for i := 1; i < len(f); i++ {
		w := f[i]
		switch {
		case !ended && w == "--":
			ended = true
		case !ended && len(w) > 1 && w[0] == '-':
			// Flags run together ("-tt", "-At"); one that takes a value takes the
			// rest of the word, or else the next word.
			for j := 1; j < len(w); j++ {
				if strings.IndexByte(sshValued, w[j]) >= 0 {
					if j == len(w)-1 {
						i++
					}
					break
				}
			}
		case !dest:
			// HOST, USER@HOST or ssh://USER@HOST:PORT.
			dest = true
		default:
			return f[i:], true
		}
	}
	return nil, dest
}

// codeShaped says whether text has the shape of a code people are given, with
// dashes or spaces anywhere: a join code's 8 letters and digits
// (session/sqlite), a rejoin code's 10 (session.NewRejoinCode), or a claim code,
// CLAIM and 12 (server). The letters are not held to the codes' alphabet: a code
// with an O or a 1 misread into it is still the code meant, refused as a code.
func codeShaped(text string) bool {
	c := session.NormalizeCode(text)
	if rest, ok := strings.CutPrefix(c, "CLAIM"); ok && len(rest) == 12 {
		c = rest
	} else if len(c) != 8 && len(c) != 10 {
		return false
	}
	for _, r := range c {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

func (s *joinScreen) View() string {
	// On a short terminal (40x14) a refusal pushed the screen's top off: the
	// introduction gives way first, the box being its own explanation.
	v := s.view(true)
	if s.e.h > 0 && lipgloss.Height(v) > s.e.h {
		v = s.view(false)
	}
	return v
}

// view draws the screen, with its introduction or without.
func (s *joinScreen) view(intro bool) string {
	sty := s.e.sty
	var b strings.Builder
	b.WriteString(sty.Title.Render("charter") + sty.Muted.Render(" · security chartering") + "\n\n")
	if intro {
		for _, l := range wrap("Type the join code your facilitator gave you and press enter, or your personal rejoin code to come back as yourself.", max(s.e.w, 40)-2) {
			b.WriteString(l + "\n")
		}
		b.WriteString("\n")
	}
	// As wide as the screen leaves: a join line typed whole is seen whole, not its
	// last 20 characters. The box pads itself to that width: nothing to see,
	// which goldens would hold.
	s.input.Width = max(min(s.e.w, joinLineLen)-lipgloss.Width(s.input.Prompt)-2, 20)
	b.WriteString(strings.TrimRight(s.input.View(), " ") + "\n\n")
	if s.busy {
		b.WriteString(sty.Muted.Render("Checking…") + "\n")
	}
	if len(s.earlier) > 0 {
		b.WriteString(sty.Header.Render("Sessions you took part in") + sty.Muted.Render(" (↑/↓, enter with an empty code)") + "\n")
		for i, p := range s.earlier {
			if i >= 8 {
				break
			}
			line := fmt.Sprintf("%s · %s", p.Session.Title, p.Session.Phase)
			if p.Session.Phase == session.PhaseClosed {
				line += " · see its action points"
			}
			if i == s.sel {
				b.WriteString(sty.Selected.Render(fit("▸ "+line, s.e.w)) + "\n")
			} else {
				b.WriteString(fit("  "+line, s.e.w) + "\n")
			}
		}
		b.WriteString("\n")
	}
	if s.err != "" {
		for _, l := range wrap(s.err, s.e.w-2) {
			b.WriteString(sty.Error.Render(l) + "\n")
		}
	}
	if s.left != "" {
		for _, l := range wrap(s.left, s.e.w-2) {
			b.WriteString(sty.Warn.Render(l) + "\n")
		}
	}
	b.WriteString("\n" + s.e.helpView(joinKeys))
	return b.String()
}

// nameScreen asks for an optional display name and an optional profile.
type nameScreen struct {
	e      *env
	sess   *session.Session
	p      *session.Participant
	input  textinput.Model
	field  int    // 0 name, 1..3 profile choices
	choice [3]int // 0 = no answer, else index+1 into the choices
	err    string
	// minimal says the last drawing left the questions out (nameMinimal).
	minimal bool
}

// profileQuestions are the optional profile questions with their choices. label
// asks security engineers; others asks every other audience, who have no security
// role to be asked about.
var profileQuestions = []struct {
	label, others string
	choices       []string
}{
	{"Time in your security role", "Time in your current role", session.Tenures},
	{"How you got the role", "How you got your role", session.Appointments},
	{"Your team's security level", "Your team's security level", session.Levels},
}

var nameKeys = []key.Binding{
	key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "continue")),
	key.NewBinding(key.WithKeys("tab", "up", "down"), key.WithHelp("tab/↑/↓", "question")),
	key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "answer")),
	key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "leave")),
}

func newName(e *env, sess *session.Session, p *session.Participant) *nameScreen {
	in := newTextInput(e.sty)
	// Said as what an empty name means, not as a value: on a terminal without
	// faint text a placeholder of one word reads as typed.
	in.Placeholder = "(leave empty to stay anonymous)"
	// The box takes no more than a name may have, and the line under it says how
	// many that is (nameCount): nothing typed is refused only at enter.
	in.CharLimit = session.MaxNameLen
	// The placeholder is cut to the width less the prompt's ("Your name: ").
	in.Width = session.MaxNameLen + 14
	// Marked as the selected question is: the name takes the keys first.
	in.Prompt = "▸ Your name: "
	in.Focus()
	return &nameScreen{e: e, sess: sess, p: p, input: in}
}

func (s *nameScreen) Init() tea.Cmd { return textinput.Blink }

type namedMsg struct{}

func (s *nameScreen) profile() session.Profile {
	pick := func(i int) string {
		if s.choice[i] == 0 {
			return ""
		}
		return profileQuestions[i].choices[s.choice[i]-1]
	}
	return session.Profile{Tenure: pick(0), Appointment: pick(1), Level: pick(2)}
}

func (s *nameScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case errMsg:
		s.err = s.e.errorMessage(msg.err)
		return s, nil
	case namedMsg:
		return newParticipant(s.e, s.sess, s.p), nil
	case tea.KeyMsg:
		switch msg.String() {
		case "enter":
			name, profile := s.input.Value(), s.profile()
			svc, p := s.e.opt.Service, s.p
			return s, s.e.withTimeout(func(ctx context.Context) tea.Msg {
				if err := svc.SetNameAndProfile(ctx, p, name, profile); err != nil {
					return errMsg{err}
				}
				return namedMsg{}
			})
		case "tab", "down", "shift+tab", "up":
			if s.minimal {
				// The questions are not shown: the keys would move to one unseen.
				return s, nil
			}
			d := 1
			if msg.String() == "shift+tab" || msg.String() == "up" {
				d = len(profileQuestions)
			}
			s.field = (s.field + d) % (len(profileQuestions) + 1)
			if s.field == 0 {
				s.input.Prompt = "▸ Your name: "
				return s, s.input.Focus()
			}
			s.input.Prompt = "  Your name: "
			s.input.Blur()
			return s, nil
		case "left", "right":
			if s.field > 0 {
				n := len(profileQuestions[s.field-1].choices) + 1
				d := 1
				if msg.String() == "left" {
					d = n - 1
				}
				s.choice[s.field-1] = (s.choice[s.field-1] + d) % n
				return s, nil
			}
		}
	}
	if s.field != 0 {
		return s, nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return s, cmd
}

func (s *nameScreen) View() string {
	// A short terminal: the same without blank lines, each question on one line
	// where its answers fit beside it, else on two; shorter still, on one line
	// that keeps the chosen answer in view. The top (who you joined as, the
	// rejoin code) is never cut off, and no answer is cut off while there is room
	// for it: at 60 columns "gold platinum" fell off the level's line.
	var v string
	for _, l := range []nameLayout{nameSpaced, nameCompact, nameOneLine, nameShort, nameMinimal} {
		s.minimal = l == nameMinimal
		if v = s.view(l); s.e.h <= 0 || lipgloss.Height(v) <= s.e.h {
			break
		}
	}
	return v
}

// nameLayout is how the name screen is laid out for the terminal's height.
type nameLayout int

const (
	nameSpaced  nameLayout = iota // blank lines, each question's answers under it
	nameCompact                   // no blank lines, answers beside the question where they fit
	nameOneLine                   // no blank lines, each question on one line
	// nameShort is nameOneLine with the intro and the questions' heading in a few
	// words: at 40x14 the questions were left out, and a participant on a small
	// terminal could give no profile at all (a program lead's walkthrough).
	nameShort
	// nameMinimal, for a terminal too short for the rest: the intro on one line and
	// the optional questions left out, so that the rejoin code stays in view (at
	// 80x14 a keyless join cut it off the top).
	nameMinimal
)

// view draws the screen in layout l.
func (s *nameScreen) view(l nameLayout) string {
	sty := s.e.sty
	w := max(s.e.w, 40)
	compact := l != nameSpaced
	gap := "\n"
	if compact {
		gap = ""
	}
	// The box no wider than the screen leaves it (at 40 columns it ran past it).
	s.input.Width = min(session.MaxNameLen+14, max(w-lipgloss.Width(s.input.Prompt)-2, 8))
	var b strings.Builder
	b.WriteString(sty.Title.Render("charter") + sty.Muted.Render(" · "+fit(s.sess.Title, w-14)) + "\n" + gap)
	intro := "You joined as " + s.p.Pseudonym + ". Give a name if you like: only the facilitator sees it, to invite everyone in. Your notes never carry your name; other participants never see who wrote what."
	if l == nameMinimal || l == nameShort {
		intro = "You joined as " + s.p.Pseudonym + ". A name is optional; only the facilitator sees it."
	}
	for _, l := range wrap(intro, w-2) {
		b.WriteString(l + "\n")
	}
	if c := s.p.RejoinCode; c != "" {
		b.WriteString(gap + sty.Header.Render("Your rejoin code: "+c) + "\n")
		text, cmd := rejoinWarning(s.e, c)
		for _, l := range wrap(text, w-2) {
			b.WriteString(sty.Warn.Render(l) + "\n")
		}
		if cmd != "" {
			// The command on a line of its own, so that it can be copied whole.
			b.WriteString("  " + fit(cmd, w-2) + "\n")
		}
	}
	b.WriteString(gap + s.input.View() + "\n")
	// Under the typed name, where the eyes are.
	b.WriteString(strings.Repeat(" ", lipgloss.Width(s.input.Prompt)) + nameCount(sty, utf8.RuneCountInString(s.input.Value())) + "\n" + gap)
	if l == nameMinimal {
		help := s.e.helpView([]key.Binding{nameKeys[0], nameKeys[3]})
		var errLine string
		if s.err != "" {
			errLine = sty.Error.Render(fit(s.err, w)) + "\n"
		}
		// Wrapped where the rows the rest leaves hold it, cut where they do not
		// (at 40x14 it was cut over six empty lines).
		room := s.e.h - strings.Count(b.String()+errLine, "\n") - lipgloss.Height(help)
		// None where there is no room: at 40x14 a keyless join's rejoin code and
		// its command took it, and the line pushed the title off the top.
		if room > 0 {
			for _, l := range wrapOr("Optional profile questions: a taller window shows them.", "Profile questions need a taller window.", w, room) {
				b.WriteString(sty.Muted.Render(l) + "\n")
			}
		}
		b.WriteString(errLine + help)
		return b.String()
	}
	// Wrapped, not cut: "never shown for fewer than 3 people" is the promise.
	heading := "Optional, to compare groups in reports (never shown for fewer than 3 people):"
	if l == nameShort {
		heading = "Optional (never shown for fewer than 3 people):"
	}
	for _, l := range wrap(heading, w) {
		b.WriteString(sty.Muted.Render(l) + "\n")
	}
	for i, q := range profileQuestions {
		opts := []string{"no answer"}
		opts = append(opts, q.choices...)
		parts := make([]string, len(opts))
		for j, o := range opts {
			parts[j] = o
			if j == s.choice[i] {
				parts[j] = sty.Selected.Render("[" + o + "]")
			}
		}
		text := q.label
		if s.sess.Audience != session.AudienceSecurityEngineers {
			text = q.others
		}
		label := "  " + text
		if s.field == i+1 {
			label = sty.Selected.Render("▸ " + text)
		}
		line := label + ": " + strings.Join(parts, " ")
		switch {
		case compact && lipgloss.Width(line) <= w:
			b.WriteString(line + "\n")
		case l == nameOneLine || l == nameShort:
			b.WriteString(answersAround(label+": ", parts, s.choice[i], w) + "\n")
		default:
			b.WriteString(label + "\n    " + answersAround("", parts, s.choice[i], w-4) + "\n")
		}
	}
	b.WriteString(gap)
	if s.err != "" {
		b.WriteString(sty.Error.Render(fit(s.err, w)) + "\n")
	}
	b.WriteString(s.e.helpView(nameKeys))
	return b.String()
}

// answersAround is prefix and the answers parts on one line of width cells: as
// many as fit, the chosen one (parts[chosen]) always among them, an ellipsis
// where some are left out.
func answersAround(prefix string, parts []string, chosen, width int) string {
	lo, hi := 0, len(parts)
	line := func() string {
		l := prefix
		if lo > 0 {
			l += "… "
		}
		l += strings.Join(parts[lo:hi], " ")
		if hi < len(parts) {
			l += " …"
		}
		return l
	}
	for lipgloss.Width(line()) > width && hi-lo > 1 {
		if hi-1 > chosen {
			hi--
		} else {
			lo++
		}
	}
	return fit(line(), width)
}

// nameCount is the line under a name box holding n characters: how many a name may
// have, and once the box is full, that it takes no more.
func nameCount(sty *Styles, n int) string {
	count := fmt.Sprintf("%d/%d characters", n, session.MaxNameLen)
	if n >= session.MaxNameLen {
		return sty.Warn.Render(count + ": a name can be no longer")
	}
	return sty.Muted.Render(count)
}

func (s *nameScreen) typing() bool { return s.field == 0 }
func (s *joinScreen) typing() bool { return true }

// rejoinWarning tells a person without a key how to come back as themselves: the
// warning, and the command to connect with when the server knows it.
func rejoinWarning(e *env, code string) (text, cmd string) {
	const start = "Write it down: you connected without an SSH key, so this code is the only way back to your notes and dots. Without it you come back as a new participant. "
	if e.opt.JoinHint != "" {
		return start + "To come back, connect with:", e.opt.JoinHint + " " + code
	}
	return start + "To come back, type it instead of the join code.", ""
}
