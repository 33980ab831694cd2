package tui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// formScreen creates a new session, or edits one.
type formScreen struct {
	e *env
	// editing is the session being edited; nil when creating one.
	editing *session.Session
	// back is the session selected on the home when the form opened, selected
	// again when esc leaves the form: the home came back at the first session,
	// and a D then asked about another one than the one looked at.
	back      string
	campaigns []string
	title     textinput.Model
	location  textinput.Model
	campaign  textinput.Model
	date      textinput.Model
	audience  int
	mode      int
	field     int
	err       string
	// saving is set while the session is being created or saved: keys wait for
	// the answer, so that enter pressed again does not create a second session.
	saving bool
}

// The form's fields, in tab order.
const (
	fieldTitle = iota
	fieldAudience
	fieldLocation
	fieldMode
	fieldCampaign
	// fieldDate is optional and comes last; enter creates the session from the
	// campaign field on.
	fieldDate
	fieldCount
)

var formKeys = struct{ Next, Choose, Create, Cancel key.Binding }{
	Next:   key.NewBinding(key.WithKeys("tab", "shift+tab", "up", "down"), key.WithHelp("tab/↑/↓", "field")),
	Choose: key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→ or a letter", "choose")),
	Create: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next; create (from Campaign on)")),
	Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
}

func newForm(e *env) *formScreen {
	// The boxes take the screen's width after the labels: at 40 columns wide
	// whatever the screen, a title of 48 characters opened scrolled to its end.
	width := 40
	if e.w > 0 {
		width = max(e.w-14, 20)
	}
	mk := func(placeholder string) textinput.Model {
		in := newTextInput(e.sty)
		in.Placeholder = placeholder
		in.CharLimit = session.MaxTitleLen
		in.Width = width
		in.Prompt = ""
		return in
	}
	f := &formScreen{e: e, title: mk("e.g. Developers, Berlin"), location: mk("e.g. Berlin (optional)"), campaign: mk("e.g. Chartering 2026 (optional)"),
		date: mk("YYYY-MM-DD (optional: today)"), audience: 1}
	f.date.CharLimit = len(session.DateLayout) + 2
	// Existing campaigns are offered as the name is typed (→ completes), so that a
	// session joins its campaign instead of starting a second one.
	f.campaign.ShowSuggestions = true
	f.campaign.KeyMap.AcceptSuggestion = key.NewBinding(key.WithKeys("right"))
	f.title.Focus()
	return f
}

// plannedTwin is the note, for a session just made by hand, on its twin (see
// session.PlannedTwin): the session of the same campaign, audience and place made
// before it and not begun, with its code when people were invited to it. "" when
// there is none.
func plannedTwin(made, twin *session.Session, invited int, today string) string {
	if twin == nil {
		return ""
	}
	where := ""
	if loc := strings.TrimSpace(twin.Location); loc != "" {
		where = " in " + session.CleanText(loc)
	}
	if n := invited; n > 0 && twin.PastDay(today) {
		// Its day passed: running it as it stands is no advice. A new day keeps
		// it with its people; closed, its people are offered again.
		return fmt.Sprintf("Note: %s planned “%s” for %s%s (code %s) %s: the %s invited to it %s its code. Give it a new day (e on the home) and run it, or close it (its people are planned again) and run this one.",
			session.CleanText(made.Campaign), session.CleanText(twin.Title), made.Audience.Title(), where, code(twin.Code),
			session.PastDayText(twin.Day(), session.OnDayNotHeld), persons(n), holds(n))
	}
	if n := invited; n > 0 {
		// Both may bear the same title: the codes tell them apart on the home.
		return fmt.Sprintf("Note: %s already plans “%s” for %s%s (code %s), not begun: the %s invited to it %s its code. Run that one, and delete this one (code %s) on the home (D).",
			session.CleanText(made.Campaign), session.CleanText(twin.Title), made.Audience.Title(), where, code(twin.Code),
			persons(n), holds(n), code(made.Code))
	}
	return "Note: " + session.CleanText(made.Campaign) + " already has “" + session.CleanText(twin.Title) + "” for " +
		made.Audience.Title() + where + ", not begun: run one of the two, and delete the other on the home (D)."
}

