package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

func TestSessionNew(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	var out, errb bytes.Buffer
	code := run([]string{"session", "new", "--data", dir, "--title", "Sec eng Porto", "--audience", "security-engineers", "--location", "Porto", "--mode", "online", "--date", "2026-03-14"}, nil, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	m := regexp.MustCompile(`(?m)^session: (\S+)\ncode: (\S+)\nssh -p 2222 -t 127.0.0.1 (\S+)$`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("unexpected output:\n%s", out.String())
	}
	db, err := openData(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := session.NewService(db, nil).FindByCode(context.Background(), m[2])
	if err != nil || s.ID != m[1] || s.Mode != session.ModeOnline || s.Location != "Porto" || s.Date != "2026-03-14" || session.NormalizeCode(m[2]) != m[3] {
		t.Fatalf("stored session %+v, %v", s, err)
	}

	t.Run("the invitation names the day", func(t *testing.T) {
		var out, errb bytes.Buffer
		if code := run([]string{"invite", "--data", dir, "--session", s.ID}, nil, &out, &errb); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		if !strings.Contains(out.String(), "When: Saturday 14 March 2026") {
			t.Errorf("invitation without the session's day:\n%s", out.String())
		}
	})

	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"bad date", []string{"--title", "x", "--audience", "developers", "--date", "14.3.2026"}, "YYYY-MM-DD"},
		{"stray argument", []string{"--title", "Developers", "Berlin", "--audience", "developers"}, `unexpected argument "Berlin"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(append([]string{"session", "new", "--data", dir}, tc.args...), nil, &out, &errb); code == 0 {
				t.Fatalf("accepted %v", tc.args)
			}
			if out.Len() != 0 || !strings.Contains(errb.String(), tc.want) {
				t.Fatalf("stdout %q stderr %q, want %q", out.String(), errb.String(), tc.want)
			}
		})
	}

	t.Run("bad audience", func(t *testing.T) {
		var out, errb bytes.Buffer
		if code := run([]string{"session", "new", "--data", dir, "--title", "x", "--audience", "aliens"}, nil, &out, &errb); code == 0 {
			t.Fatal("accepted an unknown audience")
		}
		if out.Len() != 0 || !strings.Contains(errb.String(), "Unknown audience") {
			t.Fatalf("stdout %q stderr %q", out.String(), errb.String())
		}
	})
}
