package tui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

func typed(b *noteBox, keys ...tea.KeyMsg) {
	for _, k := range keys {
		b.Update(k)
	}
}

func runesKey(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// boxLines is the box drawn, without styles, line by line.
func boxLines(b *noteBox) []string { return strings.Split(ansi.Strip(b.View()), "\n") }

// The box wraps at spaces within its width, breaks a word longer than a line, and
// holds every character on exactly one line.
func TestNoteBoxWraps(t *testing.T) {
	b := newNoteBox(1000, 10, NewStyles(nil))
	b.SetWidth(21)
	b.Focus()
	text := "threat models before every larger feature Supercalifragilisticexpialidocious ok"
	typed(b, runesKey(text))
	lines := boxLines(b)
	var joined strings.Builder
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > 21 {
			t.Errorf("line %d %q is %d cells wide, more than the box's 21", i, l, w)
		}
		joined.WriteString(l)
	}
	want := []string{"threat models before", "every larger feature", "Supercalifragilistic", "expialidocious ok"}
	for i, w := range want {
		if strings.TrimRight(lines[i], " ") != w {
			t.Errorf("line %d is %q, want %q\n%s", i, lines[i], w, strings.Join(lines, "\n"))
		}
	}
	if got := strings.ReplaceAll(joined.String(), " ", ""); got != strings.ReplaceAll(text, " ", "") {
		t.Errorf("the lines hold %q, not the text", got)
	}
}

// Up and down move the cursor a line at the same column; at the first and last
// line they go to the start and the end.
func TestNoteBoxUpAndDown(t *testing.T) {
	b := newNoteBox(1000, 3, NewStyles(nil))
	b.SetWidth(21)
	b.Focus()
	typed(b, runesKey("threat models before every larger feat"))
	end := b.Position()
	// The cursor is at column 17 of "every larger feat"; up puts it at column 17 of
	// "threat models before", where X goes.
	typed(b, tea.KeyMsg{Type: tea.KeyUp}, runesKey("X"))
	if got, want := b.Value(), "threat models befXore every larger feat"; got != want {
		t.Errorf("up then X: %q, want %q", got, want)
	}
	typed(b, tea.KeyMsg{Type: tea.KeyUp}, tea.KeyMsg{Type: tea.KeyUp}, tea.KeyMsg{Type: tea.KeyUp}, runesKey("Y"))
	if got := b.Value(); !strings.HasPrefix(got, "Ythreat") {
		t.Errorf("up past the first line then Y: %q, want Y at the start", got)
	}
	typed(b, tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyDown}, runesKey("Z"))
	if got := b.Value(); !strings.HasSuffix(got, "featZ") || b.Position() != end+3 {
		t.Errorf("down past the last line then Z: %q at %d, want Z at the end", got, b.Position())
	}
}

// A box of few lines shows the cursor's line: at the end of a long text the last
// lines, back at the start the first ones.
func TestNoteBoxScrollsToTheCursor(t *testing.T) {
	b := newNoteBox(1000, 2, NewStyles(nil))
	b.SetWidth(21)
	b.Focus()
	typed(b, runesKey("one two three four five six seven eight nine ten eleven twelve thirteen"))
	lines := boxLines(b)
	if len(lines) != 2 || !strings.Contains(lines[1], "thirteen") {
		t.Fatalf("at the end the box shows %q, want 2 lines ending with thirteen", lines)
	}
	typed(b, tea.KeyMsg{Type: tea.KeyHome})
	if lines := boxLines(b); len(lines) != 2 || !strings.HasPrefix(lines[0], "one two") {
		t.Fatalf("at the start the box shows %q, want the first lines", lines)
	}
	empty := newNoteBox(10, 3, NewStyles(nil))
	if lines := boxLines(empty); len(lines) != 3 {
		t.Errorf("an empty box of 3 lines draws %d", len(lines))
	}
}

