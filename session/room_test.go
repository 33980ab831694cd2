package session_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/charter-tool/charter/session"
)

// TestRoomViewIsEachParticipantsView checks, in every phase, that the shared room
// read gives each participant exactly what their own ParticipantView read gives:
// their own notes with their author, others' notes without, hidden ones only to
// their author, their own dots, and a removed participant refused.
func TestRoomViewIsEachParticipantsView(t *testing.T) {
	ctx := context.Background()
	svc, _, sess, ps := viewSession(t)
	mine, err := svc.ParticipantView(ctx, ps[2].ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.HideNote(ctx, mine.Notes[0].ID, true); err != nil {
		t.Fatal(err)
	}
	if err := svc.RemoveParticipant(ctx, ps[3].ID); err != nil {
		t.Fatal(err)
	}
	for _, ph := range session.Phases {
		t.Run(string(ph), func(t *testing.T) {
			if _, err := svc.SetPhase(ctx, sess.ID, ph); err != nil {
				t.Fatal(err)
			}
			room, err := svc.RoomView(ctx, sess.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range ps {
				want, wantErr := svc.ParticipantView(ctx, p.ID)
				got, ok, err := room.For(p.ID)
				if !ok {
					t.Fatalf("participant %d is not in the room", p.ID)
				}
				if session.ErrorCode(err) != session.ErrorCode(wantErr) {
					t.Fatalf("participant %d: error %v, want %v", p.ID, err, wantErr)
				}
				if wantErr != nil {
					continue
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("participant %d: the room gives\n%+v\nwant\n%+v", p.ID, got, want)
				}
			}
		})
	}
	room, err := svc.RoomView(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := room.For(ps[3].ID + 100); ok {
		t.Error("a participant who joined after the read is in the room")
	}
}

// A change of dots made after a reopen that stayed alone is told to its voter the
// same way whichever read their screen takes: the room's or their own.
func TestRoomViewTellsALoneChangeAsTheViewDoes(t *testing.T) {
	ctx := context.Background()
	svc, _, sess, ps := viewSession(t)
	set := func(ph session.Phase) {
		t.Helper()
		if _, err := svc.SetPhase(ctx, sess.ID, ph); err != nil {
			t.Fatal(err)
		}
	}
	set(session.PhaseGroup)
	set(session.PhaseVote)
	ths, err := svc.Themes(ctx, sess.ID)
	if err != nil || len(ths) == 0 {
		t.Fatalf("themes %v, %v", ths, err)
	}
	// A dot more on some theme that takes one (the session has dots given already).
	vote := func(p *session.Participant) {
		t.Helper()
		for _, th := range ths {
			if svc.Vote(ctx, p.ID, th.ID, 1) == nil {
				return
			}
		}
		t.Fatalf("participant %d could give no dot", p.ID)
	}
	vote(ps[0])
	vote(ps[1])
	set(session.PhaseActions)
	set(session.PhaseVote)
	vote(ps[0])
	set(session.PhaseActions)
	room, err := svc.RoomView(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range ps[:2] {
		want, err := svc.ParticipantView(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := room.For(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.MyChangeNotCounted != want.MyChangeNotCounted || want.MyChangeNotCounted != (i == 0) {
			t.Errorf("participant %d: room says %v, own view %v, want %v", i, got.MyChangeNotCounted, want.MyChangeNotCounted, i == 0)
		}
	}
}
