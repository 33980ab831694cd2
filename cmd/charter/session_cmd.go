package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/charter-tool/charter/session"
)

func runSessionNew(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("session new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("data", defaultDataDir, "data directory")
	in := session.Session{}
	var audience, mode string
	fs.StringVar(&in.Title, "title", "", "title of the session (required)")
	fs.StringVar(&audience, "audience", "", "security-engineers, developers, service-owners, managers or mixed (required)")
	fs.StringVar(&in.Location, "location", "", "where it takes place")
	fs.StringVar(&in.Campaign, "campaign", "", "the campaign it belongs to")
	fs.StringVar(&mode, "mode", "in-person", "in-person or online")
	fs.StringVar(&in.Date, "date", "", "the day it is held, YYYY-MM-DD (default: the day it is created); reports order sessions by it")
	addr := fs.String("addr", "127.0.0.1:2222", "server address, for the join line")
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "charter session new: unexpected argument %q; every value goes with a flag, e.g. --title %q\n", fs.Arg(0), fs.Arg(0))
		return 2
	}
	in.Audience, in.Mode = session.Audience(audience), session.Mode(mode)
	db, err := openData(*dir)
	if err != nil {
		fmt.Fprintln(stderr, "charter session new:", err)
		return 1
	}
	defer db.Close()
	s, err := session.NewService(db, nil).NewSession(context.Background(), in)
	if err != nil {
		fmt.Fprintln(stderr, "charter session new:", session.ErrorMessage(err))
		return 1
	}
	fmt.Fprintf(stdout, "session: %s\ncode: %s\n%s %s\n", s.ID, code(s.Code), sshLine(*addr), s.Code)
	return 0
}

// code formats a join code for reading aloud.
func code(c string) string {
	if len(c) == 8 {
		return c[:4] + "-" + c[4:]
	}
	return c
}
