package main

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
)

// -h is a request, not a mistake: usage and exit 0. An unknown flag is a mistake: exit 2.
func TestHelpAndBadFlags(t *testing.T) {
	t.Parallel()
	for _, cmd := range [][]string{{"serve"}, {"session", "new"}, {"export"}, {"import"}, {"invite"}, {"report"}, {"backup"}, {"loadtest"}, {"cluster"},
		{"roster", "import"}, {"plan"}, {"hypothesis", "add"}, {"hypothesis", "list"}, {"hypothesis", "verdict"}} {
		t.Run(strings.Join(cmd, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			if rc := run(append(cmd, "-h"), nil, &out, &errb); rc != 0 || !strings.Contains(out.String()+errb.String(), "usage") && !strings.Contains(out.String()+errb.String(), "Usage") {
				t.Errorf("-h: exit %d, output:\n%s%s", rc, out.String(), errb.String())
			}
			errb.Reset()
			if rc := run(append(cmd, "--no-such-flag"), nil, &out, &errb); rc != 2 || !strings.Contains(errb.String(), "no-such-flag") {
				t.Errorf("--no-such-flag: exit %d, stderr %q", rc, errb.String())
			}
		})
	}
}

// A command with verbs asked for help lists its verbs, each with what it does, and
// exits 0; the top-level usage says so.
func TestHelpOfACommandWithVerbs(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"session", "roster", "hypothesis"} {
		for _, h := range []string{"-h", "--help", "help"} {
			var out, errb bytes.Buffer
			rc := run([]string{name, h}, nil, &out, &errb)
			if rc != 0 || errb.Len() > 0 {
				t.Errorf("charter %s %s: exit %d, stderr %q", name, h, rc, errb.String())
			}
			for _, v := range verbs(name) {
				if !strings.Contains(out.String(), "  "+name+" "+v+" ") || !strings.Contains(out.String(), findCommand(name+" "+v).summary) {
					t.Errorf("charter %s %s does not list %q with its summary:\n%s", name, h, v, out.String())
				}
			}
		}
	}
}

// Every command's -h starts with how it is called, not flag's bare "Usage of", on
// standard output (help asked for is the answer: `charter serve -h | less` showed
// nothing), as --help does.
func TestEveryCommandHelpSaysHowToCallIt(t *testing.T) {
	t.Parallel()
	for _, c := range commands {
		for _, h := range []string{"-h", "--help"} {
			var out, errb bytes.Buffer
			code := run(append(strings.Fields(c.name), h), nil, &out, &errb)
			help := out.String()
			if code != 0 || !strings.HasPrefix(help, "usage: charter "+c.name) || strings.Contains(help, "Usage of") || errb.Len() > 0 {
				t.Errorf("charter %s %s: exit %d, stdout:\n%s\nstderr:\n%s", c.name, h, code, help, errb.String())
			}
		}
	}
}

// An -h that is a flag's value asks for no help: the command's error goes to stderr
// with a non-zero exit, nothing to stdout, however the command reads its flags. An -h
// after a flag that takes no value, or alone, is still help, on stdout.
func TestAnHThatIsAFlagsValueIsNoRequestOfHelp(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "data")
	for _, args := range [][]string{
		{"session", "new", "--data", dir, "--title", "-h"},
		{"session", "new", "--data", dir, "--audience", "-h", "--title", "x"},
		{"session", "edit", "--data", dir, "--session", "-h"},
		{"export", "--data", dir, "--session", "-h"},
		{"report", "--data", dir, "--campaign", "-h"},
		{"session", "delete", "--data", dir, "--session", "-h", "--yes"},
		{"hypothesis", "add", "--data", dir, "--campaign", "-h"},
		{"import", "--data", dir, "--session", "-h", "notes.jsonl"},
	} {
		var out, errb bytes.Buffer
		rc := run(args, nil, &out, &errb)
		if rc == 0 || out.Len() > 0 || errb.Len() == 0 || strings.HasPrefix(errb.String(), "usage") && rc != 2 {
			t.Errorf("charter %s: exit %d, stdout %q, stderr %q", strings.Join(args, " "), rc, out.String(), errb.String())
		}
	}
	for _, args := range [][]string{
		{"session", "new", "--new", "-h"},
		{"import", "--allow-duplicates", "-h"},
		{"session", "new", "--title", "x", "-h"},
		{"export", "--", "-h"},
	} {
		var out, errb bytes.Buffer
		rc := run(args, nil, &out, &errb)
		help := args[len(args)-2] != "--"
		if help && (rc != 0 || !strings.HasPrefix(out.String(), "usage: charter ") || errb.Len() > 0) {
			t.Errorf("charter %s: exit %d, stdout %q, stderr %q", strings.Join(args, " "), rc, out.String(), errb.String())
		}
		if !help && (rc == 0 || out.Len() > 0) {
			t.Errorf("charter %s (an -h after --): exit %d, stdout %q", strings.Join(args, " "), rc, out.String())
		}
	}
}

