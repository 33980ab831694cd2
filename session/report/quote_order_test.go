package report_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// quoteSession is a closed session with one theme of the three texts, written in
// the order given (IDs 11, 12, 13), by the writers given (participant IDs).
func quoteSession(texts [3]string, writers [3]int64) *report.Data {
	sess := &session.Session{ID: "s1", Title: "Developers Berlin", Campaign: "c", Audience: session.AudienceDevelopers,
		Phase: session.PhaseClosed, Reached: session.PhaseClosed, CreatedAt: time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)}
	var notes []*session.Note
	for i, text := range texts {
		notes = append(notes, &session.Note{ID: int64(11 + i), SessionID: "s1", ParticipantID: writers[i],
			Area: session.AreaConfidence, Lane: "concern", Text: text, Batch: int64(i + 1)})
	}
	ps := []*session.Participant{{ID: 1, SessionID: "s1"}, {ID: 2, SessionID: "s1"}, {ID: 3, SessionID: "s1"}}
	return &report.Data{Session: sess, Participants: ps, Notes: notes, VoteTotals: map[int64]int{}, Writers: 3,
		Themes: []*session.Theme{{ID: 7, SessionID: "s1", Label: "Patching", Named: true, NoteIDs: []int64{11, 12, 13}}}}
}

// A theme's quotes, in the findings and in the campaign report, and the notes the
// campaign lists for it, are the same whoever wrote which note and in whatever
// order they were written: the count of writers is floored at three so that it
// cannot tell which notes share a writer, and quotes picked one per writer, in
// the order written, told it (a reviewer's finding).
func TestQuotesSayNothingOfWritersOrWritingOrder(t *testing.T) {
	t.Parallel()
	texts := []string{"patching the base images is slow", "nobody owns the patching of old servers", "patches wait for the next release"}
	writerSets := [][3]int64{{1, 2, 3}, {1, 1, 2}, {1, 2, 1}, {2, 1, 1}, {1, 1, 1}}
	var first string
	for _, perm := range [][3]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}} {
		for _, ws := range writerSets {
			d := quoteSession([3]string{texts[perm[0]], texts[perm[1]], texts[perm[2]]}, ws)
			f := report.Build(d)
			c := report.BuildCampaign("c", []*report.Data{d})
			if len(f.Themes) != 1 || len(c.Themes) != 1 || len(c.Themes[0].SessionThemes) != 1 {
				t.Fatalf("themes: %d in the findings, %d in the campaign", len(f.Themes), len(c.Themes))
			}
			got := fmt.Sprintf("quotes %q, authors %d, score %d; campaign quotes %q, notes %q", f.Themes[0].Quotes, f.Themes[0].Authors,
				f.Themes[0].Score, c.Themes[0].Quotes, c.Themes[0].SessionThemes[0].Notes)
			if first == "" {
				first = got
				if len(f.Themes[0].Quotes) != 3 || !slices.Contains(texts, f.Themes[0].Quotes[0]) {
					t.Fatalf("quotes: %s", got)
				}
				continue
			}
			if got != first {
				t.Errorf("written in the order %v by %v:\n%s\nwhere another order or other writers gave\n%s", perm, ws, got, first)
			}
		}
	}
}

// Without themes, the signals on activities say how people are counted themselves:
// "the same way" referred to a line about themes that is not there.
func TestSignalsWithoutThemesSayHowPeopleAreCounted(t *testing.T) {
	t.Parallel()
	d := quoteSession([3]string{"keep the pen tests", "keep pen testing yearly", "pen tests find real bugs"}, [3]int64{1, 2, 3})
	d.Themes = nil
	d.Session.Activities = []string{"Pen tests"}
	for _, n := range d.Notes {
		n.Area, n.Lane, n.Activity = session.AreaActivities, "keep", "Pen tests"
	}
	f := report.Build(d)
	var b strings.Builder
	if err := f.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	if !strings.Contains(md, "- Clearest signals on activities (“up to N” means at most N wrote them; a count is "+session.PeopleBound) || strings.Contains(md, "counted the same way") {
		t.Errorf("the signals do not say how people are counted:\n%s", md)
	}
}

