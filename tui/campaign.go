package tui

import (
	"context"
	"fmt"
	"math"
	"strings"

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
	e      *env
	name   string
	f      *report.CampaignFindings
	err    string
	tab    int
	scroll int
	// adding is set while the facilitator types a new hypothesis into input.
	adding bool
	input  textinput.Model
	status string
}

var campaignTabs = []string{"Themes", "Audiences", "Saturation", "Actions", "Hypotheses"}

// tabHypotheses is the index of the hypotheses view.
const tabHypotheses = 4

var ck = struct{ Tab, Scroll, Back, Add, Save key.Binding }{
	Tab:    key.NewBinding(key.WithKeys("tab", "1", "2", "3", "4", "5"), key.WithHelp("1-5", "view")),
	Add:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add hypothesis")),
	Save:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save · esc cancel")),
	Scroll: key.NewBinding(key.WithKeys("up", "down", "k", "j", "pgup", "pgdown", "home", "end"), key.WithHelp("↑/↓", "scroll")),
	Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
}

func newCampaign(e *env, name string) *campaignScreen {
	in := textinput.New()
	in.CharLimit = 2 * session.MaxNoteLen // the service says when it is too long
	in.Placeholder = "e.g. teams want deeper training"
	return &campaignScreen{e: e, name: name, input: in}
}

type campaignMsg struct{ f *report.CampaignFindings }

// hypothesisAddedMsg is the outcome of saving a hypothesis.
type hypothesisAddedMsg struct {
	h   *session.Hypothesis
	err error
}

func (s *campaignScreen) Init() tea.Cmd {
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

func (s *campaignScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case campaignMsg:
		s.f = msg.f
	case errMsg:
		s.err = session.ErrorMessage(msg.err)
	case hypothesisAddedMsg:
		if msg.err != nil {
			s.status = session.ErrorMessage(msg.err)
			return s, nil
		}
		s.adding, s.status = false, fmt.Sprintf("Added H%d; finding its evidence…", msg.h.Number)
		s.input.Reset()
		s.input.Blur()
		return s, s.Init()
	case tea.KeyMsg:
		if s.adding {
			return s.updateAdding(msg)
		}
		switch msg.String() {
		case "esc", "q":
			return s, switchTo(newHome(s.e))
		case "tab":
			s.tab, s.scroll = (s.tab+1)%len(campaignTabs), 0
		case "1", "2", "3", "4", "5":
			s.tab, s.scroll = int(msg.Runes[0]-'1'), 0
		case "a":
			if s.tab == tabHypotheses && s.f != nil {
				s.adding, s.status = true, ""
				return s, s.input.Focus()
			}
		case "up", "k":
			s.scroll = max(s.scroll-1, 0)
		case "down", "j":
			s.scroll++
		case "pgup":
			s.scroll = max(s.scroll-10, 0)
		case "pgdown":
			s.scroll += 10
		case "home":
			s.scroll = 0
		case "end":
			// View brings it back to the last screenful.
			s.scroll = math.MaxInt32
		}
	}
	return s, nil
}

func (s *campaignScreen) View() string {
	e, sty := s.e, s.e.sty
	w := max(e.w, 40)
	var b strings.Builder
	b.WriteString(sty.Title.Render("charter") + sty.Muted.Render(" · campaign ") + sty.Header.Render(fit(s.name, w-20)) + "\n")
	keys := []key.Binding{ck.Tab, ck.Scroll, ck.Back}
	if s.tab == tabHypotheses {
		keys = []key.Binding{ck.Tab, ck.Add, ck.Scroll, ck.Back}
	}
	if s.adding {
		keys = []key.Binding{ck.Save}
	}
	footer := e.helpView(keys)
	if s.adding || s.status != "" {
		var extra string
		if s.adding {
			extra = fit("New hypothesis: "+s.input.View(), w) + "\n"
		}
		if s.status != "" {
			extra += sty.Muted.Render(fit(s.status, w)) + "\n"
		}
		footer = extra + footer
	}
	if s.err != "" {
		return b.String() + sty.Error.Render(fit(s.err, w)) + "\n" + footer
	}
	if s.f == nil {
		return b.String() + sty.Muted.Render("Matching themes across the sessions…") + "\n" + footer
	}
	f := s.f
	b.WriteString(fit(fmt.Sprintf("%s – %s · %s · %s · %s", f.From, f.To, plural(len(f.Sessions), "session"), plural(f.Participants, "participant"), plural(f.Notes, "note")), w) + "\n")
	var tabs []string
	for i, t := range campaignTabs {
		if i == s.tab {
			tabs = append(tabs, sty.ActiveTab.Render(fmt.Sprintf("[%d %s]", i+1, t)))
		} else {
			tabs = append(tabs, sty.Tab.Render(fmt.Sprintf("%d %s", i+1, t)))
		}
	}
	b.WriteString(fit(strings.Join(tabs, " "), w) + "\n")
	b.WriteString(sty.Muted.Render(strings.Repeat("─", w)) + "\n")
	var lines []string
	switch s.tab {
	case 0:
		lines = s.themeLines()
	case 1:
		lines = s.audienceLines()
	case 2:
		lines = s.saturationLines()
	case 3:
		lines = s.actionLines()
	case tabHypotheses:
		lines = s.hypothesisLines()
	}
	room := max(e.h-lipgloss.Height(b.String())-lipgloss.Height(footer), 3)
	s.scroll = min(s.scroll, max(len(lines)-room, 0))
	for i := s.scroll; i < len(lines) && i < s.scroll+room; i++ {
		b.WriteString(fit(lines[i], w) + "\n")
	}
	if pad := e.h - lipgloss.Height(b.String()) - lipgloss.Height(footer); pad > 0 {
		b.WriteString(strings.Repeat("\n", pad))
	}
	return b.String() + footer
}

