package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
)

// exportFixture makes a data directory with one session holding a visible and a
// hidden note, and returns the directory and the session's ID.
func exportFixture(t *testing.T) (string, string) {
	t.Helper()
	ctx := context.Background()
	dir := newDataDir(t)
	db, err := openData(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := session.NewService(db, nil)
	sess, err := svc.NewSession(ctx, session.Session{Title: "Service owners Porto", Audience: session.AudienceServiceOwners})
	if err != nil {
		t.Fatal(err)
	}
	p, err := svc.Join(ctx, sess.ID, "k")
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.SetName(ctx, p, "Ingrid"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaMotivation, Lane: "motivates", Text: "seeing fixed findings go green"}); err != nil {
		t.Fatal(err)
	}
	hidden, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaMotivation, Lane: "demotivates", Text: "HIDDEN-NOTE-TEXT"})
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.HideNote(ctx, hidden.ID, true); err != nil {
		t.Fatal(err)
	}
	// The reveal shows the notes of the lone writer, which waited for a second.
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseReveal); err != nil {
		t.Fatal(err)
	}
	return dir, sess.ID
}

// copyDataDir copies the files of the data directory dir, which no program has
// open, into a new data directory and returns it.
func copyDataDir(t *testing.T, dir string) string {
	t.Helper()
	copied := newEmptyDataDir(t)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(copied, e.Name()), b, fi.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
	return copied
}

func TestRunExport(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		// args gets the data directory and session ID; out is a file in a fresh
		// directory for -o.
		args       func(dir, id, out string) []string
		code       int
		stdout     []string
		stderr     string
		wantFile   bool
		wantJSON   bool
		noTempLeft bool
	}{
		{"markdown to stdout", func(d, id, _ string) []string { return []string{"--data", d, "--session", id} },
			0, []string{"# Findings: Service owners Porto", "seeing fixed findings go green", "No themes yet"}, "", false, false, false},
		{"json to stdout", func(d, id, _ string) []string { return []string{"--data", d, "--session", id, "--format", "json"} },
			0, []string{`"text": "seeing fixed findings go green"`}, "", false, true, false},
		{"markdown to a file", func(d, id, o string) []string { return []string{"--data", d, "--session", id, "-o", o} },
			0, nil, "", true, false, true},
		{"unknown session", func(d, _, _ string) []string { return []string{"--data", d, "--session", "nope"} },
			1, nil, `no session with ID "nope"`, false, false, false},
		{"no session flag", func(d, _, _ string) []string { return []string{"--data", d} },
			2, nil, "usage: charter export", false, false, false},
		{"unknown format", func(d, id, _ string) []string { return []string{"--data", d, "--session", id, "--format", "pdf"} },
			2, nil, `unknown format "pdf"`, false, false, false},
		{"no data", func(d, id, _ string) []string { return []string{"--data", d + "-typo", "--session", id} },
			1, nil, "no charter data in", false, false, false},
		{"output directory missing", func(d, id, o string) []string {
			return []string{"--data", d, "--session", id, "-o", filepath.Join(filepath.Dir(o), "missing", "f.md")}
		}, 1, nil, "charter export: write", false, false, false},
	}
	// The fixture is built once; each case exports from a copy of its own.
	fixture, id := exportFixture(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := copyDataDir(t, fixture)
			outDir := t.TempDir()
			out := filepath.Join(outDir, "findings.md")
			var stdout, stderr bytes.Buffer
			code := runExport(tt.args(dir, id, out), nil, &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit code %d, want %d; stderr %q", code, tt.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.stderr) || (tt.stderr == "" && stderr.Len() > 0) {
				t.Errorf("stderr %q, want %q", stderr.String(), tt.stderr)
			}
			doc := stdout.String()
			if tt.wantFile {
				if stdout.Len() > 0 {
					t.Errorf("stdout not empty with -o: %q", doc)
				}
				st, err := os.Stat(out)
				if err != nil {
					t.Fatal(err)
				}
				if st.Mode().Perm() != 0o600 {
					t.Errorf("file mode %v, want 0600", st.Mode().Perm())
				}
				b, _ := os.ReadFile(out)
				doc = string(b)
				if !strings.Contains(doc, "seeing fixed findings go green") {
					t.Errorf("file lacks the note:\n%s", doc)
				}
			}
			if tt.noTempLeft {
				entries, _ := os.ReadDir(outDir)
				if len(entries) != 1 {
					t.Errorf("output directory holds %d entries, want only the file", len(entries))
				}
			}
			for _, s := range tt.stdout {
				if !strings.Contains(doc, s) {
					t.Errorf("output lacks %q:\n%s", s, doc)
				}
			}
			for _, never := range []string{"HIDDEN-NOTE-TEXT", "Ingrid"} {
				if strings.Contains(doc, never) {
					t.Errorf("output contains %q", never)
				}
			}
			if tt.wantJSON && !json.Valid(stdout.Bytes()) {
				t.Errorf("output is not JSON:\n%s", doc)
			}
			if code != 0 {
				if _, err := os.Stat(dir + "-typo"); err == nil {
					t.Errorf("export created a data directory")
				}
				if stdout.Len() > 0 {
					t.Errorf("stdout on error: %q", doc)
				}
			}
		})
	}
}