// newEditForm edits a session's title, audience, location, mode, campaign and date.
func newEditForm(e *env, sess *session.Session) *formScreen {
	f := newForm(e)
	f.editing, f.back = sess, sess.ID
	f.title.SetValue(sess.Title)
	f.location.SetValue(sess.Location)
	f.campaign.SetValue(sess.Campaign)
	f.date.SetValue(sess.Date)
	// Left empty, the day is the one it was created on, not today's.
	f.date.Placeholder = "YYYY-MM-DD (optional: " + sess.Day().Format(session.DateLayout) + ", the day it was created)"
	for i, a := range session.Audiences {
		if a == sess.Audience {
			f.audience = i
		}
	}
	for i, m := range session.Modes {
		if m == sess.Mode {
			f.mode = i
		}
	}
	return f
}

type campaignNamesMsg []string

// asksBeforeLeaving: the form takes ctrl+c itself, as esc.
func (f *formScreen) asksBeforeLeaving() {}

func (f *formScreen) Init() tea.Cmd {
	svc := f.e.opt.Service
	return tea.Batch(textinput.Blink, f.e.withTimeout(func(ctx context.Context) tea.Msg {
		names, err := svc.CampaignNames(ctx)
		if err != nil {
			return errMsg{err}
		}
		return campaignNamesMsg(names)
	}))
}

// typed says whether anything was typed into the form's text fields.
func (f *formScreen) typed() bool {
	for _, in := range []textinput.Model{f.title, f.location, f.campaign, f.date} {
		if strings.TrimSpace(in.Value()) != "" {
			return true
		}
	}
	return false
}

func (f *formScreen) focus() tea.Cmd {
	f.title.Blur()
	f.location.Blur()
	f.campaign.Blur()
	f.date.Blur()
	switch f.field {
	case fieldTitle:
		return f.title.Focus()
	case fieldLocation:
		return f.location.Focus()
	case fieldCampaign:
		return f.campaign.Focus()
	case fieldDate:
		return f.date.Focus()
	}
	return nil
}

type createdMsg struct {
	sess *session.Session
	// twin names a session of the same campaign, audience and place made before
	// and not begun: the one planned for it, most often (see plannedTwin).
	twin string
}

type editedMsg struct{ sess *session.Session }

