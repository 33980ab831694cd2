package session_test

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// viewSession is a session of a campaign with 40 notes by 4 people, two themes, dots
// and action points, and a second session of the campaign with an action point.
func viewSession(t *testing.T) (*session.Service, *sqlite.DB, *session.Session, []*session.Participant) {
	t.Helper()
	ctx := context.Background()
	svc, db := MustOpenService(t)
	newIn := func(title string) *session.Session {
		s, err := svc.NewSession(ctx, session.Session{Title: title, Audience: session.AudienceDevelopers, Campaign: "Views"})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	other := newIn("Earlier")
	if _, err := svc.AddAction(ctx, session.ActionPoint{SessionID: other.ID, Title: "Train the champions"}); err != nil {
		t.Fatal(err)
	}
	sess := newIn("Now")
	var ps []*session.Participant
	for _, k := range []string{"a", "b", "c", "d"} {
		p, err := svc.Join(ctx, sess.ID, "key-"+k)
		if err != nil {
			t.Fatal(err)
		}
		if err := svc.Rate(ctx, p.ID, 3); err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	if err := svc.ShowRatings(ctx, sess.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i := range 40 {
		n, err := svc.AddNote(ctx, ps[i%4].ID, session.Note{Area: session.AreaActivities, Lane: "more", Text: "note about threat modelling " + string(rune('a'+i%26))})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, n.ID)
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseGroup); err != nil {
		t.Fatal(err)
	}
	if err := svc.SaveThemes(ctx, sess.ID, []session.Theme{{Label: "first", NoteIDs: ids[:25]}, {Label: "second", NoteIDs: ids[25:]}}); err != nil {
		t.Fatal(err)
	}
	themes, err := svc.Themes(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseVote); err != nil {
		t.Fatal(err)
	}
	for i, p := range ps {
		if err := svc.Vote(ctx, p.ID, themes[i%2].ID, 1); err != nil {
			t.Fatal(err)
		}
	}
	a, err := svc.AddAction(ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: themes[0].ID, Title: "Model threats"})
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Volunteer(ctx, ps[1].ID, a.ID, true); err != nil {
		t.Fatal(err)
	}
	return svc, db, sess, ps
}

// counted runs read and returns what it asked of the database.
func counted(t *testing.T, db *sqlite.DB, read func() error) sqlite.Stats {
	t.Helper()
	before := db.Stats()
	if err := read(); err != nil {
		t.Fatal(err)
	}
	after := db.Stats()
	return sqlite.Stats{
		Statements: after.Statements - before.Statements,
		Outside:    after.Outside - before.Outside,
		ReadTxs:    after.ReadTxs - before.ReadTxs,
		WriteTxs:   after.WriteTxs - before.WriteTxs,
	}
}

// Each screen's view is read in one read transaction (one moment of the session) with
// a few queries, whatever the phase: a board reload used to take 17 queries, each on
// its own, and a participant's screen in the vote phase more than 20.
func TestViewsAreOneSnapshot(t *testing.T) {
	svc, db, sess, ps := viewSession(t)
	ctx := context.Background()
	for _, ph := range []session.Phase{session.PhaseWrite, session.PhaseGroup, session.PhaseVote, session.PhaseActions, session.PhaseClosed} {
		if _, err := svc.SetPhase(ctx, sess.ID, ph); err != nil {
			t.Fatal(err)
		}
		t.Run("board in "+string(ph), func(t *testing.T) {
			var v *session.BoardView
			got := counted(t, db, func() (err error) {
				v, err = svc.BoardView(ctx, sess.ID)
				return err
			})
			// session, participants, their ratings, the shown ratings, notes,
			// notes per person; themes (2), votes, actions (2)
			want := sqlite.Stats{Statements: 6, ReadTxs: 1}
			if ph.AtLeast(session.PhaseGroup) {
				want.Statements = 11
			}
			if got != want {
				t.Errorf("board view asked %+v, want %+v", got, want)
			}
			if len(v.Notes) != 40 || len(v.People) != 4 {
				t.Errorf("board view has %d notes, %d people", len(v.Notes), len(v.People))
			}
		})
		t.Run("participant in "+string(ph), func(t *testing.T) {
			got := counted(t, db, func() error {
				_, err := svc.ParticipantView(ctx, ps[0].ID)
				return err
			})
			// participant and session, notes, the shown ratings; themes (2), votes;
			// from the actions phase on the dots as given too (to tell a voter a
			// lone change is not counted); participants and their ratings,
			// actions (2); closed: the campaign's
			// sessions and for the other session its session, actions (2) and
			// participants.
			bound := map[session.Phase]int64{session.PhaseWrite: 4, session.PhaseGroup: 6, session.PhaseVote: 7,
				session.PhaseActions: 11, session.PhaseClosed: 16}[ph]
			if got.ReadTxs != 1 || got.WriteTxs != 0 || got.Outside != 0 || got.Statements > bound {
				t.Errorf("participant view asked %+v, want one read transaction of at most %d statements", got, bound)
			}
		})
	}
}

// A view holds what the separate service calls return.
func TestViewsMatchTheServiceCalls(t *testing.T) {
	svc, _, sess, ps := viewSession(t)
	ctx := context.Background()
	check := func(what string, got, want any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: view has %v, service call %v", what, got, want)
		}
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseActions); err != nil {
		t.Fatal(err)
	}
	// One participant removed: their dots and volunteering still count.
	if err := svc.RemoveParticipant(ctx, ps[1].ID); err != nil {
		t.Fatal(err)
	}
	bv, err := svc.BoardView(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	themes, err := svc.Themes(ctx, sess.ID)
	check("themes", bv.Themes, themes, err)
	totals, err := svc.VoteTotals(ctx, sess.ID)
	check("totals", bv.Totals, totals, err)
	actions, err := svc.Actions(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	var onBoard []*session.ActionPoint
	for _, a := range actions {
		// The board gets volunteers' names only, never which participants they are.
		c := *a
		c.VolunteerIDs = nil
		onBoard = append(onBoard, &c)
	}
	check("actions", bv.Actions, onBoard, nil)
	ranked, err := svc.Priorities(ctx, sess.ID)
	check("ranking", bv.Ranked, ranked, err)

	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseClosed); err != nil {
		t.Fatal(err)
	}
	pv, err := svc.ParticipantView(ctx, ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	notes, err := svc.NotesFor(ctx, ps[0].ID)
	check("notes", pv.Notes, notes, err)
	ratings, err := svc.Ratings(ctx, sess.ID)
	check("ratings", pv.Ratings, ratings, err)
	check("participant totals", pv.Totals, totals, nil)
	check("participant ranking", pv.Ranked, ranked, nil)
	var mine []*session.ActionPoint
	for _, a := range actions {
		// A participant learns of the participants behind the volunteers only
		// whether they are one.
		c := *a
		c.VolunteerIDs = nil
		if slices.Contains(a.VolunteerIDs, ps[0].ID) {
			c.VolunteerIDs = []int64{ps[0].ID}
		}
		mine = append(mine, &c)
	}
	check("participant actions", pv.Actions, mine, nil)
	others, acts, err := svc.CampaignActions(ctx, sess.ID)
	check("campaign", pv.Campaign, others, err)
	check("campaign actions", pv.CampaignActions, acts, nil)
	if len(others) != 1 {
		t.Errorf("campaign has %d other sessions with action points, want 1", len(others))
	}

	if _, err := svc.ParticipantView(ctx, ps[1].ID); session.ErrorCode(err) != session.EForbidden {
		t.Errorf("removed participant's view: %v, want forbidden", err)
	}
}

// The board brings its view up to date after a release by reading only the new
// batches: what it gets is what a whole read gives at that moment (the notes in the
// same order, the same counts), in one read transaction of at most two statements.
func TestBoardViewAfterReleaseIsTheBoardView(t *testing.T) {
	svc, db := MustOpenService(t)
	ctx := context.Background()
	sess := mustSession(t, svc)
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	var ps []*session.Participant
	for _, k := range []string{"a", "b", "c"} {
		p, err := svc.Join(ctx, sess.ID, "key-"+k)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	var held *session.Note
	write := func(p int, text string) func() {
		return func() {
			n, err := svc.AddNote(ctx, ps[p].ID, session.Note{Area: session.AreaConfidence, Lane: "concern", Text: text})
			if err != nil {
				t.Fatal(err)
			}
			held = n
		}
	}
	steps := []struct {
		what string
		do   func()
		// full: a change other than a release (ChangeNotes), after which the board
		// reads the whole view.
		full bool
	}{
		{"nothing happens", func() {}, false},
		{"a writes alone", write(0, "zz held back"), false},
		{"a writes again", write(0, "mm still held"), false},
		{"b writes", write(1, "aa first by content"), false},
		{"b writes alone", write(1, "kk held by b"), false},
		{"b deletes the held note", func() {
			if err := svc.DeleteNote(ctx, ps[1].ID, held.ID); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"c writes", write(2, "bb c's first"), false},
		{"a and c write", func() { write(0, "cc a again")(); write(2, "dd c again")() }, false},
	}
	prev, err := svc.BoardView(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range steps {
		st.do()
		want, err := svc.BoardView(ctx, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		if st.full {
			prev = want
			continue
		}
		before := slices.Clone(prev.Notes)
		var got *session.BoardView
		stats := counted(t, db, func() (err error) {
			got, err = svc.BoardViewAfterRelease(ctx, prev)
			return err
		})
		if stats.ReadTxs != 1 || stats.Outside != 0 || stats.Statements > 2 {
			t.Errorf("%s: the board's update asked %+v, want one read transaction of at most 2 statements", st.what, stats)
		}
		if !reflect.DeepEqual(got.Notes, want.Notes) || !reflect.DeepEqual(got.Written, want.Written) || got.Batch != want.Batch {
			t.Errorf("%s: after the release the board has\n%s, counts %v, batch %d; a whole read has\n%s, counts %v, batch %d",
				st.what, texts(got.Notes), got.Written, got.Batch, texts(want.Notes), want.Written, want.Batch)
		}
		if !reflect.DeepEqual(prev.Notes, before) {
			t.Errorf("%s: the update changed the view it started from", st.what)
		}
		prev = got
	}
	// b's held note, deleted before the board showed it, counts for nobody and
	// released nothing; c's last note waits for a second writer.
	if len(prev.Notes) != 5 || prev.Written[ps[1].ID] != 1 {
		t.Errorf("in the end the board shows %s with counts %v, want 5 notes and b's deleted held one not counted", texts(prev.Notes), prev.Written)
	}
}

func texts(notes []*session.Note) []string {
	var out []string
	for _, n := range notes {
		out = append(out, n.Text)
	}
	return out
}

// A new note is checked (the participant, the session's phase, the note's fields) in
// the transaction that stores it: nothing read on its own before it, where a removal
// or a phase change could come between the check and the note.
func TestAddNoteChecksInTheTransactionThatStoresIt(t *testing.T) {
	ctx := context.Background()
	svc, db := MustOpenService(t)
	sess, err := svc.NewSession(ctx, session.Session{Title: "Checked", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	p, err := svc.Join(ctx, sess.ID, "key-a")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	var n *session.Note
	got := counted(t, db, func() (err error) {
		n, err = svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaConfidence, Lane: "strength", Text: "we patch fast"})
		return err
	})
	if got.Outside != 0 || got.WriteTxs != 1 || got.ReadTxs != 0 {
		t.Errorf("adding a note asked %+v, want one write transaction and nothing outside it", got)
	}
	if n.SessionID != sess.ID || n.ParticipantID != p.ID || n.CreatedAt.IsZero() {
		t.Errorf("stored note %+v lacks its session, writer or time", n)
	}

	// Refused in that transaction, with the rule's own message, and nothing stored.
	if err := svc.RemoveParticipant(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	got = counted(t, db, func() error {
		_, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaConfidence, Lane: "strength", Text: "after removal"})
		if err == nil || !strings.Contains(err.Error(), "removed you") {
			t.Errorf("a removed participant's note: got %v, want the removal's message", err)
		}
		return nil
	})
	if got.Outside != 0 {
		t.Errorf("a refused note asked %+v, want nothing outside the transaction", got)
	}
	notes, err := db.Notes(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 1 {
		t.Errorf("%d notes stored, want the one before the removal", len(notes))
	}
}
