package session_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

func TestSuggestThemesKeepsWhatTheFacilitatorArranged(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t,
		"pentest findings are never retested", "the pentest report came months late",
		"phishing simulations keep people alert", "a button to report phishing mails",
		"the coffee machine")
	ctx := context.Background()
	arranged := bd.themes(t, map[string][]int{"Pentest follow-up": {0, 1}, "Odd ones": {4}})
	// Notes that arrive after the facilitator arranged the themes.
	bd.phase(t, session.PhaseWrite)
	for _, text := range []string{"retest pentest fixes before we close them", "fake phishing mails every quarter"} {
		n, err := bd.svc.AddNote(ctx, bd.a.ID, session.Note{Area: session.AreaActivities, Lane: "more", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		bd.notes = append(bd.notes, n)
	}
	bd.phase(t, session.PhaseGroup)

	got, err := bd.svc.SuggestThemes(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < len(arranged) {
		t.Fatalf("suggested %d themes, want the %d arranged ones first", len(got), len(arranged))
	}
	for i, want := range arranged {
		if got[i].ID != want.ID || got[i].Label != want.Label {
			t.Errorf("theme %d = %d %q, want arranged %d %q", i, got[i].ID, got[i].Label, want.ID, want.Label)
		}
	}
	byLabel := map[string][]int64{}
	for _, th := range got {
		byLabel[th.Label] = th.NoteIDs
	}
	if want := bd.ids(0, 1, 5); !slices.Equal(byLabel["Pentest follow-up"], want) {
		t.Errorf("Pentest follow-up = %v, want %v: the late pentest note placed in it", byLabel["Pentest follow-up"], want)
	}
	if want := bd.ids(4); !slices.Equal(byLabel["Odd ones"], want) {
		t.Errorf("Odd ones = %v, want %v untouched", byLabel["Odd ones"], want)
	}
	var offered []int64
	for _, th := range got[len(arranged):] {
		if th.ID != 0 {
			t.Errorf("new theme %q has ID %d", th.Label, th.ID)
		}
		offered = append(offered, th.NoteIDs...)
	}
	slices.Sort(offered)
	if want := bd.ids(2, 3, 6); !slices.Equal(offered, want) {
		t.Errorf("offered as new: %v, want the phishing notes %v", offered, want)
	}
	// Accepting keeps the arranged themes: their IDs, names and notes.
	if err := bd.svc.SaveThemes(ctx, bd.sess.ID, got); err != nil {
		t.Fatal(err)
	}
	stored, err := bd.svc.Themes(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range arranged {
		if stored[i].ID != want.ID || stored[i].Label != want.Label {
			t.Errorf("after accepting, theme %d = %d %q, want %d %q", i, stored[i].ID, stored[i].Label, want.ID, want.Label)
		}
	}
}

// campaignSession opens a session of the campaign "Champions 2026" whose one
// participant wrote texts in the confidence lane given, and moves it to the
// group phase.
func campaignSession(t *testing.T, svc *session.Service, lane string, texts ...string) (*session.Session, []int64) {
	t.Helper()
	return sessionWithNotes(t, svc, "Champions 2026", session.AreaConfidence, lane, texts...)
}

// sessionWithNotes opens a session of campaign (none: "") whose one participant
// wrote texts in the area and lane given, and moves it to the group phase.
func sessionWithNotes(t *testing.T, svc *session.Service, campaign string, area session.Area, lane string, texts ...string) (*session.Session, []int64) {
	t.Helper()
	ctx := context.Background()
	s, err := svc.NewSession(ctx, session.Session{Title: "Champions", Audience: session.AudienceDevelopers, Campaign: campaign})
	if err != nil {
		t.Fatal(err)
	}
	p, err := svc.Join(ctx, s.ID, "hash-"+s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, s.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, text := range texts {
		n, err := svc.AddNote(ctx, p.ID, session.Note{Area: area, Lane: lane, Text: text})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, n.ID)
	}
	if _, err := svc.SetPhase(ctx, s.ID, session.PhaseGroup); err != nil {
		t.Fatal(err)
	}
	return s, ids
}

// namedSession is a campaignSession whose facilitator put all notes into one
// theme named label.
func namedSession(t *testing.T, svc *session.Service, label, lane string, texts ...string) *session.Session {
	t.Helper()
	s, ids := campaignSession(t, svc, lane, texts...)
	if err := svc.SaveThemes(context.Background(), s.ID, []session.Theme{{Label: label, Named: true, NoteIDs: ids}}); err != nil {
		t.Fatal(err)
	}
	return s
}

// suggestAfterLateNotes has a new participant of sess write texts as concerns
// after its themes were arranged, moves it to the group phase again and
// returns the themes suggested then, failing t when two share a name.
func suggestAfterLateNotes(t *testing.T, svc *session.Service, sess *session.Session, texts ...string) []session.Theme {
	t.Helper()
	ctx := context.Background()
	p, err := svc.Join(ctx, sess.ID, "late-"+sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	for _, text := range texts {
		if _, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaConfidence, Lane: "concern", Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseGroup); err != nil {
		t.Fatal(err)
	}
	got, err := svc.SuggestThemes(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	noNameTwice(t, got)
	return got
}

// noNameTwice fails t when two themes carry one name.
func noNameTwice(t *testing.T, themes []session.Theme) {
	t.Helper()
	seen := map[string]bool{}
	for _, th := range themes {
		name := strings.ToLower(strings.TrimSpace(th.Label)) // as the service compares names
		if seen[name] {
			t.Errorf("two suggested themes are named %q: %+v", th.Label, themes)
		}
		seen[name] = true
	}
}

func TestSuggestThemesReusesCampaignNames(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	svc.Notifier = &recorder{}
	ctx := context.Background()
	first := namedSession(t, svc, "Pentest follow-up", "concern", "pentest findings are never retested", "the pentest report came months late")
	second, _ := campaignSession(t, svc, "concern", "nobody retests after the pentest", "pentest results arrive too late to fix",
		"pentesters should explain the findings in a call")
	got, err := svc.SuggestThemes(ctx, second.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Label != "Pentest follow-up" {
		t.Errorf("suggestions = %+v, want one theme named Pentest follow-up as in the first session", got)
	}
	// The suggestion says whose name it is: not one made from these notes.
	if len(got) == 1 && got[0].NameFrom != first.Title {
		t.Errorf("the suggestion's name is said to come from %q, want %q", got[0].NameFrom, first.Title)
	}
}

// A name the facilitator gave strengths in one session is not offered for
// concerns about the same thing in the next (the demo offered "Incident drills
// pay off" for a concern note).
func TestSuggestThemesKeepsCampaignNamesToTheirSide(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	svc.Notifier = &recorder{}
	ctx := context.Background()
	namedSession(t, svc, "Incident drills pay off", "strength", "the incident drills made the real outage calm",
		"our tabletop incident drills found the runbook gaps")
	second, _ := campaignSession(t, svc, "concern", "incident drills are rare and the runbook is outdated",
		"nobody joins the tabletop incident drills")
	got, err := svc.SuggestThemes(ctx, second.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Fatal("no suggestions")
	}
	for _, th := range got {
		if th.Label == "Incident drills pay off" {
			t.Errorf("suggestion %+v carries the strengths' name over concern notes", th)
		}
	}
	// The same notes as strengths take the name: the side, not the wording, kept it off.
	third, _ := campaignSession(t, svc, "strength", "incident drills are rare and the runbook is outdated",
		"nobody joins the tabletop incident drills")
	got, err = svc.SuggestThemes(ctx, third.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Label != "Incident drills pay off" {
		t.Errorf("suggestions = %+v, want one theme named Incident drills pay off", got)
	}
}

// A campaign name is not offered for a new theme when a theme of the session
// already bears it (the demo's preview offered "new: Scanner noise drowns real
// findings" beside the accepted theme of that name).
func TestSuggestThemesOffersNoNameTwice(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	svc.Notifier = &recorder{}
	namedSession(t, svc, "Pentest follow-up", "concern", "pentest findings are never retested", "the pentest report came months late")
	second := namedSession(t, svc, "Pentest follow-up", "concern", "the coffee machine is broken again", "no coffee on the third floor")
	got := suggestAfterLateNotes(t, svc, second, "nobody retests after the pentest", "pentest results arrive too late to fix")
	if len(got) < 2 {
		t.Fatalf("suggestions = %+v, want the arranged theme and a new one for the pentest notes", got)
	}
}

// A preview the facilitator edited before sharing is kept as arranged themes are:
// its names and notes stay, a hidden note leaves it, one left empty comes back
// empty, later notes join the nearest and the notes near none are offered as new.
func TestSuggestThemesKeepingKeepsAnEditedPreview(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t,
		"pentest findings are never retested", "the pentest report came months late",
		"the coffee machine")
	ctx := context.Background()
	bd.phase(t, session.PhaseWrite)
	for _, text := range []string{"retest pentest fixes before we close them", "fake phishing mails every quarter"} {
		n, err := bd.svc.AddNote(ctx, bd.a.ID, session.Note{Area: session.AreaActivities, Lane: "more", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		bd.notes = append(bd.notes, n)
	}
	bd.phase(t, session.PhaseGroup)
	if err := bd.svc.HideNote(ctx, bd.notes[2].ID, true); err != nil {
		t.Fatal(err)
	}
	kept := []session.Theme{
		{Label: "Pentest follow-up", Named: true, NoteIDs: bd.ids(1, 0)},
		{Label: "Odd ones", NoteIDs: bd.ids(2)},
	}

	got, err := bd.svc.SuggestThemesKeeping(ctx, bd.sess.ID, kept)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("suggested %v, want the 2 kept and the phishing note offered as new", got)
	}
	if got[0].Label != "Pentest follow-up" || !got[0].Named || !slices.Equal(got[0].NoteIDs, bd.ids(0, 1, 3)) {
		t.Errorf("kept theme 1 = %+v, want its name and notes with the late pentest note", got[0])
	}
	if got[1].Label != "Odd ones" || len(got[1].NoteIDs) != 0 {
		t.Errorf("kept theme 2 = %+v, want it empty: its only note is hidden", got[1])
	}
	if !slices.Equal(got[2].NoteIDs, bd.ids(4)) || got[2].ID != 0 {
		t.Errorf("offered as new: %+v, want the phishing note", got[2])
	}
}
