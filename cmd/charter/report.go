package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

func runReport(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	describe(fs, "charter report --data DIR [--campaign C] [--compare EARLIER] [--format md|json|csv|html] [-o FILE] [--split ID,ID] [--unsplit ID,ID]",
		"Writes a campaign's prioritized findings over all its sessions.")
	dir := fs.String("data", defaultDataDir, "data directory")
	name := fs.String("campaign", "", "the campaign to report on (needed when there are several)")
	compare := fs.String("compare", "", "an earlier campaign to follow up on: themes new, persisting or gone, confidence, its action points")
	format := fs.String("format", "md", "md, json, csv or html")
	out := fs.String("o", "", "write to this file instead of standard output")
	var splits, unsplits [][2]int64
	pairs := func(dst *[][2]int64) func(string) error {
		return func(v string) error {
			a, b, ok := strings.Cut(v, ",")
			x, errA := strconv.ParseInt(strings.TrimSpace(a), 10, 64)
			y, errB := strconv.ParseInt(strings.TrimSpace(b), 10, 64)
			if !ok || errA != nil || errB != nil {
				return fmt.Errorf("want two theme IDs as ID,ID, got %q", v)
			}
			*dst = append(*dst, [2]int64{x, y})
			return nil
		}
	}
	fs.Func("split", "keep two session themes apart from now on, given as `ID,ID` (theme_id in the JSON report's session_themes); may be repeated", pairs(&splits))
	fs.Func("unsplit", "undo a --split (or a split made with S on the campaign overview): the two themes, `ID,ID`, may be matched again; may be repeated", pairs(&unsplits))
	if err := parseFlags(fs, args, stdout); err != nil {
		return parseExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "charter report: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if err := report.ValidFormat(*format); err != nil {
		fmt.Fprintln(stderr, "charter report:", err)
		return 2
	}
	doc, err := campaignReport(context.Background(), *dir, *name, *compare, *format, splits, unsplits)
	if err == nil {
		if *out == "" {
			_, err = stdout.Write(doc)
		} else {
			err = writeOutput(*out, doc)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "charter report:", reportMessage(err))
		return 1
	}
	// Said on stderr, so that stdout stays the document: a split is kept for
	// every later report, which a person should know they did.
	for _, p := range unsplits {
		fmt.Fprintf(stderr, "charter report: themes %d and %d may be matched again, in this and every later report.\n", p[0], p[1])
	}
	for _, p := range splits {
		fmt.Fprintf(stderr, "charter report: themes %d and %d are kept apart from now on, in this and every later report.\n", p[0], p[1])
	}
	return 0
}

// campaignReport renders the report of the campaign name (the only one when name is
// empty) from the data in dir, whole, so that nothing is written when it fails.
// The splits are recorded first, so that the report shows them.
func campaignReport(ctx context.Context, dir, name, compare, format string, splits, unsplits [][2]int64) ([]byte, error) {
	db, err := openExisting(dir)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	svc := session.NewService(db, nil)
	for _, p := range unsplits {
		if err := svc.UnsplitThemes(ctx, p[0], p[1]); err != nil {
			return nil, fmt.Errorf("--unsplit %d,%d: %s", p[0], p[1], errorText(err))
		}
	}
	for _, p := range splits {
		if err := svc.SplitThemes(ctx, p[0], p[1]); err != nil {
			if session.ErrorCode(err) == session.ENotFound {
				// 0 is a theme the report clustered itself: nothing stored to split.
				return nil, fmt.Errorf("--split %d,%d: %s The IDs are those after each session theme in the report (\"4 notes, ID 16\"); a theme the report clustered itself has none: group that session's notes on its board first", p[0], p[1], errorText(err))
			}
			return nil, fmt.Errorf("--split %d,%d: %s", p[0], p[1], errorText(err))
		}
	}
	return renderCampaign(ctx, svc, name, compare, format)
}

// renderCampaign renders the report of the campaign name (the only one when name is
// empty), followed up on the campaign compare when it is set, in memory.
func renderCampaign(ctx context.Context, src report.Source, name, compare, format string) ([]byte, error) {
	names, err := src.CampaignNames(ctx)
	if err != nil {
		return nil, err
	}
	if name, err = chooseCampaign(names, name); err != nil {
		return nil, err
	}
	ds, err := report.LoadCampaign(ctx, src, name)
	if err != nil {
		return nil, err
	}
	f := report.BuildCampaign(name, ds)
	if err := report.AddProgram(ctx, src, f, ds); err != nil {
		return nil, err
	}
	if compare != "" {
		if compare, err = chooseCampaign(names, compare); err != nil {
			return nil, err
		}
		if session.SameCampaign(compare, name) {
			return nil, session.Errorf(session.EInvalid, "A campaign cannot be compared with itself; --compare names an earlier campaign.")
		}
		earlier, err := report.LoadCampaign(ctx, src, compare)
		if err != nil {
			return nil, err
		}
		e := report.BuildCampaign(compare, earlier)
		// A campaign only planned has no day to compare: its empty date sorted
		// before every other, and the message said to swap the two names.
		if len(f.Sessions) == 0 {
			return nil, session.Errorf(session.EInvalid, "“%s” has no session held yet (%d planned), so there is nothing to compare with “%s”; report on it without --compare, or compare once one of its sessions is held.",
				name, len(f.NotHeld), compare)
		}
		if len(e.Sessions) == 0 {
			return nil, session.Errorf(session.EInvalid, "“%s” has no session held yet (%d planned), so there is nothing of it to follow up on; --compare names an earlier campaign whose sessions were held.",
				compare, len(e.NotHeld))
		}
		if e.From > f.From {
			// Followed the wrong way round, what is new would read as gone.
			return nil, session.Errorf(session.EInvalid, "“%s” (from %s) began after “%s” (from %s); --compare names the earlier campaign: swap the two names.",
				compare, e.From, name, f.From)
		}
		f.Compare(e)
	}
	return report.Render(f, format)
}

// chooseCampaign returns the campaign asked for, or the only one when none was.
func chooseCampaign(names []string, asked string) (string, error) {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = fmt.Sprintf("%q", n)
	}
	list := strings.Join(quoted, ", ")
	switch {
	case len(names) == 0:
		return "", session.Errorf(session.ENotFound, "No session belongs to a campaign yet; create sessions with --campaign.")
	case asked == "" && len(names) == 1:
		return names[0], nil
	case asked == "":
		return "", session.Errorf(session.EInvalid, "There are several campaigns; choose one with --campaign: %s.", list)
	}
	for _, n := range names {
		if session.SameCampaign(n, asked) {
			return n, nil
		}
	}
	return "", session.Errorf(session.ENotFound, "No campaign is called %q; the campaigns are: %s.", asked, list)
}

// reportMessage tells the person running the command what went wrong: domain errors
// as they are, others with their detail, which on the command line is theirs to see.
func reportMessage(err error) string {
	var e *session.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}
