package data

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/recondo/recondo/data/mask"
	"github.com/recondo/recondo/data/objects"
	"github.com/recondo/recondo/data/pricing"
)

// Page size limits every read surface shares.
const (
	DefaultLimit = 50
	MaxLimit     = 500
	// MaxBodyBytes caps a decoded body returned to a reader; the rest is cut and marked.
	MaxBodyBytes = 1 << 20
)

// API is the read side every transport uses: it validates and bounds each request, reads through
// the engine, loads bodies from the object store and masks filesystem paths in captured text on
// the way out. One API serves many goroutines.
type API struct {
	store   Store
	objects objects.Store
	now     func() time.Time
	prices  *pricing.Table // under the model_prices rows; see api_prices.go
	// priceCache is the merged price table, reused for pricesTTL (see api_prices.go).
	priceCache *priceCache
}

// NewAPI wires a read API over an engine and an object store, pricing with the embedded price
// list (WithPrices sets another).
func NewAPI(store Store, objs objects.Store) *API {
	return &API{store: store, objects: objs, now: time.Now, prices: pricing.Embedded(), priceCache: &priceCache{}}
}

// Store returns the engine, for the few governance operations that do not go through API.
func (a *API) Store() Store { return a.store }

// Close closes the engine.
func (a *API) Close() error { return a.store.Close() }

// Actor says who reads, for the access audit log.
type Actor struct {
	Surface    string
	KeyID      string
	Principal  string
	ClientAddr string
}

// ReadOptions qualify a read. Unmasked returns captured text exactly as stored, for forensic
// use: every such read is written to the access audit log before any data is returned, and the
// read fails if that write fails.
type ReadOptions struct {
	Unmasked bool
	Actor    Actor
}

// textMasker masks captured strings for one answer (same path, same placeholder).
type textMasker interface{ String(string) string }

type noMask struct{}

func (noMask) String(s string) string { return s }

// begin prepares one answer: it records an unmasked read in the audit log, then returns the
// masker to apply.
func (a *API) begin(ctx context.Context, opt ReadOptions, operation string, ids ...string) (textMasker, error) {
	if !opt.Unmasked {
		return mask.New(), nil
	}
	err := a.RecordAccess(ctx, AccessEntry{
		KeyID: opt.Actor.KeyID, Principal: opt.Actor.Principal, Surface: opt.Actor.Surface,
		Operation: operation, ResourceIDs: ids, ClientAddr: opt.Actor.ClientAddr,
		Outcome: OutcomeAllowed, Unmasked: true,
	})
	if err != nil {
		return nil, &Error{Code: EUNAVAILABLE, Message: "unmasked read refused: the access audit log could not be written", Err: err}
	}
	return noMask{}, nil
}

// stamp is the current time as the engines store it: UTC, microseconds.
func (a *API) stamp() time.Time { return a.now().UTC().Truncate(time.Microsecond) }

// RecordAccess appends to the access audit log, filling the id and time.
func (a *API) RecordAccess(ctx context.Context, e AccessEntry) error {
	if e.ID == "" {
		e.ID = uuid.Must(uuid.NewV7()).String()
	}
	if e.At.IsZero() {
		e.At = a.stamp()
	}
	if e.ResourceIDs == nil {
		e.ResourceIDs = []string{}
	}
	if e.Surface == "" {
		return Errorf(EINVALID, "access entry needs a surface")
	}
	return a.store.AppendAccess(ctx, e)
}

// ListAccess returns audit entries, newest first.
func (a *API) ListAccess(ctx context.Context, f AccessFilter) ([]AccessEntry, error) {
	var err error
	if f.Limit, err = limit(f.Limit); err != nil {
		return nil, err
	}
	return a.store.ListAccess(ctx, f)
}

// limit applies the default page size and refuses sizes out of range.
func limit(n int) (int, error) {
	switch {
	case n == 0:
		return DefaultLimit, nil
	case n < 0 || n > MaxLimit:
		return 0, Errorf(EINVALID, "limit must be between 1 and %d, got %d", MaxLimit, n)
	}
	return n, nil
}

// validID refuses ids no row can have, before they reach a query or a path.
func validID(kind, id string) error {
	if id == "" || len(id) > 128 {
		return Errorf(EINVALID, "%s id must be 1 to 128 characters", kind)
	}
	for _, r := range id {
		if r < 0x20 || r == 0x7f {
			return Errorf(EINVALID, "%s id contains control characters", kind)
		}
	}
	return nil
}
