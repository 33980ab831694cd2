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
	dir := newDataDir(t)
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
	// Listing the misspelt one says so too, and shows nothing stored.
	var lout, lerr bytes.Buffer
	if code := run([]string{"hypothesis", "list", "--data", dir, "--campaign", "Charterng 2027"}, nil, &lout, &lerr); code != 1 ||
		strings.Contains(lout.String(), "deeper training") || !strings.Contains(lerr.String(), `Did you mean "Chartering 2027"?`) {
		t.Fatalf("list of the misspelt campaign: exit %d, stdout %q, stderr %q", code, lout.String(), lerr.String())
	}
	// So does a new session, unless said to be new.
	var sout, serr bytes.Buffer
	if code := run([]string{"session", "new", "--data", dir, "--title", "Developers Porto", "--audience", "developers", "--campaign", "Charterng 2027"}, nil, &sout, &serr); code != 1 ||
		!strings.Contains(serr.String(), `did you mean "Chartering 2027"? To start a new campaign of that name, add --new.`) {
		t.Fatalf("session new in the misspelt campaign: exit %d, stderr %q", code, serr.String())
	}
	// A letter O for a zero is a slip too.
	if code, _, errs := hypothesis("--campaign", "Chartering 2O27", "teams want deeper training"); code != 1 || !strings.Contains(errs, `did you mean "Chartering 2027"?`) {
		t.Errorf("a letter O for a zero: exit %d, stderr %q", code, errs)
	}
	// Two spaces where one was meant are the same campaign, not one that reads the
	// same ("did you mean" it said, naming what looked like the name typed).
	lonely := mustRun(t, "session", "new", "--data", dir, "--title", "Developers Lyon", "--audience", "developers", "--campaign", "Chartering  2027")
	if list := mustRun(t, "session", "list", "--data", dir); strings.Contains(list, "Chartering  2027") || strings.Count(list, "Developers Lyon") != 1 {
		t.Errorf("a name with two spaces made its own campaign (%s):\n%s", lonely, list)
	}
	// A report asked for with two spaces finds the campaign too.
	if code, _, errs := runCmd("report", "--data", dir, "--campaign", "Chartering  2027"); code != 0 {
		t.Errorf("report of \"Chartering  2027\": exit %d, %s", code, errs)
	}
	mustRun(t, "session", "new", "--data", dir, "--title", "Developers Porto", "--audience", "developers", "--campaign", "chartering 2027")
	for _, args := range [][]string{
		{"--campaign", " Chartering   2027 ", "spaces are not a slip"},           // runs of spaces
		{"--campaign", "chartering 2027", "teams want deeper training"},          // the campaign, in another case
		{"--campaign", "Charterng 2027", "--new", "a campaign of its own"},       // said to be new
		{"--campaign", "Charterng 2027", "and a second one, now that it exists"}, // it has hypotheses now
		{"--campaign", "Platform survey", "far from every other name"},           // not close to any
		{"--campaign", "Chartering 2028", "next year's campaign"},                // another year, not a slip
	} {
		if code, _, errs := hypothesis(args...); code != 0 {
			t.Errorf("%q: exit %d, %s", args, code, errs)
		}
	}
}

// A hypothesis can be deleted, with its verdict; those after it move up a number.
func TestHypothesisDelete(t *testing.T) {
	t.Parallel()
	dir := newDataDir(t)
	mustRun(t, "session", "new", "--data", dir, "--title", "Developers Berlin", "--audience", "developers", "--campaign", "Chartering 2027")
	for _, h := range []string{"a slip of the keyboard", "teams want deeper training", "the self-assessment takes too long"} {
		mustRun(t, "hypothesis", "add", "--data", dir, "--campaign", "Chartering 2027", h)
	}
	mustRun(t, "hypothesis", "verdict", "--data", dir, "--campaign", "Chartering 2027", "H3", "supported", "--why", "raised in every session")
	// It asks first, with the words: the numbers move up after a deletion, so
	// a list printed before names another hypothesis by the same number.
	var asked, askedErr bytes.Buffer
	if code := run([]string{"hypothesis", "delete", "--data", dir, "--campaign", "chartering 2027", "H1"}, strings.NewReader("n\n"), &asked, &askedErr); code != 1 ||
		!strings.Contains(asked.String(), `Delete H1 of Chartering 2027, with its verdict: "a slip of the keyboard"? Those after it are numbered one lower. [y/N]`) ||
		!strings.Contains(asked.String(), "Nothing deleted.") {
		t.Fatalf("delete answered no: exit %d, %q %q", code, asked.String(), askedErr.String())
	}
	if list := mustRun(t, "hypothesis", "list", "--data", dir, "--campaign", "Chartering 2027"); !strings.Contains(list, "H1  a slip of the keyboard") {
		t.Fatalf("a no deleted H1:\n%s", list)
	}
	var out0, err0 bytes.Buffer
	if code := run([]string{"hypothesis", "delete", "--data", dir, "--campaign", "chartering 2027", "H1"}, strings.NewReader("y\n"), &out0, &err0); code != 0 ||
		!strings.Contains(out0.String(), "deleted H1 of Chartering 2027: a slip of the keyboard") {
		t.Fatalf("delete said %q %q", out0.String(), err0.String())
	}
	list := mustRun(t, "hypothesis", "list", "--data", dir, "--campaign", "Chartering 2027")
	if strings.Contains(list, "slip") || !strings.Contains(list, "H1  teams want deeper training") ||
		!strings.Contains(list, "H2  the self-assessment takes too long\n    verdict: supported (raised in every session)") {
		t.Errorf("after deleting H1:\n%s", list)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"hypothesis", "delete", "--data", dir, "--campaign", "Chartering 2027", "H3", "--yes"}, nil, &out, &errb); code != 1 ||
		!strings.Contains(errb.String(), "has hypotheses 1 to 2, not 3") {
		t.Errorf("deleting H3 of 2: exit %d, %q", code, errb.String())
	}
}
