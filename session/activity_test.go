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
