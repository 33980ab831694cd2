package session_test

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/charter-tool/charter/session"
)

// Notes under one long open topic make two themes, both named by the topic's title
// and told apart by a phrase after it. The names fit what a theme's name may be,
// stay apart, and accepting them (A on the board) works: it used to fail with "A
// theme's name can be at most 60 characters", so that nothing could be accepted.
func TestSuggestThemesNamesFitAThemesName(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	topic := "What we would change about how our teams handle security"
	s, _ := sessionWithNotes(t, svc, "", session.AreaOpen, topic,
		"pentest findings are never retested after the fix", "the pentest report arrives months late", "pentest scope is decided without us",
		"phishing drills feel like a trap", "phishing mails from the drills look fake", "a phishing report button in the mail client")
	got, err := svc.SuggestThemes(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 2 {
		t.Fatalf("suggestions %+v, want the pentest and the phishing notes apart", got)
	}
	for _, th := range got {
		if n := utf8.RuneCountInString(th.Label); n > session.MaxTopicLen {
			t.Errorf("suggested name %q has %d characters, more than %d", th.Label, n, session.MaxTopicLen)
		}
	}
	noNameTwice(t, got)
	if err := svc.SaveThemes(ctx, s.ID, got); err != nil {
		t.Fatalf("accepting the suggestions: %v", err)
	}
}
