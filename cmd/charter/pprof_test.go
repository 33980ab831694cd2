package main

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/log"
)

func TestPprofOnlyOnLoopback(t *testing.T) {
	t.Parallel()
	logger := log.New(io.Discard)
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:6060", "example.com:6060", "nonsense"} {
		if err := servePprof(addr, logger); err == nil {
			t.Errorf("servePprof(%q) was accepted; only loopback addresses may serve profiles", addr)
		}
	}
	for _, addr := range []string{"127.0.0.1:0", "[::1]:0", "localhost:0"} {
		if err := servePprof(addr, logger); err != nil && !strings.Contains(err.Error(), "address") {
			t.Errorf("servePprof(%q): %v; loopback addresses are allowed", addr, err)
		}
	}
	var out, errb bytes.Buffer
	if rc := run([]string{"serve", "--pprof", "0.0.0.0:6060", "--data", t.TempDir()}, nil, &out, &errb); rc != 2 || !strings.Contains(errb.String(), "only a loopback address") {
		t.Errorf("serve --pprof 0.0.0.0:6060: exit %d, stderr %q; want exit 2 naming the rule", rc, errb.String())
	}
}