// A hypothesis that names an activity matches themes about that activity: "Pen
// testing is valued" matched a theme "recognition" on its word "valued", and the
// report quoted notes on salaries as its evidence (a newcomer's finding).
func TestHypothesisAboutAnActivityMatchesThemesAboutIt(t *testing.T) {
	t.Parallel()
	sess := &session.Session{ID: "s1", Title: "Developers Berlin", Campaign: "c", Audience: session.AudienceDevelopers,
		Phase: session.PhaseClosed, Reached: session.PhaseClosed, CreatedAt: time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)}
	notes := []*session.Note{
		{ID: 1, ParticipantID: 1, Area: session.AreaActivities, Lane: "keep", Activity: "pen testing", Text: "keep the yearly pen test, it finds real bugs"},
		{ID: 2, ParticipantID: 2, Area: session.AreaActivities, Lane: "more", Activity: "pen testing", Text: "pen tests before every major release"},
		{ID: 3, ParticipantID: 3, Area: session.AreaMotivation, Lane: "demotivates", Text: "nobody notices or values the work when nothing bad happens"},
		{ID: 4, ParticipantID: 1, Area: session.AreaMotivation, Lane: "motivates", Text: "being valued and thanked by the CISO"},
		{ID: 5, ParticipantID: 2, Area: session.AreaMotivation, Lane: "demotivates", Text: "our security work is not valued in reviews"},
	}
	for _, n := range notes {
		n.SessionID = "s1"
	}
	d := &report.Data{Session: sess, Notes: notes, VoteTotals: map[int64]int{}, Writers: 3,
		Participants: []*session.Participant{{ID: 1, SessionID: "s1"}, {ID: 2, SessionID: "s1"}, {ID: 3, SessionID: "s1"}},
		Themes: []*session.Theme{
			{ID: 7, SessionID: "s1", Label: "pen testing", Named: true, NoteIDs: []int64{1, 2}},
			{ID: 8, SessionID: "s1", Label: "recognition", Named: true, NoteIDs: []int64{3, 4, 5}},
		}}
	ds := []*report.Data{d}
	f := report.BuildCampaign("c", ds)
	f.AddHypotheses([]*session.Hypothesis{{Number: 1, Campaign: "c", Text: "Pen testing is valued and should be kept"}}, ds)
	var labels []string
	for _, th := range f.Hypotheses[0].Themes {
		labels = append(labels, th.Label)
	}
	if !slices.Equal(labels, []string{"pen testing"}) {
		t.Errorf("the hypothesis on pen testing matches the themes %q", labels)
	}
}

// A theme named by a note's opening cut with "…" is headed, in a document, by that
// note whole: "### 9. being 'the security person' on top…" went to everyone.
func TestHeadingOfACutNameIsTheWholeNote(t *testing.T) {
	t.Parallel()
	d := quoteSession([3]string{"I do security stuff after hours because there is no time in the sprint", "nobody owns the patching of old servers", "patches wait for the next release"}, [3]int64{1, 2, 3})
	d.Themes[0].Label = "I do security stuff after hours…"
	for _, md := range []func() (string, error){
		func() (string, error) {
			var b strings.Builder
			err := report.Build(d).WriteMarkdown(&b)
			return b.String(), err
		},
		func() (string, error) {
			var b strings.Builder
			err := report.BuildCampaign("c", []*report.Data{d}).WriteMarkdown(&b)
			return b.String(), err
		},
	} {
		text, err := md()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(text, "### 1. I do security stuff after hours because there is no time in the sprint (score") {
			t.Errorf("the heading is not the whole note:\n%s", text)
		}
	}
}

