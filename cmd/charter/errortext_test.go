package main

import (
	"bytes"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// A command that fails inside says what failed, for whoever runs it to fix, not
// "Something went wrong on the server"; a refused request still says only its
// reason.
func TestCommandsSayWhatFailed(t *testing.T) {
	t.Parallel()
	dir := newDataDir(t)
	raw, err := sql.Open("sqlite", filepath.Join(dir, "charter.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`DROP TABLE hypotheses`); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	var stdout, stderr bytes.Buffer
	if code := run([]string{"hypothesis", "list", "--data", dir, "--campaign", "Chartering 2026"}, strings.NewReader(""), &stdout, &stderr); code == 0 {
		t.Fatalf("exit 0 without the hypotheses table; stdout %q", stdout.String())
	}
	if got := stderr.String(); !strings.Contains(got, "hypotheses") || strings.Contains(got, "Something went wrong") {
		t.Errorf("the message does not say what failed: %q", got)
	}

	stderr.Reset()
	if code := run([]string{"hypothesis", "add", "--data", dir, "--campaign", "", "x"}, strings.NewReader(""), &stdout, &stderr); code == 0 {
		t.Fatal("exit 0 for a hypothesis without a campaign")
	}
	if got := stderr.String(); strings.Contains(got, "internal") || strings.Contains(got, "Something went wrong") {
		t.Errorf("a refused request reads as a failure: %q", got)
	}
}
