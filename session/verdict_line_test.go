package session_test

import (
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

func TestParseVerdictLine(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		line   string
		number int
		v      session.Verdict
		why    string
	}{
		{"H2 supported: every session asked for it", 2, session.VerdictSupported, "every session asked for it"},
		{"3 mixed two sessions did, one did not", 3, session.VerdictMixed, "two sessions did, one did not"},
		{"h1 not supported: nobody mentioned it", 1, session.VerdictNotSupported, "nobody mentioned it"},
		{"H4 Not-Supported - only managers said so", 4, session.VerdictNotSupported, "only managers said so"},
		{"H5 no evidence: no session reached it", 5, session.VerdictNoEvidence, "no session reached it"},
		{"H1 none", 1, session.VerdictNone, ""},
		{"H2 supported:every session asked", 2, session.VerdictSupported, "every session asked"},
	} {
		n, v, why, err := session.ParseVerdictLine(tt.line)
		if err != nil || n != tt.number || v != tt.v || why != tt.why {
			t.Errorf("ParseVerdictLine(%q) = %d, %q, %q, %v; want %d, %q, %q", tt.line, n, v, why, err, tt.number, tt.v, tt.why)
		}
	}
	for _, tt := range []struct{ line, says string }{
		{"", "Type the hypothesis's number"},
		{"H2", "Type the hypothesis's number"},
		{"two supported: yes", `"two" is not a hypothesis's number`},
		{"H0 supported: yes", `"H0" is not a hypothesis's number`},
		{"H2 maybe: unsure", `"maybe" is not a verdict`},
		{"H2 supported", "Say why after the verdict"},
		{"H2 not supported:", "Say why after the verdict"},
		// The example why fits the verdict it follows.
		{"H2 not-supported", `"H2 not-supported: no session raised it"`},
		{"H2 no evidence", `"H2 no-evidence: no session spoke of it"`},
		{"H2 mixed", `"H2 mixed: two sessions asked for it, one did not"`},
		{"H2 supported", `"H2 supported: every session asked for it"`},
	} {
		_, _, _, err := session.ParseVerdictLine(tt.line)
		if err == nil || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("ParseVerdictLine(%q): error %v, want one saying %q", tt.line, err, tt.says)
		}
	}
}
