package loader

import (
	"context"
	"sync"
)

// Batch loads values by key for one request, a group of keys per fetch. Prime registers the keys
// a parent resolver is about to hand out; the first Load of any of them fetches the whole group.
// A key never primed is fetched as a group of one. Keys absent from a fetch's answer load as the
// zero value. A Batch is safe for concurrent use.
type Batch[K comparable, V any] struct {
	fetch func(ctx context.Context, keys []K) (map[K]V, error)
	// max bounds the keys of one fetch call (the data API's batch limit); a larger group costs
	// ceil(len/max) calls.
	max int

	mu     sync.Mutex
	groups map[K]*group[K, V]
}

type group[K comparable, V any] struct {
	keys []K
	once sync.Once
	vals map[K]V
	err  error
}

// NewBatch returns a Batch over fetch, asking at most max keys per call.
func NewBatch[K comparable, V any](max int, fetch func(ctx context.Context, keys []K) (map[K]V, error)) *Batch[K, V] {
	return &Batch[K, V]{fetch: fetch, max: max, groups: map[K]*group[K, V]{}}
}

// Prime makes keys that are not known yet one group, fetched together on first Load.
func (b *Batch[K, V]) Prime(keys []K) {
	b.mu.Lock()
	defer b.mu.Unlock()
	g := &group[K, V]{}
	for _, k := range keys {
		if _, ok := b.groups[k]; !ok {
			b.groups[k] = g
			g.keys = append(g.keys, k)
		}
	}
}

// Put records a value already read (e.g. the sessions of a page), so loading it costs nothing.
func (b *Batch[K, V]) Put(key K, v V) {
	g := &group[K, V]{keys: []K{key}, vals: map[K]V{key: v}}
	g.once.Do(func() {})
	b.mu.Lock()
	b.groups[key] = g
	b.mu.Unlock()
}

// Load returns the value of key, fetching its group if that has not happened yet.
func (b *Batch[K, V]) Load(ctx context.Context, key K) (V, error) {
	b.mu.Lock()
	g, ok := b.groups[key]
	if !ok {
		g = &group[K, V]{keys: []K{key}}
		b.groups[key] = g
	}
	b.mu.Unlock()
	g.once.Do(func() { g.vals, g.err = b.fetchAll(ctx, g.keys) })
	return g.vals[key], g.err
}

func (b *Batch[K, V]) fetchAll(ctx context.Context, keys []K) (map[K]V, error) {
	out := make(map[K]V, len(keys))
	for len(keys) > 0 {
		n := min(len(keys), b.max)
		vals, err := b.fetch(ctx, keys[:n])
		if err != nil {
			return nil, err
		}
		for k, v := range vals {
			out[k] = v
		}
		keys = keys[n:]
	}
	return out, nil
}
