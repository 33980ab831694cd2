package session_test

import (
	"context"
	"testing"

	"github.com/charter-tool/charter/session"
)

// Two people raise one topic, each their own way: while they write, each note keeps
// the title its writer typed; from the reveal on, the topic has one title, the
// spelling most of its notes have, and other topics keep theirs.
func TestTopicsSpelledAlikeBecomeOneAtTheReveal(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	ctx := context.Background()
	s, err := svc.NewSession(ctx, session.Session{Title: "Developers", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, s.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	var people []*session.Participant
	for _, key := range []string{"hash-a", "hash-b", "hash-c"} {
		p, err := svc.Join(ctx, s.ID, key)
		if err != nil {
			t.Fatal(err)
		}
		people = append(people, p)
	}
	written := []struct {
		by         int
		lane, text string
	}{
		{0, "ai coding assistants", "nobody reviews what the assistant suggests"},
		{1, "AI coding assistants", "the assistant leaks our code to the vendor?"},
		{2, "AI Coding Assistants", "we need rules for pasting secrets"},
		{1, "AI coding assistants", "licence questions nobody can answer"},
		{2, "Supply chain", "nobody knows what the base images hold"},
	}
	ids := map[string]int64{}
	for _, w := range written {
		n, err := svc.AddNote(ctx, people[w.by].ID, session.Note{Area: session.AreaOpen, Lane: w.lane, Text: w.text})
		if err != nil {
			t.Fatal(err)
		}
		ids[w.text] = n.ID
	}
	lanes := func() map[string]string {
		ns, err := db.Notes(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, n := range ns {
			out[n.Text] = n.Lane
		}
		return out
	}
	for _, w := range written {
		if got := lanes()[w.text]; got != w.lane {
			t.Errorf("while writing, %q is under %q, want %q as its writer typed it", w.text, got, w.lane)
		}
	}
	if _, err := svc.SetPhase(ctx, s.ID, session.PhaseReveal); err != nil {
		t.Fatal(err)
	}
	got := lanes()
	for _, w := range written {
		want := "AI coding assistants"
		if w.lane == "Supply chain" {
			want = "Supply chain"
		}
		if got[w.text] != want {
			t.Errorf("after the reveal, %q is under %q, want %q", w.text, got[w.text], want)
		}
	}
	// A note written in the reveal under the topic spelled another way joins it.
	if _, err := svc.AddNote(ctx, people[0].ID, session.Note{Area: session.AreaOpen, Lane: "AI CODING ASSISTANTS", Text: "who approves the assistant?"}); err != nil {
		t.Fatal(err)
	}
	if got := lanes()["who approves the assistant?"]; got != "AI coding assistants" {
		t.Errorf("a note written in the reveal is under %q, want the topic's title AI coding assistants", got)
	}
}

// An activity people propose in their own case or spacing ("Container Scanning",
// "container scanning") is one activity from the reveal on, spelled as most of its
// notes spell it; one of the session's list typed in another case is the listed
// one at once (the list is everyone's). While people write, a proposed activity
// keeps the spelling its writer typed: changed, it would tell them someone else
// proposed it.
func TestActivitiesSpelledAlikeBecomeOneAtTheReveal(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	ctx := context.Background()
	s, people := writingSession(t, svc, 5)
	written := []struct{ activity, text, writing, revealed string }{
		{"Container Scanning", "scan the images in CI", "Container Scanning", "container scanning"},
		{"container  scanning", "the registry scan finds too much", "container scanning", "container scanning"},
		{"container scanning", "keep scanning base images", "container scanning", "container scanning"},
		{"THREAT MODELLING", "keep the design sessions", "threat modelling", "threat modelling"},
		{"Fuzzing", "more fuzzing of parsers", "Fuzzing", "Fuzzing"},
	}
	for i, w := range written {
		if _, err := svc.AddNote(ctx, people[i].ID, session.Note{Area: session.AreaActivities, Lane: "keep", Activity: w.activity, Text: w.text}); err != nil {
			t.Fatal(err)
		}
	}
	activities := func() map[string]string {
		ns, err := db.Notes(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, n := range ns {
			out[n.Text] = n.Activity
		}
		return out
	}
	got := activities()
	for _, w := range written {
		if got[w.text] != w.writing {
			t.Errorf("while writing, %q is under %q, want %q", w.text, got[w.text], w.writing)
		}
	}
	if _, err := svc.SetPhase(ctx, s.ID, session.PhaseReveal); err != nil {
		t.Fatal(err)
	}
	got = activities()
	for _, w := range written {
		if got[w.text] != w.revealed {
			t.Errorf("after the reveal, %q is under %q, want %q", w.text, got[w.text], w.revealed)
		}
	}
}

// In the reveal everyone sees the activities proposed: one proposed again in
// another case is the one already there at once, as a topic raised again is (it
// stood apart, as a second activity on every screen and in a findings export,
// until the next move of the phase).
func TestAnActivityProposedAgainInTheRevealIsTheOneThere(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	ctx := context.Background()
	s, people := writingSession(t, svc, 2)
	if _, err := svc.AddNote(ctx, people[0].ID, session.Note{Area: session.AreaActivities, Lane: "keep", Activity: "Container Scanning", Text: "scan the images in CI"}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, s.ID, session.PhaseReveal); err != nil {
		t.Fatal(err)
	}
	n, err := svc.AddNote(ctx, people[1].ID, session.Note{Area: session.AreaActivities, Lane: "add", Activity: "container  SCANNING", Text: "scan the registry too"})
	if err != nil {
		t.Fatal(err)
	}
	if n.Activity != "Container Scanning" {
		t.Errorf("a note written in the reveal is under %q, want the activity there, Container Scanning", n.Activity)
	}
	ns, err := db.Notes(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ns {
		if m.Activity != "Container Scanning" {
			t.Errorf("%q is stored under %q", m.Text, m.Activity)
		}
	}
}

// An activity proposed in the reveal with a on a note already written is the one
// other notes propose in another case, as on a new note: it stood apart, a second
// activity on every screen and in the findings, until the next move of the phase.
func TestAnActivityChosenForANoteInTheRevealIsTheOneThere(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	ctx := context.Background()
	s, people := writingSession(t, svc, 2)
	if _, err := svc.AddNote(ctx, people[0].ID, session.Note{Area: session.AreaActivities, Lane: "keep", Activity: "Container Scanning", Text: "scan the images in CI"}); err != nil {
		t.Fatal(err)
	}
	n, err := svc.AddNote(ctx, people[1].ID, session.Note{Area: session.AreaActivities, Lane: "add", Text: "scan the registry too"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, s.ID, session.PhaseReveal); err != nil {
		t.Fatal(err)
	}
	placed, err := svc.PlaceOwnNote(ctx, people[1].ID, n.ID, session.AreaActivities, "add", "container  SCANNING")
	if err != nil {
		t.Fatal(err)
	}
	if placed.Activity != "Container Scanning" {
		t.Errorf("the note's activity chosen in the reveal is %q, want the activity there, Container Scanning", placed.Activity)
	}
	ns, err := db.Notes(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ns {
		if m.Activity != "Container Scanning" {
			t.Errorf("%q is stored under %q", m.Text, m.Activity)
		}
	}
}

// The facilitator's refile of a note onto an activity participants proposed, typed
// in another case, puts it under the spelling their notes have, from the reveal on
// when everyone sees them, as a participant's new note or a does: it stood apart,
// a second activity on every screen and in the findings. Before the reveal the
// spelling typed stays: taking a participant's would show the refiled note's writer
// that someone proposed it.
func TestRefileOntoAProposedActivityTakesItsSpelling(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		phase session.Phase
		want  string
	}{
		{session.PhaseWrite, "container SCANNING"},
		{session.PhaseReveal, "Container Scanning"},
		{session.PhaseGroup, "Container Scanning"},
	} {
		t.Run(string(tc.phase), func(t *testing.T) {
			t.Parallel()
			svc, db := MustOpenService(t)
			ctx := context.Background()
			s, people := writingSession(t, svc, 2)
			if _, err := svc.AddNote(ctx, people[0].ID, session.Note{Area: session.AreaActivities, Lane: "keep", Activity: "Container Scanning", Text: "scan the images in CI"}); err != nil {
				t.Fatal(err)
			}
			n, err := svc.AddNote(ctx, people[1].ID, session.Note{Area: session.AreaMotivation, Lane: "demotivates", Text: "the registry scan finds too much"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := svc.SetPhase(ctx, s.ID, tc.phase); err != nil {
				t.Fatal(err)
			}
			_, now, err := svc.RefileNote(ctx, n.ID, session.AreaActivities, "less", "container  SCANNING")
			if err != nil {
				t.Fatal(err)
			}
			stored, err := db.Note(ctx, n.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, got := range []*session.Note{now, stored} {
				if got.Activity != tc.want {
					t.Errorf("the refiled note is under %q, want %q", got.Activity, tc.want)
				}
			}
		})
	}
}

// A note edited onto an activity of the list in another case takes the list's
// spelling, as a new note does.
func TestEditedNoteTakesTheListedActivity(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	_, people := writingSession(t, svc, 1)
	p := people[0]
	n, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaActivities, Lane: "keep", Activity: "pen testing", Text: "keep the yearly test"})
	if err != nil {
		t.Fatal(err)
	}
	n.Activity = "Threat  MODELLING"
	got, err := svc.EditNote(ctx, p.ID, *n)
	if err != nil {
		t.Fatal(err)
	}
	if got.Activity != "threat modelling" {
		t.Errorf("edited onto %q, want the list's %q", got.Activity, "threat modelling")
	}
}
