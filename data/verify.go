package data

// VerifyReport is the result of re-hashing stored objects against the hashes recorded in turns.
type VerifyReport struct {
	SessionID  string           `json:"session_id,omitempty"` // "" when every session was checked
	Turns      int64            `json:"turns"`
	Objects    int64            `json:"objects"`
	Mismatches []VerifyMismatch `json:"mismatches"`
}

// OK reports whether every object matched its recorded hash.
func (r VerifyReport) OK() bool { return len(r.Mismatches) == 0 }

// Problems found by verify.
const (
	VerifyMissing      = "missing"  // no object under the recorded hash
	VerifyCorrupt      = "corrupt"  // the stored gzip stream is broken
	VerifyHashMismatch = "mismatch" // the content hashes to something else
)

// VerifyMismatch names one object that failed verification.
type VerifyMismatch struct {
	TurnID  string `json:"turn_id"`
	Kind    string `json:"kind"` // "req" or "resp"
	Want    string `json:"want"`
	Got     string `json:"got,omitempty"`
	Problem string `json:"problem"`
	Detail  string `json:"detail,omitempty"`
}

// TurnHashes is what verify needs of a turn.
type TurnHashes struct {
	TurnID         string
	SessionID      string
	RequestSHA256  string
	ResponseSHA256 string
}
