package resolve

import (
	"context"

	"github.com/recondo/recondo/data"
)

// Verify re-hashes one session's stored bodies (`recondo verify` does the whole store).
func (r *queryResolver) Verify(ctx context.Context, sessionID string) (*data.VerifyReport, error) {
	if sessionID == "" {
		// data reads "" as every session: far too much work for one request.
		return nil, data.Errorf(data.EINVALID, "sessionId must not be empty")
	}
	audit(ctx, sessionID)
	rep, err := r.API.Verify(ctx, sessionID, data.VerifyOptions{})
	if err != nil {
		return nil, err
	}
	return &rep, nil
}
