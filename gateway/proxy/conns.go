package proxy

import (
	"strconv"
	"sync"
	"sync/atomic"
)

// connInfo is what the front door learned about a client connection before martian saw it.
type connInfo struct {
	id        string
	target    string // host:port of the CONNECT, "" for plain HTTP proxy connections
	identity  string // the user name of Proxy-Authorization, if any
	intercept bool   // the connection is a decrypted MITM connection
	lent      *lentConn
}

// registry maps martian's view of a connection (its RemoteAddr, which martian copies into every
// request) back to what the front door knows. Entries leave when the connection closes.
type registry struct {
	mu    sync.Mutex
	byKey map[string]*connInfo
	next  atomic.Uint64
}

func newRegistry() *registry { return &registry{byKey: map[string]*connInfo{}} }

func (r *registry) add(key string, ci *connInfo) {
	ci.id = "c" + strconv.FormatUint(r.next.Add(1), 10)
	r.mu.Lock()
	r.byKey[key] = ci
	r.mu.Unlock()
}

func (r *registry) get(key string) *connInfo {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.byKey[key]
}

func (r *registry) remove(key string) {
	r.mu.Lock()
	delete(r.byKey, key)
	r.mu.Unlock()
}
