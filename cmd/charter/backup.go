package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func runBackup(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	describe(fs, "charter backup --data DIR -o FILE", "Writes a consistent copy of the database, even while charter serve runs.")
	dir := fs.String("data", defaultDataDir, "data directory of the server")
	out := fs.String("o", "", "file to write the backup to; it must not exist (required)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return parseExit(err)
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "charter backup: unexpected argument %q; the file to write goes after -o\nusage: charter backup --data DIR -o FILE\n", fs.Arg(0))
		return 2
	case *out == "":
		fmt.Fprintln(stderr, "charter backup: say where to write the backup with -o FILE (a file that does not exist yet)\nusage: charter backup --data DIR -o FILE")
		return 2
	}
	if err := backup(context.Background(), *dir, *out); err != nil {
		fmt.Fprintln(stderr, "charter backup:", err)
		return 1
	}
	fmt.Fprintln(stdout, *out)
	return 0
}

// backup writes a consistent copy of DIR/charter.db to out. The copy is made under a
// temporary name next to out and renamed when complete, so out is either the whole
// backup or absent.
func backup(ctx context.Context, dir, out string) error {
	src := filepath.Join(dir, "charter.db")
	// openData would create an empty database; a backup of nothing is a mistake.
	if _, err := os.Stat(src); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("no database at %s: is --data the server's data directory?", src)
		}
		return err
	}
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s already exists; choose a new file name", out)
	}
	// The folder is checked first: an error about the temporary file would name a
	// file the user never asked for.
	if st, err := os.Stat(filepath.Dir(out)); err != nil || !st.IsDir() {
		return fmt.Errorf("cannot write %s: there is no folder %s", out, filepath.Dir(out))
	}
	// The temporary name is reserved by creating it; VACUUM INTO needs it absent.
	f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", out, errors.Unwrap(err))
	}
	tmp := f.Name()
	f.Close()
	if err := os.Remove(tmp); err != nil {
		return fmt.Errorf("backup file: %w", err)
	}
	done := false
	defer func() {
		if !done {
			os.Remove(tmp)
		}
	}()
	db, err := openData(dir)
	if err != nil {
		return err
	}
	err = db.Backup(ctx, tmp)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := syncFile(tmp); err != nil {
		return fmt.Errorf("backup file: %w", err)
	}
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s was created while the backup ran; the backup was not written", out)
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("backup file: %w", err)
	}
	done = true
	// The rename is durable once the directory is synced.
	if err := syncFile(filepath.Dir(out)); err != nil {
		return fmt.Errorf("backup file: %w", err)
	}
	return nil
}

func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	err = f.Sync()
	return errors.Join(err, f.Close())
}