// A note is one paragraph: a pasted line break or tab becomes a space. ctrl+v does
// not read the clipboard of the server (bubbles' paste key), in the note box or in
// any other field.
func TestNoteBoxIsOneParagraphAndPastesOnlyFromTheTerminal(t *testing.T) {
	b := newNoteBox(1000, 3, NewStyles(nil))
	b.Focus()
	typed(b, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("one\ntwo\tthree"), Paste: true})
	if got := b.Value(); got != "one two three" {
		t.Errorf("pasted %q, want %q", got, "one two three")
	}
	if cmd := b.Update(tea.KeyMsg{Type: tea.KeyCtrlV}); cmd != nil {
		if msg := cmd(); msg != nil {
			t.Errorf("ctrl+v gave %T: it read a clipboard", msg)
		}
	}
	if got := b.Value(); got != "one two three" {
		t.Errorf("after ctrl+v: %q", got)
	}
	if newTextInput(nil).KeyMap.Paste.Enabled() {
		t.Error("newTextInput keeps the paste key")
	}
	// Nor does a cursor blink: no message, no drawing, while someone types.
	if cmd := newNoteBox(10, 3, NewStyles(nil)).Focus(); cmd != nil {
		t.Error("focusing a box starts a blinking cursor")
	}
	typed(b, runesKey(" four"))
	if cmd := b.Update(tea.KeyMsg{Type: tea.KeyLeft}); cmd != nil {
		t.Error("moving the cursor starts it blinking")
	}
	// Every field of the package is made by newTextInput or newNoteBox.
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, made := range []string{"textinput.New()", "textarea.New()"} {
			if n := strings.Count(string(src), made); n > 0 && !(f == "textfield.go" && made == "textinput.New()" && n == 1) {
				t.Errorf("%s calls %s %d times: use newTextInput or newNoteBox", f, made, n)
			}
		}
	}
}

// Opening a note box costs little: it is made for each note a person writes.
func BenchmarkOpenNoteBox(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		in := newNoteBox(1000, 3, NewStyles(nil))
		in.Focus()
		in.Update(runesKey("lt-1-1-0badcafe"))
		_ = in.View()
	}
}

// A character made of several code points (an emoji with its presentation selector,
// a family, a letter and its accent typed apart) is one character to the box: it
// wraps whole, measured as the frame around the box measures it, and the cursor is
// drawn on all of it.
func TestNoteBoxWrapsWholeCharacters(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"emoji with selectors", "ab " + strings.Repeat("✔️", 15)},
		{"hearts", "x " + strings.Repeat("❤️", 30)},
		{"families", "we " + strings.Repeat("👨‍👩‍👧", 12)},
		{"accents typed apart", "cafe\u0301 " + strings.Repeat("e\u0301", 40)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newNoteBox(1000, 10, NewStyles(colours256()))
			b.SetWidth(21)
			b.Focus()
			typed(b, runesKey(tc.text))
			lines := boxLines(b)
			var joined strings.Builder
			for i, l := range lines {
				if w := ansi.StringWidth(l); w > 21 {
					t.Errorf("line %d %q is %d cells wide, more than the box's 21", i, l, w)
				}
				joined.WriteString(strings.TrimRight(l, " "))
			}
			if got, want := strings.ReplaceAll(joined.String(), " ", ""), strings.ReplaceAll(tc.text, " ", ""); got != want {
				t.Errorf("the lines hold %q, not the text %q (a character split?)", got, want)
			}
			// The cursor, moved back into the last character, is drawn on all of it.
			typed(b, tea.KeyMsg{Type: tea.KeyLeft})
			v := b.View()
			last := string([]rune(tc.text)[len([]rune(tc.text))-1:])
			if tc.name != "accents typed apart" {
				// An emoji's last code point, drawn alone, would be a stray joiner or
				// selector.
				if i := strings.Index(v, reverse); i < 0 || strings.HasPrefix(ansi.Strip(v[i:]), last) {
					t.Errorf("the cursor is not on the whole character: %q", v)
				}
			}
		})
	}
}

