package sshclient

import (
	"bytes"
	"io"
	"sync"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestScreenTextKeepsSplitSequencesWhole(t *testing.T) {
	t.Parallel()
	stream := "\x1b[38;5;241mlt-1-2-0a1b2c3d\x1b[0m · é\x1b]11;?\x07done"
	for cut := 0; cut <= len(stream); cut++ {
		var st screenText
		got := string(st.feed([]byte(stream[cut:]), st.feed([]byte(stream[:cut]), nil)))
		if want := "lt-1-2-0a1b2c3d · édone"; got != want {
			t.Fatalf("cut at %d: %q, want %q", cut, got, want)
		}
	}
}

// Stripping in one pass with the cut keeps what ansi.Strip keeps, cut anywhere in
// two: colours, cursor moves, titles, a query, wide and combining characters, tabs
// and line ends.
func TestScreenTextKeepsWhatStripKeeps(t *testing.T) {
	t.Parallel()
	streams := []string{
		"\x1b[?25l\x1b[2J\x1b[H\x1b[1;38;2;255;0;0mNotes\x1b[m\r\n\tété 日本語 e\u0301 🙂\x1b[K\r\n",
		"\x1b]0;title\x07plain\x1bP+q\x1b\\after\x1b[3;4Hend\x1b(Bx\x1b7y\x1b8",
		"\x1b[c\x1b]11;?\x1b\\• 3 notes · ✓ Saved\r\x1b[2K┌─┐│x│└─┘",
	}
	for _, stream := range streams {
		want := ansi.Strip(stream)
		for cut := 0; cut <= len(stream); cut++ {
			var st screenText
			got := string(st.feed([]byte(stream[cut:]), st.feed([]byte(stream[:cut]), nil)))
			if got != want {
				t.Fatalf("%q cut at %d: %q, want %q", stream, cut, got, want)
			}
		}
	}
}

// chunks reads its pieces one Read each, as a network delivers them.
type chunks []string

func (c *chunks) Read(b []byte) (int, error) {
	if len(*c) == 0 {
		return 0, io.EOF
	}
	n := copy(b, (*c)[0])
	*c = (*c)[1:]
	return n, nil
}

// lockedBuffer is what the screen answers to.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// The server asks for the device attributes and draws nothing until they come: a
// query split across two reads is answered all the same, and only once.
func TestQueriesSplitAcrossReadsAreAnswered(t *testing.T) {
	t.Parallel()
	const query, answer = "\x1b[c", "\x1b[?62;c"
	for cut := 0; cut <= len(query); cut++ {
		var answers lockedBuffer
		s := &Screen{stdin: &answers, keep: true, changed: make(chan struct{}, 1), done: make(chan struct{})}
		s.read(&chunks{"\x1b]11;?\x07" + query[:cut], query[cut:] + "hello"})
		if got := bytes.Count(answers.b.Bytes(), []byte(answer)); got != 1 {
			t.Errorf("query cut at %d: answered %d times: %q", cut, got, answers.b.String())
		}
		if s.Text() != "hello" {
			t.Errorf("query cut at %d: text %q", cut, s.Text())
		}
	}
	// A byte a read, the query's first byte after a read of one.
	for _, pieces := range []chunks{{"x", "\x1b", "[", "c", "hi"}, {"\x1b", "[c", "hi"}, {"ab\x1b[", "c", "hi"}} {
		var answers lockedBuffer
		s := &Screen{stdin: &answers, keep: true, changed: make(chan struct{}, 1), done: make(chan struct{})}
		c := append(chunks(nil), pieces...)
		s.read(&c)
		if got := bytes.Count(answers.b.Bytes(), []byte(answer)); got != 1 {
			t.Errorf("pieces %q: answered %d times", pieces, got)
		}
	}
}
