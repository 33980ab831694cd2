package server

import (
	"context"
	"io"
	"testing"
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
