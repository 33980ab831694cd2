package server

import (
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net"
	"testing"
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// Frames are written to the session's channel as they are: the bytes a client
// reads are the bytes written, with no copy through the emulated pty. Should a
// version of charmbracelet/ssh no longer embed the channel where frameOutput finds
// it, this fails (the frames would still arrive, through the session).
func TestFramesGoToTheChannelAsWritten(t *testing.T) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	host, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	const frame = "\x1b[1Hone\r\ntwo\x1b[3H\x1b[2Kthree"
	found := make(chan bool, 1)
	srv := &ssh.Server{Handler: func(sess ssh.Session) {
		out := frameOutput(sess)
		found <- out != io.Writer(sess)
		io.WriteString(out, frame)
	}}
	srv.AddHostKey(host)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })

	client, err := gossh.Dial("tcp", ln.Addr().String(), &gossh.ClientConfig{User: "x",
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(stdout)
	if err != nil {
		t.Fatal(err)
	}
	if !<-found {
		t.Error("frameOutput did not find the session's channel: frames go through the emulated pty")
	}
	if string(got) != frame {
		t.Errorf("the client read %q, want %q", got, frame)
	}
}
