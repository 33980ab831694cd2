package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

// importSession makes a data directory with one session in phase ph.
func importSession(t *testing.T, ph session.Phase) (dir, id string) {
	t.Helper()
	dir = newDataDir(t)
	db, err := openData(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := session.NewService(db, nil)
	s, err := svc.NewSession(context.Background(), session.Session{Title: "Developers Porto", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(context.Background(), s.ID, ph); err != nil {
		t.Fatal(err)
	}
	return dir, s.ID
}

// storedNotes reads back what the session holds.
func storedNotes(t *testing.T, dir, id string) ([]*session.Note, []*session.Participant) {
	t.Helper()
	db, err := openData(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ns, err := db.Notes(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := db.Participants(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return ns, ps
}

func TestImportFiles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file           string
		phase          session.Phase
		notes, authors int
		want           string // a note's text as stored
	}{
		{"notes.jsonl", session.PhaseActions, 8, 4, "Being thanked when we fix something fast 🙌"},
		{"notes.csv", session.PhaseLobby, 5, 3, "Incidents at night land on whoever is on call no runbook"},
		{"notes.csv", session.PhaseGroup, 5, 3, "Incidents at night land on whoever is on call no runbook"},
		{"notes.jsonl", session.PhaseVote, 8, 4, "Being thanked when we fix something fast 🙌"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			dir, id := importSession(t, tt.phase)
			var out, errb bytes.Buffer
			code := run([]string{"import", "--data", dir, "--session", id, filepath.Join("..", "..", "testdata", "import", tt.file)}, nil, &out, &errb)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			want := fmt.Sprintf("imported %d notes into session %s (%d paper authors)\n", tt.notes, id, tt.authors)
			first, rest, _ := strings.Cut(out.String(), "\n")
			if first+"\n" != want {
				t.Errorf("output %q, want it to start with %q", out.String(), want)
			}
			// From grouping on, the facilitator is told the new notes are in no theme,
			// and told to go back to group only when past it.
			warned := strings.Contains(rest, "in no theme yet")
			if want := tt.phase.AtLeast(session.PhaseGroup); warned != want {
				t.Errorf("phase %s: warning about themes shown %v, want %v; output:\n%s", tt.phase, warned, want, out.String())
			}
			// The session was created undated. Begun (moved out of the lobby), it
			// is dated the day it began; left in the lobby, its paper authors make it
			// held, its findings place it on the day it was created, and the note
			// names that day (it said "no date yet" in the lobby).
			var doc struct {
				Session struct {
					Date string `json:"date"`
				} `json:"session"`
			}
			var exp bytes.Buffer
			if code := run([]string{"export", "--data", dir, "--session", id, "--format", "json"}, nil, &exp, &errb); code != 0 {
				t.Fatalf("export: exit %d, %s", code, errb.String())
			}
			if err := json.Unmarshal(exp.Bytes(), &doc); err != nil || doc.Session.Date == "" {
				t.Fatalf("phase %s: the export's date %q (%v)", tt.phase, doc.Session.Date, err)
			}
			noted := strings.Contains(rest, "note: the session was given no day (--date), so reports place it on "+doc.Session.Date+", the day it was created;")
			if want := tt.phase == session.PhaseLobby; noted != want {
				t.Errorf("phase %s: the import says the session is placed on %s: %v, want %v:\n%s", tt.phase, doc.Session.Date, noted, want, out.String())
			}
			back := strings.Contains(rest, "go back to the group phase")
			if want := tt.phase.AtLeast(session.PhaseVote); back != want {
				t.Errorf("phase %s: advice to go back to group shown %v, want %v; output:\n%s", tt.phase, back, want, out.String())
			}
			ns, ps := storedNotes(t, dir, id)
			if len(ns) != tt.notes || len(ps) != tt.authors {
				t.Fatalf("stored %d notes by %d participants, want %d by %d", len(ns), len(ps), tt.notes, tt.authors)
			}
			found := false
			for _, n := range ns {
				found = found || n.Text == tt.want
			}
			if !found {
				t.Errorf("no note %q among %v", tt.want, ns)
			}
			for _, p := range ps {
				if p.Name != "" || p.KeyHash != "" || !strings.HasPrefix(p.Pseudonym, "P") {
					t.Errorf("imported participant %+v is not anonymous", p)
				}
			}
		})
	}
}

// Check-in ratings written on paper come in with notes or in a file of their own, as
// numbers or strings in JSON lines; a second file of ratings is refused unless
// allowed, since it would count the same people twice.
func TestImportRatings(t *testing.T) {
	t.Parallel()
	dir, id := importSession(t, session.PhaseCheckIn)
	files := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(files, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	steps := []struct {
		file, text string
		allow      bool
		code       int
		out        string
	}{
		{"a.jsonl", `{"text":"pen tests come late","area":"activities","lane":"more","author":"t1/A","rating":4}` + "\n" +
			`{"rating":"2"}` + "\n" + `{"rating":5,"area":"confidence"}` + "\n",
			false, 0, "imported 1 note and 3 check-in ratings into session " + id + " (3 paper authors)\n"},
		{"b.csv", "rating\n3\n1\n", false, 1, "Was this file imported before? If these ratings are other people's, import with --allow-duplicates."},
		{"b.csv", "rating\n3\n1\n", true, 0, "imported 2 check-in ratings into session " + id + " (2 paper authors)\n"},
	}
	for _, st := range steps {
		args := []string{"import", "--data", dir, "--session", id}
		if st.allow {
			args = append(args, "--allow-duplicates")
		}
		var out, errb bytes.Buffer
		code := run(append(args, write(st.file, st.text)), nil, &out, &errb)
		if code != st.code || !strings.Contains(out.String()+errb.String(), st.out) {
			t.Fatalf("%s (allowed %v): exit %d, out %q, err %q; want exit %d and %q", st.file, st.allow, code, out.String(), errb.String(), st.code, st.out)
		}
	}
	_, ps := storedNotes(t, dir, id)
	var ratings []int
	for _, p := range ps {
		if p.ShownRating > 0 {
			ratings = append(ratings, p.ShownRating)
		}
	}
	slices.Sort(ratings)
	if !slices.Equal(ratings, []int{1, 2, 3, 4, 5}) {
		t.Errorf("ratings shown %v, want 1 2 3 4 5", ratings)
	}
}

func TestImportBadFiles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file  string
		lines []string
	}{
		{"bad.jsonl", []string{
			`line 2: Unknown lane "sideways" in activities`,
			"line 3: A note cannot be empty.",
			`line 4: Unknown area "feelings"`,
			"line 5: not a JSON object",
			"line 6: An open topic's lane is the topic's title, e.g. \"AI tools\"; this row has none.",
			`line 7: unknown field "autor"`,
		}},
		{"bad.csv", []string{
			`line 3: Unknown lane "keep" in motivation`,
			"line 4: 2 fields, but the header names 3 columns",
		}},
		// The quote opened on line 3 is never closed: the count alone would point at
		// the wrong cause.
		{"unclosed.csv", []string{
			`line 3: 1 field, but the header names 3 columns; a quoted field runs over several lines: is a closing quote (") missing?`,
		}},
	}
	// The session is made once; each file goes to a copy of its own.
	fixture, id := importSession(t, session.PhaseWrite)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			dir := copyDataDir(t, fixture)
			var out, errb bytes.Buffer
			code := run([]string{"import", "--data", dir, "--session", id, filepath.Join("..", "..", "testdata", "import", tt.file)}, nil, &out, &errb)
			if code == 0 {
				t.Fatalf("exit 0 for a bad file: %s", out.String())
			}
			if out.Len() != 0 {
				t.Errorf("stdout %q", out.String())
			}
			for _, l := range tt.lines {
				if !strings.Contains(errb.String(), l) {
					t.Errorf("stderr lacks %q:\n%s", l, errb.String())
				}
			}
			if got := strings.Count(errb.String(), "\n  line "); got != len(tt.lines) {
				t.Errorf("%d lines reported, want %d:\n%s", got, len(tt.lines), errb.String())
			}
			if ns, ps := storedNotes(t, dir, id); len(ns) != 0 || len(ps) != 0 {
				t.Fatalf("a failed import stored %d notes and %d participants", len(ns), len(ps))
			}
		})
	}
}

