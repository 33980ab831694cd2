package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestRunClusterValid(t *testing.T) {
	t.Parallel()
	devNotes, err := os.ReadFile(filepath.Join("..", "..", "testdata", "notes-dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		input string
		ids   []string
	}{
		{"dev notes with themes ignored", string(devNotes), nil},
		{"import's rows of a rating alone left aside", `{"text":"threat modelling workshops","author":"t1/A","rating":4}` + "\n" +
			`{"author":"t1/B","rating":3}` + "\n" + `{"rating":"2"}` + "\n",
			[]string{"1"}},
		{"blank lines and optional fields", "\n" +
			`{"id":"a","text":"threat modelling workshops"}` + "\n\n   \n" +
			`{"id":"b","text":"more STRIDE sessions","area":"activities","lane":"more","extra":[1,2]}` + "\n" +
			`{"id":"c","text":"deadlines always win"}`, // no final newline
			[]string{"a", "b", "c"}},
		{"empty input", "", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.ids
			if want == nil {
				for _, line := range strings.Split(strings.TrimSpace(tt.input), "\n") {
					var n struct{ ID string }
					if err := json.Unmarshal([]byte(line), &n); err != nil {
						t.Fatal(err)
					}
					want = append(want, n.ID)
				}
			}
			var stdout, stderr bytes.Buffer
			if code := runCluster(nil, strings.NewReader(tt.input), &stdout, &stderr); code != 0 {
				t.Fatalf("exit code %d, stderr %q", code, stderr.String())
			}
			if stderr.Len() > 0 {
				t.Errorf("unexpected stderr %q", stderr.String())
			}
			var out struct {
				Themes []struct {
					Label          string   `json:"label"`
					NoteIDs        []string `json:"note_ids"`
					Representative string   `json:"representative"`
					Notes          []struct {
						ID, Text string
					} `json:"notes"`
				} `json:"themes"`
			}
			dec := json.NewDecoder(&stdout)
			dec.DisallowUnknownFields()
			if err := dec.Decode(&out); err != nil {
				t.Fatalf("output is not the themes JSON: %v", err)
			}
			if out.Themes == nil {
				t.Error(`"themes" missing or null, want a list`)
			}
			texts := map[string]string{}
			for i, line := range strings.Split(tt.input, "\n") {
				var n struct{ ID, Text string }
				if json.Unmarshal([]byte(line), &n) == nil && n.Text != "" {
					if n.ID == "" {
						n.ID = strconv.Itoa(i + 1)
					}
					texts[n.ID] = n.Text
				}
			}
			seen := map[string]int{}
			for _, th := range out.Themes {
				// Each theme lists its notes with their texts, in the order of its IDs.
				if len(th.Notes) != len(th.NoteIDs) {
					t.Errorf("theme %v lists %d notes", th.NoteIDs, len(th.Notes))
				}
				for i, n := range th.Notes {
					if i < len(th.NoteIDs) && n.ID != th.NoteIDs[i] || n.Text != texts[n.ID] {
						t.Errorf("theme %v: note %d is %q %q, want %q %q", th.NoteIDs, i, n.ID, n.Text, th.NoteIDs[i], texts[n.ID])
					}
				}
				if th.Label == "" {
					t.Errorf("theme %v has no label", th.NoteIDs)
				}
				if !slices.Contains(th.NoteIDs, th.Representative) {
					t.Errorf("theme %v: representative %q is not one of its notes", th.NoteIDs, th.Representative)
				}
				for _, id := range th.NoteIDs {
					seen[id]++
				}
			}
			for _, id := range want {
				if seen[id] != 1 {
					t.Errorf("note %q in %d themes, want 1", id, seen[id])
				}
				delete(seen, id)
			}
			for id := range seen {
				t.Errorf("output names unknown note %q", id)
			}
		})
	}
}

