package server

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

func TestTerminalAnswersAreNotKeys(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"abc", "abc"},
		{"\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;c", ""},
		{"1\x1b]11;rgb:ffff/ffff/ffff\x07q", "1q"},
		{"\x1b[?1;2c4", "4"},
		{"\x1b[A\x1b]", "\x1b[A\x1b]"}, // an arrow and alt+] stay keys
	} {
		if got := string(stripAnswers([]byte(c.in))); got != c.want {
			t.Errorf("stripAnswers(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestBackgroundLightness(t *testing.T) {
	for _, c := range []struct {
		r, g, b string
		dark    bool
	}{
		{"0000", "0000", "0000", true},
		{"ffff", "ffff", "ffff", false},
		{"ff", "fa", "f0", false},
		{"1e1e", "1e1e", "2e2e", true},
		{"8", "0", "0", true}, // dark red
	} {
		if got := isDark([]byte(c.r), []byte(c.g), []byte(c.b)); got != c.dark {
			t.Errorf("isDark(%s/%s/%s) = %v", c.r, c.g, c.b, got)
		}
	}
}

// Keys typed while the server waits for the answers reach the program, the answers
// do not; a late answer does not either.
func TestQueryKeepsKeysTypedMeanwhile(t *testing.T) {
	pr, pw := io.Pipe()
	in := newTerminalInput(context.Background(), pr)
	go func() {
		pw.Write([]byte("4\x1b]11;rgb:ffff/ffff/ffff\x1b\\"))
		pw.Write([]byte("\x1b[?62;c"))
		pw.Write([]byte("\x1b]11;rgb:0000/0000/0000\x07x"))
		pw.Close()
	}()
	if dark := in.query(io.Discard); dark {
		t.Error("a white background read as dark")
	}
	rest, err := io.ReadAll(in)
	if err != nil {
		t.Fatal(err)
	}
	if string(rest) != "4x" {
		t.Errorf("the program reads %q, want the keys 4x", rest)
	}
}

// A bracketed paste reaches the program in pieces of at most maxPaste bytes, each a
// paste of its own, with nothing lost: bubbletea gathers a paste until its end and
// copies and searches all it gathered at every read, so that a paste of 4 MB sent
// without its end cost the server 14 s of CPU and memory without bound. Markers
// split between two reads are found, and what comes after the paste stays keys.
func TestLongPasteReachesTheProgramInPieces(t *testing.T) {
	text := strings.Repeat("ab€d", 64<<10) // 393,216 bytes, with characters of three bytes
	// As a client sends it: in reads of its own size, the markers cut in two.
	m := runUntilQ(t, "x\x1b[20"+"0~"+text+"\x1b[2"+"01~q", 1000, "the q after the paste")
	if got := m.pasted.String(); got != text {
		t.Errorf("the program got %d bytes of paste, want the %d pasted", len(got), len(text))
	}
	if keys := m.keys.String(); keys != "x" {
		t.Errorf("keys outside the paste: %q, want x (then q)", keys)
	}
	for _, n := range m.pieces {
		if n > maxPaste {
			t.Fatalf("a piece of the paste has %d bytes, more than %d: pieces %v", n, maxPaste, m.pieces)
		}
	}
}

// pasteModel records the pastes and keys a program gets, until q.
type pasteModel struct {
	pasted strings.Builder
	pieces []int
	// keys are the keys that are not pastes, as bubbletea names them: a builder,
	// as a test types a megabyte in pieces of 4 KiB (adding to a string copied it
	// all again for each piece).
	keys strings.Builder
	// typed is the runes of the keys that are not pastes; longest the most runes
	// one of them held.
	typed   strings.Builder
	longest int
}

func (m *pasteModel) Init() tea.Cmd { return nil }

func (m *pasteModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	switch {
	case !ok:
	case k.Paste:
		m.pasted.WriteString(string(k.Runes))
		m.pieces = append(m.pieces, len(string(k.Runes)))
	case k.String() == "q":
		return m, tea.Quit
	default:
		m.keys.WriteString(k.String())
		m.typed.WriteString(string(k.Runes))
		m.longest = max(m.longest, len(k.Runes))
	}
	return m, nil
}

func (m *pasteModel) View() string { return "" }

// runUntilQ sends all to a program through the terminal's input in writes of at
// most size bytes, and returns its model once a q has ended it (what is awaited
// names the q for the failure).
func runUntilQ(t *testing.T, all string, size int, what string) *pasteModel {
	t.Helper()
	pr, pw := io.Pipe()
	defer pw.Close()
	in := newTerminalInput(context.Background(), pr)
	go func() {
		for len(all) > 0 {
			n := min(size, len(all))
			if _, err := pw.Write([]byte(all[:n])); err != nil {
				return
			}
			all = all[n:]
		}
	}()
	m := &pasteModel{}
	p := tea.NewProgram(m, tea.WithInput(in), tea.WithOutput(io.Discard), tea.WithoutRenderer(), tea.WithoutSignalHandler())
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		p.Kill()
		t.Fatalf("the program did not get to %s", what)
	}
	return m
}

// A long run of characters without a space or a control character, typed or sent as
// fast as the link allows, reaches the program in pieces too: bubbletea took every
// read that filled its buffer for the start of a longer run and read it all again
// with the next, so that 5 MB sent to the join screen cost the server 90 s of CPU.
func TestLongRunOfCharactersReachesTheProgramInPieces(t *testing.T) {
	text := strings.Repeat("abcd", 256<<10) // 1 MiB without a break
	// In writes of the size SSH delivers them, each read of the input full.
	m := runUntilQ(t, text+" q", 32<<10, "the q after the characters")
	if got := strings.ReplaceAll(m.typed.String(), " ", ""); got != text {
		t.Errorf("the program got %d characters, want the %d sent", len(got), len(text))
	}
	if m.longest > 4096 {
		t.Errorf("a key message held %d characters, want the run in pieces", m.longest)
	}
}