func TestImportCleansAndKeepsWideText(t *testing.T) {
	t.Parallel()
	dir, id := importSession(t, session.PhaseVote)
	in := "{\"text\":\"\\u001b[2J\\u001b]8;;http://x\\u0007click\\u001b]8;;\\u0007 me \\u202eevil\",\"area\":\"open\",\"lane\":\"\\u001b[31m红 topic\",\"author\":\"x\"}\n" +
		`{"text":"セキュリティ研修 👩🏽‍💻 is great","area":"activities","lane":"keep","activity":"security training"}` + "\n"
	var out, errb bytes.Buffer
	if code := run([]string{"import", "--data", dir, "--session", id, "--format", "jsonl", "-"}, strings.NewReader(in), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	ns, _ := storedNotes(t, dir, id)
	if len(ns) != 2 {
		t.Fatalf("%d notes", len(ns))
	}
	if ns[0].Text != "click me evil" || ns[0].Lane != "红 topic" {
		t.Errorf("escape sequences kept: %q in %q", ns[0].Text, ns[0].Lane)
	}
	if ns[1].Text != "セキュリティ研修 👩🏽‍💻 is great" {
		t.Errorf("wide text changed: %q", ns[1].Text)
	}
}

func TestImportRefuses(t *testing.T) {
	t.Parallel()
	dir, id := importSession(t, session.PhaseWrite)
	good := filepath.Join("..", "..", "testdata", "import", "notes.jsonl")
	txt := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(txt, []byte("text,area,lane\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	badHeader := filepath.Join(t.TempDir(), "h.csv")
	if err := os.WriteFile(badHeader, []byte("text,area,lane,theme\nx,open,y,z\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown session", []string{"--data", dir, "--session", "nope", good}, 1, `there is no session "nope"`},
		{"no session flag", []string{"--data", dir, good}, 2, "usage: charter import"},
		{"no file", []string{"--data", dir, "--session", id}, 2, "usage: charter import"},
		{"missing file", []string{"--data", dir, "--session", id, "absent.jsonl"}, 1, "absent.jsonl"},
		{"unknown extension", []string{"--data", dir, "--session", id, txt}, 2, "--format"},
		{"unknown column", []string{"--data", dir, "--session", id, badHeader}, 1, `unknown column "theme"`},
		{"empty input", []string{"--data", dir, "--session", id, "--format", "csv", "-"}, 1, "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(append([]string{"import"}, tt.args...), strings.NewReader(""), &out, &errb)
			if code != tt.code || !strings.Contains(errb.String(), tt.want) || out.Len() != 0 {
				t.Fatalf("exit %d (want %d), stdout %q, stderr %q (want %q)", code, tt.code, out.String(), errb.String(), tt.want)
			}
		})
	}
	if ns, ps := storedNotes(t, dir, id); len(ns) != 0 || len(ps) != 0 {
		t.Fatalf("refused imports stored %d notes and %d participants", len(ns), len(ps))
	}

	t.Run("flags after the file", func(t *testing.T) {
		var out, errb bytes.Buffer
		if code := run([]string{"import", good, "--data", dir, "--session", id}, nil, &out, &errb); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
	})
}

// A mistyped --data is said, and leaves no empty database behind.
func TestMistypedDataDirCreatesNothing(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"import", "--session", "abc", filepath.Join("..", "..", "testdata", "import", "notes.jsonl")},
		{"invite", "--session", "abc"},
	} {
		t.Run(args[0], func(t *testing.T) {
			missing := filepath.Join(t.TempDir(), "typo")
			var out, errb bytes.Buffer
			rc := run(append(args, "--data", missing), nil, &out, &errb)
			if rc != 1 || !strings.Contains(errb.String(), "no charter data in "+missing) {
				t.Errorf("exit %d, stderr %q; want 1 saying there is no charter data", rc, errb.String())
			}
			if _, err := os.Stat(missing); !os.IsNotExist(err) {
				t.Errorf("%s was created (%v)", missing, err)
			}
		})
	}
}

