package tui

import (
	"strings"
	"testing"
)

// What is typed is offered as a proposal only when no item is it, in any case or
// spacing: the store joins such a proposal to the item, and the picker offered
// "propose “container  scanning”" for what was "Container Scanning" already.
func TestPickerProposesOnlyWhatNoItemIs(t *testing.T) {
	for _, tc := range []struct {
		typed   string
		propose bool
	}{
		{"container scanning", false},
		{"container  scanning", false},
		{"  Container Scanning ", false},
		{"CODE SCANNING", false},
		{"code  scanning", false},
		{"container", true},
		{"chaos days", true},
		{"container scanning tools", true},
	} {
		p := newPicker([]string{"code scanning", "dependency scanning"}, []string{"Container Scanning"}, "", "", "propose")
		p.filter = tc.typed
		proposed := false
		var labels []string
		for _, e := range p.entries() {
			proposed = proposed || e.proposed
			labels = append(labels, e.label)
		}
		if !tc.propose && len(labels) == 0 {
			t.Errorf("typed %q: nothing listed, neither the item it is nor a proposal", tc.typed)
		}
		if proposed != tc.propose {
			t.Errorf("typed %q: proposal offered %v, want %v (entries %s)", tc.typed, proposed, tc.propose, strings.Join(labels, " | "))
		}
	}
}
