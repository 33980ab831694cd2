package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// matches is key.Matches for the keys of text being written, which make a string
// of the key for every binding asked about: for text typed or pasted several
// characters at once (which no binding is: each is one key) it answers without
// one. A participant's note arrived so, and was asked about twenty bindings.
func matches(msg tea.KeyMsg, b ...key.Binding) bool {
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 {
		return false
	}
	return key.Matches(msg, b...)
}