// A closed session's results are frozen: an import is refused, saying how to reopen
// the session, and nothing is stored.
func TestImportIntoAClosedSessionIsRefused(t *testing.T) {
	t.Parallel()
	dir, id := importSession(t, session.PhaseClosed)
	var out, errb bytes.Buffer
	rc := run([]string{"import", "--data", dir, "--session", id, filepath.Join("..", "..", "testdata", "import", "notes.csv")}, nil, &out, &errb)
	if rc != 1 || !strings.Contains(errb.String(), "closed") || !strings.Contains(errb.String(), "reopen it on the board") {
		t.Fatalf("exit %d, stderr %q; want 1 saying the session is closed and how to reopen it", rc, errb.String())
	}
	if ns, ps := storedNotes(t, dir, id); len(ns) != 0 || len(ps) != 0 {
		t.Errorf("a refused import stored %d notes and %d participants", len(ns), len(ps))
	}
}

// The same file imported twice is refused the second time, saying why; with
// --allow-duplicates it goes in.
func TestImportTwiceIsRefused(t *testing.T) {
	t.Parallel()
	dir, id := importSession(t, session.PhaseActions)
	file := filepath.Join("..", "..", "testdata", "import", "notes.csv")
	var out, errb bytes.Buffer
	if rc := run([]string{"import", "--data", dir, "--session", id, file}, nil, &out, &errb); rc != 0 {
		t.Fatalf("first import: exit %d: %s", rc, errb.String())
	}
	out.Reset()
	errb.Reset()
	rc := run([]string{"import", "--data", dir, "--session", id, file}, nil, &out, &errb)
	// One line for the whole file, not one per row.
	if rc != 1 || !strings.Contains(errb.String(), "all 5 of its notes are in the session already (same text ignoring case") ||
		strings.Contains(errb.String(), "line 2:") || !strings.Contains(errb.String(), "imported before?") {
		t.Fatalf("second import: exit %d, stderr:\n%s", rc, errb.String())
	}
	if ns, _ := storedNotes(t, dir, id); len(ns) != 5 {
		t.Fatalf("%d notes after the refused import, want 5", len(ns))
	}
	errb.Reset()
	if rc := run([]string{"import", "--data", dir, "--session", id, "--allow-duplicates", file}, nil, &out, &errb); rc != 0 {
		t.Fatalf("--allow-duplicates: exit %d: %s", rc, errb.String())
	}
	ns, ps := storedNotes(t, dir, id)
	if len(ns) != 10 {
		t.Fatalf("%d notes after --allow-duplicates, want 10", len(ns))
	}
	// It says how many notes repeat and how many paper authors the session counts
	// now: a file imported twice counts its people twice.
	paper := 0
	for _, p := range ps {
		if p.Paper {
			paper++
		}
	}
	want := fmt.Sprintf("all 5 imported notes are the same as notes the session had; it now counts %d paper authors", paper)
	if !strings.Contains(out.String(), want) {
		t.Errorf("--allow-duplicates said:\n%s\nwant it to say %q", out.String(), want)
	}
}

