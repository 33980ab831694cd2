package session_test

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/charter-tool/charter/session"
)

func TestThemeShowingRule(t *testing.T) {
	t.Parallel()
	note := func(id int64, text string, hidden bool) *session.Note {
		return &session.Note{ID: id, ParticipantID: id, Area: session.AreaActivities, Lane: "more", Text: text, Hidden: hidden}
	}
	notes := []*session.Note{
		note(1, "Alert red text and clear", true),
		note(2, "incident drills twice a year", false),
		note(3, "more incident drills please", false),
		note(4, "pen testing before release", true),
		note(5, "pen testing finds real bugs", false),
	}
	tests := []struct {
		name  string
		theme session.Theme
		shown bool
		why   string
		label string
		notes []int64
	}{
		{"all notes hidden", session.Theme{ID: 1, Label: "Alert red text and", NoteIDs: []int64{1}}, false, session.WhyAllHidden, "", nil},
		{"no notes", session.Theme{ID: 2, Label: "empty", Named: true}, false, session.WhyEmpty, "", nil},
		{"visible notes only", session.Theme{ID: 3, Label: "incident drills", NoteIDs: []int64{1, 2, 3}}, true, "", "incident drills", []int64{2, 3}},
		{"auto name from a hidden note is replaced", session.Theme{ID: 4, Label: "Alert red text (concern)", NoteIDs: []int64{1, 2, 3}}, true, "",
			"incident drills twice a year", []int64{2, 3}},
		{"a name the facilitator typed stays", session.Theme{ID: 5, Label: "Alert red text", Named: true, NoteIDs: []int64{1, 2}}, true, "",
			"Alert red text", []int64{2}},
		{"words a visible note says too stay", session.Theme{ID: 6, Label: "pen testing", NoteIDs: []int64{4, 5}}, true, "", "pen testing", []int64{5}},
		{"a told-apart phrase from a hidden note is replaced", session.Theme{ID: 7, Label: "incident drills: alert red text (concern)", NoteIDs: []int64{1, 2, 3}}, true, "",
			"incident drills twice a year", []int64{2, 3}},
		{"a cut phrase from a hidden note is replaced", session.Theme{ID: 8, Label: "pen testing: before rele…", NoteIDs: []int64{4, 5}}, true, "",
			"pen testing finds real bugs", []int64{5}},
		{"a told-apart phrase visible notes say stays", session.Theme{ID: 9, Label: "pen testing: finds real bugs", NoteIDs: []int64{4, 5}}, true, "",
			"pen testing: finds real bugs", []int64{5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sh := session.ThemeShowing([]*session.Theme{&tt.theme}, notes)[tt.theme.ID]
			if sh.Shown != tt.shown || sh.Why != tt.why || !slices.Equal(sh.Notes, tt.notes) {
				t.Fatalf("showing = %+v, want shown %v why %q notes %v", sh, tt.shown, tt.why, tt.notes)
			}
			if tt.shown && sh.Label != tt.label {
				t.Errorf("label = %q, want %q", sh.Label, tt.label)
			}
			shown := session.ShownThemes([]*session.Theme{&tt.theme}, notes)
			if len(shown) != map[bool]int{true: 1}[tt.shown] {
				t.Fatalf("ShownThemes = %d themes, want shown %v", len(shown), tt.shown)
			}
			ranked := session.RankThemes([]*session.Theme{&tt.theme}, notes, map[int64]int{tt.theme.ID: 1}, 3)
			if len(ranked) != len(shown) {
				t.Errorf("RankThemes ranks %d, ShownThemes shows %d", len(ranked), len(shown))
			}
		})
	}
}

