package session

import (
	"context"
	"fmt"
	"sync"
)

// DefaultKeylessPerAddress is how many people without an SSH key one address may
// bring into one session when Limits.KeylessPerAddress is not set.
const DefaultKeylessPerAddress = 3

// voices remembers, in memory only and until the server restarts, from which address
// each participant joined, so that connections do not mint voters: keyless joins per
// address and session are limited, and after a removal the address admits no new
// participant to that session. Addresses are never stored.
type voices struct {
	mu      sync.Mutex
	keyless map[[2]string]int  // by session and address
	removed map[[2]string]bool // by session and address
	addrOf  map[int64]string   // by participant
}

func (v *voices) init() {
	if v.keyless == nil {
		v.keyless, v.removed, v.addrOf = map[[2]string]int{}, map[[2]string]bool{}, map[int64]string{}
	}
}

// JoinFrom is Rejoin for a connection from addr (empty when unknown). A person who
// has not joined the session before is refused when someone was removed from it
// from the same address, and, without a key, when the address already brought
// KeylessPerAddress people without a key into it.
func (s *Service) JoinFrom(ctx context.Context, sessionID, keyHash, addr string) (*Participant, bool, error) {
	if addr == "" {
		p, returning, err := s.Rejoin(ctx, sessionID, keyHash)
		if err == nil && keyHash == "" {
			err = s.giveRejoinCode(ctx, p)
		}
		if err != nil {
			return nil, false, err
		}
		return p, returning, nil
	}
	known := false
	if keyHash != "" {
		ps, err := s.store.Participants(ctx, sessionID)
		if err != nil {
			return nil, false, err
		}
		for _, p := range ps {
			known = known || p.KeyHash == keyHash
		}
	}
	k := [2]string{sessionID, addr}
	if !known {
		s.voices.mu.Lock()
		s.voices.init()
		removed, keyless := s.voices.removed[k], s.voices.keyless[k]
		s.voices.mu.Unlock()
		if removed {
			return nil, false, Errorf(EForbidden, "Someone was removed from this session from your network address, so it admits no new participants from there. If you are someone else, ask your facilitator.")
		}
		limit := s.Limits.KeylessPerAddress
		if limit == 0 {
			limit = DefaultKeylessPerAddress
		}
		if keyHash == "" && limit > 0 && keyless >= limit {
			return nil, false, Errorf(ELimit, "%d people without an SSH key have joined this session from your network address, the most it admits. Connect with an SSH key (ssh -i KEYFILE ...), or ask your facilitator.", limit)
		}
	}
	p, returning, err := s.Rejoin(ctx, sessionID, keyHash)
	if err != nil {
		return nil, false, err
	}
	if keyHash == "" {
		if err := s.giveRejoinCode(ctx, p); err != nil {
			return nil, false, err
		}
	}
	s.voices.mu.Lock()
	s.voices.init()
	if keyHash == "" {
		s.voices.keyless[k]++
	}
	s.voices.addrOf[p.ID] = addr
	s.voices.mu.Unlock()
	return p, returning, nil
}

// removedFromAddress closes the address a removed participant joined from to new
// participants of that session.
func (s *Service) removedFromAddress(p *Participant) {
	s.voices.mu.Lock()
	defer s.voices.mu.Unlock()
	s.voices.init()
	if addr, ok := s.voices.addrOf[p.ID]; ok {
		s.voices.removed[[2]string{p.SessionID, addr}] = true
	}
}

// giveRejoinCode makes a new participant without a key a personal rejoin code, so
// that they can come back as themselves; only its keyed hash is stored.
func (s *Service) giveRejoinCode(ctx context.Context, p *Participant) error {
	for try := 0; ; try++ {
		code, err := NewRejoinCode()
		if err != nil {
			return err
		}
		err = s.store.SetRejoinCode(ctx, p.ID, code)
		if err == nil {
			p.RejoinCode = code
			return nil
		}
		// Two equal codes among 31^10 are all but impossible; a few tries cover them.
		if ErrorCode(err) != EConflict || try == 4 {
			return fmt.Errorf("rejoin code: %w", err)
		}
	}
}

// RejoinWithCode lets a person without a key come back with their personal rejoin
// code, from addr, as the participant they were: notes, votes and dots. A removed
// participant's code admits no one; a wrong code is ENotFound.
func (s *Service) RejoinWithCode(ctx context.Context, code, addr string) (*Session, *Participant, error) {
	p, err := s.store.ParticipantByRejoinCode(ctx, code)
	if ErrorCode(err) == ENotFound {
		return nil, nil, Errorf(ENotFound, "No one has the rejoin code %q. Check it, or type the session's join code to join as someone new.", CleanText(code))
	}
	if err != nil {
		return nil, nil, err
	}
	if p.Removed {
		return nil, nil, Errorf(EForbidden, "The facilitator has removed you from this session.")
	}
	sess, err := s.store.Session(ctx, p.SessionID)
	if err != nil {
		return nil, nil, err
	}
	p.RejoinCode = readableRejoinCode(code)
	if addr != "" {
		s.voices.mu.Lock()
		s.voices.init()
		s.voices.addrOf[p.ID] = addr
		s.voices.mu.Unlock()
	}
	s.publish(p.SessionID, ChangePeople)
	return sess, p, nil
}
