package server

import (
	"testing"
	"time"
)

// The SSH connection outlasts the screen's idle disconnect, so that the screen says
// why it closes before the connection goes, by a margin a loaded server's late idle
// check fits in.
func TestSSHIdleTimeoutOutlastsTheScreens(t *testing.T) {
	for _, tc := range []struct{ idle, want time.Duration }{
		{0, 0},
		{time.Second, 2 * time.Second},
		{2 * time.Second, 3 * time.Second},
		{30 * time.Minute, 31 * time.Minute},
	} {
		if got := sshIdleTimeout(tc.idle); got != tc.want {
			t.Errorf("sshIdleTimeout(%v) = %v, want %v", tc.idle, got, tc.want)
		}
	}
}