// After "--" everything is an argument: flags may follow arguments, but not the
// "--" that ends them, where an -h was taken for help. A "--" that is a flag's value
// ends nothing.
func TestParseInterspersedTakesAllAfterDashesAsArguments(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		pos  []string
		s    string
		b    bool
	}{
		{args: []string{"a.csv", "-b", "b.csv"}, pos: []string{"a.csv", "b.csv"}, b: true},
		{args: []string{"-s", "x", "--", "a.csv", "-h"}, pos: []string{"a.csv", "-h"}, s: "x"},
		{args: []string{"a.csv", "--", "-b", "-s", "x"}, pos: []string{"a.csv", "-b", "-s", "x"}},
		{args: []string{"-b", "--", "--", "-h"}, pos: []string{"--", "-h"}, b: true},
		{args: []string{"-s", "--", "a.csv", "-b"}, pos: []string{"a.csv"}, s: "--", b: true},
		{args: []string{"--s=--", "a.csv", "--", "-b"}, pos: []string{"a.csv", "-b"}, s: "--"},
		{args: []string{"-b=false", "--", "-b"}, pos: []string{"-b"}},
	} {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		s, b := fs.String("s", "", ""), fs.Bool("b", false, "")
		pos, err := parseInterspersed(fs, tc.args, io.Discard)
		if err != nil || !slices.Equal(pos, tc.pos) || *s != tc.s || *b != tc.b {
			t.Errorf("%q: arguments %q, -s %q, -b %v, %v; want %q, %q, %v", tc.args, pos, *s, *b, err, tc.pos, tc.s, tc.b)
		}
	}

	// charter import with a file and an -h after --: two files, no help.
	dir, id := importSession(t, session.PhaseLobby)
	var out, errb bytes.Buffer
	rc := run([]string{"import", "--data", dir, "--session", id, "--", filepath.Join("..", "..", "testdata", "import", "notes.csv"), "-h"}, nil, &out, &errb)
	if rc != 2 || out.Len() > 0 || !strings.HasPrefix(errb.String(), "usage: charter import") ||
		!strings.HasSuffix(errb.String(), "charter import: one FILE at a time; 2 given: \""+filepath.Join("..", "..", "testdata", "import", "notes.csv")+"\" \"-h\"\n") {
		t.Errorf("charter import -- FILE -h: exit %d, stdout %q, stderr %q; want the usage error of two files", rc, out.String(), errb.String())
	}
	if ns, _ := storedNotes(t, dir, id); len(ns) != 0 {
		t.Errorf("%d notes imported", len(ns))
	}
}

// The README's list of commands and each command's -h say the same: every flag a
// line of the README names is in the command's usage line, and the other way round
// (a README line ending in "..." leaves the rest to the command's own usage).
func TestReadmeCommandsNameTheFlagsOfTheirUsage(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## Commands\n")
	if !ok {
		t.Fatal("README has no section ## Commands")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	flagRE := regexp.MustCompile(`(?:^|[\s\[(|])(--?[a-z][a-z-]*)`)
	flags := func(s string) map[string]bool {
		s, _, _ = strings.Cut(s, "#") // a comment after the line
		out := map[string]bool{}
		for _, m := range flagRE.FindAllStringSubmatch(s, -1) {
			out[strings.TrimLeft(m[1], "-")] = true
		}
		return out
	}
	seen := 0
	for _, line := range strings.Split(section, "\n") {
		rest, ok := strings.CutPrefix(line, "    charter ")
		if !ok {
			continue
		}
		words := strings.Fields(rest)
		name := words[0]
		if len(verbs(name)) > 0 {
			name += " " + words[1]
		}
		var names []string
		if base, alts, ok := strings.Cut(name, " "); ok && strings.Contains(alts, "|") {
			for _, v := range strings.Split(alts, "|") {
				names = append(names, base+" "+v)
			}
		} else {
			names = []string{name}
		}
		readmeFlags := flags(rest)
		open := strings.HasSuffix(strings.TrimSpace(strings.Split(rest, "#")[0]), "...")
		for _, name := range names {
			if findCommand(name) == nil {
				t.Errorf("README names %q, which is no command", "charter "+name)
				continue
			}
			seen++
			var out, errb bytes.Buffer
			run(append(strings.Fields(name), "-h"), nil, &out, &errb)
			help := strings.Split(out.String()+errb.String(), "\n")
			usage := help[0]
			for _, l := range help[1:] {
				if !strings.HasPrefix(l, " ") || strings.HasPrefix(strings.TrimSpace(l), "-") {
					break
				}
				usage += " " + l
			}
			usageFlags := flags(strings.TrimPrefix(usage, "usage: charter "+name))
			for f := range readmeFlags {
				if !usageFlags[f] {
					t.Errorf("README's charter %s names --%s; its usage does not:\n%s", name, f, usage)
				}
			}
			all := strings.Join(help, "\n") + "\n"
			for f := range usageFlags {
				if !strings.Contains(all, "\n  -"+f+" ") && !strings.Contains(all, "\n  -"+f+"\n") {
					t.Errorf("charter %s -h names --%s, which is none of its flags", name, f)
				}
				if !readmeFlags[f] && !open {
					t.Errorf("charter %s -h names --%s; the README's line does not:\n%s", name, f, line)
				}
			}
		}
	}
	if seen < len(commands) {
		t.Errorf("README's Commands list %d of the %d commands", seen, len(commands))
	}
}

// Without --addr, session new, invite and plan name the address the charter serve
// running on --data listens on; their help says so, not only 127.0.0.1:2222.
func TestAddrHelpSaysTheRunningServerIsTheDefault(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"session new", "invite", "plan"} {
		var out, errb bytes.Buffer
		run(append(strings.Fields(name), "-h"), nil, &out, &errb)
		_, addr, _ := strings.Cut(out.String()+errb.String(), "\n  -addr string\n")
		addr, _, _ = strings.Cut(addr, "\n  -")
		if !strings.Contains(addr, "where charter serve on --data listens") {
			t.Errorf("charter %s -h, on --addr:\n%s", name, addr)
		}
	}
}

