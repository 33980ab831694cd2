package main

import (
	"bytes"
	"strings"
	"testing"
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

// Every command's -h starts with how it is called, not flag's bare "Usage of".
func TestEveryCommandHelpSaysHowToCallIt(t *testing.T) {
	t.Parallel()
	for _, c := range commands {
		var out, errb bytes.Buffer
		code := run(append(strings.Fields(c.name), "-h"), nil, &out, &errb)
		help := out.String() + errb.String()
		if code != 0 || !strings.HasPrefix(help, "usage: charter "+c.name) || strings.Contains(help, "Usage of") {
			t.Errorf("charter %s -h: exit %d:\n%s", c.name, code, help)
		}
	}
}