// A labelled note set (as the README's grouping walk-through uses) imports as it is:
// its id and theme fields are left aside, and the output says so. In the group
// phase the output names the board's keys for the new notes.
func TestImportTakesALabelledNoteSet(t *testing.T) {
	t.Parallel()
	all, err := os.ReadFile(filepath.Join("..", "..", "testdata", "notes-unseen.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(all), "\n")[:5]
	file := filepath.Join(t.TempDir(), "five.jsonl")
	if err := os.WriteFile(file, []byte(strings.Join(lines, "")), 0o600); err != nil {
		t.Fatal(err)
	}
	dir, id := importSession(t, session.PhaseGroup)
	var out, errb bytes.Buffer
	if rc := run([]string{"import", "--data", dir, "--session", id, file}, nil, &out, &errb); rc != 0 {
		t.Fatalf("exit %d: %s", rc, errb.String())
	}
	for _, want := range []string{"imported 5 notes", "the id and theme fields were left aside", "M moves a note"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if ns, _ := storedNotes(t, dir, id); len(ns) != 5 {
		t.Errorf("%d notes stored, want 5", len(ns))
	}
}

// A file that holds the notes imported before and a new one says how many of its
// notes the session has, out of how many.
func TestImportAgainWithANewRowCountsBoth(t *testing.T) {
	t.Parallel()
	dir, id := importSession(t, session.PhaseActions)
	file := filepath.Join("..", "..", "testdata", "import", "notes.csv")
	mustRun(t, "import", "--data", dir, "--session", id, file)
	old, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	more := filepath.Join(t.TempDir(), "more.csv")
	if err := os.WriteFile(more, append(old, []byte(",motivation,motivates,,\"Being thanked when we fix fast\"\n")...), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	rc := run([]string{"import", "--data", dir, "--session", id, more}, nil, &out, &errb)
	if rc != 1 || !strings.Contains(errb.String(), "5 of its 6 notes are in the session already") {
		t.Fatalf("exit %d, stderr:\n%s", rc, errb.String())
	}
}

// An activity the session's list lacks is imported as written, and said: a slip
// ("pen tsting") became a row of the activity matrix of its own, apart from pen
// testing, without a word.
func TestImportSaysWhichActivitiesTheSessionLacks(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "acts.jsonl")
	rows := `{"text":"retest after every pen test","area":"activities","lane":"more","activity":"pen tsting"}
{"text":"pen tests find what scanners miss","area":"activities","lane":"keep","activity":"Pen Testing"}
{"text":"pair on reviews of risky changes","area":"activities","lane":"add","activity":"chaos days"}
{"text":"review the auth code twice","area":"activities","lane":"add","activity":"chaos days"}
`
	if err := os.WriteFile(file, []byte(rows), 0o600); err != nil {
		t.Fatal(err)
	}
	dir, id := importSession(t, session.PhaseWrite)
	var out, errb bytes.Buffer
	if rc := run([]string{"import", "--data", dir, "--session", id, file}, nil, &out, &errb); rc != 0 {
		t.Fatalf("exit %d: %s", rc, errb.String())
	}
	for _, want := range []string{
		`note: 1 note names the activity "pen tsting", which the session does not have: did you mean "pen testing"?`,
		`note: 2 notes name the activity "chaos days", which is not in the session's list`,
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), `"pen testing", which`) {
		t.Errorf("an activity of the list is said to be missing:\n%s", out.String())
	}
	ns, _ := storedNotes(t, dir, id)
	if len(ns) != 4 {
		t.Errorf("%d notes stored, want 4", len(ns))
	}
	// One of the list's in another case is stored as the list spells it: the
	// findings count activities by name, and it made a row of its own.
	for _, n := range ns {
		if n.Text == "pen tests find what scanners miss" && n.Activity != "pen testing" {
			t.Errorf("stored under the activity %q, not the list's \"pen testing\"", n.Activity)
		}
	}
}

// A file saved in another encoding than UTF-8 (UTF-16 from Notepad, Windows-1252
// from Excel's plain "CSV") is refused with a message saying so, instead of losing
// its accented letters without a word ("café" stored as "caf").
func TestImportRefusesOtherEncodings(t *testing.T) {
	t.Parallel()
	utf16 := func(s string) string {
		b := []byte{0xff, 0xfe}
		for _, r := range s {
			b = append(b, byte(r), 0)
		}
		return string(b)
	}
	tests := []struct {
		name, format, in, want string
	}{
		{"utf16.csv", "csv", utf16("text,area,lane\nnote,confidence,strength\n"), "UTF-16"},
		{"utf16.jsonl", "jsonl", utf16(`{"text":"note","area":"confidence","lane":"strength"}` + "\n"), "UTF-16"},
		{"latin1.csv", "csv", "text,area,lane\ncaf\xe9 au lait,confidence,strength\n", "line 2: not UTF-8 text"},
		{"latin1.jsonl", "jsonl", `{"text":"ok","area":"confidence","lane":"strength"}` + "\n" + `{"text":"caf` + "\xe9" + `","area":"confidence","lane":"strength"}` + "\n", "line 2: not UTF-8 text"},
	}
	// The session is made once; each file goes to a copy of its own.
	fixture, id := importSession(t, session.PhaseWrite)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyDataDir(t, fixture)
			var out, errb bytes.Buffer
			code := run([]string{"import", "--data", dir, "--session", id, "--format", tt.format, "-"}, strings.NewReader(tt.in), &out, &errb)
			if code == 0 {
				t.Fatalf("exit 0 for a file in another encoding: %s", out.String())
			}
			if !strings.Contains(errb.String(), tt.want) || !strings.Contains(errb.String(), "save it as UTF-8") {
				t.Errorf("stderr lacks %q and how to save as UTF-8:\n%s", tt.want, errb.String())
			}
			if ns, _ := storedNotes(t, dir, id); len(ns) != 0 {
				t.Fatalf("%d notes stored from a file in another encoding", len(ns))
			}
		})
	}
}

