package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charter-tool/charter/session"
)

func runHypothesisAdd(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hypothesis add", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), `usage: charter hypothesis add --data DIR --campaign C [--new] "TEXT"`)
		fmt.Fprintln(fs.Output(), "\nRecords what the program believes, e.g. \"teams want deeper training\"; the campaign")
		fmt.Fprintln(fs.Output(), "report shows the themes and notes that match it, and the verdict you give.")
		fmt.Fprintln(fs.Output())
		fs.PrintDefaults()
	}
	dir := fs.String("data", defaultDataDir, "data directory")
	campaign := fs.String("campaign", "", "the campaign (required)")
	isNew := fs.Bool("new", false, "start a campaign whose name is close to an existing one's")
	pos, err := parseInterspersed(fs, args, stdout)
	if err != nil {
		return parseExit(err)
	}
	if *campaign == "" || len(pos) == 0 {
		fs.Usage()
		return 2
	}
	db, err := openData(*dir)
	if err != nil {
		fmt.Fprintln(stderr, "charter hypothesis add:", err)
		return 1
	}
	defer db.Close()
	ctx := context.Background()
	svc := session.NewService(db, nil)
	if !*isNew && !campaignHasSessions(ctx, svc, *campaign) {
		// A slip of the keyboard would start a campaign of its own, with a
		// hypothesis no report of the real one shows.
		if have, _ := svc.Hypotheses(ctx, *campaign); len(have) == 0 {
			if near := nearCampaign(ctx, svc, *campaign); near != "" {
				fmt.Fprintf(stderr, "charter hypothesis add: no campaign is called %q; did you mean %q? To start a new campaign of that name, add --new.\n",
					session.CleanText(*campaign), near)
				return 1
			}
		}
	}
	h, err := svc.AddHypothesis(ctx, *campaign, strings.Join(pos, " "))
	if err != nil {
		fmt.Fprintln(stderr, "charter hypothesis add:", errorText(err))
		return 1
	}
	fmt.Fprintf(stdout, "hypothesis H%d of %s: %s\n", h.Number, h.Campaign, h.Text)
	if !campaignHasSessions(ctx, svc, h.Campaign) {
		fmt.Fprintf(stdout, "note: no session belongs to the campaign %q yet; check its spelling if it should.\n", h.Campaign)
	}
	return 0
}

// misspelt is, for a campaign name no campaign has yet (case aside) but one has a
// name close to, that campaign's name; "" otherwise. A slip of the keyboard would
// start a campaign of its own, which no report of the real one shows.
func misspelt(ctx context.Context, svc *session.Service, name string) string {
	names, err := svc.CampaignNames(ctx)
	if err != nil || strings.TrimSpace(name) == "" {
		return ""
	}
	for _, n := range names {
		if session.SameCampaign(n, name) {
			return ""
		}
	}
	return nearCampaign(ctx, svc, name)
}

// didYouMean is misspelt said as the end of a message: " Did you mean "X"?", or "".
func didYouMean(ctx context.Context, svc *session.Service, name string) string {
	if near := misspelt(ctx, svc, name); near != "" {
		return fmt.Sprintf(" Did you mean %q?", near)
	}
	return ""
}

// nearCampaign is the campaign whose name is at most two letters away from name
// (case aside), or "". Names whose numbers differ are different campaigns, not a
// slip: "Chartering 2027" after "Chartering 2026", "Wave 3" after "Wave 2".
func nearCampaign(ctx context.Context, svc *session.Service, name string) string {
	names, err := svc.CampaignNames(ctx)
	if err != nil {
		return ""
	}
	want := []rune(strings.ToLower(session.CampaignText(name)))
	for _, n := range names {
		if digitsOf(string(want)) == digitsOf(n) && editDistance(want, []rune(strings.ToLower(n))) <= 2 {
			return n
		}
	}
	return ""
}

// lookalikeDigits are letters typed for the digits they look like.
var lookalikeDigits = strings.NewReplacer("O", "0", "o", "0", "l", "1", "I", "1")

// digitsOf is the digits of s, in order.
// In a word with a digit, an O or an l counts as the digit it looks like:
// "Chartering 2O27" is a slip for "Chartering 2027", not another campaign.
func digitsOf(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if strings.ContainsAny(w, "0123456789") {
			words[i] = lookalikeDigits.Replace(w)
		}
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, strings.Join(words, " "))
}

// editDistance is the number of letters to insert, delete or change to turn a into b.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			change := prev[j-1]
			if a[i-1] != b[j-1] {
				change++
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, change)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func campaignHasSessions(ctx context.Context, svc *session.Service, name string) bool {
	names, err := svc.CampaignNames(ctx)
	if err != nil {
		return true // say nothing rather than something wrong
	}
	for _, n := range names {
		if session.SameCampaign(n, name) {
			return true
		}
	}
	return false
}

