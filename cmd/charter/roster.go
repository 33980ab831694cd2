package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charter-tool/charter/session"
)

func runRosterImport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("roster import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: charter roster import --data DIR [--format csv|jsonl] FILE")
		fmt.Fprintln(fs.Output(), "\nFILE is CSV with the header "+strings.Join(session.RosterColumns, ","))
		fmt.Fprintln(fs.Output(), "or JSONL with the same fields: role security-engineer, developer, service-owner or")
		fmt.Fprintln(fs.Output(), "manager; experience <1y, 1-3y or >3y; level bronze, silver, gold or platinum;")
		fmt.Fprintln(fs.Output(), "location remote for people who work from afar. Teams are matched by name and")
		fmt.Fprintln(fs.Output(), "people by e-mail: importing again updates them. FILE - reads stdin.")
		fmt.Fprintln(fs.Output(), "Roster contacts are used for invitations only and never reach a document.")
		fmt.Fprintln(fs.Output())
		fs.PrintDefaults()
	}
	dir := fs.String("data", defaultDataDir, "data directory")
	format := fs.String("format", "", "csv or jsonl (default: from FILE's extension)")
	files, err := parseInterspersed(fs, args, stdout)
	if err != nil {
		return parseExit(err)
	}
	if len(files) != 1 {
		fs.Usage()
		return 2
	}
	name := files[0]
	f, err := importFormat(name, *format)
	if err != nil {
		fmt.Fprintln(stderr, "charter roster import:", err)
		return 2
	}
	in := stdin
	if name != "-" {
		file, err := os.Open(name)
		if err != nil {
			fmt.Fprintln(stderr, "charter roster import:", err)
			return 1
		}
		defer file.Close()
		in = file
	}
	rows, err := session.ReadRoster(in, f)
	if err != nil {
		// The message may end its own sentence ("… split it."): the note follows
		// it as a sentence of its own.
		msg := reportMessage(err)
		if strings.HasSuffix(msg, ".") || strings.HasSuffix(msg, "?") {
			fmt.Fprintf(stderr, "charter roster import: %s: %s Nothing was imported.\n", name, msg)
		} else {
			fmt.Fprintf(stderr, "charter roster import: %s: %s; nothing was imported\n", name, msg)
		}
		return 1
	}
	db, err := openData(*dir)
	if err != nil {
		fmt.Fprintln(stderr, "charter roster import:", err)
		return 1
	}
	defer db.Close()
	svc := session.NewService(db, nil)
	added, updated, err := svc.ImportRoster(context.Background(), rows)
	var ie *session.ImportError
	switch {
	case errors.As(err, &ie):
		fmt.Fprintf(stderr, "charter roster import: %s: %d %s cannot be imported; nothing was imported:\n", name, len(ie.Problems), plural(len(ie.Problems), "row", "rows"))
		for _, p := range ie.Problems {
			fmt.Fprintln(stderr, "  "+p.String())
		}
		return 1
	case err != nil:
		fmt.Fprintln(stderr, "charter roster import:", errorText(err))
		return 1
	}
	teams, err := svc.Roster(context.Background())
	if err != nil {
		fmt.Fprintln(stderr, "charter roster import:", errorText(err))
		return 1
	}
	people, locations := 0, map[string]bool{}
	for _, t := range teams {
		people += len(t.People)
		locations[strings.ToLower(t.Location)] = true
	}
	// Each row is a person; those neither added nor changed are as they were.
	inFile := len(rows)
	unchanged := max(inFile-added-updated, 0)
	fmt.Fprintf(stdout, "imported %d %s: %d added, %d updated, %d unchanged\n", inFile, plural(inFile, "person", "people"), added, updated, unchanged)
	fmt.Fprintf(stdout, "the roster holds %d %s of %d %s in %d %s\n", people, plural(people, "person", "people"),
		len(teams), plural(len(teams), "team", "teams"), len(locations), plural(len(locations), "location", "locations"))
	return 0
}
