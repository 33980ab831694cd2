package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charter-tool/charter/session"
)

// inviteCampaign prints one invitation per planned person of a campaign, each
// headed by whom it is for; with only, of the planned sessions it names (by ID or
// join code). This is the only output of charter that holds roster contacts: they
// are for sending invitations.
func inviteCampaign(dir, campaign string, only []string, addr, when string, stdout, stderr io.Writer) int {
	db, err := openExisting(dir)
	if err != nil {
		fmt.Fprintln(stderr, "charter invite:", err)
		return 1
	}
	defer db.Close()
	svc := session.NewService(db, nil)
	planned, err := svc.Invitations(context.Background(), campaign)
	if err != nil {
		fmt.Fprintln(stderr, "charter invite:", errorText(err))
		return 1
	}
	if len(planned) == 0 {
		// A misspelt name is not a campaign to plan: say which campaigns there are.
		names, _ := svc.CampaignNames(context.Background())
		known := false
		for _, n := range names {
			known = known || session.SameCampaign(n, campaign)
		}
		if !known && len(names) > 0 {
			quoted := make([]string, len(names))
			for i, n := range names {
				quoted[i] = fmt.Sprintf("%q", n)
			}
			fmt.Fprintf(stderr, "charter invite: no campaign is called %q; the campaigns are %s\n", session.CleanText(campaign), strings.Join(quoted, ", "))
			return 1
		}
		fmt.Fprintf(stderr, "charter invite: the campaign %q has no planned sessions; plan it with charter plan --create\n", session.CleanText(campaign))
		return 1
	}
	if len(only) > 0 {
		// A campaign planned again: the letters of the sessions made now, not
		// again those of the sessions its people were invited to before.
		var named []session.SessionInvitations
		for _, given := range only {
			i := slices.IndexFunc(planned, func(si session.SessionInvitations) bool {
				return strings.EqualFold(si.Session.ID, given) || si.Session.Code == session.NormalizeCode(given)
			})
			if i < 0 {
				fmt.Fprintf(stderr, "charter invite: the campaign %q has no planned session %q; charter session list --data %s lists the sessions\n",
					session.CleanText(campaign), session.CleanText(given), dir)
				return 1
			}
			if !slices.ContainsFunc(named, func(si session.SessionInvitations) bool { return si.Session.ID == planned[i].Session.ID }) {
				named = append(named, planned[i])
			}
		}
		planned = named
	}
	off, err := svc.CalledOff(context.Background(), campaign)
	if err != nil {
		fmt.Fprintln(stderr, "charter invite:", errorText(err))
		return 1
	}
	fp, _ := hostKeyFingerprint(dir) // none yet: the server has not run
	first, skipped := true, 0
	for _, si := range planned {
		if si.Session.Phase == session.PhaseClosed {
			// Nobody new can join a closed session, as invite --session says: a
			// letter inviting to it is a mistake the program lead would mail.
			fmt.Fprintf(stderr, "charter invite: left out the closed session %q (%s): nobody new can join it\n",
				session.CleanText(si.Session.Title), fmt.Sprintf("%d %s", len(si.Invitees), plural(len(si.Invitees), "invitation", "invitations")))
			skipped++
			continue
		}
		if when == "" && si.Session.PastDay(svc.Today()) {
			// Its letters would give a day that has passed (found trying the
			// product): left out, saying how to give it a new one.
			fmt.Fprintf(stderr, "charter invite: left out %q (%s): %s; give it a new day with charter session edit --data %s --session %s --date YYYY-MM-DD, or close it\n",
				session.CleanText(si.Session.Title), fmt.Sprintf("%d %s", len(si.Invitees), plural(len(si.Invitees), "invitation", "invitations")),
				session.PastDayText(si.Session.Day(), session.PlannedNotHeld), dir, si.Session.ID)
			skipped++
			continue
		}
		text := invitation(si.Session, addr, when, fp, len(si.Invitees), "")
		for _, inv := range si.Invitees {
			if !first {
				fmt.Fprint(stdout, "\n---\n\n")
			}
			first = false
			letter := text
			if len(off[inv.PersonID]) > 0 {
				// Moved from a session called off: their letter says which holds.
				letter = invitation(si.Session, addr, when, fp, len(si.Invitees), calledOff(si.Session.Title, off[inv.PersonID]))
			}
			fmt.Fprintf(stdout, "To: %s <%s>\nSubject: Invitation: %s\n\n%s", inv.Name, inv.Email, si.Session.Title, letter)
		}
	}
	if skipped == len(planned) {
		fmt.Fprintf(stderr, "charter invite: every planned session of %q is closed or past its day: no invitation to write\n", session.CleanText(campaign))
		return 1
	}
	return 0
}
