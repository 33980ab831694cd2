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