// Up and down land on the same column in cells, whatever the characters before it.
func TestNoteBoxUpAndDownCountCells(t *testing.T) {
	b := newNoteBox(1000, 5, NewStyles(nil))
	b.SetWidth(21)
	b.Focus()
	// Nine hearts (two runes and two cells each) and a space, then 19 letters on the
	// second line; the cursor is at its end, column 19.
	typed(b, runesKey(strings.Repeat("❤️", 9)+" "+"abcdefghijklmnopqrs"))
	typed(b, tea.KeyMsg{Type: tea.KeyUp})
	// Column 19 of the first line is past its last character, the space (rune 18).
	if up := b.Position(); up != 18 {
		t.Errorf("up went to rune %d, want 18 (the end of the first line)", up)
	}
	typed(b, tea.KeyMsg{Type: tea.KeyLeft}, tea.KeyMsg{Type: tea.KeyLeft})
	// Now before the eighth heart (a left steps over a heart and its selector
	// whole): column 14.
	typed(b, tea.KeyMsg{Type: tea.KeyDown})
	if down := b.Position(); down != 19+14 {
		t.Errorf("down went to rune %d, want %d (column 14 of the second line)", down, 19+14)
	}
}

// A character wider than the whole line has a line of its own, once.
func TestWrapStartsWideCharactersInANarrowBox(t *testing.T) {
	if got := wrapStarts([]rune("你好"), 1); !slices.Equal(got, []int{0, 1, 2}) {
		t.Errorf("wrapStarts(你好, 1) = %v, want [0 1 2]", got)
	}
}

// A break moved back to the last space leaves a line that may still be too wide for
// the character that did not fit: it breaks again, before that character.
func TestNoteBoxBreaksAgainAfterMovingBackToASpace(t *testing.T) {
	b := newNoteBox(1000, 5, NewStyles(nil))
	b.SetWidth(20)
	b.Focus()
	text := " 这是一个很长的句子没有空格"
	typed(b, runesKey(text))
	b.in.SetCursor(3)
	lines := boxLines(b)
	var joined strings.Builder
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > 20 {
			t.Errorf("line %d %q is %d cells wide, more than the box's 20", i, l, w)
		}
		joined.WriteString(l)
	}
	if got := strings.ReplaceAll(joined.String(), " ", ""); got != strings.ReplaceAll(text, " ", "") {
		t.Errorf("the lines hold %q, not the text", got)
	}
}