func runHypothesisList(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hypothesis list", flag.ContinueOnError)
	fs.SetOutput(stderr)
	describe(fs, "charter hypothesis list --data DIR --campaign C", "Lists a campaign's hypotheses with their verdicts.")
	dir := fs.String("data", defaultDataDir, "data directory")
	campaign := fs.String("campaign", "", "the campaign (required)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return parseExit(err)
	}
	if *campaign == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: charter hypothesis list --data DIR --campaign C")
		return 2
	}
	db, err := openExisting(*dir)
	if err != nil {
		fmt.Fprintln(stderr, "charter hypothesis list:", err)
		return 1
	}
	defer db.Close()
	svc := session.NewService(db, nil)
	hs, err := svc.Hypotheses(context.Background(), *campaign)
	if err != nil {
		fmt.Fprintln(stderr, "charter hypothesis list:", errorText(err))
		return 1
	}
	if len(hs) == 0 {
		if near := didYouMean(context.Background(), svc, *campaign); near != "" {
			fmt.Fprintf(stderr, "charter hypothesis list: no campaign is called %q.%s\n", session.CleanText(*campaign), near)
			return 1
		}
		fmt.Fprintf(stdout, "The campaign %q has no hypotheses yet.\n", session.CleanText(*campaign))
		return 0
	}
	for _, h := range hs {
		fmt.Fprintf(stdout, "H%d  %s\n    verdict: %s", h.Number, h.Text, h.Verdict.Title())
		if h.Why != "" {
			fmt.Fprintf(stdout, " (%s)", h.Why)
		}
		fmt.Fprintln(stdout)
	}
	return 0
}

func runHypothesisVerdict(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hypothesis verdict", flag.ContinueOnError)
	fs.SetOutput(stderr)
	usage := func() {
		fmt.Fprintln(fs.Output(), `usage: charter hypothesis verdict --data DIR --campaign C N VERDICT --why "..."`)
		fmt.Fprintln(fs.Output(), "\nN is the hypothesis' number (H1 is 1); VERDICT is supported, mixed, not-supported,")
		fmt.Fprintln(fs.Output(), "no-evidence, or none to take a verdict back. The verdict is yours; the report shows")
		fmt.Fprintln(fs.Output(), "it next to the evidence.")
		fmt.Fprintln(fs.Output())
		fs.PrintDefaults()
	}
	fs.Usage = usage
	dir := fs.String("data", defaultDataDir, "data directory")
	campaign := fs.String("campaign", "", "the campaign (required)")
	why := fs.String("why", "", "one line of why (required with a verdict)")
	pos, err := parseInterspersed(fs, args, stdout)
	if err != nil {
		return parseExit(err)
	}
	if *campaign == "" || len(pos) != 2 {
		usage()
		return 2
	}
	n, err := strconv.Atoi(strings.TrimPrefix(strings.ToUpper(pos[0]), "H"))
	if err != nil {
		fmt.Fprintf(stderr, "charter hypothesis verdict: %q is not a hypothesis number such as 1 or H1\n", pos[0])
		return 2
	}
	v := session.Verdict(strings.ToLower(pos[1]))
	if v == "none" {
		v = session.VerdictNone
	}
	db, err := openExisting(*dir)
	if err != nil {
		fmt.Fprintln(stderr, "charter hypothesis verdict:", err)
		return 1
	}
	defer db.Close()
	svc := session.NewService(db, nil)
	h, err := svc.SetVerdict(context.Background(), *campaign, n, v, *why)
	if err != nil {
		fmt.Fprintln(stderr, "charter hypothesis verdict:", errorText(err)+didYouMean(context.Background(), svc, *campaign))
		return 1
	}
	fmt.Fprintf(stdout, "H%d %s: %s\n", h.Number, h.Verdict.Title(), h.Text)
	return 0
}

func runHypothesisDelete(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hypothesis delete", flag.ContinueOnError)
	fs.SetOutput(stderr)
	usage := func() {
		fmt.Fprintln(fs.Output(), "usage: charter hypothesis delete --data DIR --campaign C N [--yes]")
		fmt.Fprintln(fs.Output(), "\nRemoves hypothesis N (H1 is 1) with its verdict, after asking; those after it are numbered one lower.")
		fmt.Fprintln(fs.Output(), "To reword one, delete it and add the new wording.")
		fmt.Fprintln(fs.Output())
		fs.PrintDefaults()
	}
	fs.Usage = usage
	dir := fs.String("data", defaultDataDir, "data directory")
	campaign := fs.String("campaign", "", "the campaign (required)")
	yes := fs.Bool("yes", false, "delete without asking")
	pos, err := parseInterspersed(fs, args, stdout)
	if err != nil {
		return parseExit(err)
	}
	if *campaign == "" || len(pos) != 1 {
		usage()
		return 2
	}
	n, err := strconv.Atoi(strings.TrimPrefix(strings.ToUpper(pos[0]), "H"))
	if err != nil {
		fmt.Fprintf(stderr, "charter hypothesis delete: %q is not a hypothesis number such as 1 or H1\n", pos[0])
		return 2
	}
	db, err := openExisting(*dir)
	if err != nil {
		fmt.Fprintln(stderr, "charter hypothesis delete:", err)
		return 1
	}
	defer db.Close()
	svc := session.NewService(db, nil)
	if !*yes {
		// The numbers move up after a deletion: a list printed before one names
		// another hypothesis by the same number. Its words are shown first.
		hs, err := svc.Hypotheses(context.Background(), *campaign)
		if err == nil && n >= 1 && n <= len(hs) {
			fmt.Fprintf(stdout, "Delete H%d of %s, with its verdict: %q? Those after it are numbered one lower. [y/N] ", n, hs[n-1].Campaign, hs[n-1].Text)
			answer, _ := bufio.NewReader(stdin).ReadString('\n')
			if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
				fmt.Fprintln(stdout, "\nNothing deleted.")
				return 1
			}
		}
	}
	h, err := svc.DeleteHypothesis(context.Background(), *campaign, n)
	if err != nil {
		fmt.Fprintln(stderr, "charter hypothesis delete:", errorText(err)+didYouMean(context.Background(), svc, *campaign))
		return 1
	}
	fmt.Fprintf(stdout, "deleted H%d of %s: %s\n", h.Number, h.Campaign, h.Text)
	return 0
}
