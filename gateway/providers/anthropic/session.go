package anthropic

import (
	"encoding/json"
	"net/http"
	"strings"
)

// Where a Claude Code session id came from (Result.SessionIDSource).
const (
	sourceHeader     = "header X-Claude-Code-Session-Id"
	sourceUserIDJSON = "body.metadata.user_id (JSON-string format, field session_id)"
	sourceUserIDLeg  = "body.metadata.user_id (legacy string format: ..._session_<uuid>)"
)

// sessionID finds Claude Code's session id: the X-Claude-Code-Session-Id header (2.1.86+), else
// metadata.user_id as a JSON string {device_id, account_uuid, session_id} (2.1.78+), else the
// legacy "user_<hash>_account_<uuid>_session_<uuid>" form.
func sessionID(h http.Header, userID string) (id, source string) {
	if v := strings.TrimSpace(h.Get("X-Claude-Code-Session-Id")); v != "" {
		return v, sourceHeader
	}
	if strings.HasPrefix(strings.TrimSpace(userID), "{") {
		var u struct {
			SessionID string `json:"session_id"`
		}
		if json.Unmarshal([]byte(userID), &u) == nil && u.SessionID != "" {
			return u.SessionID, sourceUserIDJSON
		}
		return "", ""
	}
	const marker = "_session_"
	if i := strings.LastIndex(userID, marker); i >= 0 && i+len(marker) < len(userID) {
		return userID[i+len(marker):], sourceUserIDLeg
	}
	return "", ""
}