// The box edits with the keys a person knows from bubbles' text input (and a
// shell; alt+d as a shell has it): a character or a word at a time, to either end, removing either way.
// Each case starts from "one two  three" with the cursor before "two".
func TestNoteBoxEditingKeys(t *testing.T) {
	alt := func(k tea.KeyMsg) tea.KeyMsg { k.Alt = true; return k }
	cases := []struct {
		name  string
		keys  []tea.KeyMsg
		value string
		pos   int
	}{
		{"left", []tea.KeyMsg{{Type: tea.KeyLeft}}, "one two  three", 3},
		{"right", []tea.KeyMsg{{Type: tea.KeyRight}}, "one two  three", 5},
		{"ctrl+b, ctrl+f twice", []tea.KeyMsg{{Type: tea.KeyCtrlB}, {Type: tea.KeyCtrlF}, {Type: tea.KeyCtrlF}}, "one two  three", 5},
		{"home", []tea.KeyMsg{{Type: tea.KeyHome}}, "one two  three", 0},
		{"ctrl+e", []tea.KeyMsg{{Type: tea.KeyCtrlE}}, "one two  three", 14},
		{"word forward, over the spaces after it", []tea.KeyMsg{{Type: tea.KeyCtrlRight}, alt(runesKey("f"))}, "one two  three", 14},
		{"word back", []tea.KeyMsg{alt(runesKey("b"))}, "one two  three", 0},
		{"ctrl+left from inside a word", []tea.KeyMsg{{Type: tea.KeyRight}, {Type: tea.KeyCtrlLeft}}, "one two  three", 4},
		{"backspace", []tea.KeyMsg{{Type: tea.KeyBackspace}}, "onetwo  three", 3},
		{"delete", []tea.KeyMsg{{Type: tea.KeyDelete}}, "one wo  three", 4},
		{"ctrl+w", []tea.KeyMsg{{Type: tea.KeyCtrlW}}, "two  three", 0},
		{"alt+d removes the word after", []tea.KeyMsg{alt(runesKey("d"))}, "one   three", 4},
		{"alt+d again removes the spaces and the next word", []tea.KeyMsg{alt(runesKey("d")), alt(runesKey("d"))}, "one ", 4},
		// On a word's last letter alt+d removes the rest of that word, as in a
		// shell (textinput removed the spaces and the next word too, and failed
		// at the text's end).
		{"alt+d on a word's last letter", []tea.KeyMsg{{Type: tea.KeyRight}, {Type: tea.KeyRight}, alt(runesKey("d"))}, "one tw  three", 6},
		{"alt+d on the text's last letter", []tea.KeyMsg{{Type: tea.KeyEnd}, {Type: tea.KeyLeft}, alt(runesKey("d"))}, "one two  thre", 13},
		{"ctrl+k", []tea.KeyMsg{{Type: tea.KeyCtrlK}}, "one ", 4},
		{"ctrl+u", []tea.KeyMsg{{Type: tea.KeyCtrlU}}, "two  three", 0},
		{"typed", []tea.KeyMsg{runesKey("x"), {Type: tea.KeySpace, Runes: []rune{' '}}}, "one x two  three", 6},
		{"pasted, one line", []tea.KeyMsg{{Type: tea.KeyRunes, Runes: []rune("a\r\nb\tc\x07"), Paste: true}}, "one a b ctwo  three", 9},
		{"up to the limit of 20", []tea.KeyMsg{runesKey("1234567"), runesKey("89")}, "one 123456two  three", 10},
		{"backspace at the start", []tea.KeyMsg{{Type: tea.KeyHome}, {Type: tea.KeyBackspace}}, "one two  three", 0},
		{"delete at the end", []tea.KeyMsg{{Type: tea.KeyEnd}, {Type: tea.KeyDelete}}, "one two  three", 14},
	}
	for _, c := range cases {
		b := newNoteBox(20, 3, NewStyles(nil))
		b.Focus()
		typed(b, runesKey("one two  three"))
		b.in.SetCursor(4)
		typed(b, c.keys...)
		if got, pos := b.Value(), b.Position(); got != c.value || pos != c.pos {
			t.Errorf("%s: %q with the cursor at %d, want %q at %d", c.name, got, pos, c.value, c.pos)
		}
	}
	// A blurred box takes no key.
	b := newNoteBox(20, 3, NewStyles(nil))
	typed(b, runesKey("x"))
	if b.Value() != "" {
		t.Errorf("a blurred box took %q", b.Value())
	}
}

// What is pasted shows as the note will be stored: a line break, a tab, or both
// with spaces beside them, are one space, also where a paste's reads meet and
// where it meets the text around it. Spaces typed in a row stay as typed.
func TestNoteBoxShowsPastedWhiteSpaceAsStored(t *testing.T) {
	paste := func(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true} }
	cases := []struct {
		name   string
		before string
		at     int
		pastes []string
		value  string
		pos    int
	}{
		{"a line break and a tab", "", 0, []string{"Patch\n\tfaster"}, "Patch faster", 12},
		{"spaces around a line break", "", 0, []string{"a \r\n  b"}, "a b", 3},
		{"a break ending one read, a tab starting the next", "", 0, []string{"Patch\n", "\tfaster"}, "Patch faster", 12},
		{"beside the spaces of the text", "one two", 4, []string{"\tx\n"}, "one x two", 6},
		{"a no-break space and a line break", "", 0, []string{"a\u00a0\nb"}, "a b", 3},
		{"spaces alone stay", "", 0, []string{"a  b"}, "a  b", 4},
	}
	for _, c := range cases {
		b := newNoteBox(1000, 3, NewStyles(nil))
		b.SetWidth(40)
		b.Focus()
		b.SetValue(c.before)
		b.in.SetCursor(c.at)
		for _, p := range c.pastes {
			typed(b, paste(p))
		}
		if got, pos := b.Value(), b.Position(); got != c.value || pos != c.pos {
			t.Errorf("%s: %q with the cursor at %d, want %q at %d", c.name, got, pos, c.value, c.pos)
		}
		if got := strings.TrimRight(boxLines(b)[0], " "); got != c.value {
			t.Errorf("%s: the box shows %q, want %q", c.name, got, c.value)
		}
	}
	b := newNoteBox(1000, 3, NewStyles(nil))
	b.SetValue("one\n\ttwo")
	if got := b.Value(); got != "one two" {
		t.Errorf("set to %q, want %q", got, "one two")
	}
}

