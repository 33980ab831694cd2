package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// helpView renders a screen's key help in as many lines as the width needs (at most
// helpLines): keys are listed most important first, each line holds what fits, and
// no key is cut off at 80 columns. Screens redraw it on every message, and lipgloss
// rendering is a large part of the server's CPU: it is kept by width and keys among
// the lines of every screen drawn with the same styles (lineStore).
func (e *env) helpView(keys []key.Binding) string {
	// The key of the cached line, written piece by piece: drawn with every frame,
	// a string joined for each key was a help line's worth of garbage a frame.
	var k strings.Builder
	k.Grow(16 * len(keys))
	k.WriteString(strconv.Itoa(e.w))
	for _, b := range keys {
		if b.Enabled() {
			h := b.Help()
			k.WriteByte(0)
			k.WriteString(h.Key)
			k.WriteByte(1)
			k.WriteString(h.Desc)
		}
	}
	return e.sty.lines.line(lineKey{kind: lineHelp, text: k.String()}, func() string { return renderHelp(e.sty.helpModel, keys, e.w) })
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
