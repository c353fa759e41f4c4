package server

import (
	"context"
	"log/slog"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/access"
)

// stdioCaller is the local operator who started the server: stdio has no keys (whoever can run
// the binary can read the database file), so the operator is an admin, and each call is written
// to the access audit log directly.
type stdioCaller struct {
	api *data.API
	log *slog.Logger
}

func (c stdioCaller) Record(ctx context.Context, operation, denied string, ids ...string) {
	e := data.AccessEntry{Principal: "stdio", Surface: data.SurfaceMCP, Operation: operation, ResourceIDs: ids, Outcome: data.OutcomeAllowed}
	if denied != "" {
		e.Outcome, e.Detail = data.OutcomeDenied, denied
	}
	if err := c.api.RecordAccess(context.WithoutCancel(ctx), e); err != nil && c.log != nil {
		c.log.Error("access audit log write failed", "surface", data.SurfaceMCP, "operation", operation, "err", err)
	}
}

func (stdioCaller) Who(context.Context) (string, bool) { return "stdio", true }

// httpCaller is the API key the access middleware authenticated; the middleware writes the audit
// entry when the HTTP request ends.
type httpCaller struct{}

func (httpCaller) Record(ctx context.Context, operation, denied string, ids ...string) {
	access.Operation(ctx, operation, ids...)
	if denied != "" {
		access.Denied(ctx, denied)
	}
}

func (httpCaller) Who(ctx context.Context) (string, bool) {
	p, ok := access.From(ctx)
	if !ok {
		return "", false // no principal: the middleware did not run, so refuse changes
	}
	return p.Name(), p.CanChangeGovernance()
}
