package tui

import "testing"

// The code of a join line is looked for after the host only, as ssh reads the
// line: a host without dots ("localhost", "facilitation-server") was taken for
// the code, tried, and counted as a wrong one toward the lockout.
func TestJoinLineCodeIsAfterTheHost(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ line, want string }{
		{"ssh -p 2222 -t localhost", ""},
		{"ssh -t facilitation-server", ""},
		{"ssh facilitationsrv", ""},
		{"ssh -p 2222 -t localhost UD6XJ9A6", "UD6XJ9A6"},
		{"ssh -p 2222 -t localhost UD6X-J9A6", "UD6X-J9A6"},
		{"ssh -p 2222 -t localhost ud6x j9a6", "ud6x j9a6"},
		{"ssh -t facilitation-server present UD6X-J9A6", "UD6X-J9A6"},
		{"ssh -t facilitation-server present", ""},
		{"ssh -t ana@facilitation-server UD6X-J9A6", "UD6X-J9A6"},
		{"ssh -t ana@workshop1", ""},
		{"ssh -p2222 -t workshop1", ""},
		{"ssh -p2222 -t workshop1 UD6XJ9A6", "UD6XJ9A6"},
		{"ssh -tp 2222 workshop1", ""},
		{"ssh -tp2222 workshop1 UD6XJ9A6", "UD6XJ9A6"},
		// Options with a value: the value is no host ("2222" for -p, a file for
		// -i), and a host named after one is still the host.
		{"ssh -i charterkey -o StrictHostKeyChecking=no -l ana -t workshop1", ""},
		{"ssh -i id_ed25519 -J jumphost01 -t workshop1 UD6X-J9A6", "UD6X-J9A6"},
		{"ssh -F sshconfig -t workshop1", ""},
		{"ssh -v -A -4 -q -t -T workshop1 UD6X-J9A6", "UD6X-J9A6"},
		// Options after the host, as OpenSSH reads them too.
		{"ssh workshop1 -t -p 2222 UD6X-J9A6", "UD6X-J9A6"},
		{"ssh workshop1 -p 2222", ""},
		{"ssh -- workshop1 UD6X-J9A6", "UD6X-J9A6"},
		{"ssh -p 2222 -t charter.example.org UD6X-J9A6", "UD6X-J9A6"},
		// A rejoin code, and a claim code.
		{"ssh -p 2222 -t localhost ABCDE-FGHJK", "ABCDE-FGHJK"},
		{"ssh -p 2222 -t localhost CLAIM-ABCDEFGHJKMN", "CLAIM-ABCDEFGHJKMN"},
		// Not a code's shape: no code.
		{"ssh -p 2222 -t localhost UD6XJ9A", ""},
		{"ssh -p 2222 -t localhost UD6XJ9A6B", ""},
		{"ssh -p 2222 -t localhost UD6X.J9A6", ""},
		{"ssh -p 2222 -t localhost stats --json", ""},
		{"ssh -p 2222 -t", ""},
		{"ssh", ""},
		{"UD6X-J9A6", ""},
		{"scp localhost UD6X-J9A6", ""},
	} {
		if got := joinLineCode(c.line); got != c.want {
			t.Errorf("joinLineCode(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}
