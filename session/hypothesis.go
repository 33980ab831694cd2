package session

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Hypothesis is something the program team believes about its security program
// ("teams want deeper training"), written before or during a campaign. The tool
// gathers the evidence (themes and notes that match it); the verdict is set by a
// person, with a line of why.
type Hypothesis struct {
	ID int64
	// Number is its place in its campaign, from 1, in the order written.
	Number    int
	Campaign  string
	Text      string
	Verdict   Verdict
	Why       string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Verdict is what a person concluded about a hypothesis from the sessions.
type Verdict string

// Verdicts; the empty verdict means none was given yet.
const (
	VerdictNone         Verdict = ""
	VerdictSupported    Verdict = "supported"
	VerdictMixed        Verdict = "mixed"
	VerdictNotSupported Verdict = "not-supported"
	VerdictNoEvidence   Verdict = "no-evidence"
)

// Verdicts lists the verdicts a person can give.
var Verdicts = []Verdict{VerdictSupported, VerdictMixed, VerdictNotSupported, VerdictNoEvidence}

// Title is the verdict as people read it.
func (v Verdict) Title() string {
	switch v {
	case VerdictNone:
		return "no verdict yet"
	case VerdictNotSupported:
		return "not supported"
	case VerdictNoEvidence:
		return "no evidence"
	}
	return string(v)
}

// MaxHypotheses bounds the hypotheses of one campaign: a report section each.
const MaxHypotheses = 50

// HypothesisStore keeps hypotheses. session/sqlite implements it.
type HypothesisStore interface {
	AddHypothesis(ctx context.Context, h *Hypothesis) error
	// Hypotheses returns a campaign's hypotheses (campaign compared ignoring case),
	// oldest first, numbered from 1.
	Hypotheses(ctx context.Context, campaign string) ([]*Hypothesis, error)
	// UpdateHypothesis stores the verdict and why of h.
	UpdateHypothesis(ctx context.Context, h *Hypothesis) error
	// DeleteHypothesis removes the hypothesis with the ID.
	DeleteHypothesis(ctx context.Context, id int64) error
}

func (s *Service) hypothesisStore() (HypothesisStore, error) {
	hs, ok := s.store.(HypothesisStore)
	if !ok {
		return nil, fmt.Errorf("hypotheses: the store %T keeps none", s.store)
	}
	return hs, nil
}

// AddHypothesis records a hypothesis of a campaign. The campaign need not have
// sessions yet: hypotheses are often written first.
func (s *Service) AddHypothesis(ctx context.Context, campaign, text string) (*Hypothesis, error) {
	if _, err := s.hypothesisStore(); err != nil {
		return nil, err
	}
	h := &Hypothesis{}
	var err error
	if h.Campaign, err = ValidText(CampaignText(campaign), MaxTitleLen, "The campaign", true); err != nil {
		return nil, err
	}
	if h.Text, err = ValidText(text, MaxNoteLen, "A hypothesis", true); err != nil {
		return nil, err
	}
	// One transaction: the same hypothesis added twice at once is stored once.
	err = s.store.WriteTx(ctx, func(st Store) error {
		hs, ok := st.(HypothesisStore)
		if !ok {
			return fmt.Errorf("hypotheses: the store %T keeps none", st)
		}
		have, err := hs.Hypotheses(ctx, h.Campaign)
		if err != nil {
			return err
		}
		// The campaign as its sessions or hypotheses spell it: names are matched
		// whatever their case, and "chartering 2027" typed is "Chartering 2027".
		if h.Campaign, err = campaignSpelling(ctx, st, have, h.Campaign); err != nil {
			return err
		}
		if len(have) >= MaxHypotheses {
			return Errorf(ELimit, "The campaign already has %d hypotheses, the most it can hold.", len(have))
		}
		if slices.ContainsFunc(have, func(o *Hypothesis) bool { return strings.EqualFold(o.Text, h.Text) }) {
			return Errorf(EConflict, "The campaign already has this hypothesis.")
		}
		h.CreatedAt = s.Now()
		h.UpdatedAt = h.CreatedAt
		if err := hs.AddHypothesis(ctx, h); err != nil {
			return fmt.Errorf("add hypothesis: %w", err)
		}
		h.Number = len(have) + 1
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.publish(SessionList, ChangeSession) // campaign overviews show hypotheses
	return h, nil
}

// Hypotheses returns a campaign's hypotheses, numbered from 1.
func (s *Service) Hypotheses(ctx context.Context, campaign string) ([]*Hypothesis, error) {
	hs, err := s.hypothesisStore()
	if err != nil {
		return nil, err
	}
	return hs.Hypotheses(ctx, campaign)
}

// SetVerdict records a person's verdict on hypothesis number of a campaign, with a
// line of why; VerdictNone takes a verdict back.
func (s *Service) SetVerdict(ctx context.Context, campaign string, number int, v Verdict, why string) (*Hypothesis, error) {
	_, err := s.hypothesisStore()
	if err != nil {
		return nil, err
	}
	if v != VerdictNone && !slices.Contains(Verdicts, v) {
		return nil, Errorf(EInvalid, "Unknown verdict %q; use one of %s.", v, joinVerdicts())
	}
	if why, err = ValidText(why, MaxNoteLen, "The why", v != VerdictNone); err != nil {
		return nil, Errorf(EInvalid, "A verdict needs a line of why (--why \"...\"), at most %d characters.", MaxNoteLen)
	}
	// One transaction: the hypothesis numbered is the one given the verdict.
	return s.withHypothesis(ctx, campaign, number, func(hs HypothesisStore, h *Hypothesis) error {
		h.Verdict, h.Why, h.UpdatedAt = v, why, s.Now()
		if v == VerdictNone {
			h.Why = ""
		}
		if err := hs.UpdateHypothesis(ctx, h); err != nil {
			return fmt.Errorf("set verdict: %w", err)
		}
		return nil
	})
}

// DeleteHypothesis removes hypothesis number of a campaign (a slip, or one the
// program no longer holds); those after it are numbered one lower.
func (s *Service) DeleteHypothesis(ctx context.Context, campaign string, number int) (*Hypothesis, error) {
	if _, err := s.hypothesisStore(); err != nil {
		return nil, err
	}
	// One transaction: the hypothesis numbered is the one removed.
	return s.withHypothesis(ctx, campaign, number, func(hs HypothesisStore, h *Hypothesis) error {
		return hs.DeleteHypothesis(ctx, h.ID)
	})
}

// withHypothesis runs change on hypothesis number of a campaign, found and changed
// in one write transaction, and tells the campaign overviews.
func (s *Service) withHypothesis(ctx context.Context, campaign string, number int, change func(HypothesisStore, *Hypothesis) error) (*Hypothesis, error) {
	var h *Hypothesis
	err := s.store.WriteTx(ctx, func(st Store) error {
		hs, ok := st.(HypothesisStore)
		if !ok {
			return fmt.Errorf("hypotheses: the store %T keeps none", st)
		}
		have, err := hs.Hypotheses(ctx, campaign)
		if err != nil {
			return err
		}
		if number < 1 || number > len(have) {
			if len(have) == 0 {
				return Errorf(ENotFound, "The campaign %q has no hypotheses.", campaign)
			}
			return Errorf(ENotFound, "The campaign %q has hypotheses 1 to %d, not %d.", campaign, len(have), number)
		}
		h = have[number-1]
		return change(hs, h)
	})
	if err != nil {
		return nil, err
	}
	s.publish(SessionList, ChangeSession)
	return h, nil
}

func joinVerdicts() string {
	names := make([]string, len(Verdicts))
	for i, v := range Verdicts {
		names[i] = string(v)
	}
	return strings.Join(names, ", ")
}

// exampleWhy is a line of why that each verdict could have, for the messages that
// ask for one: "not-supported: every session asked for it" contradicts itself.
var exampleWhy = map[Verdict]string{
	VerdictSupported:    "every session asked for it",
	VerdictMixed:        "two sessions asked for it, one did not",
	VerdictNotSupported: "no session raised it",
	VerdictNoEvidence:   "no session spoke of it",
}

// ParseVerdictLine reads a verdict typed as one line, as the campaign screen takes
// it: the hypothesis's number (2 or H2), the verdict (supported, mixed, not
// supported, no evidence, or none to take one back; with or without the dash) and
// the why, after an optional colon: "H2 mixed: two sessions asked for it, one
// did not".
func ParseVerdictLine(line string) (number int, v Verdict, why string, err error) {
	// "H2 supported:every session" is "H2 supported: every session".
	line = strings.Replace(line, ":", ": ", 1)
	words := strings.Fields(line)
	usage := Errorf(EInvalid, `Type the hypothesis's number, the verdict and why, e.g. "H2 supported: every session asked for it"; verdicts are %s, or none to take one back.`, joinVerdicts())
	if len(words) < 2 {
		return 0, "", "", usage
	}
	number, err = strconv.Atoi(strings.TrimPrefix(strings.ToUpper(words[0]), "H"))
	if err != nil || number < 1 {
		return 0, "", "", Errorf(EInvalid, "%q is not a hypothesis's number such as 2 or H2.", words[0])
	}
	rest := words[1:]
	word := func(i int) string {
		if i >= len(rest) {
			return ""
		}
		return strings.TrimRight(strings.ToLower(rest[i]), ":,.;")
	}
	taken := 1
	switch first := word(0); {
	case first == "none":
		v = VerdictNone
	case (first == "not" && word(1) == "supported") || (first == "no" && word(1) == "evidence"):
		v, taken = Verdict(first+"-"+word(1)), 2
	case slices.Contains(Verdicts, Verdict(first)):
		v = Verdict(first)
	default:
		return 0, "", "", Errorf(EInvalid, "%q is not a verdict; use one of %s, or none to take one back.", strings.TrimRight(rest[0], ":,.;"), joinVerdicts())
	}
	// The why is the rest of the line as typed, from the word after the verdict.
	why = strings.Join(rest[taken:], " ")
	why = strings.TrimSpace(strings.TrimLeft(why, ":-–— "))
	if v != VerdictNone && why == "" {
		return 0, "", "", Errorf(EInvalid, "Say why after the verdict, e.g. \"H%d %s: %s\".", number, v, exampleWhy[v])
	}
	return number, v, why, nil
}

// campaignSpelling returns the campaign's name as its first hypothesis or, without
// one, a session of it spells it; name itself when neither has it.
func campaignSpelling(ctx context.Context, st Store, have []*Hypothesis, name string) (string, error) {
	if len(have) > 0 {
		return have[0].Campaign, nil
	}
	sessions, err := st.Sessions(ctx)
	if err != nil {
		return "", err
	}
	for _, s := range sessions {
		if SameCampaign(s.Campaign, name) {
			return s.Campaign, nil
		}
	}
	return name, nil
}
