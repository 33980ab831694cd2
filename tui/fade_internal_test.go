package tui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// A status fades with its own fade message, not with one of an earlier status; an
// error does not fade.
func TestStatusFades(t *testing.T) {
	defer func(d time.Duration) { statusFor = d }(statusFor)
	statusFor = 0
	var f fading
	status, isErr := "", false
	set := func(text string, e bool) tea.Cmd {
		_, cmd := fadeStatus(&f, &status, &isErr, "key", func(tea.Msg) (screen, tea.Cmd) {
			status, isErr = text, e
			return nil, nil
		})
		return cmd
	}
	first := set("Activities updated.", false)
	if first == nil {
		t.Fatal("a new status schedules no fading")
	}
	oldFade := first()
	second := set("Timer started.", false)
	fadeStatus(&f, &status, &isErr, oldFade, nil)
	if status != "Timer started." {
		t.Fatalf("the first status's fade removed the second: %q", status)
	}
	fadeStatus(&f, &status, &isErr, second(), nil)
	if status != "" {
		t.Fatalf("status %q did not fade", status)
	}
	if cmd := set("Type minutes like 10.", true); cmd != nil {
		t.Error("an error is set to fade")
	}
}