func TestExportReplacesFileWhole(t *testing.T) {
	t.Parallel()
	dir, id := exportFixture(t)
	out := filepath.Join(t.TempDir(), "findings.json")
	if err := os.WriteFile(out, []byte(strings.Repeat("old ", 10000)), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := runExport([]string{"--data", dir, "--session", id, "--format", "json", "-o", out}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(b) || strings.Contains(string(b), "old old") {
		t.Errorf("file was not replaced whole:\n%.200s", b)
	}
	// A failed export leaves the previous file as it was.
	if code := runExport([]string{"--data", dir, "--session", "nope", "-o", out}, nil, &stdout, &stderr); code == 0 {
		t.Fatal("export of unknown session succeeded")
	}
	if again, _ := os.ReadFile(out); !bytes.Equal(again, b) {
		t.Errorf("failed export changed the file")
	}
}

// The board's export (x) keeps the one before when the findings changed since
// (the session was reopened, a note hidden): the record of what was agreed in the
// room is not overwritten. The same findings again leave one file.
func TestBoardExportKeepsTheOneBefore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir, id := exportFixture(t)
	db, err := openData(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := session.NewService(db, nil)
	path, kept, err := exportToDataDir(ctx, svc, dir, id)
	if err != nil || kept != "" {
		t.Fatalf("first export: %q, kept %q, %v", path, kept, err)
	}
	first, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, kept, err = exportToDataDir(ctx, svc, dir, id); err != nil || kept != "" {
		t.Fatalf("the same findings again: kept %q, %v", kept, err)
	}
	title := "Service owners Porto, second day"
	if _, err := svc.EditSession(ctx, id, session.SessionEdit{Title: &title}); err != nil {
		t.Fatal(err)
	}
	var keptNames []string
	for range 2 {
		_, kept, err = exportToDataDir(ctx, svc, dir, id)
		if err != nil {
			t.Fatal(err)
		}
		keptNames = append(keptNames, kept)
	}
	if keptNames[0] == "" || keptNames[1] != "" {
		t.Fatalf("after a change, kept %q", keptNames)
	}
	if b, err := os.ReadFile(keptNames[0]); err != nil || !bytes.Equal(b, first) {
		t.Errorf("the export before is not kept whole in %s: %v", keptNames[0], err)
	}
	if !regexp.MustCompile(`^session-` + regexp.QuoteMeta(id) + `-\d{8}T\d{6}Z\.md$`).MatchString(filepath.Base(keptNames[0])) {
		t.Errorf("kept as %s", filepath.Base(keptNames[0]))
	}
	if b, err := os.ReadFile(path); err != nil || !strings.Contains(string(b), "second day") {
		t.Errorf("the export is not the new findings: %v", err)
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil || len(entries) != 2 {
		t.Errorf("exports hold %d files, want 2 (%v)", len(entries), err)
	}
}

// Boards exporting the same changed session at once (two facilitators, or x on two
// connections) keep the export before once, and none fails (a review's finding:
// one moved the file away while another read or moved it).
func TestConcurrentExportsKeepTheOneBeforeOnce(t *testing.T) {
	t.Parallel()
	old, doc := []byte("what was agreed\n"), []byte("what changed since\n")
	for range 50 {
		dir := t.TempDir()
		path := filepath.Join(dir, "session-x.md")
		if err := os.WriteFile(path, old, 0o600); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for range 4 {
			wg.Go(func() {
				if _, err := replaceExport(path, doc); err != nil {
					errs <- err
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatalf("an export failed: %v", err)
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var olds, docs int
		for _, e := range entries {
			b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			olds += map[bool]int{true: 1}[bytes.Equal(b, old)]
			docs += map[bool]int{true: 1}[bytes.Equal(b, doc)]
		}
		if olds != 1 || docs != 1 || len(entries) != 2 {
			t.Fatalf("after 4 exports at once: %d files, %d of the export before, %d of the new", len(entries), olds, docs)
		}
	}
}

// Where the file system refuses hard links (FAT, some network shares, a file of
// another user under protected_hardlinks), the export before is kept by a copy:
// the export does not fail (a review's finding).
func TestExportKeepsTheOneBeforeWhereLinksAreRefused(t *testing.T) {
	// Not parallel: it stands in linkFile for the package.
	was := linkFile
	linkFile = func(string, string) error { return &os.LinkError{Op: "link", Err: syscall.EPERM} }
	defer func() { linkFile = was }()
	dir := t.TempDir()
	path := filepath.Join(dir, "session-x.md")
	if err := os.WriteFile(path, []byte("what was agreed\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	kept, err := replaceExport(path, []byte("what changed since\n"))
	if err != nil {
		t.Fatalf("the export failed where links are refused: %v", err)
	}
	if b, err := os.ReadFile(kept); err != nil || string(b) != "what was agreed\n" {
		t.Errorf("kept %q: %q, %v", kept, b, err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "what changed since\n" {
		t.Errorf("the export: %q, %v", b, err)
	}
}

// -o names where the document goes, not a file to replace: "-o /dev/null" (or
// /dev/stdout, a pipe) had the device renamed over by a regular file, which for
// root broke /dev/null for the whole machine, and -o through a link replaced the
// link with a file. A path that is not a regular file is written in place, and a
// link is followed to the file it names.
func TestOutputIsWrittenWhereThePathLeads(t *testing.T) {
	t.Parallel()
	dir, id := exportFixture(t)
	campaigns := reportData(t, "Alpha 2026")
	for name, run := range map[string]func(out string) (int, string){
		"export": func(out string) (int, string) {
			var stdout, stderr bytes.Buffer
			return runExport([]string{"--data", dir, "--session", id, "--format", "json", "-o", out}, nil, &stdout, &stderr), stderr.String()
		},
		"report": func(out string) (int, string) {
			var stdout, stderr bytes.Buffer
			return runReport([]string{"--data", campaigns, "--format", "json", "-o", out}, nil, &stdout, &stderr), stderr.String()
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tmp := t.TempDir()
			pipe := filepath.Join(tmp, "pipe")
			if err := syscall.Mkfifo(pipe, 0o600); err != nil {
				t.Skip("no named pipes here:", err)
			}
			read := make(chan []byte)
			go func() {
				f, err := os.Open(pipe)
				if err != nil {
					read <- nil
					return
				}
				defer f.Close()
				b, _ := io.ReadAll(f)
				read <- b
			}()
			if code, stderr := run(pipe); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			select {
			case b := <-read:
				if !json.Valid(b) {
					t.Errorf("the pipe got %.200q", b)
				}
			case <-time.After(5 * time.Second):
				t.Errorf("nothing was written to the pipe")
			}
			if st, err := os.Lstat(pipe); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
				t.Errorf("the pipe was replaced: %v, %v", st.Mode(), err)
			}

			target := filepath.Join(tmp, "findings.json")
			if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
				t.Fatal(err)
			}
			link := filepath.Join(tmp, "latest.json")
			if err := os.Symlink(target, link); err != nil {
				t.Fatal(err)
			}
			if code, stderr := run(link); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
				t.Errorf("the link was replaced by a file: %v", err)
			}
			if b, _ := os.ReadFile(target); !json.Valid(b) {
				t.Errorf("the file the link names holds %.200q", b)
			}
		})
	}
}

// -o into a folder that does not exist says so, not that a temporary file the
// user never named could not be opened (".x.md.3230808668.tmp").
func TestOutputIntoAMissingFolderSaysSo(t *testing.T) {
	t.Parallel()
	dir, id := exportFixture(t)
	out := filepath.Join(t.TempDir(), "nowhere", "findings.md")
	var stdout, stderr bytes.Buffer
	if code := runExport([]string{"--data", dir, "--session", id, "-o", out}, nil, &stdout, &stderr); code == 0 {
		t.Fatal("export into a missing folder succeeded")
	}
	if msg := stderr.String(); !strings.Contains(msg, "there is no folder "+filepath.Dir(out)) || strings.Contains(msg, ".tmp") {
		t.Errorf("message: %s", msg)
	}
}

// The findings of a session planned without a day, exported before anyone took
// part, say it has no date yet in every format: they gave the day it was created, as
// if it had been held then. Once held (paper notes imported, though it never left the
// lobby) they give the day the campaign report places it on, the day it was created;
// they said "no date yet" while the report dated it. Once begun, that day is its date.
func TestExportOfASessionNotHeldSaysItHasNoDateYet(t *testing.T) {
	t.Parallel()
	dir, id := importSession(t, session.PhaseLobby)
	var out, errb bytes.Buffer
	if code := run([]string{"session", "edit", "--data", dir, "--session", id, "--campaign", "Chartering 2027"}, nil, &out, &errb); code != 0 {
		t.Fatalf("session edit: exit %d, %s", code, errb.String())
	}
	export := func(format string) string {
		t.Helper()
		var out, errb bytes.Buffer
		if code := run([]string{"export", "--data", dir, "--session", id, "--format", format}, nil, &out, &errb); code != 0 {
			t.Fatalf("export --format %s: exit %d, %s", format, code, errb.String())
		}
		return out.String()
	}
	var doc struct {
		Session struct {
			Date *string `json:"date"`
		} `json:"session"`
	}
	if err := json.Unmarshal([]byte(export("json")), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Session.Date == nil || *doc.Session.Date != "" {
		t.Errorf("JSON session date %v, want \"\"", doc.Session.Date)
	}
	if md := export("md"); !strings.Contains(md, "\n- Date: no date yet\n") {
		t.Errorf("Markdown does not say there is no date yet:\n%s", md)
	}
	if html := export("html"); !strings.Contains(html, "<li>Date: no date yet</li>") {
		t.Errorf("HTML does not say there is no date yet:\n%s", html)
	}

	// Paper notes in, still in the lobby: held, for the campaign report too.
	out.Reset()
	if code := run([]string{"import", "--data", dir, "--session", id, filepath.Join("..", "..", "testdata", "import", "notes.csv")}, nil, &out, &errb); code != 0 {
		t.Fatalf("import: exit %d, %s", code, errb.String())
	}
	out.Reset()
	if code := run([]string{"report", "--data", dir, "--format", "json"}, nil, &out, &errb); code != 0 {
		t.Fatalf("report: exit %d, %s", code, errb.String())
	}
	var campaign struct {
		Sessions []struct {
			ID   string `json:"id"`
			Date string `json:"date"`
		} `json:"sessions"`
	}
	if err := json.Unmarshal(out.Bytes(), &campaign); err != nil {
		t.Fatal(err)
	}
	if len(campaign.Sessions) != 1 || campaign.Sessions[0].ID != id || campaign.Sessions[0].Date == "" {
		t.Fatalf("the campaign report's sessions held: %+v, want %s with its date", campaign.Sessions, id)
	}
	day := campaign.Sessions[0].Date
	if err := json.Unmarshal([]byte(export("json")), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Session.Date == nil || *doc.Session.Date != day {
		t.Errorf("JSON session date %v, want %s as in the campaign report", doc.Session.Date, day)
	}
	if md := export("md"); !strings.Contains(md, "\n- Date: "+day+"\n") {
		t.Errorf("Markdown does not give the campaign report's day %s:\n%s", day, md)
	}
	rows, err := csv.NewReader(strings.NewReader(export("csv"))).ReadAll()
	if err != nil || len(rows) < 2 || rows[0][2] != "date" {
		t.Fatalf("CSV %q: %v", rows, err)
	}
	for _, r := range rows[1:] {
		if r[2] != day {
			t.Errorf("a CSV row dated %q, want %s: %q", r[2], day, r)
		}
	}

	// Begun without a day given, it is held on the day it was created.
	db, err := openData(dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err := session.NewService(db, nil).SetPhase(context.Background(), id, session.PhaseCheckIn)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if md, day := export("md"), s.Day().Format(session.DateLayout); !strings.Contains(md, "\n- Date: "+day+"\n") {
		t.Errorf("Markdown of a session begun does not give its day %s:\n%s", day, md)
	}
}
