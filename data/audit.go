package data

import "time"

// Surfaces that read captured data, as recorded in the access audit log.
const (
	SurfaceGraphQL = "graphql"
	SurfaceREST    = "rest"
	SurfaceMCP     = "mcp"
	SurfaceCLI     = "cli"
	SurfaceGateway = "gateway"
)

// Outcomes of an access.
const (
	OutcomeAllowed = "allowed"
	OutcomeDenied  = "denied"
)

// AccessEntry is one line of the append-only access audit log: who read what, through which
// surface, and whether they were let in.
type AccessEntry struct {
	ID          string    `json:"id"`
	At          time.Time `json:"at"`
	KeyID       string    `json:"key_id"`
	Principal   string    `json:"principal"`
	Surface     string    `json:"surface"`
	Operation   string    `json:"operation"`
	ResourceIDs []string  `json:"resource_ids"`
	ClientAddr  string    `json:"client_addr"`
	Outcome     string    `json:"outcome"`
	Unmasked    bool      `json:"unmasked"`
	Detail      string    `json:"detail,omitempty"`
}

// AccessFilter selects audit entries, newest first.
type AccessFilter struct {
	Surface string
	KeyID   string
	Limit   int
	Cursor  string
}
