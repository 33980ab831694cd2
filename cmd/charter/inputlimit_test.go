package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

// zeros reads like /dev/zero: NUL bytes without end and without a newline.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// blankLines is a file of n bytes of lines holding only spaces: lines a reader
// skips, so that only the size of the whole file can stop it. The lines are made as
// they are read, not held: three files of 64 MiB in memory at once cost the race
// detector much of the test's time.
func blankLines(n int) io.Reader {
	return io.LimitReader(&spaceLines{}, int64(n))
}

// spaceLines reads like an endless file of 1,024-byte lines of spaces.
type spaceLines struct{ at int }

var spaceLine = []byte(strings.Repeat(" ", 1023) + "\n")

func (s *spaceLines) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], spaceLine[s.at:])
		n += c
		s.at = (s.at + c) % len(spaceLine)
	}
	return n, nil
}

func TestImportAndClusterReadBoundedInput(t *testing.T) {
	t.Parallel()
	dir, id := importSession(t, session.PhaseWrite)
	longText := strings.Repeat("a", maxInputField+1)
	importJSONL := []string{"import", "--data", dir, "--session", id, "--format", "jsonl", "-"}
	importCSV := []string{"import", "--data", dir, "--session", id, "--format", "csv", "-"}
	cluster := []string{"cluster", "-"}
	header := "text,area,lane\n"
	// A file over the limit is refused before it is read: sparse, it takes no room.
	large := filepath.Join(t.TempDir(), "large.jsonl")
	if err := os.WriteFile(large, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(large, maxInputFile+1); err != nil {
		t.Fatal(err)
	}
	largeCSV := strings.TrimSuffix(large, ".jsonl") + ".csv"
	if err := os.Link(large, largeCSV); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		in   io.Reader
		want string
	}{
		{"import jsonl /dev/zero", importJSONL, zeros{}, "line 1 is longer than 1 MiB"},
		{"import csv /dev/zero", importCSV, io.MultiReader(strings.NewReader(header), zeros{}), "a row is longer than 1 MiB"},
		{"cluster /dev/zero", cluster, zeros{}, "line 1 is longer than 1 MiB"},
		{"import jsonl long line", importJSONL, strings.NewReader(`{"text":"` + strings.Repeat("a", maxInputLine) + `"}` + "\n"), "line 1 is longer than 1 MiB"},
		{"cluster long line", cluster, strings.NewReader("\n\n" + strings.Repeat(" ", maxInputLine+1)), "line 3 is longer than 1 MiB"},
		{"import jsonl too large", importJSONL, blankLines(maxInputFile + 1), "larger than 64 MiB"},
		{"cluster too large", cluster, blankLines(maxInputFile + 1), "larger than 64 MiB"},
		{"import jsonl too large file", []string{"import", "--data", dir, "--session", id, large}, strings.NewReader(""), "larger than 64 MiB"},
		{"import csv too large file", []string{"import", "--data", dir, "--session", id, largeCSV}, strings.NewReader(""), "larger than 64 MiB"},
		{"cluster too large file", []string{"cluster", large}, strings.NewReader(""), "larger than 64 MiB"},
		{"import jsonl long field", importJSONL, strings.NewReader(`{"text":"` + longText + `","area":"confidence","lane":"strength"}` + "\n"), "text is longer than 16 KiB"},
		{"import csv long field", importCSV, strings.NewReader(header + longText + ",confidence,strength\n"), "text is longer than 16 KiB"},
		{"cluster long field", cluster, strings.NewReader(`{"id":"1","text":"` + longText + `"}` + "\n"), "line 1: text is longer than 16 KiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, tt.in, &stdout, &stderr)
			if code == 0 {
				t.Fatalf("exit status 0, want an error; stdout %q", stdout.String())
			}
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("message %q does not say %q", stderr.String(), tt.want)
			}
		})
	}
}
