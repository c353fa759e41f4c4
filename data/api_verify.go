package data

import (
	"context"
	"errors"

	"github.com/recondo/recondo/data/objects"
)

const verifyPage = 500

// VerifyOptions qualify Verify. Progress, when set, is called after each turn with the number of
// turns checked so far (the CLI draws its progress bar from it).
type VerifyOptions struct {
	Progress func(turns int64)
}

// Verify re-hashes the stored request and response objects of one session's turns (sessionID
// "" = every turn) against the hashes recorded at capture, and names each object that is
// missing, corrupt or different.
func (a *API) Verify(ctx context.Context, sessionID string, opt VerifyOptions) (VerifyReport, error) {
	if sessionID != "" {
		if err := validID("session", sessionID); err != nil {
			return VerifyReport{}, err
		}
		if _, err := a.store.GetSession(ctx, sessionID); err != nil {
			return VerifyReport{}, err
		}
	}
	rep := VerifyReport{SessionID: sessionID, Mismatches: []VerifyMismatch{}}
	after := ""
	for {
		page, err := a.store.ListTurnHashes(ctx, sessionID, after, verifyPage)
		if err != nil {
			return rep, err
		}
		for _, t := range page {
			for _, o := range []struct {
				kind objects.Kind
				hash string
			}{{objects.Request, t.RequestSHA256}, {objects.Response, t.ResponseSHA256}} {
				rep.Objects++
				if m, bad := verifyObject(ctx, a.objects, t.TurnID, o.kind, o.hash); bad {
					rep.Mismatches = append(rep.Mismatches, m)
				}
				if err := ctx.Err(); err != nil {
					return rep, err
				}
			}
			rep.Turns++
			if opt.Progress != nil {
				opt.Progress(rep.Turns)
			}
		}
		if len(page) < verifyPage {
			return rep, nil
		}
		after = page[len(page)-1].TurnID
	}
}

func verifyObject(ctx context.Context, s objects.Store, turnID string, kind objects.Kind, hash string) (VerifyMismatch, bool) {
	err := objects.Verify(ctx, s, kind, hash)
	if err == nil {
		return VerifyMismatch{}, false
	}
	m := VerifyMismatch{TurnID: turnID, Kind: string(kind), Want: hash, Detail: err.Error()}
	var mm *objects.MismatchError
	var ce *objects.CorruptError
	switch {
	case errors.As(err, &mm):
		m.Problem, m.Got = VerifyHashMismatch, mm.Got
	case errors.As(err, &ce):
		m.Problem = VerifyCorrupt
	case errors.Is(err, objects.ErrNotFound):
		m.Problem = VerifyMissing
	default:
		m.Problem = VerifyCorrupt
	}
	return m, true
}
