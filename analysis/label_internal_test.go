package analysis

import (
	"strings"
	"testing"
)

// A theme whose notes share no word (a grab bag the clustering left together) is
// not named by a phrase cut from one note ("calendar wins", "dashboards show
// odd"), which reads as word salad, but by that note's own words; a phrase whose
// word another note shares still names its theme.
func TestLabelWithoutSharedWordsQuotesTheNote(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		texts []string
		want  func(central string) string
	}{
		{"nothing shared", []string{
			"the calendar wins every argument",
			"8 interview rounds, good candidates drop out",
			"nobody outside knows how often we get woken up",
		}, func(central string) string { return central }},
		{"a shared word", []string{
			"seeing the real impact of a leaked key on a sister company",
			"independent testers from outside the company keep us honest",
		}, func(string) string { return "sister company" }},
	}
	lanes := []struct{ area, lane string }{{"confidence", "concern"}, {"confidence", "strength"}, {"motivation", "demotivates"}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			docs := make([]Doc, len(tc.texts))
			members := make([]int, len(tc.texts))
			for i, text := range tc.texts {
				docs[i] = Doc{ID: string(rune('a' + i)), Text: text, Area: lanes[i].area, Lane: lanes[i].lane}
				members[i] = i
			}
			c := vectorize(docs, defaultLexicon(), defaultWeights)
			if k := c.sharedConcept(members); k >= 0 {
				t.Fatalf("the notes share the concept %q; the case needs notes without one", c.lx.labels[k])
			}
			got, central := c.label(docs, members)
			if want := tc.want(docs[central].Text); got != want {
				t.Errorf("label %q, want %q", got, want)
			}
		})
	}
}