// A paper note of the security activities with no activity column goes under the
// one of the session's list its text names, as a note written live does, and the
// import says how many went so; the same file again is refused as before.
func TestImportFilesNotesUnderTheActivityTheyName(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "paper.csv")
	rows := `area,lane,activity,text
activities,keep,,Keep pen testing before major releases
activities,less,,SAST findings are mostly noise
activities,more,,more time for security work
activities,add,bug bounty,a bounty finds what pen testing misses
`
	if err := os.WriteFile(file, []byte(rows), 0o600); err != nil {
		t.Fatal(err)
	}
	dir, id := importSession(t, session.PhaseWrite)
	var out, errb bytes.Buffer
	if rc := run([]string{"import", "--data", dir, "--session", id, file}, nil, &out, &errb); rc != 0 {
		t.Fatalf("exit %d: %s", rc, errb.String())
	}
	if want := "note: 2 notes of the security activities given no activity went under the one of the session's list their text names, as notes written live do (L on the board files a note elsewhere)."; !strings.Contains(out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, out.String())
	}
	ns, _ := storedNotes(t, dir, id)
	want := map[string]string{
		"Keep pen testing before major releases": "pen testing",
		"SAST findings are mostly noise":         "code scanning (SAST)",
		"more time for security work":            "",
		"a bounty finds what pen testing misses": "bug bounty",
	}
	if len(ns) != len(want) {
		t.Fatalf("%d notes stored, want %d", len(ns), len(want))
	}
	for _, n := range ns {
		if a, ok := want[n.Text]; !ok || n.Activity != a {
			t.Errorf("%q stored under %q, want %q", n.Text, n.Activity, a)
		}
	}
	errb.Reset()
	if rc := run([]string{"import", "--data", dir, "--session", id, file}, nil, &out, &errb); rc != 1 || !strings.Contains(errb.String(), "all 4 of its notes are in the session already") {
		t.Fatalf("the file again: exit %d, stderr:\n%s", rc, errb.String())
	}
}
