package session

import "github.com/charter-tool/charter/analysis"

// FiledActivity is the activity a new note of the security activities is filed
// under: the one its writer chose, or with none chosen the one of the session's
// list its text names ("Keep pen testing before major releases"), so that the
// board, the activity matrix and a hypothesis about pen testing all count it where
// its words put it. A note that names two activities, or none, is about none.
func FiledActivity(sess *Session, n *Note) string {
	if n.Area != AreaActivities || n.Activity != "" {
		return n.Activity
	}
	return analysis.NamedActivity(n.Text, sess.Activities)
}

// fileActivity files a new note of the security activities whose writer chose no
// activity under the one its words name (FiledActivity), and marks it so that an
// edit of the words files it again.
func fileActivity(sess *Session, n *Note) {
	n.ActivityFiled = n.Area == AreaActivities && n.Activity == ""
	n.Activity = FiledActivity(sess, n)
}

// NamedActivities are the activities of the session's list a note's text names:
// with more than one, FiledActivity files it under none, and its writer is told
// which it names, to choose.
func NamedActivities(sess *Session, text string) []string {
	return analysis.NamedActivities(text, sess.Activities)
}