// A note a word or two longer than the opening's words is taken whole, not cut
// short of its last words; a longer one is cut and says so.
func TestOpeningTakesANoteAWordLongerWhole(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"the bot that comments on merge requests containing secrets", "the bot that comments on merge requests containing secrets"},
		{"being the only one who cares in the team", "being the only one who cares in the team"},
		{"the yearly pen test finds the same issues every time and nobody fixes them", "the yearly pen test finds the same issues…"},
	} {
		if got := opening(tt.text, openingWords); got != tt.want {
			t.Errorf("opening(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A name made of a note's words keeps a word the writer wrote in capitals
// ("SAST", "IAM", "GitHub") as written: lowercased, "sast pipeline" names a
// pipeline nobody wrote about.
func TestLabelKeepsAcronymsAsWritten(t *testing.T) {
	t.Parallel()
	docs := []Doc{
		{ID: "a", Text: "Our SAST pipeline blocks critical findings before merge", Area: "confidence", Lane: "strength"},
		{ID: "b", Text: "Secrets scanning on every push works well", Area: "confidence", Lane: "strength"},
		{ID: "c", Text: "Threat models exist for the payment services", Area: "confidence", Lane: "strength"},
		{ID: "d", Text: "Nobody reviews the cloud IAM policies or the cloud network rules", Area: "confidence", Lane: "concern"},
		{ID: "e", Text: "Cloud permissions are far too broad", Area: "confidence", Lane: "concern"},
	}
	c := vectorize(docs, defaultLexicon(), defaultWeights)
	got, _ := c.label(docs, []int{0})
	if !strings.Contains(got, "SAST") || strings.Contains(got, "sast") {
		t.Errorf("label %q, want SAST as written", got)
	}
}

// A key phrase stays within one clause of its note: "less shelfware, fewer
// tools" holds no phrase "shelfware fewer tools".
func TestKeyPhraseStaysInAClause(t *testing.T) {
	t.Parallel()
	docs := []Doc{
		{ID: "a", Text: "less shelfware, fewer tools done properly", Area: "activities", Lane: "less"},
		{ID: "b", Text: "too much shelfware bought and never rolled out", Area: "activities", Lane: "less"},
		{ID: "c", Text: "fewer tools that all flag the same line", Area: "activities", Lane: "less"},
	}
	c := vectorize(docs, defaultLexicon(), defaultWeights)
	got := c.keyPhrase([]int{0, 1, 2}, 0, nil)
	if strings.Contains(got, "shelfware fewer") {
		t.Errorf("key phrase %q runs over the comma", got)
	}
}

// A note's words name its theme only where they read as a name: cut where a
// clause hanging on them opens, without the writer's possessive or article,
// never opening on "when" or a pronoun and never ending on a verb.
func TestNoteWordsReadAsNames(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		got  func(string) string
		text string
		want string
	}{
		{"shortNote", shortNote, "WAF stuck in count mode for months because nobody dares to block", "WAF stuck in count mode for months"},
		{"shortNote", shortNote, "a certification path we can follow during work hours", "certification path"},
		{"shortNote", shortNote, "when the secure way is also the easy way I just use it", "secure way is also the easy way"},
		{"shortNote", shortNote, "logs go to 3 places and nobody looks at any of them", "logs go to 3 places"},
		{"shortNote", shortNote, "catch keys before they get pushed", ""},
		{"shortNote", shortNote, "our logging wouldn't tell us if someone was in the system for a month", ""},
		{"shortNote", shortNote, "I'm tired", ""},
		{"noteName", noteName, "being the only one who cares in the team", "being the only one who cares in the team"},
		{"noteName", noteName, "API gateway does rate limiting for us", ""},
		{"subjectName", subjectName, "when doing the right thing is also the easy thing", "doing the right thing"},
		{"subjectName", subjectName, "feels like the tool is there to tick a box, not to help us", ""},
		{"doingName", doingName, "nobody outside the team knows how often we get woken up", "getting woken up"},
		{"doingName", doingName, "feels like the tool is there to tick a box, not to help us", "ticking a box"},
	} {
		if got := tt.got(tt.text); got != tt.want {
			t.Errorf("%s(%q) = %q, want %q", tt.name, tt.text, got, tt.want)
		}
	}
}

// Of two themes of one concept, the second is told apart by a phrase of its
// notes or their own words, never by one word tacked on ("management support:
// risk").
func TestDistinctLabelsNeedMoreThanOneWord(t *testing.T) {
	t.Parallel()
	got := DistinctLabels([]string{"management support", "management support"}, [][]string{
		{"my manager backs me when I push back on a release"},
		{"management does not understand the risk so they don't prioritize it", "our manager has to back us"},
	})
	if rest, ok := strings.CutPrefix(got[1], "management support: "); ok && len(strings.Fields(rest)) < 2 {
		t.Errorf("second label %q is told apart by one word", got[1])
	}
}

// A name is never cut from inside a link: a link's colon and dots read as the
// ends of clauses, and a theme was called "The exceptions process is documented
// at https".
func TestLabelLeavesLinksOut(t *testing.T) {
	t.Parallel()
	for _, texts := range [][]string{
		{"The exceptions process is documented at https://wiki.example.com/security-exceptions/process"},
		{"The exceptions process is documented at https://wiki.example.com/security-exceptions/process",
			"nobody reads the exceptions process page"},
		{"see www.example.com/exceptions: the exceptions process is hidden there"},
		{"https://wiki.example.com/exceptions"},
	} {
		docs := make([]Doc, len(texts))
		members := make([]int, len(texts))
		for i, text := range texts {
			docs[i] = Doc{ID: string(rune('a' + i)), Text: text, Area: "confidence", Lane: "concern"}
			members[i] = i
		}
		c := vectorize(docs, defaultLexicon(), defaultWeights)
		got, _ := c.label(docs, members)
		whole := len(texts) == 1 && strings.HasPrefix(texts[0], "https://")
		if got == "" || !whole && (strings.Contains(got, "http") || strings.Contains(got, "www") || strings.Contains(got, "example") ||
			strings.ContainsAny(got, ";:") || strings.HasPrefix(got, "see")) {
			t.Errorf("notes %q are named %q", texts, got)
		}
		t.Logf("%q -> %q", texts[0], got)
	}
}
