package session

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charter-tool/charter/analysis"
)

// Themes returns a session's themes ordered by ID.
func (s *Service) Themes(ctx context.Context, sessionID string) ([]*Theme, error) {
	var themes []*Theme
	err := s.store.ReadTx(ctx, func(st Store) error {
		if _, err := st.Session(ctx, sessionID); err != nil {
			return err
		}
		var err error
		themes, err = st.Themes(ctx, sessionID)
		return err
	})
	return themes, err
}

// SaveThemes makes themes the session's themes, e.g. when the facilitator accepts the
// clustering's suggestions. A theme with the ID of an existing theme keeps its votes
// and action points; votes on themes left out are dropped. Every note must belong to
// the session and be in at most one theme.
func (s *Service) SaveThemes(ctx context.Context, sessionID string, themes []Theme) error {
	err := s.store.WriteTx(ctx, func(st Store) error { return s.saveThemes(ctx, st, sessionID, themes, false) })
	if err != nil {
		return err
	}
	s.publish(sessionID, ChangeThemes)
	return nil
}

// RestoreThemes puts a session's themes back as they were, for an undo: as
// SaveThemes, but a theme merged or deleted since is made again with the ID it had,
// unless another session's theme has taken that ID meanwhile (it is then made with a
// new one). Every theme thus stays the theme it was, with what refers to it (a
// campaign's split pairs, the theme a participant has selected), and the themes keep
// their order and numbers.
func (s *Service) RestoreThemes(ctx context.Context, sessionID string, themes []Theme) error {
	err := s.store.WriteTx(ctx, func(st Store) error { return s.saveThemes(ctx, st, sessionID, themes, true) })
	if err != nil {
		return err
	}
	s.publish(sessionID, ChangeThemes)
	return nil
}

// saveThemes is SaveThemes in st; restore is RestoreThemes.
func (s *Service) saveThemes(ctx context.Context, st Store, sessionID string, themes []Theme, restore bool) error {
	if _, err := s.notFrozen(ctx, st, sessionID); err != nil {
		return err
	}
	notes, err := sessionNotes(ctx, st, sessionID)
	if err != nil {
		return err
	}
	existing, err := st.Themes(ctx, sessionID)
	if err != nil {
		return err
	}
	known := map[int64]bool{}
	for _, t := range existing {
		known[t.ID] = true
	}
	seenNote := map[int64]bool{}
	seenTheme := map[int64]bool{}
	out := make([]*Theme, 0, len(themes))
	for _, t := range themes {
		if t.ID != 0 && !known[t.ID] && restore {
			switch _, err := st.Theme(ctx, t.ID); {
			case ErrorCode(err) == ENotFound: // made again with its ID
			case err != nil:
				return err
			default:
				t.ID = 0
			}
		} else if t.ID != 0 && !known[t.ID] {
			return Errorf(ENotFound, "Theme %d is not a theme of this session.", t.ID)
		}
		if t.ID != 0 && seenTheme[t.ID] {
			return Errorf(EInvalid, "Theme %d is listed twice.", t.ID)
		}
		seenTheme[t.ID] = true
		label, err := ValidText(t.Label, MaxTopicLen, "A theme's name", true)
		if err != nil {
			return err
		}
		ids, err := checkNotes(t.NoteIDs, notes, seenNote)
		if err != nil {
			return err
		}
		nt := &Theme{ID: t.ID, SessionID: sessionID, Label: label, Named: t.Named, NoteIDs: ids, CreatedAt: s.Now()}
		if notes[t.NameNote] != nil {
			// Kept through an undo, which gives the themes back as they were read.
			nt.NameNote = t.NameNote
		}
		out = append(out, nt)
	}
	if err := st.ReplaceThemes(ctx, sessionID, out); err != nil {
		return fmt.Errorf("save themes: %w", err)
	}
	_, err = returnDots(ctx, st, sessionID)
	return err
}

// checkNotes returns ids sorted after checking that each is a note of the session
// (notes) and not already taken by another theme (seen, which it updates).
func checkNotes(ids []int64, notes map[int64]*Note, seen map[int64]bool) ([]int64, error) {
	out := slices.Clone(ids)
	slices.Sort(out)
	for _, id := range out {
		if notes[id] == nil {
			return nil, Errorf(EInvalid, "Note %d is not a note of this session.", id)
		}
		if seen[id] {
			return nil, Errorf(EInvalid, "Note %d can be in one theme only.", id)
		}
		seen[id] = true
	}
	return out, nil
}

