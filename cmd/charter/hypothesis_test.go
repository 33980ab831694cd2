package main

import (
	"bytes"
	"strings"
	"testing"
)

// A campaign name two letters from an existing one is a slip, not a new campaign:
// hypothesis add says which was meant and adds nothing, unless --new says so.
func TestHypothesisAddCatchesAMisspeltCampaign(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	mustRun(t, "session", "new", "--data", dir, "--title", "Developers Berlin", "--audience", "developers", "--campaign", "Chartering 2027")
	hypothesis := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := run(append([]string{"hypothesis", "add", "--data", dir}, args...), nil, &out, &errb)
		return code, out.String(), errb.String()
	}
	code, out, errs := hypothesis("--campaign", "Charterng 2027", "teams want deeper training")
	if code != 1 || out != "" || !strings.Contains(errs, `no campaign is called "Charterng 2027"; did you mean "Chartering 2027"? To start a new campaign of that name, add --new.`) {
		t.Fatalf("misspelt: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if list := mustRun(t, "hypothesis", "list", "--data", dir, "--campaign", "Charterng 2027"); strings.Contains(list, "deeper training") {
		t.Fatalf("the refused hypothesis was stored:\n%s", list)
	}
	for _, args := range [][]string{
		{"--campaign", "chartering 2027", "teams want deeper training"},          // the campaign, in another case
		{"--campaign", "Charterng 2027", "--new", "a campaign of its own"},       // said to be new
		{"--campaign", "Charterng 2027", "and a second one, now that it exists"}, // it has hypotheses now
		{"--campaign", "Platform survey", "far from every other name"},           // not close to any
	} {
		if code, _, errs := hypothesis(args...); code != 0 {
			t.Errorf("%q: exit %d, %s", args, code, errs)
		}
	}
}