func (s *campaignScreen) themeLines() []string {
	var out []string
	out = append(out, "Themes by campaign priority: "+s.f.Method, "")
	for _, t := range s.f.Themes {
		out = append(out, fmt.Sprintf("#%d %s · score %d", t.Rank, t.Label, t.Score))
		out = append(out, fmt.Sprintf("    %s · %s · %s · %s · %s · %s",
			plural(t.Sessions, "session"), persons(t.Participants), plural(t.Votes, "vote"), plural(t.Notes, "note"), strings.Join(t.Locations, ", "), strings.Join(t.Audiences, ", ")))
		for _, q := range t.Quotes {
			out = append(out, "    “"+q+"”")
		}
	}
	return out
}

func (s *campaignScreen) audienceLines() []string {
	var out []string
	for _, a := range s.f.Audiences {
		out = append(out, fmt.Sprintf("%s · %s · %s · %s, %d only here", a.Audience, plural(a.Sessions, "session"), persons(a.Participants), plural(a.Themes, "theme"), len(a.OnlyHere)))
		if a.Confidence != nil {
			c := a.Confidence
			out = append(out, fmt.Sprintf("    confidence: mean %.1f, median %.1f, %s", c.Mean, c.Median, plural(c.Ratings, "rating")))
		} else {
			out = append(out, "    confidence: fewer than 3 ratings, not shown")
		}
	}
	for _, br := range s.f.Segments {
		out = append(out, "", br.Title)
		segs := br.Segments
		if br.Other != nil {
			segs = append(segs, *br.Other)
		}
		for _, sg := range segs {
			line := fmt.Sprintf("    %-22s %s · %s", sg.Value, persons(sg.Participants), plural(sg.Themes, "theme"))
			if sg.Confidence != nil {
				line += fmt.Sprintf(" · confidence mean %.1f", sg.Confidence.Mean)
			}
			out = append(out, line)
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
		out = append(out, line)
	}
	out = append(out, "", "Change an action point's status on its session's board (themes view).")
	return out
}

func (s *campaignScreen) typing() bool { return s.adding }

// updateAdding handles keys while a new hypothesis is typed: enter saves it (in a
// command), esc drops it.
func (s *campaignScreen) updateAdding(msg tea.KeyMsg) (screen, tea.Cmd) {
	switch msg.Type {
	case tea.KeyEsc:
		s.adding, s.status = false, ""
		s.input.Blur()
		return s, nil
	case tea.KeyEnter:
		svc, name, text := s.e.opt.Service, s.name, s.input.Value()
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
	if len(s.f.Hypotheses) == 0 {
		return []string{"No hypotheses yet. Press a to add what the program believes, e.g. \"teams want deeper training\";",
			"the themes that match it are shown here and in the campaign report."}
	}
	var out []string
	width := max(s.e.w-4, 20)
	for _, h := range s.f.Hypotheses {
		out = append(out, fmt.Sprintf("H%d %s", h.Number, h.Text))
		verdict := "    verdict: " + session.Verdict(h.Verdict).Title()
		if h.Why != "" {
			verdict += " · " + h.Why
		}
		out = append(out, verdict)
		if len(h.Themes) == 0 {
			out = append(out, "    no matching theme")
		}
		for _, t := range h.Themes {
			var ss []string
			for _, n := range t.Sessions {
				ss = append(ss, fmt.Sprintf("S%d", n))
			}
			out = append(out, fmt.Sprintf("    #%d %s · %.2f · %s · %s", t.Rank, t.Label, t.Similarity, strings.Join(ss, " "), strings.Join(t.Audiences, ", ")))
		}
		for _, q := range h.Quotes {
			for _, l := range wrap(fmt.Sprintf("“%s” (S%d)", q.Text, q.Session), width-4) {
				out = append(out, "      "+l)
			}
		}
		out = append(out, "")
	}
	out = append(out, "Not expected (no hypothesis matches):")
	if len(s.f.Unexpected) == 0 {
		out = append(out, "    none")
	}
	for _, t := range s.f.Unexpected {
		out = append(out, fmt.Sprintf("    #%d %s · %d sessions", t.Rank, t.Label, t.Sessions))
	}
	out = append(out, "", "Give a verdict: charter hypothesis verdict --campaign NAME N supported|mixed|not-supported|no-evidence --why \"...\"")
	return out
}
