package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestSessionWithoutVerbSaysWhatToDo(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"session"}, "charter session: say what to do: new, list, edit, delete"},
		{[]string{"session", "frob"}, `unknown session command "frob"; use one of: new, list, edit, delete`},
	} {
		var out, errb bytes.Buffer
		if rc := run(tc.args, nil, &out, &errb); rc != 2 {
			t.Errorf("%q: exit %d, want 2", tc.args, rc)
		}
		if !strings.Contains(errb.String(), tc.want) || strings.Contains(errb.String(), "unknown command") {
			t.Errorf("%q said %q, want %q", tc.args, errb.String(), tc.want)
		}
	}
}

func TestSessionNewSaysWhichPortItAssumes(t *testing.T) {
	t.Parallel()
	dir := newDataDir(t)
	var out, errb bytes.Buffer
	if rc := run([]string{"session", "new", "--data", dir, "--title", "T", "--audience", "developers", "--addr", "10.0.0.1:2022"}, nil, &out, &errb); rc != 0 {
		t.Fatalf("exit %d: %s", rc, errb.String())
	}
	if !strings.Contains(out.String(), "ssh -p 2022 -t 10.0.0.1 ") || errb.Len() != 0 {
		t.Errorf("with --addr: out %q, err %q", out.String(), errb.String())
	}
	out.Reset()
	if rc := run([]string{"session", "new", "--data", dir, "--title", "T", "--audience", "developers"}, nil, &out, &errb); rc != 0 {
		t.Fatalf("exit %d: %s", rc, errb.String())
	}
	if !strings.Contains(out.String(), "ssh -p 2222 ") || !strings.Contains(errb.String(), "the port charter serve listens on") {
		t.Errorf("without --addr: out %q, err %q", out.String(), errb.String())
	}
}
