package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

func runExport(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: charter export --data DIR --session ID [--format md|json|csv|html] [-o FILE]")
		fmt.Fprintln(fs.Output(), "\nWrites the session's prioritized themes, action points and all notes; hidden")
		fmt.Fprintln(fs.Output(), "notes are left out and participants are not named, except volunteers.")
		fmt.Fprintln(fs.Output())
		fs.PrintDefaults()
	}
	dir := fs.String("data", defaultDataDir, "data directory")
	id := fs.String("session", "", "ID of the session to export (required)")
	format := fs.String("format", "md", "md, json, csv or html")
	out := fs.String("o", "", "write to FILE instead of stdout (replaced atomically, mode 0600)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return parseExit(err)
	}
	if *id == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if err := report.ValidFormat(*format); err != nil {
		fmt.Fprintln(stderr, "charter export:", err)
		return 2
	}
	db, err := openExisting(*dir)
	if err != nil {
		fmt.Fprintln(stderr, "charter export:", err)
		return 1
	}
	defer db.Close()

	svc := session.NewService(db, nil)
	*id = sessionID(context.Background(), svc, *id)
	doc, err := renderFindings(context.Background(), svc, *id, *format)
	if session.ErrorCode(err) == session.ENotFound {
		fmt.Fprintf(stderr, "charter export: no session with ID %q in %s\n", *id, *dir)
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, "charter export:", err)
		return 1
	}
	if *out == "" {
		if _, err := stdout.Write(doc); err != nil {
			fmt.Fprintln(stderr, "charter export:", err)
			return 1
		}
		return 0
	}
	if err := writeOutput(*out, doc); err != nil {
		fmt.Fprintln(stderr, "charter export:", err)
		return 1
	}
	return 0
}

// renderFindings builds the findings document of a session in a format of
// report.Formats, in memory, so that a failure leaves no partial output anywhere.
func renderFindings(ctx context.Context, svc *session.Service, sessionID, format string) ([]byte, error) {
	d, err := report.Load(ctx, svc, sessionID)
	if err != nil {
		return nil, err
	}
	return report.Render(report.Build(d), format)
}

// writeOutput writes data where -o leads: a link is followed to the file it names,
// and a path that is no regular file (/dev/null, /dev/stdout, a pipe) is written
// in place, since renaming over it put a file where the device was (for root,
// /dev/null of the whole machine). A regular file is replaced whole.
func writeOutput(path string, data []byte) error {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		if st.IsDir() {
			return fmt.Errorf("write %s: it is a folder", path)
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	// The folder is checked first: an error about the temporary file would name a
	// file the user never asked for.
	if st, err := os.Stat(filepath.Dir(path)); err != nil || !st.IsDir() {
		return fmt.Errorf("write %s: there is no folder %s", path, filepath.Dir(path))
	}
	return writeFileAtomic(path, data)
}

// writeFileAtomic replaces path with data, readable by the owner only: it writes a
// temporary file in the same directory and renames it, so readers see the old file
// or the whole new one, never half of it.
func writeFileAtomic(path string, data []byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
