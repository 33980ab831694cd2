package main

import (
	"bytes"
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
	// A second server that started makes its host key; one that refused returns.
	hostKey := filepath.Join(data, "host_ed25519")
	var r result
	for waiting := true; waiting; {
		select {
		case r = <-done:
			waiting = false
		default:
			if _, err := os.Stat(hostKey); err == nil {
				t.Fatal("a second charter serve started on a data directory another one holds")
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	if r.code != 1 {
		t.Errorf("exit status %d, want 1", r.code)
	}
	for _, want := range []string{"another charter serve", "(pid " + strconv.Itoa(os.Getpid()) + ")", data} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("message %q does not say %q", r.stderr, want)
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
