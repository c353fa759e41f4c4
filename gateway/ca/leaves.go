package ca

import (
	"container/list"
	"crypto/tls"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"
)

const (
	defaultLeafValidity = 30 * 24 * time.Hour
	// defaultBackdate tolerates clients whose clocks run behind, as mitmproxy does.
	defaultBackdate = 48 * time.Hour
	defaultMaxHosts = 10_000
)

// LeafOptions configures NewLeaves. Zero (or negative) values mean the defaults.
type LeafOptions struct {
	Validity time.Duration // how long a leaf is valid from issuance; default 30 days
	Backdate time.Duration // how far NotBefore lies in the past; default 2 days
	MaxHosts int           // cached leaves before the least recently used is evicted; default 10,000
}

// Leaves issues and caches one leaf certificate per host. It is safe for concurrent use.
type Leaves struct {
	ca       *Authority
	validity time.Duration
	backdate time.Duration
	maxHosts int
	now      func() time.Time // replaced in tests to age the cache

	// inflight collapses concurrent first requests for a host into one generation: key
	// generation is the expensive part and agents open many connections at once.
	inflight  singleflight.Group
	generated atomic.Int64

	mu     sync.Mutex
	lru    *list.List               // of *leafEntry, most recently used at the front
	byHost map[string]*list.Element // host -> element in lru
}

type leafEntry struct {
	host      string
	cert      *tls.Certificate
	refreshAt time.Time
}

// NewLeaves returns a leaf issuer signing with a.
func NewLeaves(a *Authority, opt LeafOptions) *Leaves {
	if opt.Validity <= 0 {
		opt.Validity = defaultLeafValidity
	}
	if opt.Backdate <= 0 {
		opt.Backdate = defaultBackdate
	}
	if opt.MaxHosts <= 0 {
		opt.MaxHosts = defaultMaxHosts
	}
	return &Leaves{
		ca:       a,
		validity: opt.Validity,
		backdate: opt.Backdate,
		maxHosts: opt.MaxHosts,
		now:      time.Now,
		lru:      list.New(),
		byHost:   make(map[string]*list.Element),
	}
}

// Certificate returns the leaf for host (a DNS name or IP, optionally with a port), generating
// it at most once per host while it stays cached and fresh. Leaf is set and the chain holds
// only the leaf, because clients already trust the CA itself.
func (l *Leaves) Certificate(host string) (*tls.Certificate, error) {
	h, err := normalizeHost(host)
	if err != nil {
		return nil, err
	}
	if c := l.cached(h); c != nil {
		return c, nil
	}
	v, err, _ := l.inflight.Do(h, func() (any, error) {
		// A caller that missed the cache just as another generation finished lands here;
		// checking again keeps it from generating a second leaf.
		if c := l.cached(h); c != nil {
			return c, nil
		}
		c, refreshAt, err := l.issue(h)
		if err != nil {
			return nil, err
		}
		l.generated.Add(1)
		l.store(h, c, refreshAt)
		return c, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*tls.Certificate), nil
}

// Generated reports how many leaves have been generated (for tests and metrics).
func (l *Leaves) Generated() int64 { return l.generated.Load() }

// cached returns a fresh cached leaf and marks it recently used, or nil.
func (l *Leaves) cached(host string) *tls.Certificate {
	l.mu.Lock()
	defer l.mu.Unlock()
	el, ok := l.byHost[host]
	if !ok {
		return nil
	}
	e := el.Value.(*leafEntry)
	if !l.now().Before(e.refreshAt) {
		return nil // stale: the caller regenerates and store replaces it
	}
	l.lru.MoveToFront(el)
	return e.cert
}

func (l *Leaves) store(host string, c *tls.Certificate, refreshAt time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if el, ok := l.byHost[host]; ok {
		el.Value = &leafEntry{host: host, cert: c, refreshAt: refreshAt}
		l.lru.MoveToFront(el)
		return
	}
	l.byHost[host] = l.lru.PushFront(&leafEntry{host: host, cert: c, refreshAt: refreshAt})
	for l.lru.Len() > l.maxHosts {
		oldest := l.lru.Back()
		l.lru.Remove(oldest)
		delete(l.byHost, oldest.Value.(*leafEntry).host)
	}
}

// cachedHosts reports how many leaves are cached (for tests).
func (l *Leaves) cachedHosts() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lru.Len()
}
