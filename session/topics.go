package session

import (
	"context"
	"strings"
)

// TopicKey is what tells two open topics apart: their words, whatever their case
// and spacing ("AI coding assistants" and "ai  coding assistants" are one).
func TopicKey(lane string) string { return topicKey(lane) }

func topicKey(lane string) string {
	return strings.ToLower(strings.Join(strings.Fields(lane), " "))
}

// topicSpelling returns the title an open topic of the session already has that
// lane differs from only in case or spacing (the first written), else lane. It runs
// in the note writer's transaction, one note after another: it reads the topics'
// titles, not the session's notes.
func topicSpelling(ctx context.Context, st Store, sessionID, lane string) (string, error) {
	titles, err := st.OpenTopics(ctx, sessionID)
	if err != nil {
		return "", err
	}
	k := topicKey(lane)
	for _, t := range titles {
		if topicKey(t) == k {
			return t, nil
		}
	}
	return lane, nil
}

// unifyTopics gives the notes of open topics that differ only in case or spacing
// one title: the spelling most of their notes have, the first written on a tie.
// Participants raise topics without seeing each other's until the reveal, so two
// people raising the same topic write it their own way; shown apart, one topic
// would read as two lanes, on the board and on every screen. It runs in the
// transaction of a move to the reveal or later, when everyone sees the topics:
// unified while people write, a title changing under a writer's note would tell
// them that someone else raised it.
func unifyTopics(ctx context.Context, st Store, sessionID string) error {
	notes, err := st.Notes(ctx, sessionID)
	if err != nil {
		return err
	}
	type spelling struct {
		count, first int
	}
	spellings := map[string]map[string]*spelling{}
	for i, n := range notes {
		if n.Area != AreaOpen {
			continue
		}
		k := topicKey(n.Lane)
		if spellings[k] == nil {
			spellings[k] = map[string]*spelling{}
		}
		sp := spellings[k][n.Lane]
		if sp == nil {
			sp = &spelling{first: i}
			spellings[k][n.Lane] = sp
		}
		sp.count++
	}
	title := map[string]string{}
	for k, sps := range spellings {
		if len(sps) < 2 {
			continue
		}
		best := ""
		for lane, sp := range sps {
			if b := sps[best]; b == nil || sp.count > b.count || sp.count == b.count && sp.first < b.first {
				best = lane
			}
		}
		title[k] = best
	}
	if len(title) == 0 {
		return nil
	}
	for _, n := range notes {
		if t, ok := title[topicKey(n.Lane)]; ok && n.Area == AreaOpen && n.Lane != t {
			n.Lane = t
			if err := st.UpdateNote(ctx, n); err != nil {
				return err
			}
		}
	}
	return nil
}

// listedSpelling returns the spelling the session's list of activities gives
// activity, which differs from it only in case or spacing, else activity. The list
// is the facilitator's, shown to everyone: taking its spelling tells a writer
// nothing of anyone else's notes.
func listedSpelling(list []string, activity string) string {
	k := topicKey(activity)
	for _, a := range list {
		if topicKey(a) == k {
			return a
		}
	}
	return activity
}

// unifyActivities gives the notes whose activities differ only in case or spacing
// one spelling: the list's, else the one most of their notes have (the first
// written on a tie). People propose activities the list lacks without seeing each
// other's notes, so "Container Scanning" and "container scanning" read as two
// activities on every screen and in the findings' matrix. Like unifyTopics it runs
// when everyone sees the notes, in the transaction of a move to the reveal or later.
func unifyActivities(ctx context.Context, st Store, sess *Session) error {
	notes, err := st.Notes(ctx, sess.ID)
	if err != nil {
		return err
	}
	type spelling struct {
		count, first int
	}
	spellings := map[string]map[string]*spelling{}
	for i, n := range notes {
		if n.Activity == "" {
			continue
		}
		k := topicKey(n.Activity)
		if spellings[k] == nil {
			spellings[k] = map[string]*spelling{}
		}
		sp := spellings[k][n.Activity]
		if sp == nil {
			sp = &spelling{first: i}
			spellings[k][n.Activity] = sp
		}
		sp.count++
	}
	name := map[string]string{}
	for k, sps := range spellings {
		best := ""
		for a, sp := range sps {
			if b := sps[best]; b == nil || sp.count > b.count || sp.count == b.count && sp.first < b.first {
				best = a
			}
		}
		name[k] = listedSpelling(sess.Activities, best)
	}
	for _, n := range notes {
		if a, ok := name[topicKey(n.Activity)]; ok && n.Activity != "" && n.Activity != a {
			n.Activity = a
			if err := st.UpdateNote(ctx, n); err != nil {
				return err
			}
		}
	}
	return nil
}

// activitySpelling returns the spelling a note of the session already gives an
// activity that differs from activity only in case or spacing, else activity: in
// the reveal everyone sees the notes, and from it on their activities are one
// spelling each (see unifyActivities).
func activitySpelling(ctx context.Context, st Store, sessionID, activity string) (string, error) {
	notes, err := st.Notes(ctx, sessionID)
	if err != nil {
		return "", err
	}
	k := topicKey(activity)
	for _, n := range notes {
		if n.Activity != "" && topicKey(n.Activity) == k {
			return n.Activity, nil
		}
	}
	return activity, nil
}