// A theme whose notes were written under an activity is about it even when their
// words do not name it: "Pen testing is valued" matched no theme of a campaign
// whose theme "pen testing" held the notes written under pen testing, and the
// report listed that theme as not expected (a program lead's finding).
func TestHypothesisMatchesAThemeOfNotesWrittenUnderItsActivity(t *testing.T) {
	t.Parallel()
	sess := &session.Session{ID: "s1", Title: "Developers Berlin", Campaign: "c", Audience: session.AudienceDevelopers,
		Phase: session.PhaseClosed, Reached: session.PhaseClosed, CreatedAt: time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)}
	notes := []*session.Note{
		{ID: 1, ParticipantID: 1, Area: session.AreaActivities, Lane: "keep", Activity: "pen testing", Text: "the external team found the IDOR in the admin panel"},
		{ID: 2, ParticipantID: 2, Area: session.AreaActivities, Lane: "less", Activity: "pen testing", Text: "the yearly one on internal tools nobody can reach"},
		{ID: 3, ParticipantID: 3, Area: session.AreaMotivation, Lane: "demotivates", Text: "nobody notices the work when nothing bad happens"},
		{ID: 4, ParticipantID: 1, Area: session.AreaMotivation, Lane: "motivates", Text: "being thanked by the CISO"},
	}
	for _, n := range notes {
		n.SessionID = "s1"
	}
	d := &report.Data{Session: sess, Notes: notes, VoteTotals: map[int64]int{}, Writers: 3,
		Participants: []*session.Participant{{ID: 1, SessionID: "s1"}, {ID: 2, SessionID: "s1"}, {ID: 3, SessionID: "s1"}},
		Themes: []*session.Theme{
			{ID: 7, SessionID: "s1", Label: "pen testing", Named: true, NoteIDs: []int64{1, 2}},
			{ID: 8, SessionID: "s1", Label: "recognition", Named: true, NoteIDs: []int64{3, 4}},
		}}
	ds := []*report.Data{d}
	f := report.BuildCampaign("c", ds)
	f.AddHypotheses([]*session.Hypothesis{{Number: 1, Campaign: "c", Text: "Pen testing is valued"}}, ds)
	var labels []string
	for _, th := range f.Hypotheses[0].Themes {
		labels = append(labels, th.Label)
	}
	if !slices.Equal(labels, []string{"pen testing"}) {
		t.Errorf("the hypothesis on pen testing matches the themes %q", labels)
	}
	for _, u := range f.Unexpected {
		if u.Label == "pen testing" {
			t.Errorf("the theme pen testing is listed as not expected")
		}
	}
}

// A campaign held on one day says that day once: "Period: 2026-11-03 –
// 2026-11-03" read as a range, as the comparison with such a campaign did (the
// campaign overview already said the day once).
func TestPeriodOfOneDaySaysItOnce(t *testing.T) {
	t.Parallel()
	earlier := report.BuildCampaign("c 2025", []*report.Data{quoteSession([3]string{"patching is slow", "nobody owns patching", "patches wait"}, [3]int64{1, 2, 3})})
	f := report.BuildCampaign("c", []*report.Data{quoteSession([3]string{"patching is slow", "nobody owns patching", "patches wait"}, [3]int64{1, 2, 3})})
	f.Compare(earlier)
	var b strings.Builder
	if err := f.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{"- Period: 2026-11-03\n", "Compared with the campaign c 2025 (2026-11-03)."} {
		if !strings.Contains(md, want) {
			t.Errorf("missing %q in:\n%.1500s", want, md)
		}
	}
}

// A mean half way between two tenths rounds up, as a person checking it by hand
// does: ratings 5, 5, 4 and 3 (4.25) read "mean 4.2", as %.1f rounds an exact
// half to the even digit.
func TestMeanHalfWayRoundsUp(t *testing.T) {
	t.Parallel()
	d := quoteSession([3]string{"patching is slow", "nobody owns patching", "patches wait"}, [3]int64{1, 2, 3})
	d.Participants = append(d.Participants, &session.Participant{ID: 4, SessionID: "s1"})
	d.Ratings = []int{5, 5, 4, 3}
	for name, write := range map[string]func(*strings.Builder) error{
		"findings": func(b *strings.Builder) error { return report.Build(d).WriteMarkdown(b) },
		"campaign": func(b *strings.Builder) error { return report.BuildCampaign("c", []*report.Data{d}).WriteMarkdown(b) },
	} {
		var b strings.Builder
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		if md := b.String(); !strings.Contains(md, "mean 4.3") || strings.Contains(md, "4.2") {
			t.Errorf("%s: the mean of 5, 5, 4, 3 is not 4.3:\n%.1500s", name, md)
		}
	}
}
