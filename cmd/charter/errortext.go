package main

import "github.com/charter-tool/charter/session"

// errorText is what a command prints of err: a domain error's message, or an
// internal error in full. Whoever runs charter on the command line runs the
// database too: "Something went wrong on the server" would hide what to fix there
// (a damaged file, a full disk). The screens keep that sentence for participants.
func errorText(err error) string {
	if session.ErrorCode(err) == session.EInternal {
		return err.Error()
	}
	return session.ErrorMessage(err)
}