// Left, right, backspace and delete step over a character as a person sees it, an
// emoji with its skin tone, a family or a flag being one: a letter typed after two
// lefts went between a thumb and its tone, and backspace took half a flag (a
// tester's finding).
func TestNoteBoxStepsOverWholeCharacters(t *testing.T) {
	for _, c := range []struct {
		text, keys, want string
	}{
		{"A👍🏽B", "LLX", "AX👍🏽B"},
		{"A👨‍👩‍👧B", "LLX", "AX👨‍👩‍👧B"},
		{"A🇩🇪🇫🇷B", "LLX", "A🇩🇪X🇫🇷B"},
		{"A🇩🇪🇫🇷B", "LL<", "A🇫🇷B"},
		{"A🇩🇪🇫🇷B", "LLL>", "A🇫🇷B"},
		{"Ae\u0301B", "LRRX", "Ae\u0301BX"},
		{"Ae\u0301B", "L<", "AB"},
	} {
		b := newNoteBox(100, 3, NewStyles(nil))
		b.Focus()
		typed(b, runesKey(c.text))
		for _, k := range c.keys {
			switch k {
			case 'L':
				typed(b, tea.KeyMsg{Type: tea.KeyLeft})
			case 'R':
				typed(b, tea.KeyMsg{Type: tea.KeyRight})
			case '<':
				typed(b, tea.KeyMsg{Type: tea.KeyBackspace})
			case '>':
				typed(b, tea.KeyMsg{Type: tea.KeyDelete})
			default:
				typed(b, runesKey(string(k)))
			}
		}
		if got := b.Value(); got != c.want {
			t.Errorf("%q then %s: %q, want %q", c.text, c.keys, got, c.want)
		}
	}
}

// The limit cuts between characters, never inside one: a flag pasted with one
// rune of room left was cut in half, and the board got a stray regional letter (a
// review's finding).
func TestNoteBoxLimitKeepsWholeCharacters(t *testing.T) {
	b := newNoteBox(3, 3, NewStyles(nil))
	b.Focus()
	typed(b, runesKey("ab"))
	typed(b, runesKey("🇩🇪"))
	if got := b.Value(); got != "ab" {
		t.Errorf("box holds %q, want \"ab\" (no room for the whole flag)", got)
	}
	b.SetValue("xy👍🏽")
	if got := b.Value(); got != "xy" {
		t.Errorf("a value cut at 3 runes holds %q, want \"xy\"", got)
	}
}

// A word move never stops inside a character: a space followed by a combining
// mark is one, and alt+left stopped between them, where backspace left a lone
// accent (a review's finding).
func TestNoteBoxWordMovesStopOnCharacters(t *testing.T) {
	b := newNoteBox(100, 3, NewStyles(nil))
	b.Focus()
	typed(b, runesKey("ab \u0301cd"))
	typed(b, tea.KeyMsg{Type: tea.KeyLeft, Alt: true})
	if p := b.Position(); p == 3 {
		t.Errorf("alt+left stopped at rune 3, inside \" \\u0301\"")
	}
}
