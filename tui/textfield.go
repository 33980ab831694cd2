package tui

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
)

// newTextInput is bubbles' textinput without its paste key: ctrl+v there reads the
// clipboard of the machine the program runs on, which for charter is the server,
// not the person's. A person's terminal pastes by itself (bracketed paste). Its
// cursor does not blink: a blinking cursor draws the screen twice a second for
// everyone typing, and waits in a goroutine of its own between blinks. It draws
// with sty (see styleInput); nil leaves that to the caller, before each View.
func newTextInput(sty *Styles) textinput.Model {
	in := textinput.New()
	in.KeyMap.Paste.SetEnabled(false)
	in.Cursor.SetMode(cursor.CursorStatic)
	if sty != nil {
		styleInput(&in, sty)
	}
	return in
}

// styleInput makes in draw with sty, the styles of the person's terminal. bubbles
// draws a text field, its cursor included, with lipgloss's default renderer, whose
// colours are those of the server's own output: when that is a log file, not a
// terminal, the cursor (a reversed character) was not drawn at all.
func styleInput(in *textinput.Model, sty *Styles) {
	in.Cursor.Style, in.Cursor.TextStyle = sty.Plain, sty.Plain
	in.PromptStyle, in.TextStyle = sty.Plain, sty.Plain
	in.PlaceholderStyle, in.CompletionStyle = sty.Muted, sty.Muted
}
