package session_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

// The newcomer's trial: an anonymous participant who wrote notes volunteers under a
// name. The name shows on the action point and in the findings, and nowhere as the
// participant's: not among the board's people, not with the volunteering's
// participant, not in the findings' participation.
func TestVolunteerNameStaysOnTheActionPoint(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t, "more pen tests before release", "pen test findings come too late", "deadlines always win")
	ctx := context.Background()
	const name = "Sam (sam@example.org)"
	bd.phase(t, session.PhaseActions)
	a, err := bd.svc.AddAction(ctx, session.ActionPoint{SessionID: bd.sess.ID, Title: "Pair on threat models"})
	if err != nil {
		t.Fatal(err)
	}
	if err := bd.svc.VolunteerAs(ctx, bd.a.ID, a.ID, "  "+name+"\x1b[2J "); err != nil {
		t.Fatal(err)
	}

	v, err := bd.svc.BoardView(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range v.People {
		if strings.Contains(p.DisplayName(), "Sam") {
			t.Errorf("the board lists %s as %q", p.Pseudonym, p.DisplayName())
		}
	}
	if len(v.Actions) != 1 || !slices.Equal(v.Actions[0].Volunteers, []string{name}) {
		t.Fatalf("the board's action points: %+v, want %q volunteering", v.Actions, name)
	}
	if ids := v.Actions[0].VolunteerIDs; ids != nil {
		t.Errorf("the board gets which participants volunteered: %v", ids)
	}

	// The participant is still anonymous, and sees that they volunteered.
	pv, err := bd.svc.ParticipantView(ctx, bd.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if pv.Me.Name != "" || !slices.Contains(pv.Actions[0].VolunteerIDs, bd.a.ID) {
		t.Errorf("after volunteering: name %q, volunteers %v", pv.Me.Name, pv.Actions[0].VolunteerIDs)
	}

	// The findings name the volunteer on the action point only.
	bd.phase(t, session.PhaseClosed)
	d, err := bd.svc.ReportData(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Actions[0].Volunteers, []string{name}) {
		t.Errorf("the findings' volunteers: %v, want %q", d.Actions[0].Volunteers, name)
	}
	for _, p := range d.Participants {
		if p.Name != "" {
			t.Errorf("the findings' data name %s %q", p.Pseudonym, p.Name)
		}
	}
}

// A name too long for a name is refused with a message, and nothing is stored.
func TestVolunteerNameIsValidated(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t, "one", "two")
	ctx := context.Background()
	bd.phase(t, session.PhaseActions)
	a, err := bd.svc.AddAction(ctx, session.ActionPoint{SessionID: bd.sess.ID, Title: "Pair on threat models"})
	if err != nil {
		t.Fatal(err)
	}
	err = bd.svc.VolunteerAs(ctx, bd.a.ID, a.ID, strings.Repeat("x", session.MaxNameLen+1))
	if session.ErrorCode(err) != session.EInvalid {
		t.Fatalf("a name too long: %v, want invalid", err)
	}
	list, err := bd.svc.Actions(ctx, bd.sess.ID)
	if err != nil || len(list[0].Volunteers) != 0 {
		t.Fatalf("after a refused name: %+v, %v", list[0].Volunteers, err)
	}
}

// Each participant's screen learns, of the participants behind an action point's
// volunteers, only whether it is one: another participant's view, read alone or from
// the room every screen shares, cannot tie "Sam" to the one who volunteered.
func TestVolunteerIsKnownOnlyToThemself(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t, "more pen tests before release", "pen test findings come too late", "deadlines always win")
	ctx := context.Background()
	bd.phase(t, session.PhaseActions)
	a, err := bd.svc.AddAction(ctx, session.ActionPoint{SessionID: bd.sess.ID, Title: "Pair on threat models"})
	if err != nil {
		t.Fatal(err)
	}
	if err := bd.svc.VolunteerAs(ctx, bd.a.ID, a.ID, "Sam"); err != nil {
		t.Fatal(err)
	}
	room, err := bd.svc.RoomView(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		who  *session.Participant
		want []int64
	}{{bd.a, []int64{bd.a.ID}}, {bd.b, nil}} {
		alone, err := bd.svc.ParticipantView(ctx, c.who.ID)
		if err != nil {
			t.Fatal(err)
		}
		shared, ok, err := room.For(c.who.ID)
		if err != nil || !ok {
			t.Fatalf("room view of %s: %v, %v", c.who.Pseudonym, ok, err)
		}
		for name, v := range map[string]*session.ParticipantView{"alone": alone, "from the room": shared} {
			if len(v.Actions) != 1 || !slices.Equal(v.Actions[0].Volunteers, []string{"Sam"}) || !slices.Equal(v.Actions[0].VolunteerIDs, c.want) {
				t.Errorf("%s's view %s: volunteers %v behind %v, want Sam behind %v", c.who.Pseudonym, name, v.Actions[0].Volunteers, v.Actions[0].VolunteerIDs, c.want)
			}
		}
	}
}
