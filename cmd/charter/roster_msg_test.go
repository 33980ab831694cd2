package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A roster file refused whole says so in sentences: "…is this a roster file?;
// nothing was imported" read as a slip (a robustness trial).
func TestRosterRefusalReadsAsSentences(t *testing.T) {
	t.Parallel()
	data := newDataDir(t)
	f := filepath.Join(t.TempDir(), "roster.jsonl")
	if err := os.WriteFile(f, []byte(strings.Repeat("x", 300<<10)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCmd("roster", "import", "--data", data, f)
	if code == 0 || !strings.Contains(errs, "is this a roster file? Nothing was imported.") || strings.Contains(errs, "?;") {
		t.Errorf("exit %d, %q; want the refusal and 'Nothing was imported.' as sentences", code, errs)
	}
}
