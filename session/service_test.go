package session_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charter-tool/charter/internal/testdb"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// MustOpenService opens a real SQLite file in a temporary directory, migrated (a copy
// of one migrated database, see testdb).
func MustOpenService(t *testing.T) (*session.Service, *sqlite.DB) {
	t.Helper()
	db := testdb.Open(t)
	return session.NewService(db, nil), db
}

func mustSession(t *testing.T, svc *session.Service) *session.Session {
	t.Helper()
	s, err := svc.NewSession(context.Background(), session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestNewSessionValidates(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	tests := []struct {
		name string
		in   session.Session
		code string
	}{
		{"ok", session.Session{Title: "Sec eng Lisbon", Audience: session.AudienceSecurityEngineers, Mode: session.ModeOnline}, ""},
		{"no title", session.Session{Title: " \x1b[2J", Audience: session.AudienceDevelopers}, session.EInvalid},
		{"bad audience", session.Session{Title: "x", Audience: "aliens"}, session.EInvalid},
		{"bad mode", session.Session{Title: "x", Audience: session.AudienceDevelopers, Mode: "carrier-pigeon"}, session.EInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := svc.NewSession(ctx, tt.in)
			if got := session.ErrorCode(err); got != tt.code {
				t.Fatalf("code = %q, want %q (%v)", got, tt.code, err)
			}
			if err == nil {
				if len(s.Code) != 8 || s.Phase != session.PhaseLobby {
					t.Errorf("new session = %+v", s)
				}
				found, err := svc.FindByCode(ctx, " "+s.Code[:4]+"-"+s.Code[4:]+" ")
				if err != nil || found.ID != s.ID {
					t.Errorf("FindByCode = %v, %v", found, err)
				}
			}
		})
	}
	if _, err := svc.FindByCode(ctx, "NAPE-NAPE"); session.ErrorCode(err) != session.ENotFound {
		t.Errorf("wrong code: %v", err)
	}
}

func TestNotesArePrivateUntilReveal(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	s := mustSession(t, svc)
	a, _ := svc.Join(ctx, s.ID, "hash-a")
	b, _ := svc.Join(ctx, s.ID, "hash-b")

	if _, err := svc.AddNote(ctx, a.ID, session.Note{Area: session.AreaMotivation, Lane: "demotivates", Text: "deadlines always win"}); session.ErrorCode(err) != session.EForbidden {
		t.Fatalf("note in lobby: %v", err)
	}
	if _, err := svc.SetPhase(ctx, s.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	n, err := svc.AddNote(ctx, a.ID, session.Note{Area: session.AreaMotivation, Lane: "demotivates", Text: "deadlines always win"})
	if err != nil {
		t.Fatal(err)
	}
	seen := func(p *session.Participant) []*session.Note {
		t.Helper()
		ns, err := svc.NotesFor(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		return ns
	}
	if got := seen(b); len(got) != 0 {
		t.Fatalf("before reveal B sees %d notes", len(got))
	}
	if got := seen(a); len(got) != 1 || got[0].ParticipantID != a.ID {
		t.Fatalf("A sees own notes: %+v", got)
	}
	if _, err := svc.EditNote(ctx, b.ID, session.Note{ID: n.ID, Text: "hijack"}); session.ErrorCode(err) != session.EForbidden {
		t.Fatalf("B edits A's note: %v", err)
	}
	if _, err := svc.SetPhase(ctx, s.ID, session.PhaseReveal); err != nil {
		t.Fatal(err)
	}
	got := seen(b)
	if len(got) != 1 || got[0].Text != "deadlines always win" || got[0].ParticipantID != 0 {
		t.Fatalf("after reveal B sees %+v", got)
	}
	if err := svc.HideNote(ctx, n.ID, true); err != nil {
		t.Fatal(err)
	}
	if got := seen(b); len(got) != 0 {
		t.Fatalf("B sees a hidden note")
	}
}

func TestReconnectKeepsIdentity(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	s := mustSession(t, svc)
	p, _ := svc.Join(ctx, s.ID, "hash-a")
	if err := svc.Rate(ctx, p.ID, 4); err != nil {
		t.Fatal(err)
	}
	again, returning, err := svc.Rejoin(ctx, s.ID, "hash-a")
	if err != nil || again.ID != p.ID || again.Rating != 4 || !returning {
		t.Fatalf("rejoin = %+v, %v, returning %v", again, err, returning)
	}
	if _, returning, _ := svc.Rejoin(ctx, s.ID, "hash-new"); returning {
		t.Fatal("a new key counted as returning")
	}
	other, _ := svc.Join(ctx, s.ID, "hash-b")
	if other.ID == p.ID || other.Pseudonym == p.Pseudonym {
		t.Fatalf("different key got same participant: %+v", other)
	}
	anon1, _ := svc.Join(ctx, s.ID, "")
	anon2, _ := svc.Join(ctx, s.ID, "")
	if anon1.ID == anon2.ID {
		t.Fatal("two keyless connections are one participant")
	}
	if err := svc.RemoveParticipant(ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Join(ctx, s.ID, "hash-b"); session.ErrorCode(err) != session.EForbidden {
		t.Fatalf("removed participant rejoined: %v", err)
	}
}

func TestRatingRange(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	s := mustSession(t, svc)
	p, _ := svc.Join(ctx, s.ID, "k")
	for _, r := range []int{0, 6, -1} {
		if err := svc.Rate(ctx, p.ID, r); session.ErrorCode(err) != session.EInvalid {
			t.Errorf("rating %d: %v", r, err)
		}
	}
}

func TestTimer(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	svc.Now = func() time.Time { return now }
	s := mustSession(t, svc)
	s, _ = svc.ChangeTimer(ctx, s.ID, session.TimerSet, 10*time.Minute)
	s, _ = svc.ChangeTimer(ctx, s.ID, session.TimerStart, 0)
	now = now.Add(4 * time.Minute)
	if got := s.Timer.Remaining(now); got != 6*time.Minute {
		t.Fatalf("remaining after 4m = %v", got)
	}
	s, _ = svc.ChangeTimer(ctx, s.ID, session.TimerPause, 0)
	now = now.Add(time.Hour)
	s, _ = svc.ChangeTimer(ctx, s.ID, session.TimerExtend, 2*time.Minute)
	if got := s.Timer.Remaining(now); got != 8*time.Minute {
		t.Fatalf("paused+extended = %v", got)
	}
	stored, _ := svc.Session(ctx, s.ID)
	if stored.Timer.Remaining(now) != 8*time.Minute || stored.Timer.Running {
		t.Fatalf("stored timer = %+v", stored.Timer)
	}
	s, _ = svc.ChangeTimer(ctx, s.ID, session.TimerStart, 0)
	if got := s.Timer.Remaining(now.Add(20 * time.Minute)); got != 0 {
		t.Fatalf("past zero = %v", got)
	}
}

func TestProfile(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	s := mustSession(t, svc)
	p, _ := svc.Join(ctx, s.ID, "k")
	if err := svc.SetNameAndProfile(ctx, p, "", session.Profile{Level: "diamond"}); session.ErrorCode(err) != session.EInvalid {
		t.Fatalf("unknown level: %v", err)
	}
	want := session.Profile{Tenure: "1-3y", Appointment: "volunteered", Level: "gold"}
	if err := svc.SetNameAndProfile(ctx, p, "", want); err != nil {
		t.Fatal(err)
	}
	got, _ := svc.StoreForTest().Participant(ctx, p.ID)
	if got.Profile != want || got.Name != "" {
		t.Fatalf("stored %+v", got)
	}
}

func TestClosedSessionAdmitsOnlyThoseWhoTookPart(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	s := mustSession(t, svc)
	was, err := svc.Join(ctx, s.ID, "key-was-there")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, s.ID, session.PhaseClosed); err != nil {
		t.Fatal(err)
	}
	if p, err := svc.Join(ctx, s.ID, "key-was-there"); err != nil || p.ID != was.ID {
		t.Fatalf("a returning key: %+v, %v", p, err)
	}
	for key, want := range map[string]string{
		"key-new": "connect with the SSH key you used then",
		"":        "without an SSH key cannot be recognised",
	} {
		_, err := svc.Join(ctx, s.ID, key)
		if session.ErrorCode(err) != session.EForbidden || !strings.Contains(session.ErrorMessage(err), want) {
			t.Errorf("key %q joining a closed session: %v; want a refusal saying %q", key, err, want)
		}
	}
	if ps, _ := svc.StoreForTest().Participants(ctx, s.ID); len(ps) != 1 {
		t.Errorf("%d participants, want only the one who took part", len(ps))
	}
}

func TestRenamedThemesAreNamed(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	s := mustSession(t, svc)
	p, _ := svc.Join(ctx, s.ID, "k")
	if _, err := svc.SetPhase(ctx, s.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	n, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaConfidence, Lane: "concern", Text: "night alerts"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, s.ID, session.PhaseGroup); err != nil {
		t.Fatal(err)
	}
	if err := svc.SaveThemes(ctx, s.ID, []session.Theme{{Label: "alerts, night", NoteIDs: []int64{n.ID}}}); err != nil {
		t.Fatal(err)
	}
	ts, _ := svc.Themes(ctx, s.ID)
	if len(ts) != 1 || ts[0].Named {
		t.Fatalf("accepted suggestion %+v is marked as named", ts)
	}
	if err := svc.RenameTheme(ctx, ts[0].ID, "alerts, night"); err != nil { // enter on the prompt as it was
		t.Fatal(err)
	}
	if ts, _ = svc.Themes(ctx, s.ID); ts[0].Named {
		t.Fatal("a label kept as it was is marked as named")
	}
	if err := svc.RenameTheme(ctx, ts[0].ID, "On-call burden"); err != nil {
		t.Fatal(err)
	}
	ts, _ = svc.Themes(ctx, s.ID)
	if len(ts) != 1 || !ts[0].Named || ts[0].Label != "On-call burden" {
		t.Fatalf("renamed theme %+v is not marked as named", ts)
	}
}

// Setting a name from an old copy of the participant keeps what changed meanwhile:
// a removed participant stays removed.
func TestSetNameKeepsRemoval(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	s := mustSession(t, svc)
	p, err := svc.Join(ctx, s.ID, "k")
	if err != nil {
		t.Fatal(err)
	}
	old := *p
	if err := svc.RemoveParticipant(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if err := svc.SetName(ctx, &old, "Ana"); session.ErrorCode(err) != session.EForbidden {
		t.Fatalf("naming a removed participant: %v, want refused", err)
	}
	got, _ := svc.StoreForTest().Participant(ctx, p.ID)
	if !got.Removed || got.Name != "" {
		t.Fatalf("participant %+v: the removal was undone or the name set", got)
	}
}

// A note is refused, with the reason, to a participant the facilitator removed,
// to an unknown participant and outside the phases that take notes.
func TestAddNoteChecksTheWriterAndThePhase(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	s, people := writingSession(t, svc, 2)
	a, b := people[0], people[1]
	if err := svc.RemoveParticipant(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	note := session.Note{Area: session.AreaConfidence, Lane: "strength", Text: "pairing on reviews"}
	if _, err := svc.AddNote(ctx, b.ID, note); session.ErrorCode(err) != session.EForbidden || !strings.Contains(session.ErrorMessage(err), "removed") {
		t.Errorf("note by a removed participant: %v, want forbidden, removed", err)
	}
	if _, err := svc.AddNote(ctx, b.ID+100, note); session.ErrorCode(err) != session.ENotFound {
		t.Errorf("note by an unknown participant: %v, want not found", err)
	}
	if _, err := svc.AddNote(ctx, a.ID, note); err != nil {
		t.Fatalf("note in the write phase: %v", err)
	}
	if _, err := svc.SetPhase(ctx, s.ID, session.PhaseGroup); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddNote(ctx, a.ID, note); session.ErrorCode(err) != session.EForbidden {
		t.Errorf("note in the group phase: %v, want forbidden", err)
	}
}

// MoveAndGroup moves the session and saves the suggested themes in one step: the
// themes are made from the notes as the move shows them (a note that waited for a
// second writer included), and a session with themes is refused.
func TestMoveAndGroupIsOneStep(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	s := mustSession(t, svc)
	var ids []int64
	for i, key := range []string{"a", "b"} {
		p, err := svc.Join(ctx, s.ID, key)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if _, err := svc.SetPhase(ctx, s.ID, session.PhaseWrite); err != nil {
				t.Fatal(err)
			}
		}
		n, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaMotivation, Lane: "motivates", Text: "note of " + key})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, n.ID)
	}
	moved, themes, err := svc.MoveAndGroup(ctx, s.ID, session.PhaseGroup)
	if err != nil || moved.Phase != session.PhaseGroup {
		t.Fatalf("MoveAndGroup: %v, %v", moved, err)
	}
	stored, err := svc.Themes(ctx, s.ID)
	if err != nil || len(stored) != len(themes) {
		t.Fatalf("themes %+v, %v; MoveAndGroup said %+v", stored, err, themes)
	}
	var in []int64
	for _, th := range stored {
		in = append(in, th.NoteIDs...)
	}
	slices.Sort(in)
	if !slices.Equal(in, ids) {
		t.Errorf("the themes hold notes %v, want every note %v", in, ids)
	}
	if _, _, err := svc.MoveAndGroup(ctx, s.ID, ""); session.ErrorCode(err) != session.EConflict {
		t.Errorf("grouping a session with themes: %v, want a conflict", err)
	}
	empty := mustSession(t, svc)
	if _, _, err := svc.MoveAndGroup(ctx, empty.ID, session.PhaseGroup); session.ErrorCode(err) != session.EInvalid {
		t.Errorf("grouping a session without notes: %v, want invalid", err)
	}
	if got, err := svc.Session(ctx, empty.ID); err != nil || got.Phase != session.PhaseLobby {
		t.Errorf("a session refused for want of notes moved to %v (%v), want it left in the lobby", got.Phase, err)
	}
}
