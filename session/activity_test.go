package session_test

import (
	"context"
	"testing"

	"github.com/charter-tool/charter/session"
)

// A note written about a security activity with none chosen is filed under the one
// of the session's list its text names, stored so: the board, the findings and
// the hypotheses read one activity. A chosen activity stands, a note naming two or
// none stays about none, and notes of other areas name no activity.
func TestNoteFiledUnderTheActivityItNames(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	ctx := context.Background()
	_, people := writingSession(t, svc, 1)
	for _, tc := range []struct {
		name string
		note session.Note
		want string
	}{
		{"none chosen, one named", session.Note{Area: session.AreaActivities, Lane: "keep", Text: "pen testing is valuable, keep it"}, "pen testing"},
		{"none chosen, bracketed name", session.Note{Area: session.AreaActivities, Lane: "less", Text: "SAST findings are mostly noise"}, "code scanning (SAST)"},
		{"chosen, another named", session.Note{Area: session.AreaActivities, Lane: "add", Activity: "bug bounty", Text: "a bounty would find what pen testing misses"}, "bug bounty"},
		{"chosen, proposed", session.Note{Area: session.AreaActivities, Lane: "add", Activity: "Chaos days", Text: "like pen testing, for operations"}, "Chaos days"},
		{"none chosen, two named", session.Note{Area: session.AreaActivities, Lane: "more", Text: "pen testing finds what code scanning misses"}, ""},
		{"none chosen, none named", session.Note{Area: session.AreaActivities, Lane: "more", Text: "more time for security work"}, ""},
		{"another area", session.Note{Area: session.AreaMotivation, Lane: "motivates", Text: "pen testing results show real impact"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			saved, err := svc.AddNote(ctx, people[0].ID, tc.note)
			if err != nil {
				t.Fatal(err)
			}
			if saved.Activity != tc.want {
				t.Errorf("saved about %q, want %q", saved.Activity, tc.want)
			}
			stored, err := db.Note(ctx, saved.ID)
			if err != nil {
				t.Fatal(err)
			}
			if stored.Activity != tc.want {
				t.Errorf("stored about %q, want %q", stored.Activity, tc.want)
			}
		})
	}
}

// An edit of a note filed under the activity its words name files it again by its
// new words, as a new note would be: "pen testing" changed to "threat modelling"
// stayed under pen testing, where the findings counted it. An activity chosen,
// by its writer (also the one the words named) or by the facilitator, stays
// whatever the words say, and a move to another lane keeps how it came.
func TestEditFilesANoteAgainByItsNewWords(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	ctx := context.Background()
	_, people := writingSession(t, svc, 1)
	p := people[0].ID
	for _, tc := range []struct {
		name     string
		note     session.Note
		between  func(n *session.Note) error // what happens to the note before the edit
		edit     string
		want     string
		wantFile bool
	}{
		{name: "filed, another named", note: session.Note{Lane: "keep", Text: "pen testing is valuable, keep it"},
			edit: "threat modelling is valuable, keep it", want: "threat modelling", wantFile: true},
		{name: "filed, two named", note: session.Note{Lane: "keep", Text: "pen testing is valuable, keep it"},
			edit: "pen testing and bug bounty are valuable", want: "", wantFile: true},
		{name: "filed, none named", note: session.Note{Lane: "keep", Text: "pen testing is valuable, keep it"},
			edit: "it is valuable, keep it", want: "", wantFile: true},
		{name: "none named, then one", note: session.Note{Lane: "more", Text: "more time for security work"},
			edit: "more time for threat modelling", want: "threat modelling", wantFile: true},
		{name: "chosen", note: session.Note{Lane: "add", Activity: "bug bounty", Text: "a bounty finds what pen testing misses"},
			edit: "a bounty finds what threat modelling misses", want: "bug bounty"},
		{name: "filed, moved to another lane", note: session.Note{Lane: "keep", Text: "pen testing is valuable"},
			between: func(n *session.Note) error {
				_, err := svc.PlaceOwnNote(ctx, p, n.ID, session.AreaActivities, "more", n.Activity)
				return err
			},
			edit: "threat modelling is valuable", want: "threat modelling", wantFile: true},
		{name: "filed, then chosen as named", note: session.Note{Lane: "keep", Text: "pen testing is valuable"},
			between: func(n *session.Note) error {
				_, err := svc.ChooseOwnActivity(ctx, p, n.ID, "pen testing")
				return err
			},
			edit: "pen testing, and threat modelling before it", want: "pen testing"},
		{name: "filed, then chosen none", note: session.Note{Lane: "keep", Text: "pen testing is valuable"},
			between: func(n *session.Note) error {
				_, err := svc.ChooseOwnActivity(ctx, p, n.ID, "")
				return err
			},
			edit: "threat modelling is valuable", want: ""},
		{name: "filed, then refiled by the facilitator", note: session.Note{Lane: "keep", Text: "pen testing is valuable"},
			between: func(n *session.Note) error {
				_, _, err := svc.RefileNote(ctx, n.ID, session.AreaActivities, "keep", "security training")
				return err
			},
			edit: "threat modelling is valuable", want: "security training"},
		{name: "filed, refiled and undone", note: session.Note{Lane: "keep", Text: "pen testing is valuable"},
			between: func(n *session.Note) error {
				was, now, err := svc.RefileNote(ctx, n.ID, session.AreaActivities, "keep", "security training")
				if err != nil {
					return err
				}
				return svc.UndoRefile(ctx, was, now, nil)
			},
			edit: "threat modelling is valuable", want: "threat modelling", wantFile: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.note.Area = session.AreaActivities
			n, err := svc.AddNote(ctx, p, tc.note)
			if err != nil {
				t.Fatal(err)
			}
			if tc.between != nil {
				if err := tc.between(n); err != nil {
					t.Fatal(err)
				}
				if n, err = db.Note(ctx, n.ID); err != nil {
					t.Fatal(err)
				}
			}
			// As the participant's screen sends it: the note's lane and activity
			// as it shows them, the new words.
			edited, err := svc.EditNote(ctx, p, session.Note{ID: n.ID, Area: n.Area, Lane: n.Lane, Activity: n.Activity, Text: tc.edit})
			if err != nil {
				t.Fatal(err)
			}
			stored, err := db.Note(ctx, n.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, got := range []*session.Note{edited, stored} {
				if got.Activity != tc.want || got.ActivityFiled != tc.wantFile || got.Text != tc.edit {
					t.Errorf("after the edit %q is about %q (filed %v), want %q (filed %v)", got.Text, got.Activity, got.ActivityFiled, tc.want, tc.wantFile)
				}
			}
		})
	}
}

