package analyze

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"sync"
	"time"

	"github.com/recondo/recondo/gateway/providers"
)

// DefaultSessionGap ends a heuristic session after this long without a turn.
const DefaultSessionGap = 30 * time.Minute

// sessionRef is where one turn belongs.
type sessionRef struct {
	ID       string
	External string // the agent's own id, when the wire carried one
	Parent   string // the parent session, for sub-agent traffic
}

// Sessions resolves each turn's session. An id the agent sends (Claude Code's session header or
// metadata, Codex's session_id, Gemini CLI's session_id) decides; without one, a turn joins the
// open session of the same developer, client and provider whose last request its messages
// extend (or whose response it continues, by previous_response_id), unless that session has
// been idle longer than the gap or its system prompt changed. Within an explicit session, a
// request with another system prompt that does not continue the main conversation is a
// sub-agent's: it gets a child session linked to the parent.
//
// State is in memory, per gateway: after a restart, or across replicas, a heuristic session may
// be split in two; explicit ids are stable everywhere.
type Sessions struct {
	gap time.Duration
	mu  sync.Mutex
	// open heuristic sessions by developer|client|provider
	open map[string][]*openSession
	// explicit sessions by id: the main thread's system prompt
	explicit map[string]*explicitSession
	// byResponse maps a response id to its session, for previous_response_id continuity
	byResponse map[string]*openSession
	lastExpire time.Time
}

type openSession struct {
	id        string
	system    string
	lastHash  []string
	last      time.Time
	responses []string
}

type explicitSession struct {
	mainSystem string
	last       time.Time
}

// NewSessions returns a resolver with the given idle gap (0: DefaultSessionGap).
func NewSessions(gap time.Duration) *Sessions {
	if gap <= 0 {
		gap = DefaultSessionGap
	}
	return &Sessions{gap: gap, open: map[string][]*openSession{}, explicit: map[string]*explicitSession{}, byResponse: map[string]*openSession{}}
}

func hashOf(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

func stableID(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return "s-" + hex.EncodeToString(sum[:12])
}

// Resolve returns the session of a parsed turn that started at `at`; captureID names a new
// heuristic session.
func (s *Sessions) Resolve(r *providers.Result, developer, captureID string, at time.Time) sessionRef {
	s.mu.Lock()
	defer s.mu.Unlock()
	if at.Sub(s.lastExpire) > 10*time.Second || at.Before(s.lastExpire) { // not on every turn: it walks every open session
		s.expire(at)
		s.lastExpire = at
	}
	sys := hashOf(stableSystem(r.Request.System))
	if r.SessionID != "" {
		id := stableID("ext", r.Provider, r.SessionID)
		e := s.explicit[id]
		if e == nil {
			e = &explicitSession{mainSystem: sys}
			s.explicit[id] = e
		}
		e.last = at
		// A request that continues a response (previous_response_id) is the conversation itself,
		// whatever its system text: Codex's first request is a warm-up with other instructions.
		if r.Request.System != "" && sys != e.mainSystem && r.Request.MessageCount > 0 && r.Request.PreviousResponseID == "" {
			first := ""
			if len(r.Request.MessageHashes) > 0 {
				first = r.Request.MessageHashes[0]
			}
			return sessionRef{ID: stableID("sub", id, sys, first), External: r.SessionID, Parent: id}
		}
		return sessionRef{ID: id, External: r.SessionID}
	}
	key := developer + "|" + r.Client + "|" + r.Provider
	if prev := r.Request.PreviousResponseID; prev != "" {
		if o := s.byResponse[prev]; o != nil {
			s.touch(o, r, at)
			return sessionRef{ID: o.id}
		}
	}
	for _, o := range s.open[key] {
		if o.system == sys && at.Sub(o.last) <= s.gap && extends(r.Request.MessageHashes, o.lastHash) {
			s.touch(o, r, at)
			return sessionRef{ID: o.id}
		}
	}
	o := &openSession{id: stableID("h", key, captureID), system: sys}
	s.open[key] = append(s.open[key], o)
	s.touch(o, r, at)
	return sessionRef{ID: o.id}
}

// stableSystem drops the lines of a system prompt that change on every request of one
// conversation: Claude Code's first system block is an `x-anthropic-billing-header:` line with a
// per-request checksum (cch=) and the previous request's id (cc_prev_req=).
func stableSystem(s string) string {
	if !strings.Contains(s, "x-anthropic-billing-header:") {
		return s
	}
	lines := strings.Split(s, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if !strings.HasPrefix(l, "x-anthropic-billing-header:") {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

// extends reports whether cur continues prev: prev's messages are a proper prefix of cur's.
func extends(cur, prev []string) bool {
	if len(prev) == 0 || len(cur) <= len(prev) {
		return false
	}
	for i := range prev {
		if cur[i] != prev[i] {
			return false
		}
	}
	return true
}

func (s *Sessions) touch(o *openSession, r *providers.Result, at time.Time) {
	o.last = at
	if len(r.Request.MessageHashes) > 0 {
		o.lastHash = r.Request.MessageHashes
	}
	if r.ResponseID != "" {
		s.byResponse[r.ResponseID] = o
		o.responses = append(o.responses, r.ResponseID)
	}
}

// expire forgets sessions idle longer than the gap, so memory stays bounded.
func (s *Sessions) expire(now time.Time) {
	for key, list := range s.open {
		kept := list[:0]
		for _, o := range list {
			if now.Sub(o.last) <= s.gap {
				kept = append(kept, o)
				continue
			}
			for _, id := range o.responses {
				delete(s.byResponse, id)
			}
		}
		if len(kept) == 0 {
			delete(s.open, key)
		} else {
			s.open[key] = kept
		}
	}
	for id, e := range s.explicit {
		if now.Sub(e.last) > 24*time.Hour {
			delete(s.explicit, id)
		}
	}
}