func (f *formScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case errMsg:
		f.err, f.saving = f.e.errorMessage(msg.err), false
		return f, nil
	case campaignNamesMsg:
		f.campaigns = msg
		f.campaign.SetSuggestions(msg)
		return f, nil
	case createdMsg:
		b := newBoard(f.e, msg.sess)
		if msg.twin != "" {
			b.setStatus(msg.twin, false)
		}
		return b, nil
	case editedMsg:
		h := newHome(f.e)
		h.status, h.selectID = "Saved the changes to “"+msg.sess.Title+"”.", msg.sess.ID
		return h, nil
	case tea.KeyMsg:
		if f.saving {
			return f, nil
		}
		if msg.String() == "ctrl+c" {
			// Cancels as esc does, as in the board's prompts: it closed the
			// connection at once, with what was typed.
			msg = tea.KeyMsg{Type: tea.KeyEsc}
		}
		switch msg.String() {
		case "esc":
			h := homeAt(f.e, f.back)
			if f.editing == nil && f.typed() {
				// An esc meant for the campaign's suggestion, or pressed a field
				// too soon, lost everything typed.
				f.e.newSession, f.err = f, ""
				h.status = "Not created; n opens the form again as you left it."
			}
			return h, nil
		case "tab", "down":
			if !f.leave() {
				return f, nil
			}
			if msg.String() == "down" && f.field == fieldCount-1 {
				return f, nil // the arrows stop at the ends; tab goes round
			}
			f.field = (f.field + 1) % fieldCount
			return f, f.focus()
		case "shift+tab", "up":
			if !f.leave() {
				return f, nil
			}
			if msg.String() == "up" && f.field == 0 {
				return f, nil
			}
			f.field = (f.field + fieldCount - 1) % fieldCount
			return f, f.focus()
		case "left", "right":
			d := 1
			if msg.String() == "left" {
				d = -1
			}
			switch f.field {
			case fieldAudience:
				f.audience = (f.audience + d + len(session.Audiences)) % len(session.Audiences)
				return f, nil
			case fieldMode:
				f.mode = (f.mode + d + len(session.Modes)) % len(session.Modes)
				return f, nil
			}
		case "enter":
			if !f.leave() {
				return f, nil
			}
			if f.field < fieldCampaign {
				f.field++
				return f, f.focus()
			}
			if !f.check(fieldTitle) || !f.check(fieldDate) {
				return f, nil
			}
			in := session.Session{Title: f.title.Value(), Audience: session.Audiences[f.audience], Location: f.location.Value(),
				Mode: session.Modes[f.mode], Campaign: f.campaign.Value(), Date: f.date.Value()}
			svc := f.e.opt.Service
			f.saving = true
			if f.editing != nil {
				id := f.editing.ID
				edit := session.SessionEdit{Title: &in.Title, Location: &in.Location, Campaign: &in.Campaign, Date: &in.Date,
					Audience: &in.Audience, Mode: &in.Mode}
				return f, f.e.withTimeout(func(ctx context.Context) tea.Msg {
					s, err := svc.EditSession(ctx, id, edit)
					if err != nil {
						return errMsg{err}
					}
					return editedMsg{s}
				})
			}
			return f, f.e.withTimeout(func(ctx context.Context) tea.Msg {
				s, err := svc.NewSession(ctx, in)
				if err != nil {
					return errMsg{err}
				}
				// Made; a failure to read the others only leaves the note out.
				twin, invited, _ := svc.PlannedTwinOf(ctx, s)
				return createdMsg{s, plannedTwin(s, twin, invited, svc.Today())}
			})
		}
	}
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyRunes && !f.typing() {
		// A choice field takes the first letter of an option, as a list box does:
		// "s" cycles through the options starting with s. Other letters say how to
		// choose.
		f.chooseByLetter(k.Runes)
		return f, nil
	}
	var cmd tea.Cmd
	switch f.field {
	case fieldTitle:
		f.title, cmd = f.title.Update(msg)
	case fieldLocation:
		f.location, cmd = f.location.Update(msg)
	case fieldCampaign:
		f.campaign, cmd = f.campaign.Update(msg)
		if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, f.campaign.KeyMap.AcceptSuggestion) {
			// The completion keeps the letters typed as typed ("char" gave
			// "chartering 2026"): the campaign is written as it is named.
			for _, c := range f.campaigns {
				if session.CampaignKey(c) == session.CampaignKey(f.campaign.Value()) && c != f.campaign.Value() {
					f.campaign.SetValue(c)
				}
			}
		}
	case fieldDate:
		f.date, cmd = f.date.Update(msg)
	}
	return f, cmd
}

