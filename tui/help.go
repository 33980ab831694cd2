package tui

import (
	"strconv"
	"strings"
	"sync"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// helpView renders a screen's key help in as many lines as the width needs (at most
// helpLines): keys are listed most important first, each line holds what fits, and
// no key is cut off at 80 columns. Screens redraw it on every message, and lipgloss
// rendering is a large part of the server's CPU: it is kept by width and keys, for
// every screen drawn with the same styles (helpStore).
func (e *env) helpView(keys []key.Binding) string {
	var k strings.Builder
	k.WriteString(strconv.Itoa(e.w))
	for _, b := range keys {
		if b.Enabled() {
			k.WriteString("\x00" + b.Help().Key + "\x01" + b.Help().Desc)
		}
	}
	return e.sty.help.get(k.String(), func(m help.Model) string { return renderHelp(m, keys, e.w) })
}

// helpLines bounds the key help; on a terminal too narrow for that, the least
// important keys are left off.
const helpLines = 3

// renderHelp renders keys with m as helpView shows them, w wide.
func renderHelp(m help.Model, keys []key.Binding, w int) string {
	m.Width = 0
	var lines []string
	var line []key.Binding
	for _, b := range keys {
		if !b.Enabled() {
			continue
		}
		if len(line) > 0 && lipgloss.Width(m.ShortHelpView(append(line, b))) > w {
			lines = append(lines, m.ShortHelpView(line))
			line = nil
			if len(lines) == helpLines {
				break
			}
		}
		line = append(line, b)
	}
	if len(line) > 0 && len(lines) < helpLines {
		lines = append(lines, fit(m.ShortHelpView(line), w))
	}
	return strings.Join(lines, "\n")
}

// helpStore is the key help rendered with one Styles, by width and keys, shared by
// every screen drawn with them: one help model and a bounded set of lines for all
// connections, not one each.
type helpStore struct {
	mu    sync.Mutex
	model help.Model
	lines map[string]string
}

// maxHelp bounds a helpStore: the app has a few dozen key sets, times the widths
// of the terminals connected.
const maxHelp = 1024

// get returns the help kept under k, rendered with the store's model unless kept.
func (h *helpStore) get(k string, render func(help.Model) string) string {
	h.mu.Lock()
	v, ok := h.lines[k]
	m := h.model
	h.mu.Unlock()
	if ok {
		return v
	}
	v = render(m)
	h.mu.Lock()
	if h.lines == nil || len(h.lines) >= maxHelp {
		h.lines = map[string]string{}
	}
	h.lines[k] = v
	h.mu.Unlock()
	return v
}
