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
	return listedSpelling(titles, lane), nil
}

// unifySpellings gives the notes of open topics that differ only in case or
// spacing one title, and the notes whose activities do one activity: the spelling
// most of their notes have, the first written on a tie; an activity takes the
// spelling of the session's list when the list has it. Participants raise topics
// and propose activities without seeing each other's until the reveal, so two
// people writing the same one write it their own way ("Container Scanning",
// "container scanning"); shown apart, one would read as two lanes or activities,
// on the board, on every screen and in the findings' matrix. It runs in the
// transaction of a move to the reveal or later, when everyone sees the notes:
// unified while people write, a title changing under a writer's note would tell
// them that someone else raised it. The notes are read once, and a note is
// written once whatever changes in it.
func unifySpellings(ctx context.Context, st Store, sess *Session) error {
	notes, err := st.Notes(ctx, sess.ID)
	if err != nil {
		return err
	}
	title := commonSpellings(notes, func(n *Note) string {
		if n.Area != AreaOpen {
			return ""
		}
		return n.Lane
	})
	activity := commonSpellings(notes, func(n *Note) string { return n.Activity })
	for k, a := range activity {
		activity[k] = listedSpelling(sess.Activities, a)
	}
	for _, n := range notes {
		changed := false
		if t, ok := title[topicKey(n.Lane)]; ok && n.Area == AreaOpen && n.Lane != t {
			n.Lane, changed = t, true
		}
		if a, ok := activity[topicKey(n.Activity)]; ok && n.Activity != "" && n.Activity != a {
			n.Activity, changed = a, true
		}
		if changed {
			if err := st.UpdateNote(ctx, n); err != nil {
				return err
			}
		}
	}
	return nil
}

// commonSpellings returns, by topicKey, the spelling of what of (the note's
// topic or activity; "" for none) most of notes have, the first written on a tie.
func commonSpellings(notes []*Note, of func(*Note) string) map[string]string {
	type spelling struct {
		count, first int
	}
	spellings := map[string]map[string]*spelling{}
	for i, n := range notes {
		v := of(n)
		if v == "" {
			continue
		}
		k := topicKey(v)
		if spellings[k] == nil {
			spellings[k] = map[string]*spelling{}
		}
		sp := spellings[k][v]
		if sp == nil {
			sp = &spelling{first: i}
			spellings[k][v] = sp
		}
		sp.count++
	}
	best := map[string]string{}
	for k, sps := range spellings {
		top := ""
		for v, sp := range sps {
			if b := sps[top]; b == nil || sp.count > b.count || sp.count == b.count && sp.first < b.first {
				top = v
			}
		}
		best[k] = top
	}
	return best
}

// listedSpelling returns the first spelling of list that activity differs from
// only in case or spacing, else activity. For the session's list of activities:
// the list is the facilitator's, shown to everyone, and taking its spelling tells
// a writer nothing of anyone else's notes.
func listedSpelling(list []string, activity string) string {
	// No activity, or one as listed (the activity chosen from the list): found
	// without making a key of each listed one, which every note's check did.
	if activity == "" || contains(list, activity) {
		return activity
	}
	k := topicKey(activity)
	for _, a := range list {
		if topicKey(a) == k {
			return a
		}
	}
	return activity
}

// activitySpelling returns the spelling a note of the session already gives an
// activity that differs from activity only in case or spacing (the first
// written), else activity: in the reveal everyone sees the notes, and from it on
// their activities are one spelling each (see unifySpellings). Like topicSpelling
// it reads the activities' names, not the session's notes.
func activitySpelling(ctx context.Context, st Store, sessionID, activity string) (string, error) {
	names, err := st.NoteActivities(ctx, sessionID)
	if err != nil {
		return "", err
	}
	return listedSpelling(names, activity), nil
}

// revealedSpelling gives n the spelling of the activity it proposes that a note
// of the session already has, from the reveal on: everyone sees the activities
// proposed then, and one proposed again in another case, on a new note, chosen for
// one with a or by the facilitator's refile, is the one already there (see
// unifySpellings).
func revealedSpelling(ctx context.Context, st Store, sess *Session, n *Note) error {
	if !sess.Phase.NotesVisibleToAll() || n.Activity == "" || contains(sess.Activities, n.Activity) {
		return nil
	}
	var err error
	n.Activity, err = activitySpelling(ctx, st, sess.ID, n.Activity)
	return err
}
