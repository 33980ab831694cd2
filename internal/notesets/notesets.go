// Package notesets reads the labelled note sets of the repository's testdata
// directory: notes as people wrote them, each with the theme a person gave it. The
// clustering is measured on them and the report tests run sessions of them. Only
// tests import this package; the analysis itself reads no files.
package notesets

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Note is one line of a set.
type Note struct {
	ID    string `json:"id"`
	Area  string `json:"area"`
	Lane  string `json:"lane"`
	Text  string `json:"text"`
	Theme string `json:"theme"`
	// Activity is the activity a note of the activities area was written under,
	// when the set gives it.
	Activity string `json:"activity,omitempty"`
}

// The sets: dev is the one the clustering was tuned on; unseen and holdout were
// written apart from it (unseen was tuned on later, holdout never). FreshA and
// FreshB were written by someone who saw neither the method nor the other sets
// (as developers and service owners write, and as security engineers write);
// they are only ever scored, never tuned on. Activities was written the same way,
// later, with the activity each note of the activities area was written under.
const (
	Dev     = "notes-dev.jsonl"
	Unseen  = "notes-unseen.jsonl"
	Holdout = "notes-holdout.jsonl"
	FreshA  = "notes-fresh-a.jsonl"
	FreshB  = "notes-fresh-b.jsonl"
	// Activities gives each note of the activities area the activity its writer
	// chose, as the session's screens ask (most such notes do not name it).
	Activities = "notes-activities.jsonl"
)

// All lists every labelled set, the one tuned on first.
var All = []string{Dev, Unseen, Holdout, FreshA, FreshB, Activities}

// Path is where the set file name is, in the repository's testdata directory
// (found from this source file, so that any package's tests can read it).
func Path(name string) string {
	_, here, _, ok := runtime.Caller(0)
	if !ok {
		return filepath.Join("testdata", name)
	}
	return filepath.Join(filepath.Dir(here), "..", "..", "testdata", name)
}

// Load reads the set file name of the testdata directory (one of All).
func Load(tb testing.TB, name string) []Note {
	tb.Helper()
	return Read(tb, Path(name))
}

// Read reads a labelled set from path, one JSON object a line.
func Read(tb testing.TB, path string) []Note {
	tb.Helper()
	notes, err := read(path)
	if err != nil {
		tb.Fatal(err)
	}
	return notes
}

func read(path string) ([]Note, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Note
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		var n Note
		if err := json.Unmarshal(sc.Bytes(), &n); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		out = append(out, n)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}