func TestRunClusterFileArgument(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "notes.jsonl")
	if err := os.WriteFile(path, []byte(`{"id":"1","text":"pen tests"}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{path}, {"-"}} {
		var stdout, stderr bytes.Buffer
		stdin := strings.NewReader(`{"id":"1","text":"pen tests"}`)
		if code := runCluster(args, stdin, &stdout, &stderr); code != 0 {
			t.Fatalf("args %v: exit code %d, stderr %q", args, code, stderr.String())
		}
		if !strings.Contains(stdout.String(), `"note_ids":["1"]`) {
			t.Errorf("args %v: output %q lacks the note", args, stdout.String())
		}
	}
}

// The files charter import reads cluster as they are: a note without an id is
// named by the line it starts on, and import's fields (author, activity) are left
// aside.
func TestRunClusterReadsTheImportFormat(t *testing.T) {
	t.Parallel()
	for file, want := range map[string][]string{
		// Line 5 of the JSON lines is blank; line 6 of the CSV goes on to line 7.
		"notes.jsonl": {"1", "2", "3", "4", "6", "7", "8", "9"},
		"notes.csv":   {"2", "3", "4", "5", "6"},
	} {
		var stdout, stderr bytes.Buffer
		if code := runCluster([]string{filepath.Join("..", "..", "testdata", "import", file)}, nil, &stdout, &stderr); code != 0 {
			t.Fatalf("%s: exit code %d, stderr %q", file, code, stderr.String())
		}
		var out clusterOutput
		if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, th := range out.Themes {
			ids = append(ids, th.NoteIDs...)
		}
		slices.Sort(ids)
		if !slices.Equal(ids, want) {
			t.Errorf("%s: notes %v, want %v", file, ids, want)
		}
	}
}

func TestRunClusterBadInput(t *testing.T) {
	t.Parallel()
	good := `{"id":"a","text":"pen tests"}` + "\n"
	tests := []struct {
		name, input string
		args        []string
		want        []string // substrings of stderr
	}{
		{"bad JSON", good + "\n" + `{"id":"b","text":` + "\n", nil, []string{"line 3", "JSON"}},
		{"not an object", good + `[1,2]` + "\n", nil, []string{"line 2"}},
		{"blank id", `{"id":"  ","text":"x"}`, nil, []string{"line 1", `"id"`}},
		{"an id another note has as its line", `{"id":"2","text":"x"}` + "\n" + `{"text":"y"}`, nil, []string{"line 2", "duplicate", `"2"`}},
		{"unknown format", good, []string{"--format", "xml"}, []string{"jsonl or csv"}},
		{"CSV without text", "area,lane\nconfidence,concern\n", []string{"--format", "csv"}, []string{"text"}},
		{"missing text", good + `{"id":"b"}`, nil, []string{"line 2", `"text"`}},
		{"duplicate id", good + good, nil, []string{"line 2", "duplicate", `"a"`, "line 1"}},
		{"missing file", "", []string{filepath.Join("no", "such", "file.jsonl")}, []string{"file.jsonl"}},
		{"two files", "", []string{"a", "b"}, []string{"usage"}},
		{"unknown flag", "", []string{"--nope"}, []string{"nope"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := runCluster(tt.args, strings.NewReader(tt.input), &stdout, &stderr)
			if code == 0 {
				t.Error("exit code 0, want non-zero")
			}
			if stdout.Len() > 0 {
				t.Errorf("stdout %q, want nothing", stdout.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr %q does not mention %q", stderr.String(), w)
				}
			}
		})
	}
}

// charter cluster reads the activity a note was written under and groups by it,
// from the JSON lines and from import's CSV alike: notes whose words do not tell
// two activities apart.
func TestRunClusterReadsActivities(t *testing.T) {
	t.Parallel()
	under := []struct {
		activity string
		texts    []string
	}{
		{"threat modelling", []string{
			"earlier in the project please, not the week before go-live",
			"the template is far too long for a small change",
			"more often, and with the whole team in the room",
			"run by someone who knows our architecture",
			"keep doing it for every new service",
			"less paperwork afterwards, nobody reads the document",
		}},
		{"pen testing", []string{
			"the yearly one on internal tools nobody can reach",
			"reports arrive months after the work is done",
			"a retest after we fixed the findings",
			"keep the external testers, they find real things",
			"let us scope it with them before they start",
			"more of it for what faces the internet",
		}},
	}
	var jsonl, csv strings.Builder
	csv.WriteString("text,area,lane,activity\n")
	line := 1
	activityOf := map[string]string{}
	for _, u := range under {
		for i, text := range u.texts {
			id := u.activity[:1] + strconv.Itoa(i)
			fmt.Fprintf(&jsonl, `{"id":%q,"text":%q,"area":"activities","lane":"more","activity":%q}`+"\n", id, text, u.activity)
			line++
			fmt.Fprintf(&csv, "%q,activities,more,%s\n", text, u.activity)
			activityOf["jsonl "+id], activityOf["csv "+strconv.Itoa(line)] = u.activity, u.activity
		}
	}
	for _, in := range []struct{ format, text string }{{"jsonl", jsonl.String()}, {"csv", csv.String()}} {
		var stdout, stderr bytes.Buffer
		if code := runCluster([]string{"--format", in.format}, strings.NewReader(in.text), &stdout, &stderr); code != 0 {
			t.Fatalf("%s: exit code %d, stderr %q", in.format, code, stderr.String())
		}
		var out struct {
			Themes []struct {
				Label   string   `json:"label"`
				NoteIDs []string `json:"note_ids"`
			} `json:"themes"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		for _, th := range out.Themes {
			kinds := map[string]bool{}
			for _, id := range th.NoteIDs {
				kinds[activityOf[in.format+" "+id]] = true
			}
			if len(kinds) != 1 || kinds[""] {
				t.Errorf("%s: theme %q holds the notes of %d activities: %v", in.format, th.Label, len(kinds), th.NoteIDs)
			}
		}
	}
}
