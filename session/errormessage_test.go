package session_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

// An internal error is shown as "Something went wrong" and is one to log; a
// canceled one (its connection ended, nobody is told) is shown alike but is none to
// log; a domain error is shown as it is.
func TestErrorMessageAndWhatIsInternal(t *testing.T) {
	disk := errors.New("disk I/O error")
	for _, tc := range []struct {
		name     string
		err      error
		message  string
		internal bool
	}{
		{"internal", fmt.Errorf("add note: %w", disk), "Something went wrong", true},
		{"canceled", fmt.Errorf("list sessions: %w", context.Canceled), "Something went wrong", false},
		{"domain", session.Errorf(session.EInvalid, "Type a title."), "Type a title.", false},
		{"none", nil, "", false},
	} {
		if got := session.ErrorMessage(tc.err); !strings.HasPrefix(got, tc.message) || tc.message == "" && got != "" {
			t.Errorf("%s: ErrorMessage = %q, want %q...", tc.name, got, tc.message)
		}
		if got := session.Internal(tc.err); got != tc.internal {
			t.Errorf("%s: Internal = %v, want %v", tc.name, got, tc.internal)
		}
		var told []error
		if got := session.Tell(tc.err, func(err error) { told = append(told, err) }); got != session.ErrorMessage(tc.err) {
			t.Errorf("%s: Tell = %q, want ErrorMessage's %q", tc.name, got, session.ErrorMessage(tc.err))
		}
		if want := map[bool]int{true: 1, false: 0}[tc.internal]; len(told) != want {
			t.Errorf("%s: Tell handed on %d errors, want %d", tc.name, len(told), want)
		}
	}
}
