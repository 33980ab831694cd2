package server

import (
	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// refusedRequests are session requests the server never uses and refuses: the
// library accepts agent forwarding on its own, which would let a connection's
// agent be reached from the server for nothing charter does.
var refusedRequests = map[string]bool{
	"auth-agent-req@openssh.com": true,
	"x11-req":                    true,
}

// refuseUnused is the SSH server option that refuses refusedRequests on every
// session. Port forwarding and subsystems need no entry: the server has no handler
// for them, and requests without one are refused.
func refuseUnused(srv *ssh.Server) error {
	srv.ChannelHandlers = map[string]ssh.ChannelHandler{
		"session": func(srv *ssh.Server, conn *gossh.ServerConn, newChan gossh.NewChannel, ctx ssh.Context) {
			ssh.DefaultSessionHandler(srv, conn, filteredChannel{newChan}, ctx)
		},
	}
	return nil
}

// filteredChannel is a new session channel whose requests pass through a filter
// that answers refusedRequests with false.
type filteredChannel struct{ gossh.NewChannel }

func (c filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := c.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		for req := range reqs {
			if refusedRequests[req.Type] {
				req.Reply(false, nil)
				continue
			}
			out <- req
		}
	}()
	return ch, out, nil
}