// A theme whose last visible note the facilitator hides leaves every participant's
// view and the ranking, even with an action point, takes no dots, and the dots on it
// go back to their voters.
func TestHidingLastNoteWithdrawsTheme(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t, "Alert red text and clear", "incident drills", "more drills")
	ctx := context.Background()
	bd.phase(t, session.PhaseGroup)
	th := bd.themes(t, map[string][]int{"Alert red text and": {0}, "drills": {1, 2}})
	alert, drills := th[0], th[1]
	bd.phase(t, session.PhaseVote)
	for _, id := range []int64{alert.ID, drills.ID} {
		if err := bd.svc.Vote(ctx, bd.b.ID, id, 1); err != nil {
			t.Fatal(err)
		}
	}
	if err := bd.svc.HideNote(ctx, bd.notes[0].ID, true); err != nil {
		t.Fatal(err)
	}
	if bd.rec.last()&session.ChangeThemes == 0 {
		t.Errorf("published %v, want ChangeThemes with the dots given back", bd.rec.last())
	}
	mine, err := bd.svc.MyVotes(ctx, bd.b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[int64]int{drills.ID: 1}; !maps.Equal(mine, want) {
		t.Errorf("dots after hiding = %v, want %v (the dot on the hidden theme back)", mine, want)
	}
	err = bd.svc.Vote(ctx, bd.b.ID, alert.ID, 1)
	if session.ErrorCode(err) != session.EInvalid {
		t.Errorf("a dot on the withdrawn theme: %v, want EInvalid", err)
	}
	for _, id := range []int64{bd.a.ID, bd.b.ID} {
		v, err := bd.svc.ParticipantView(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(v.Themes) != 1 || v.Themes[0].ID != drills.ID {
			t.Errorf("participant %d sees themes %v, want only the drills", id, labels(v.Themes))
		}
		room, err := bd.svc.RoomView(ctx, bd.sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		rv, _, err := room.For(id)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(labels(rv.Themes), labels(v.Themes)) {
			t.Errorf("room view themes %v, participant view %v", labels(rv.Themes), labels(v.Themes))
		}
	}
	bd.phase(t, session.PhaseActions)
	if _, err := bd.svc.AddAction(ctx, session.ActionPoint{SessionID: bd.sess.ID, ThemeID: alert.ID, Title: "look into alerts", Priority: session.PriorityHigh}); err != nil {
		t.Fatal(err)
	}
	board, err := bd.svc.BoardView(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sh := board.Showing[alert.ID]; sh.Shown || sh.Why != session.WhyAllHidden {
		t.Errorf("board showing of the hidden theme = %+v, want not shown, all notes hidden", sh)
	}
	if len(board.Ranked) != 1 || board.Ranked[0].ID != drills.ID {
		t.Errorf("board ranks %v, want only the drills", board.Ranked)
	}
	v, err := bd.svc.ParticipantView(ctx, bd.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Ranked) != 1 || len(v.Actions) != 1 || v.Actions[0].ThemeID != 0 {
		t.Errorf("participant ranks %v, actions %+v: want the drills, the action point without a theme", v.Ranked, v.Actions)
	}
}

// Moving a theme's last visible note out gives its dots back too.
func TestMovingLastNoteOutGivesDotsBack(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t, "one", "two")
	ctx := context.Background()
	bd.phase(t, session.PhaseGroup)
	th := bd.themes(t, map[string][]int{"a": {0}, "b": {1}})
	bd.phase(t, session.PhaseVote)
	if err := bd.svc.Vote(ctx, bd.a.ID, th[0].ID, 2); err == nil {
		t.Fatal("a vote of 2 dots at once was taken")
	}
	if err := bd.svc.Vote(ctx, bd.a.ID, th[0].ID, 1); err != nil {
		t.Fatal(err)
	}
	if err := bd.svc.MoveNote(ctx, bd.notes[0].ID, th[1].ID); err != nil {
		t.Fatal(err)
	}
	mine, err := bd.svc.MyVotes(ctx, bd.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(mine) != 0 {
		t.Errorf("dots on the emptied theme = %v, want none", mine)
	}
}

func labels(ts []*session.Theme) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Label)
	}
	return out
}
