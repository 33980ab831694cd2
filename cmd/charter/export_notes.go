package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/charter-tool/charter/session"
)

// exportFile writes the notes of a session, by area and lane, to path atomically.
func exportFile(ctx context.Context, svc *session.Service, sessionID, format, path string) error {
	sess, err := svc.Store.Session(ctx, sessionID)
	if err != nil {
		return err
	}
	notes, err := svc.Store.Notes(ctx, sessionID)
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", sess.Title)
	for _, a := range session.Areas {
		fmt.Fprintf(&b, "## %s\n\n", a.Title())
		for _, n := range notes {
			if n.Area == a && !n.Hidden {
				fmt.Fprintf(&b, "- %s: %s\n", session.LaneTitle(n.Lane), n.Text)
			}
		}
		b.WriteString("\n")
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".export-*")
	if err != nil {
		return err
	}
	if _, err := tmp.WriteString(b.String()); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