func sessionNotes(ctx context.Context, st Store, sessionID string) (map[int64]*Note, error) {
	all, err := st.Notes(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	return notesByID(all), nil
}

func notesByID(all []*Note) map[int64]*Note {
	m := make(map[int64]*Note, len(all))
	for _, n := range all {
		m[n.ID] = n
	}
	return m
}

// ClusterDoc is what the clustering reads of a note: its words, area, lane and the
// activity it was written under, named by its ID. Every caller of analysis builds
// its documents here, so that none leaves a part out.
func ClusterDoc(n *Note) analysis.Doc {
	return analysis.Doc{ID: strconv.FormatInt(n.ID, 10), Text: n.Text, Area: string(n.Area), Lane: n.Lane, Activity: n.Activity}
}

// SuggestThemes clusters the session's visible notes into themes without storing
// them, so the facilitator can look before accepting. Hidden notes take no part: a
// hidden note must not shape a label everyone sees.
//
// Once the facilitator has arranged themes, they are never re-clustered: the
// suggestion is those themes as they are (IDs, names, notes), later notes placed in
// the nearest of them, and the notes near none offered as new themes. In a
// campaign, a new theme that matches one a facilitator named in another session of
// the campaign is suggested under that name.
func (s *Service) SuggestThemes(ctx context.Context, sessionID string) ([]Theme, error) {
	return s.SuggestThemesKeeping(ctx, sessionID, nil)
}

// SuggestThemesKeeping is SuggestThemes for a preview the facilitator edited by
// hand (renamed, merged, picked) before sharing it: the new themes of kept (ID
// 0) are kept as arranged ones are, each with its name and its notes that are
// still shown and in no stored theme, and later notes are placed in the nearest
// of them or offered as new themes. The result is the stored themes, then the
// kept ones in their order, then the new ones; a kept theme left without a note
// comes back empty, so that the caller can tell which went.
func (s *Service) SuggestThemesKeeping(ctx context.Context, sessionID string, kept []Theme) ([]Theme, error) {
	var out []Theme
	err := s.store.ReadTx(ctx, func(st Store) error {
		var err error
		out, err = s.suggestThemes(ctx, st, sessionID, kept)
		return err
	})
	return out, err
}

// suggestThemes is SuggestThemesKeeping, the session read in st.
func (s *Service) suggestThemes(ctx context.Context, st Store, sessionID string, kept []Theme) ([]Theme, error) {
	sess, err := st.Session(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	all, err := st.Notes(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	existing, err := st.Themes(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	docs := make([]analysis.Doc, 0, len(all))
	byID := map[string]analysis.Doc{}
	for _, n := range all {
		if n.Hidden {
			continue
		}
		d := ClusterDoc(n)
		docs = append(docs, d)
		byID[d.ID] = d
	}
	held := make([]Theme, 0, len(existing)+len(kept))
	for _, t := range existing {
		held = append(held, *t)
	}
	if len(kept) > 0 {
		// A kept theme holds its notes still shown, and none a stored theme holds
		// or a kept theme before it.
		taken := map[int64]bool{}
		for _, t := range existing {
			for _, id := range t.NoteIDs {
				taken[id] = true
			}
		}
		for _, t := range kept {
			if t.ID != 0 {
				continue
			}
			k := t
			k.NoteIDs = nil
			for _, id := range t.NoteIDs {
				if _, shown := byID[strconv.FormatInt(id, 10)]; shown && !taken[id] {
					k.NoteIDs = append(k.NoteIDs, id)
					taken[id] = true
				}
			}
			held = append(held, k)
		}
	}
	var clusters []analysis.Theme
	out := make([]Theme, 0, len(held))
	if len(held) == 0 {
		clusters = analysis.Cluster(docs)
	} else {
		arranged := make([]analysis.Theme, len(held))
		for i, t := range held {
			arranged[i].Label = t.Label
			for _, id := range t.NoteIDs {
				arranged[i].NoteIDs = append(arranged[i].NoteIDs, strconv.FormatInt(id, 10))
			}
		}
		placed := analysis.Place(arranged, docs)
		for i, t := range held {
			t.NoteIDs = nil
			for _, id := range placed[i].NoteIDs {
				n, _ := strconv.ParseInt(id, 10, 64) // formatted above
				t.NoteIDs = append(t.NoteIDs, n)
			}
			out = append(out, t)
		}
		clusters = placed[len(held):]
	}
	names, from := s.campaignNames(ctx, sess, clusters, byID)
	// A name a theme of the session already bears is not offered again: two
	// themes of one name would read as one on the board and in the findings.
	taken := map[string]bool{}
	var labels []string // the names taken, in order
	for _, t := range out {
		taken[nameKey(t.Label)] = true
		labels = append(labels, t.Label)
	}
	for i, c := range clusters {
		label := c.Label
		if name := nameKey(names[i]); name != "" && !taken[name] {
			label = names[i]
		}
		var texts []string
		for _, id := range c.NoteIDs {
			texts = append(texts, byID[id].Text)
		}
		label = nameApart(label, texts, labels, taken)
		taken[nameKey(label)] = true
		labels = append(labels, label)
		t := Theme{SessionID: sessionID, Label: label}
		if names[i] != "" && label == names[i] {
			t.NameFrom = from[nameKey(label)]
		}
		for _, id := range c.NoteIDs {
			n, err := strconv.ParseInt(id, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("suggest themes: note id %q: %w", id, err)
			}
			t.NoteIDs = append(t.NoteIDs, n)
		}
		slices.Sort(t.NoteIDs)
		out = append(out, t)
	}
	return out, nil
}

// nameKey is a theme name as names are compared: two names that differ only in case
// or in spaces around them read as one.
func nameKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// nameApart is the name a new theme of texts is suggested under: label, or, when a
// theme of the session (or a suggestion before it) bears that name already, label
// told apart by its notes' words, by the rule Cluster tells apart its own themes
// with; then fitted to a theme name's length. Fitting cuts, and a cut name can be
// one taken (a long open topic's title and its phrase, cut as before): then it is
// told apart again from the names as they are. labels are the names taken, in
// order, and taken the same by nameKey.
func nameApart(label string, texts, labels []string, taken map[string]bool) string {
	fitted := fitLabel(CleanText(label))
	known := slices.Clone(labels)
	for range 4 {
		if !taken[nameKey(fitted)] {
			return fitted
		}
		all := make([][]string, len(known)+1)
		all[len(known)] = texts
		apart := analysis.DistinctLabels(append(known, label), all)[len(known)]
		// Taken once fitted: the next round offers the rule's next name.
		known = append(known, apart)
		fitted = fitLabel(CleanText(apart))
	}
	return fitted
}

// fitLabel shortens a suggested label to what a theme's name may be (MaxTopicLen
// characters), so that accepting the suggestions never fails on it: an open topic's
// title is up to that long already, and two themes of one topic are told apart by a
// phrase after ": ". That phrase is kept and the title before it shortened, so the
// two stay apart.
func fitLabel(label string) string {
	if utf8.RuneCountInString(label) <= MaxTopicLen {
		return label
	}
	cut := func(s string, n int) string {
		r := []rune(s)
		if len(r) <= n {
			return s
		}
		h := string(r[:n-1])
		if i := strings.LastIndex(h, " "); i > len(h)/2 {
			h = h[:i]
		}
		return strings.TrimRight(h, " :;,.-·") + "…"
	}
	// "(another)", "(a third)", ..., as analysis tells apart groups that say the
	// same, are kept too.
	if name, suffix := analysis.SplitApart(label); suffix != "" {
		if room := MaxTopicLen - utf8.RuneCountInString(suffix); room >= 12 {
			return cut(name, room) + suffix
		}
	}
	if i := strings.LastIndex(label, ": "); i > 0 {
		tail := label[i:]
		if room := MaxTopicLen - utf8.RuneCountInString(tail); room >= 12 {
			return cut(label[:i], room) + tail
		}
		// A long phrase: the title keeps 12 characters and the phrase the rest, so
		// that two phrases under one long title still tell the themes apart.
		title := cut(label[:i], 12)
		return title + cut(tail, MaxTopicLen-utf8.RuneCountInString(title))
	}
	return cut(label, MaxTopicLen)
}

// campaignNames proposes, for each suggested theme, the name a facilitator gave a
// matching theme in another session of the campaign, or "". Without a campaign, or
// if the campaign cannot be read, it proposes none: names are a help, not a need.
// A name is never proposed across sides (a strength's name for concerns).
//
// from gives, by nameKey, the title of the session a proposed name comes from.
func (s *Service) campaignNames(ctx context.Context, sess *Session, clusters []analysis.Theme, docs map[string]analysis.Doc) (names []string, from map[string]string) {
	names, from = make([]string, len(clusters)), map[string]string{}
	if sess.Campaign == "" || len(clusters) == 0 {
		return names, from
	}
	ds, err := s.CampaignReportData(ctx, sess.Campaign)
	if err != nil {
		return names, from
	}
	var earlier []analysis.NamedTheme
	for _, d := range ds {
		if d.Session.ID == sess.ID {
			continue
		}
		notes := map[int64]*Note{}
		for _, n := range d.Notes {
			if !n.Hidden {
				notes[n.ID] = n
			}
		}
		for _, t := range d.Themes {
			if !t.Named {
				continue
			}
			if _, ok := from[nameKey(t.Label)]; !ok {
				from[nameKey(t.Label)] = d.Session.Title
			}
			nt := analysis.NamedTheme{Name: t.Label, Texts: []string{t.Label}}
			for _, id := range t.NoteIDs {
				if n, ok := notes[id]; ok {
					nt.Texts = append(nt.Texts, n.Text)
					nt.Lanes = append(nt.Lanes, n.Lane)
				}
			}
			earlier = append(earlier, nt)
		}
	}
	if len(earlier) == 0 {
		return names, from
	}
	suggestions := make([]analysis.NamedTheme, len(clusters))
	for i, c := range clusters {
		for _, id := range c.NoteIDs {
			suggestions[i].Texts = append(suggestions[i].Texts, docs[id].Text)
			suggestions[i].Lanes = append(suggestions[i].Lanes, docs[id].Lane)
		}
	}
	return analysis.ProposeNames(earlier, suggestions), from
}

// RenameTheme changes a theme's label.
func (s *Service) RenameTheme(ctx context.Context, themeID int64, label string) error {
	label, err := ValidText(label, MaxTopicLen, "A theme's name", true)
	if err != nil {
		return err
	}
	var t *Theme
	err = s.store.WriteTx(ctx, func(st Store) error {
		var err error
		if t, err = st.Theme(ctx, themeID); err != nil {
			return err
		}
		if _, err := s.notFrozen(ctx, st, t.SessionID); err != nil {
			return err
		}
		if label != t.Label {
			t.Label, t.Named = label, true // a name the facilitator typed
		}
		if err := st.UpdateTheme(ctx, t); err != nil {
			return fmt.Errorf("rename theme: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.publish(t.SessionID, ChangeThemes)
	return nil
}

// MergeThemes moves the notes, votes and action points of fromID into intoID and
// deletes fromID. A participant's dots on both add up, even beyond MaxVotesPerTheme:
// they were given, and merging is the facilitator's doing.
func (s *Service) MergeThemes(ctx context.Context, intoID, fromID int64) error {
	if intoID == fromID {
		return Errorf(EInvalid, "A theme cannot be merged into itself.")
	}
	var sessionID string
	err := s.store.WriteTx(ctx, func(st Store) error {
		into, err := st.Theme(ctx, intoID)
		if err != nil {
			return err
		}
		from, err := st.Theme(ctx, fromID)
		if err != nil {
			return err
		}
		if into.SessionID != from.SessionID {
			return Errorf(EInvalid, "Themes of different sessions cannot be merged.")
		}
		if _, err := s.notFrozen(ctx, st, into.SessionID); err != nil {
			return err
		}
		sessionID = into.SessionID
		// The dots of one person on both themes add up, to no more than one
		// theme may get from one person; a dot over that goes back to its voter,
		// to be given again.
		if err := st.MergeThemes(ctx, intoID, fromID, MaxVotesPerTheme); err != nil {
			return fmt.Errorf("merge themes: %w", err)
		}
		return relabelSides(ctx, st, sessionID)
	})
	if err != nil {
		return err
	}
	s.publish(sessionID, ChangeThemes)
	return nil
}

// newThemeOf checks what a new theme is made of: a name as a theme's may be, and
// at least one note; it returns the name cleaned and the notes sorted, each once.
func newThemeOf(label string, noteIDs []int64) (string, []int64, error) {
	label, err := ValidText(label, MaxTopicLen, "A theme's name", true)
	if err != nil {
		return "", nil, err
	}
	if len(noteIDs) == 0 {
		return "", nil, Errorf(EInvalid, "Choose at least one note for the new theme.")
	}
	ids := slices.Clone(noteIDs)
	slices.Sort(ids)
	return label, slices.Compact(ids), nil
}

// SplitTheme makes a new theme named label from some of a theme's notes. Split out
// of one note, it is named after that note (NameNote), as the board's S names it.
func (s *Service) SplitTheme(ctx context.Context, themeID int64, noteIDs []int64, label string) (*Theme, error) {
	label, ids, err := newThemeOf(label, noteIDs)
	if err != nil {
		return nil, err
	}
	var nt *Theme
	err = s.store.WriteTx(ctx, func(st Store) error {
		t, err := st.Theme(ctx, themeID)
		if err != nil {
			return err
		}
		if _, err := s.notFrozen(ctx, st, t.SessionID); err != nil {
			return err
		}
		for _, id := range ids {
			if !slices.Contains(t.NoteIDs, id) {
				return Errorf(EInvalid, "Note %d is not in the theme %q.", id, t.Label)
			}
		}
		nt = &Theme{SessionID: t.SessionID, Label: label, NoteIDs: ids, CreatedAt: s.Now(), NameNote: nameNote(ids, false)}
		if err := st.CreateTheme(ctx, nt); err != nil {
			return fmt.Errorf("split theme: %w", err)
		}
		_, err = returnDots(ctx, st, t.SessionID)
		return err
	})
	if err != nil {
		return nil, err
	}
	s.publish(nt.SessionID, ChangeThemes)
	return nt, nil
}

// nameNote is the note a new theme of the notes ids is named after: the one note
// split out into a theme of its own under a name the board made from its words
// (not typed, named). 0 for several notes or a typed name.
func nameNote(ids []int64, named bool) int64 {
	if len(ids) != 1 || named {
		return 0
	}
	return ids[0]
}

// NewTheme makes a theme named label in a session from some of its notes, taking
// them out of the themes they were in (a note is in one theme at most). named says
// the facilitator typed the name (a name made from a note's words is not).
func (s *Service) NewTheme(ctx context.Context, sessionID, label string, noteIDs []int64, named bool) (*Theme, error) {
	label, ids, err := newThemeOf(label, noteIDs)
	if err != nil {
		return nil, err
	}
	var nt *Theme
	err = s.store.WriteTx(ctx, func(st Store) error {
		if _, err := s.notFrozen(ctx, st, sessionID); err != nil {
			return err
		}
		for _, id := range ids {
			n, err := st.Note(ctx, id)
			if err != nil {
				return err
			}
			if n.SessionID != sessionID {
				return Errorf(EInvalid, "A note can only go into a theme of its own session.")
			}
		}
		nt = &Theme{SessionID: sessionID, Label: label, NoteIDs: ids, CreatedAt: s.Now(), Named: named, NameNote: nameNote(ids, named)}
		if err := st.CreateTheme(ctx, nt); err != nil {
			return fmt.Errorf("new theme: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.publish(sessionID, ChangeThemes)
	return nt, nil
}

// relabelSides keeps the side a suggested name says ("(strength)") true after notes
// moved or themes merged: each theme of the session whose name the facilitator did
// not give says the side its notes now agree on, or none when they no longer agree.
func relabelSides(ctx context.Context, st Store, sessionID string) error {
	themes, err := st.Themes(ctx, sessionID)
	if err != nil {
		return err
	}
	var notes map[int64]*Note
	for _, t := range themes {
		if t.Named || !analysis.HasSide(t.Label) {
			continue // named by the facilitator, or no side in the name
		}
		if notes == nil {
			all, err := st.Notes(ctx, sessionID)
			if err != nil {
				return err
			}
			notes = make(map[int64]*Note, len(all))
			for _, n := range all {
				notes[n.ID] = n
			}
		}
		var lanes []string
		for _, id := range t.NoteIDs {
			if n := notes[id]; n != nil {
				lanes = append(lanes, n.Lane)
			}
		}
		if label := analysis.RelabelSide(t.Label, lanes); label != t.Label {
			t.Label = label
			if err := st.UpdateTheme(ctx, t); err != nil {
				return fmt.Errorf("relabel theme: %w", err)
			}
		}
	}
	return nil
}

// MoveNote puts a note into a theme of its session, or out of any theme when
// toThemeID is 0.
func (s *Service) MoveNote(ctx context.Context, noteID, toThemeID int64) error {
	return s.MoveNotes(ctx, []int64{noteID}, toThemeID)
}

// MoveNotes puts notes of one session into a theme of that session (or out of any
// theme when toThemeID is 0) in one transaction: all move or none.
func (s *Service) MoveNotes(ctx context.Context, noteIDs []int64, toThemeID int64) error {
	if len(noteIDs) == 0 {
		return Errorf(EInvalid, "Choose at least one note to move.")
	}
	var sessionID string
	err := s.store.WriteTx(ctx, func(st Store) error {
		var to *Theme
		if toThemeID != 0 {
			var err error
			if to, err = st.Theme(ctx, toThemeID); err != nil {
				return err
			}
		}
		for _, id := range noteIDs {
			n, err := st.Note(ctx, id)
			if err != nil {
				return err
			}
			if sessionID == "" {
				sessionID = n.SessionID
				if _, err := s.notFrozen(ctx, st, sessionID); err != nil {
					return err
				}
			}
			if n.SessionID != sessionID || to != nil && to.SessionID != sessionID {
				return Errorf(EInvalid, "A note can only move to a theme of its own session.")
			}
			if err := st.SetNoteTheme(ctx, id, toThemeID); err != nil {
				return fmt.Errorf("move note: %w", err)
			}
		}
		if _, err := returnDots(ctx, st, sessionID); err != nil {
			return err
		}
		return relabelSides(ctx, st, sessionID)
	})
	if err != nil {
		return err
	}
	s.publish(sessionID, ChangeThemes)
	return nil
}

// DeleteTheme deletes a theme and the votes on it; its notes and action points stay.
func (s *Service) DeleteTheme(ctx context.Context, themeID int64) error {
	var t *Theme
	err := s.store.WriteTx(ctx, func(st Store) error {
		var err error
		if t, err = st.Theme(ctx, themeID); err != nil {
			return err
		}
		if _, err := s.notFrozen(ctx, st, t.SessionID); err != nil {
			return err
		}
		if err := st.DeleteTheme(ctx, themeID); err != nil {
			return fmt.Errorf("delete theme: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.publish(t.SessionID, ChangeThemes)
	return nil
}

func voteBudget(sess *Session) int {
	if sess.VoteBudget <= 0 {
		return DefaultVoteBudget
	}
	return sess.VoteBudget
}

// Vote gives (delta +1) or takes back (delta -1) one dot of a participant on a theme.
// Dots can be given only in the vote phase, up to the session's budget in all and
// MaxVotesPerTheme on one theme.
func (s *Service) Vote(ctx context.Context, participantID, themeID int64, delta int) error {
	if delta != 1 && delta != -1 {
		return Errorf(EInvalid, "A vote adds or takes back one dot at a time.")
	}
	var sessionID string
	err := s.store.WriteTx(ctx, func(st Store) error {
		p, sess, err := s.current(ctx, st, participantID)
		if err != nil {
			return err
		}
		if sess.Phase != PhaseVote {
			return Errorf(EForbidden, "Dots can be given in the vote phase; the session is in %s.", sess.Phase)
		}
		t, err := st.Theme(ctx, themeID)
		if err != nil {
			return err
		}
		if t.SessionID != sess.ID {
			return Errorf(ENotFound, "Theme not found.")
		}
		if delta > 0 {
			shown, err := hasVisibleNote(ctx, st, t)
			if err != nil {
				return err
			}
			if !shown {
				return Errorf(EInvalid, "This theme is no longer on the board: give your dot to another.")
			}
		}
		sessionID = p.SessionID
		return st.ChangeVote(ctx, participantID, themeID, delta, voteCheck(themeID, delta, voteBudget(sess)))
	})
	if err != nil {
		return err
	}
	s.publish(sessionID, ChangeThemes)
	return nil
}

// hasVisibleNote reports whether participants see theme t: whether a note of it is
// not hidden (ThemeShowing's rule, read note by note: the first usually answers).
func hasVisibleNote(ctx context.Context, st Store, t *Theme) (bool, error) {
	for _, id := range t.NoteIDs {
		n, err := st.Note(ctx, id)
		if err != nil {
			return false, err
		}
		if !n.Hidden {
			return true, nil
		}
	}
	return false, nil
}

// voteCheck approves a change of delta dots on themeID against a participant's
// current dots.
func voteCheck(themeID int64, delta, budget int) func(mine map[int64]int) error {
	return func(mine map[int64]int) error {
		used := 0
		for _, c := range mine {
			used += c
		}
		on := mine[themeID]
		switch {
		case delta < 0 && on == 0:
			return Errorf(EInvalid, "You have no dot on this theme to take back.")
		case delta > 0 && used >= budget:
			return Errorf(ELimit, "You have used all %d of your dots; take one back from another theme first.", budget)
		case delta > 0 && on >= MaxVotesPerTheme:
			return Errorf(ELimit, "A theme can get at most %d of your dots.", MaxVotesPerTheme)
		}
		return nil
	}
}

// MyVotes returns a participant's dots by theme ID.
func (s *Service) MyVotes(ctx context.Context, participantID int64) (map[int64]int, error) {
	var votes []Vote
	err := s.store.ReadTx(ctx, func(st Store) error {
		p, err := st.Participant(ctx, participantID)
		if err != nil {
			return err
		}
		votes, err = st.Votes(ctx, p.SessionID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return myVotes(votes, participantID), nil
}

func myVotes(votes []Vote, participantID int64) map[int64]int {
	out := map[int64]int{}
	for _, v := range votes {
		if v.ParticipantID == participantID {
			out[v.ThemeID] = v.Count
		}
	}
	return out
}

// VoteTotals returns the dots each theme got, as the screens show them (see
// ReleaseVotes). Dots of removed participants count, as do those a database restored
// without its key secret no longer knows the giver of. Participants see them only
// once voting is over, so that early dots do not steer later ones; that is for the
// screen to decide.
func (s *Service) VoteTotals(ctx context.Context, sessionID string) (map[int64]int, error) {
	var counted []Vote
	err := s.store.ReadTx(ctx, func(st Store) error {
		if _, err := st.Session(ctx, sessionID); err != nil {
			return err
		}
		var err error
		counted, err = st.ShownVotes(ctx, sessionID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return voteTotals(counted), nil
}

func voteTotals(counted []Vote) map[int64]int {
	out := map[int64]int{}
	for _, v := range counted {
		out[v.ThemeID] += v.Count
	}
	return out
}

// SetVoteBudget sets how many dots each participant has, 1 to MaxVoteBudget. Once
// any dot is given it can only go up.
func (s *Service) SetVoteBudget(ctx context.Context, sessionID string, budget int) error {
	if budget < 1 || budget > MaxVoteBudget {
		return Errorf(EInvalid, "The vote budget is a whole number from 1 to %d.", MaxVoteBudget)
	}
	_, err := s.updateSession(ctx, sessionID, func(st Store, sess *Session) error {
		if sess.Phase == PhaseClosed {
			return closedError()
		}
		// Lowering the budget below what someone gave would need their dots
		// explained; a refusal naming the most anyone gave, or one only some
		// budgets get, would tell how one person spread theirs. So once any dot is
		// given the budget only goes up.
		if budget < voteBudget(sess) {
			votes, err := st.Votes(ctx, sessionID)
			if err != nil {
				return err
			}
			if len(votes) > 0 {
				return Errorf(EConflict, "Dots have been given already: the budget can go up, not down.")
			}
		}
		sess.VoteBudget = budget
		return nil
	})
	if err != nil {
		return fmt.Errorf("set vote budget: %w", err)
	}
	return nil
}

// validAction cleans and checks the fields a facilitator edits.
func (s *Service) validAction(ctx context.Context, st Store, a *ActionPoint) error {
	var err error
	if a.Title, err = ValidText(a.Title, MaxActionTitleLen, "An action point's title", true); err != nil {
		return err
	}
	if a.Owner, err = ValidText(a.Owner, MaxTitleLen, "The owner", false); err != nil {
		return err
	}
	if a.Priority == 0 {
		a.Priority = PriorityMedium
	}
	if a.Priority < PriorityHigh || a.Priority > PriorityLow {
		return Errorf(EInvalid, "A priority is 1 (high), 2 (medium) or 3 (low).")
	}
	if a.Status == "" {
		a.Status = ActionProposed
	}
	if !a.Status.Valid() {
		return Errorf(EInvalid, "Unknown status %q; use proposed, accepted, in-progress, done or dropped.", a.Status)
	}
	if a.ThemeID != 0 {
		t, err := st.Theme(ctx, a.ThemeID)
		if err != nil {
			return err
		}
		if t.SessionID != a.SessionID {
			return Errorf(EInvalid, "An action point can only answer a theme of its own session.")
		}
	}
	return nil
}

// AddAction adds an action point to a session. Priority 0 means medium and an empty
// status means proposed, so a quick entry needs only a title.
func (s *Service) AddAction(ctx context.Context, a ActionPoint) (*ActionPoint, error) {
	err := s.store.WriteTx(ctx, func(st Store) error {
		if _, err := s.notFrozen(ctx, st, a.SessionID); err != nil {
			return err
		}
		if err := s.validAction(ctx, st, &a); err != nil {
			return err
		}
		a.ID = 0
		a.Volunteers, a.VolunteerIDs = nil, nil
		a.CreatedAt = s.Now()
		a.UpdatedAt = a.CreatedAt
		if err := st.AddAction(ctx, &a); err != nil {
			return fmt.Errorf("add action point: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.publish(a.SessionID, ChangeThemes)
	return &a, nil
}

// UpdateAction changes the theme, title, priority, owner and status of an action point.
func (s *Service) UpdateAction(ctx context.Context, a ActionPoint) error {
	err := s.store.WriteTx(ctx, func(st Store) error {
		old, err := st.Action(ctx, a.ID)
		if err != nil {
			return err
		}
		a.SessionID = old.SessionID
		if err := s.validAction(ctx, st, &a); err != nil {
			return err
		}
		if _, err := s.notFrozen(ctx, st, a.SessionID); err != nil {
			// Following an action point up goes on after the session: its status and
			// owner may change (owners are often named after it), nothing else.
			was := *old
			was.Status, was.Owner = a.Status, a.Owner
			if !sameAction(&was, &a) {
				return err
			}
		}
		a.UpdatedAt = s.Now()
		if err := st.UpdateAction(ctx, &a); err != nil {
			return fmt.Errorf("update action point: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.publish(a.SessionID, ChangeThemes)
	return nil
}

// DeleteAction deletes an action point and its volunteers.
func (s *Service) DeleteAction(ctx context.Context, id int64) error {
	var a *ActionPoint
	err := s.store.WriteTx(ctx, func(st Store) error {
		var err error
		if a, err = st.Action(ctx, id); err != nil {
			return err
		}
		if _, err := s.notFrozen(ctx, st, a.SessionID); err != nil {
			return err
		}
		if err := st.DeleteAction(ctx, id); err != nil {
			return fmt.Errorf("delete action point: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.publish(a.SessionID, ChangeThemes)
	return nil
}

// Actions returns a session's action points ordered by ID, with the names its
// volunteers show now. A removed participant's volunteering stays, as all they
// contributed does.
func (s *Service) Actions(ctx context.Context, sessionID string) ([]*ActionPoint, error) {
	var list []*ActionPoint
	err := s.store.ReadTx(ctx, func(st Store) error {
		var err error
		list, err = actions(ctx, st, sessionID)
		return err
	})
	return list, err
}

func actions(ctx context.Context, st Store, sessionID string) ([]*ActionPoint, error) {
	if _, err := st.Session(ctx, sessionID); err != nil {
		return nil, err
	}
	list, err := st.Actions(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	ps, err := st.Participants(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	return withVolunteers(list, ps), nil
}

// withVolunteers keeps the volunteers of list who are among ps (the session's
// participants), each under the name they volunteered with.
func withVolunteers(list []*ActionPoint, ps []*Participant) []*ActionPoint {
	in := make(map[int64]bool, len(ps))
	for _, p := range ps {
		in[p.ID] = true
	}
	for _, a := range list {
		ids, names := a.VolunteerIDs, a.Volunteers
		a.VolunteerIDs, a.Volunteers = nil, nil
		for i, id := range ids {
			if !in[id] {
				continue
			}
			a.VolunteerIDs = append(a.VolunteerIDs, id)
			a.Volunteers = append(a.Volunteers, cmp.Or(names[i], AnonymousVolunteer))
		}
	}
	return list
}

// ownVolunteering is actions as viewer's screen gets them: volunteers by the names
// they gave, and of the participants behind them only viewer (none for 0, the
// board), so that no screen can tie a volunteer's name to another participant.
// Action points with volunteers are copies; the others are shared.
func ownVolunteering(actions []*ActionPoint, viewer int64) []*ActionPoint {
	if len(actions) == 0 {
		return actions
	}
	out := make([]*ActionPoint, len(actions))
	for i, a := range actions {
		out[i] = a
		if len(a.VolunteerIDs) == 0 {
			continue
		}
		c := *a
		c.VolunteerIDs = nil
		if viewer != 0 && slices.Contains(a.VolunteerIDs, viewer) {
			c.VolunteerIDs = []int64{viewer}
		}
		out[i] = &c
	}
	return out
}

// AnonymousVolunteer is what an action point shows for a volunteer who gave no name.
const AnonymousVolunteer = "anonymous"

// Volunteer records that a participant volunteers for an action point (on), without
// a name (AnonymousVolunteer), or withdraws. Never under their display name: that
// name, given for the facilitator's eyes, stored with the volunteering would match
// the participant's row, and so their profile, in a copy of the database. Only the
// participant can volunteer; VolunteerAs gives the name they choose to show.
func (s *Service) Volunteer(ctx context.Context, participantID, actionID int64, on bool) error {
	return s.volunteer(ctx, participantID, actionID, on, "")
}

// VolunteerAs records that a participant volunteers for an action point under name,
// which shows on the action point (and so in the findings) only: it does not become
// their display name, which the board shows beside their note count, so that
// nothing joins the name to their notes or rating. An empty name volunteers without
// one (AnonymousVolunteer): the box that asks for the name starts empty and says
// so. Never their pseudonym either, which the board lists too.
func (s *Service) VolunteerAs(ctx context.Context, participantID, actionID int64, name string) error {
	name, err := ValidText(name, MaxNameLen, "A name", false)
	if err != nil {
		return err
	}
	return s.volunteer(ctx, participantID, actionID, true, name)
}

// volunteer records or withdraws a volunteer under name.
func (s *Service) volunteer(ctx context.Context, participantID, actionID int64, on bool, name string) error {
	var sessionID string
	err := s.store.WriteTx(ctx, func(st Store) error {
		p, sess, err := s.current(ctx, st, participantID)
		if err != nil {
			return err
		}
		if sess.Phase == PhaseClosed {
			// The volunteers are part of the frozen results.
			return Errorf(EForbidden, "The session is closed, so the list of volunteers is final. To help with an action point, tell its owner or the facilitator.")
		}
		a, err := st.Action(ctx, actionID)
		if err != nil {
			return err
		}
		if a.SessionID != p.SessionID {
			return Errorf(ENotFound, "Action point not found.")
		}
		sessionID = p.SessionID
		if err := st.SetVolunteer(ctx, actionID, participantID, name, on); err != nil {
			return fmt.Errorf("volunteer: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.publish(sessionID, ChangeThemes)
	return nil
}