func (f *formScreen) View() string {
	sty := f.e.sty
	var b strings.Builder
	heading := " · new session"
	if f.editing != nil {
		heading = " · edit session"
	}
	b.WriteString(sty.Title.Render("charter") + sty.Muted.Render(heading) + "\n\n")
	choice := func(options []string, sel int) string {
		var parts []string
		for i, o := range options {
			if i == sel {
				parts = append(parts, sty.Selected.Render("["+o+"]"))
			} else {
				parts = append(parts, o)
			}
		}
		// The chosen one always in view: cut at the end, at 40 columns the line
		// hid "[mixed]" that m had just chosen.
		return answersAround("", parts, sel, f.e.w-12)
	}
	var auds, modes []string
	for _, a := range session.Audiences {
		// In words, as the home shows it; the key is what is stored.
		auds = append(auds, a.Title())
	}
	for _, m := range session.Modes {
		modes = append(modes, string(m))
	}
	rows := []struct{ label, value string }{
		{"Title", f.title.View()},
		{"Audience", choice(auds, f.audience)},
		{"Location", f.location.View()},
		{"Mode", choice(modes, f.mode)},
		{"Campaign", f.campaign.View()},
		{"Date", f.date.View()},
	}
	for i, r := range rows {
		label := "  " + r.label
		if i == f.field {
			label = sty.Selected.Render("▸ " + r.label)
		}
		b.WriteString(label + strings.Repeat(" ", max(11-len(r.label)-2, 1)) + r.value + "\n")
	}
	if len(f.campaigns) > 0 && f.field == fieldCampaign {
		b.WriteString(sty.Muted.Render(fit("Campaigns so far: "+strings.Join(f.campaigns, " · ")+" (→ completes)", f.e.w-2)) + "\n")
	}
	b.WriteString("\n")
	if f.err != "" {
		for _, l := range wrap(f.err, f.e.w-2) {
			b.WriteString(sty.Error.Render(l) + "\n")
		}
	}
	if f.saving {
		b.WriteString(sty.Muted.Render("Saving…") + "\n")
	}
	create := formKeys.Create
	if f.editing != nil {
		create = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next; save (from Campaign on)"))
	}
	b.WriteString(f.e.helpView([]key.Binding{formKeys.Next, formKeys.Choose, create, formKeys.Cancel}))
	return b.String()
}

// leave checks the field being left and says what is wrong with it; the
// selection stays on a field whose value cannot be kept.
func (f *formScreen) leave() bool {
	if !f.check(f.field) {
		return false
	}
	f.err = ""
	return true
}

// check checks one field's value as creating the session will, and says what is
// wrong at once rather than when the session is created.
func (f *formScreen) check(field int) bool {
	var err error
	switch field {
	case fieldTitle:
		_, err = session.ValidText(f.title.Value(), session.MaxTitleLen, "The title", true)
	case fieldDate:
		_, err = session.ValidDate(f.date.Value())
	}
	if err != nil {
		f.field = field
		f.focus()
		f.err = f.e.errorMessage(err)
		return false
	}
	return true
}

// chooseByLetter moves a choice field to the first option that starts with the
// letter typed or, on one that starts with it, to the next such option, round
// again after the last: s picks security-engineers, then service-owners.
func (f *formScreen) chooseByLetter(runes []rune) {
	var options []string
	sel := &f.audience
	switch f.field {
	case fieldAudience:
		for _, a := range session.Audiences {
			options = append(options, string(a))
		}
	case fieldMode:
		for _, m := range session.Modes {
			options = append(options, string(m))
		}
		sel = &f.mode
	default:
		return
	}
	letter := strings.ToLower(string(runes[:1]))
	var same []int
	for i, o := range options {
		if strings.HasPrefix(o, letter) {
			same = append(same, i)
		}
	}
	if len(same) > 0 {
		// The first with the letter, then each next with it, round again: "s" from
		// developers went to service-owners, past security-engineers, the first
		// one a person looks for under s.
		next := same[0]
		for j, i := range same {
			if i == *sel {
				next = same[(j+1)%len(same)]
			}
		}
		*sel, f.err = next, ""
		return
	}
	f.err = "Choose with ←/→, or type the first letter of " + strings.Join(options, ", ") + "."
}

func (f *formScreen) typing() bool {
	return f.field == fieldTitle || f.field == fieldLocation || f.field == fieldCampaign || f.field == fieldDate
}

// holds is the verb after n people: "1 person holds", "2 people hold".
func holds(n int) string {
	if n == 1 {
		return "holds"
	}
	return "hold"
}
