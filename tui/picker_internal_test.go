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

// The picker opens on the activity chosen, in whatever case or spacing it is listed
// now: the reveal joins a proposal to the spelling other notes had.
func TestPickerSelectsTheChosenInItsListedSpelling(t *testing.T) {
	for _, current := range []string{"Container Scanning", "container scanning", "container  SCANNING"} {
		p := newPicker([]string{"code scanning", "dependency scanning"}, []string{"Container Scanning"}, current, "no activity chosen", "propose")
		es := p.entries()
		if got := es[p.cursor.selected()]; got.value != "Container Scanning" {
			t.Errorf("chosen %q: the picker opens on %q", current, got.label)
		}
	}
	p := newPicker([]string{"code scanning"}, nil, "", "no activity chosen", "propose")
	if got := p.entries()[p.cursor.selected()]; got.value != "" {
		t.Errorf("none chosen: the picker opens on %q, want the none entry", got.label)
	}
}

// A picker opened on its last entry says how many are above it, as it says how
// many follow when opened on its first.
func TestPickerSaysWhatIsAboveAndBelow(t *testing.T) {
	items := []string{"bug bounty", "code scanning", "dependency scanning", "pen testing", "security training", "threat modelling"}
	sty := buildStyles(colours256())
	p := newPicker(items, []string{"Container Scanning"}, "Container Scanning", "no activity chosen", "propose")
	if v := p.view(40, 4, sty); !strings.Contains(v, "above") || !strings.Contains(v, "▸ Container Scanning") {
		t.Errorf("opened on the last entry:\n%s", v)
	}
	p = newPicker(items, nil, "", "no activity chosen", "propose")
	if v := p.view(40, 4, sty); !strings.Contains(v, "more") || strings.Contains(v, "above") {
		t.Errorf("opened on the first entry:\n%s", v)
	}
	p = newPicker(items, nil, "pen testing", "no activity chosen", "propose")
	if v := p.view(40, 4, sty); !strings.Contains(v, "above") || !strings.Contains(v, "more") {
		t.Errorf("opened in the middle:\n%s", v)
	}
}
