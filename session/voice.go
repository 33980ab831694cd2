package session

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"
)

// DefaultKeylessPerAddress is how many people without an SSH key one address may
// bring into one session when Limits.KeylessPerAddress is not set.
const DefaultKeylessPerAddress = 3

// voices remembers, in memory only and until the server restarts, from which address
// each participant joined, so that connections do not mint voters: keyless joins per
// address and session are limited, and after the removal of someone who was alone on
// their address, that address admits no new participant to the session until the
// facilitator lets it in again. Addresses are never stored.
type voices struct {
	mu      sync.Mutex
	keyless map[[2]string]int          // by session and address
	blocked map[[2]string]AddressBlock // by session and address
	addrOf  map[int64]string           // by participant
}

func (v *voices) init() {
	if v.keyless == nil {
		v.keyless, v.blocked, v.addrOf = map[[2]string]int{}, map[[2]string]AddressBlock{}, map[int64]string{}
	}
}

// AddressBlock is a network address that admits no new participant to a session
// because the facilitator removed someone who was the only participant from it. It
// names the removed participant, never the address.
type AddressBlock struct {
	ParticipantID int64
	Since         time.Time
}

// Removal is what removing a participant does besides keeping their key (or rejoin
// code) out of the session.
type Removal int

const (
	// RemovalKeyOnly: their address is not known (they joined before the server
	// started), so only their key is kept out.
	RemovalKeyOnly Removal = iota
	// RemovalAddressShared: others in the session joined from their address (a room
	// behind one office address), which stays open to new people.
	RemovalAddressShared
	// RemovalBlocksAddress: nobody else in the session joined from their address,
	// which then admits no new participant until the facilitator lets it in.
	RemovalBlocksAddress
)

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
		// The key's own participations, not the whole session's people: in a room of
		// a thousand, reading everyone for each person joining made the joins
		// quadratic.
		ps, err := s.store.ParticipationsByKey(ctx, keyHash)
		if err != nil {
			return nil, false, err
		}
		for _, p := range ps {
			known = known || p.SessionID == sessionID
		}
	}
	k := [2]string{sessionID, addr}
	if !known {
		s.voices.mu.Lock()
		s.voices.init()
		_, blocked := s.voices.blocked[k]
		keyless := s.voices.keyless[k]
		s.voices.mu.Unlock()
		if blocked {
			return nil, false, Errorf(EForbidden, "Someone was removed from this session from your network address, so it admits no new participants from there. If you are someone else, ask your facilitator to let your address in again (u on the board's people tab).")
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

// removal says what removing p now does about their address: people is the
// session's participants as stored. Call with voices.mu held.
func (v *voices) removal(p *Participant, people []*Participant) (Removal, string) {
	addr, ok := v.addrOf[p.ID]
	if !ok {
		return RemovalKeyOnly, ""
	}
	for _, o := range people {
		if o.ID != p.ID && !o.Removed && v.addrOf[o.ID] == addr {
			return RemovalAddressShared, addr
		}
	}
	return RemovalBlocksAddress, addr
}

// RemovalFor says what removing the participant would do about their network
// address, for the facilitator to know before confirming.
func (s *Service) RemovalFor(ctx context.Context, participantID int64) (Removal, error) {
	p, err := s.store.Participant(ctx, participantID)
	if err != nil {
		return 0, err
	}
	people, err := s.store.Participants(ctx, p.SessionID)
	if err != nil {
		return 0, err
	}
	s.voices.mu.Lock()
	defer s.voices.mu.Unlock()
	s.voices.init()
	r, _ := s.voices.removal(p, people)
	return r, nil
}

// removedFromAddress closes the address a removed participant joined from to new
// participants of the session, unless others in it joined from there too: an
// office behind one address would otherwise lose every latecomer and everyone
// who comes back with a new key.
func (s *Service) removedFromAddress(p *Participant, people []*Participant) Removal {
	s.voices.mu.Lock()
	defer s.voices.mu.Unlock()
	s.voices.init()
	r, addr := s.voices.removal(p, people)
	if r == RemovalBlocksAddress {
		s.voices.blocked[[2]string{p.SessionID, addr}] = AddressBlock{ParticipantID: p.ID, Since: s.Now()}
	}
	return r
}

// AddressBlocks are the addresses closed to new participants of a session, oldest
// first, each named by the participant whose removal closed it.
func (s *Service) AddressBlocks(sessionID string) []AddressBlock {
	s.voices.mu.Lock()
	defer s.voices.mu.Unlock()
	var out []AddressBlock
	for k, b := range s.voices.blocked {
		if k[0] == sessionID {
			out = append(out, b)
		}
	}
	slices.SortFunc(out, func(a, b AddressBlock) int { return a.Since.Compare(b.Since) })
	return out
}

// LetAddressesIn opens the addresses closed to new participants of a session again,
// and returns how many there were. The removed participants' keys stay out.
func (s *Service) LetAddressesIn(sessionID string) int {
	s.voices.mu.Lock()
	n := 0
	for k := range s.voices.blocked {
		if k[0] == sessionID {
			delete(s.voices.blocked, k)
			n++
		}
	}
	s.voices.mu.Unlock()
	if n > 0 {
		s.publish(sessionID, ChangePeople)
	}
	return n
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
