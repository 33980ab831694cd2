package main

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestSecondServeOnOneDataDirRefusesToStart(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	// This test process plays the first server: it holds the data directory.
	first, err := lockDataDir(data)
	if err != nil {
		t.Fatal(err)
	}
	msg := serveMustRefuse(t, data)
	for _, want := range []string{"another charter serve", "(pid " + strconv.Itoa(os.Getpid()) + ")", data} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}

	// Once the first server is gone, the directory is free again.
	first.Close()
	again, err := lockDataDir(data)
	if err != nil {
		t.Fatalf("after the first server ended: %v", err)
	}
	again.Close()
}

// serveMustRefuse runs charter serve on data and returns what it said on stderr,
// failing the test unless serve exits with status 1 before it makes its host key
// (which a server that started does).
func serveMustRefuse(t *testing.T, data string) string {
	t.Helper()
	type result struct {
		code   int
		stderr string
	}
	done := make(chan result, 1)
	go func() {
		var stdout, stderr bytes.Buffer
		code := run([]string{"serve", "--addr", "127.0.0.1:0", "--data", data}, nil, &stdout, &stderr)
		done <- result{code, stderr.String()}
	}()
	hostKey := filepath.Join(data, "host_ed25519")
	for {
		select {
		case r := <-done:
			if r.code != 1 {
				t.Errorf("exit status %d, want 1", r.code)
			}
			return r.stderr
		default:
			if _, err := os.Stat(hostKey); err == nil {
				t.Fatal("charter serve started")
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
}

// make run always asks for 127.0.0.1:2222: when another program holds the port,
// serve says so and how to start on another one, not only the system's "bind:
// address already in use".
func TestServeOnAPortInUseSaysToGiveAnotherAddr(t *testing.T) {
	t.Parallel()
	other, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	addr := other.Addr().String()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"serve", "--addr", addr, "--data", newDataDir(t)}, nil, &stdout, &stderr); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	for _, want := range []string{"another program listens on " + addr, "--addr 127.0.0.1:"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("message %q does not say %q", stderr.String(), want)
		}
	}

	// A refusal leaves nothing behind: neither a data directory that was not
	// there (a typo in --data would otherwise stay as an empty directory), nor a
	// database, host key or lock file in one that was.
	t.Run("nothing is made", func(t *testing.T) {
		parent := t.TempDir()
		empty := filepath.Join(parent, "empty")
		if err := os.Mkdir(empty, 0o700); err != nil {
			t.Fatal(err)
		}
		for _, data := range []string{filepath.Join(parent, "new"), empty} {
			var stdout, stderr bytes.Buffer
			if code := run([]string{"serve", "--addr", addr, "--data", data}, nil, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "another program listens on "+addr) {
				t.Errorf("--data %s: exit %d, stderr %q", data, code, stderr.String())
			}
		}
		if _, err := os.Stat(filepath.Join(parent, "new")); !os.IsNotExist(err) {
			t.Errorf("the data directory was made: %v", err)
		}
		if left, err := os.ReadDir(empty); err != nil || len(left) > 0 {
			t.Errorf("the empty data directory holds %v (%v)", left, err)
		}
	})

	// The same server started twice (make run in a second terminal) is told that
	// the directory is in use, as before the port was first looked at.
	t.Run("a held data directory", func(t *testing.T) {
		data := t.TempDir()
		first, err := lockDataDir(data)
		if err != nil {
			t.Fatal(err)
		}
		defer first.Close()
		if err := recordAddr(first, addr); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		if code := run([]string{"serve", "--addr", addr, "--data", data}, nil, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "another charter serve (pid ") {
			t.Errorf("exit %d, stderr %q", code, stderr.String())
		}
	})
	// A charter serve on another port holds the data directory, and another
	// program has this port: both are said (only the directory was).
	t.Run("a port taken and a data directory held elsewhere", func(t *testing.T) {
		data := t.TempDir()
		first, err := lockDataDir(data)
		if err != nil {
			t.Fatal(err)
		}
		defer first.Close()
		if err := recordAddr(first, "127.0.0.1:1"); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		code := run([]string{"serve", "--addr", addr, "--data", data}, nil, &stdout, &stderr)
		for _, want := range []string{"another program listens on " + addr, "another charter serve (pid "} {
			if code != 1 || !strings.Contains(stderr.String(), want) {
				t.Errorf("exit %d, stderr %q, want %q", code, stderr.String(), want)
			}
		}
	})
}