// Every command's -h says in a sentence what it does before its flags: session
// edit's went from its usage line straight to the flags.
func TestEveryCommandHelpSaysWhatItDoes(t *testing.T) {
	t.Parallel()
	for _, c := range commands {
		var out, errb bytes.Buffer
		run(append(strings.Fields(c.name), "-h"), nil, &out, &errb)
		lines := strings.Split(out.String()+errb.String(), "\n")
		said := false
		for _, l := range lines[1:] {
			if strings.HasPrefix(l, "  -") {
				break
			}
			said = said || strings.TrimSpace(l) != "" && !strings.HasPrefix(l, " ")
		}
		if !said {
			t.Errorf("charter %s -h says nothing of what it does before its flags:\n%s", c.name, out.String()+errb.String())
		}
	}
}

// session new -h said a session without --date is dated "the day it is
// created", yet such a session has no date yet (session list "-", the home "no
// date yet") until it begins, and is then dated that day; session edit -h said
// the same of clearing the date. Their help says what happens, and it does.
func TestDateHelpSaysASessionIsDatedTheDayItBegins(t *testing.T) {
	t.Parallel()
	flagHelp := func(cmd string) string {
		var out, errb bytes.Buffer
		run(append(strings.Fields(cmd), "-h"), nil, &out, &errb)
		_, date, _ := strings.Cut(out.String()+errb.String(), "\n  -date string\n")
		date, _, _ = strings.Cut(date, "\n  -")
		return strings.Join(strings.Fields(date), " ")
	}
	for _, cmd := range []string{"session new", "session edit"} {
		if h := flagHelp(cmd); !strings.Contains(h, "the day it begins") || strings.Contains(h, "the day it is created") {
			t.Errorf("charter %s -h, on --date: %q", cmd, h)
		}
	}

	dir := t.TempDir()
	var out, errb bytes.Buffer
	if code := run([]string{"session", "new", "--data", dir, "--title", "Developers", "--audience", "developers"}, nil, &out, &errb); code != 0 {
		t.Fatalf("session new: exit %d, %s", code, errb.String())
	}
	id := strings.TrimPrefix(strings.SplitN(out.String(), "\n", 2)[0], "session: ")
	date := func() string {
		t.Helper()
		var out, errb bytes.Buffer
		if code := run([]string{"session", "list", "--data", dir}, nil, &out, &errb); code != 0 {
			t.Fatalf("session list: exit %d, %s", code, errb.String())
		}
		for _, line := range strings.Split(out.String(), "\n") {
			if f := strings.Fields(line); len(f) > 1 && f[0] == id {
				return f[1]
			}
		}
		t.Fatalf("session list does not list %s:\n%s", id, out.String())
		return ""
	}
	if got := date(); got != "-" {
		t.Errorf("before it begins, session list dates it %q, want -", got)
	}
	before := time.Now().UTC().Format(session.DateLayout)
	if code := run([]string{"session", "edit", "--data", dir, "--session", id, "--phase", "check-in"}, nil, &out, &errb); code != 0 {
		t.Fatalf("session edit --phase check-in: exit %d, %s", code, errb.String())
	}
	after := time.Now().UTC().Format(session.DateLayout)
	if got := date(); got != before && got != after {
		t.Errorf("once begun, session list dates it %q, want the day it began, %s", got, after)
	}
}
