package server

import (
	"strings"
	"time"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	gossh "golang.org/x/crypto/ssh"
)

// logConnections writes one line when a connection starts and one when it ends. A
// facilitator's lines name their key, user, address and command. A participant's
// name nothing: no user name, address or command (the command is the join code),
// so that the log cannot tie a participant, and through them their notes, to a
// person or a machine. Lockouts after wrong codes still name the address (see
// CodeGuard): abuse needs it, and a locked-out address joined nobody.
func (s *Server) logConnections() wish.Middleware {
	return func(next ssh.Handler) ssh.Handler {
		return func(sess ssh.Session) {
			key := sess.PublicKey()
			if key == nil || !s.fac.has(key) {
				// A connection that comes with a claim code is about to become the
				// facilitator's: it is not counted as a participant's, and the code
				// is not written down.
				if args := sess.Command(); key != nil && len(args) > 0 && s.fac.claimOpen() &&
					strings.HasPrefix(strings.ToUpper(args[0]), "CLAIM-") {
					s.cfg.Logger.Info("connected with a claim code", "user", sess.User(), "remote-addr", sess.RemoteAddr().String())
				} else {
					s.cfg.Logger.Info("participant connected")
				}
				next(sess)
				if key != nil && s.fac.has(key) {
					// The connection claimed the facilitator role ("facilitator
					// claimed" names its key and address): it ends as a facilitator's.
					s.cfg.Logger.Info("facilitator disconnected", "user", sess.User(), "remote-addr", sess.RemoteAddr().String())
					return
				}
				s.cfg.Logger.Info("participant disconnected")
				return
			}
			start := time.Now()
			// Only the command's name: its arguments may be a join code (present CODE).
			command := ""
			if args := sess.Command(); len(args) > 0 {
				command = "(code)"
				if _, ok := s.commands[args[0]]; ok || args[0] == "present" {
					command = args[0]
				}
			}
			s.cfg.Logger.Info("facilitator connected", "user", sess.User(), "key", gossh.FingerprintSHA256(key),
				"remote-addr", sess.RemoteAddr().String(), "command", command)
			next(sess)
			s.cfg.Logger.Info("facilitator disconnected", "user", sess.User(), "remote-addr", sess.RemoteAddr().String(),
				"duration", time.Since(start).Round(time.Second))
		}
	}
}