// The facilitator's rename of an activity keeps the notes filed under it where it
// put them: a note whose words name the old name only ("training" for security
// training renamed "secure coding workshops") is the renamed activity's from then
// on, as a refile makes it, and an edit of its words keeps it there (filed again
// by the new list, it went under none). A note whose words name the new name too
// (a rename of its case) stays filed by its words, and an edit naming another
// activity files it there, as before the rename.
func TestRenameKeepsTheNotesFiledUnderTheActivity(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	ctx := context.Background()
	sess, people := writingSession(t, svc, 1)
	p := people[0].ID
	for _, tc := range []struct {
		name     string
		text     string
		from, to string
		edit     string
		want     string
		wantFile bool
	}{
		{name: "words name the old name only", text: "training is boring", from: "security training", to: "secure coding workshops",
			edit: "training is boring and long", want: "secure coding workshops"},
		{name: "words name the new name too", text: "pen testing is valuable", from: "pen testing", to: "Pen Testing",
			edit: "threat modelling is valuable", want: "threat modelling", wantFile: true},
		{name: "words name the new name, edit keeps it", text: "bug bounty finds a lot", from: "bug bounty", to: "Bug Bounty",
			edit: "bug bounty finds a lot, keep it", want: "Bug Bounty", wantFile: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := svc.AddNote(ctx, p, session.Note{Area: session.AreaActivities, Lane: "keep", Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			if n.Activity != tc.from || !n.ActivityFiled {
				t.Fatalf("%q was filed under %q (filed %v), want %q", n.Text, n.Activity, n.ActivityFiled, tc.from)
			}
			if err := svc.RenameActivity(ctx, sess.ID, tc.from, tc.to); err != nil {
				t.Fatal(err)
			}
			if n, err = db.Note(ctx, n.ID); err != nil {
				t.Fatal(err)
			}
			if n.Activity != tc.to {
				t.Fatalf("after the rename %q is under %q, want %q", n.Text, n.Activity, tc.to)
			}
			edited, err := svc.EditNote(ctx, p, session.Note{ID: n.ID, Area: n.Area, Lane: n.Lane, Activity: n.Activity, Text: tc.edit})
			if err != nil {
				t.Fatal(err)
			}
			stored, err := db.Note(ctx, n.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, got := range []*session.Note{edited, stored} {
				if got.Activity != tc.want || got.ActivityFiled != tc.wantFile {
					t.Errorf("after the edit %q is about %q (filed %v), want %q (filed %v)", got.Text, got.Activity, got.ActivityFiled, tc.want, tc.wantFile)
				}
			}
		})
	}
}
