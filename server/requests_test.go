package server_test

import (
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/server"
)

func TestRequestsTheServerNeverUsesAreRefused(t *testing.T) {
	t.Parallel()
	fac := newKey(t)
	srv := startServer(t, server.Config{}, fac)
	client, err := gossh.Dial("tcp", srv.Addr(), &gossh.ClientConfig{User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(fac)},
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
	for _, req := range []string{"auth-agent-req@openssh.com", "x11-req", "subsystem"} {
		ok, err := sess.SendRequest(req, true, nil)
		if err != nil {
			t.Fatalf("%s: %v", req, err)
		}
		if ok {
			t.Errorf("the server accepted %s", req)
		}
	}
	if ok, _, err := client.SendRequest("tcpip-forward", true, gossh.Marshal(struct {
		Addr string
		Port uint32
	}{"127.0.0.1", 0})); err != nil || ok {
		t.Errorf("tcpip-forward: accepted %v, err %v; want refused", ok, err)
	}
	if _, err := client.Dial("tcp", srv.Addr()); err == nil {
		t.Error("the server opened a direct-tcpip channel (local port forwarding)")
	}
	// What the server uses still passes the filter on the same session.
	out, err := sess.CombinedOutput("stats")
	if err != nil {
		t.Fatalf("stats after refused requests: %v\n%s", err, out)
	}
}
