package session_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/charter-tool/charter/session"
)

// An internal error is shown as "Something went wrong" and seen by the hooks; a
// canceled one (its connection ended, nobody is told) is not seen; a domain error is
// shown as it is.
func TestErrorMessageTellsTheHooksOfFailuresOnly(t *testing.T) {
	disk := errors.New("disk I/O error: the failure of this test")
	canceled := fmt.Errorf("list sessions of this test: %w", context.Canceled)
	var mu sync.Mutex
	var seen []error
	remove := session.OnInternalError(func(err error) {
		if errors.Is(err, disk) || errors.Is(err, canceled) {
			mu.Lock()
			seen = append(seen, err)
			mu.Unlock()
		}
	})
	defer remove()

	if got := session.ErrorMessage(disk); !strings.HasPrefix(got, "Something went wrong") {
		t.Errorf("ErrorMessage(internal) = %q", got)
	}
	if got := session.ErrorMessage(canceled); !strings.HasPrefix(got, "Something went wrong") {
		t.Errorf("ErrorMessage(canceled) = %q", got)
	}
	if got := session.ErrorMessage(session.Errorf(session.EInvalid, "Type a title.")); got != "Type a title." {
		t.Errorf("ErrorMessage(domain) = %q", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 1 || !errors.Is(seen[0], disk) {
		t.Fatalf("the hook saw %v, want only the disk error", seen)
	}
}
