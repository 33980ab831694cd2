package sshclient

import (
	"bytes"
	"io"
	"sync"
	"testing"
)

func TestScreenTextKeepsSplitSequencesWhole(t *testing.T) {
	t.Parallel()
	stream := "\x1b[38;5;241mlt-1-2-0a1b2c3d\x1b[0m · é\x1b]11;?\x07done"
	for cut := 0; cut <= len(stream); cut++ {
		var st screenText
		got := st.feed([]byte(stream[:cut])) + st.feed([]byte(stream[cut:]))
		if want := "lt-1-2-0a1b2c3d · édone"; got != want {
			t.Fatalf("cut at %d: %q, want %q", cut, got, want)
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
}
