package session_test

import (
	"testing"

	"github.com/charter-tool/charter/session"
)

// An audience reads as words in running text; its key is for commands and files.
func TestAudienceTitle(t *testing.T) {
	t.Parallel()
	want := map[session.Audience]string{
		session.AudienceSecurityEngineers: "security engineers",
		session.AudienceDevelopers:        "developers",
		session.AudienceServiceOwners:     "service owners",
		session.AudienceManagers:          "managers",
		session.AudienceMixed:             "mixed",
	}
	for _, a := range session.Audiences {
		if got := a.Title(); got != want[a] {
			t.Errorf("%s reads %q, want %q", a, got, want[a])
		}
	}
}
