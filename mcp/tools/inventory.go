package tools

import (
	"context"
	"log/slog"
	"sort"

	"github.com/mark3labs/mcp-go/server"

	"github.com/recondo/recondo/data"
)

// Toolset groups tools by what they may do.
type Toolset string

const (
	// Read tools only read captured and governance data.
	Read Toolset = "read"
	// Actions change governance data (policies, reports, alerts), never captured data.
	Actions Toolset = "actions"
	// Destructive tools remove governance data or access (delete a policy, revoke a key).
	Destructive Toolset = "destructive"
)

// Flags are the operator's choices at start-up.
type Flags struct {
	AllowActions     bool
	AllowDestructive bool
}

// Enabled reports whether the flags build a toolset. Destructive needs both flags: allowing
// destruction without actions is almost certainly a mistake, and it is refused quietly here
// (and loudly by the binary).
func (f Flags) Enabled(ts Toolset) bool {
	switch ts {
	case Read:
		return true
	case Actions:
		return f.AllowActions
	case Destructive:
		return f.AllowActions && f.AllowDestructive
	}
	return false
}

// Caller is what a tool knows of who calls it, and where it records the access: the HTTP
// transport uses the API key and the access middleware, stdio the local operator.
type Caller interface {
	// Record notes the operation and the resources it touched in the access audit log; a
	// non-empty denied says it was refused and why.
	Record(ctx context.Context, operation, denied string, ids ...string)
	// Who names the caller and says whether it may change governance data.
	Who(ctx context.Context) (name string, admin bool)
}

// Deps are what the tools need.
type Deps struct {
	API    *data.API
	Caller Caller
	// Log receives the details of internal errors, which callers only see as "internal error".
	Log *slog.Logger
}

// Tool is one tool of the inventory.
type Tool struct {
	Toolset Toolset
	server.ServerTool
}

// constructors lists every tool; each builds its definition and handler.
var constructors = []func(Deps) Tool{
	listSessions, getSession, getTurn, search, stats, listAnomalies, verifyIntegrity,
	listPolicies, listAlerts,
	createPolicy, updatePolicy, createReport, acknowledgeAlert,
	deletePolicy, revokeKey,
}

// All returns every tool, whatever the flags (for documentation and tests).
func All(d Deps) []Tool {
	out := make([]Tool, 0, len(constructors))
	for _, c := range constructors {
		out = append(out, c(d))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Tool.Name < out[j].Tool.Name })
	return out
}

// Inventory returns the tools the flags enable, sorted by name: the only tools the server
// registers.
func Inventory(d Deps, f Flags) []server.ServerTool {
	var out []server.ServerTool
	for _, t := range All(d) {
		if f.Enabled(t.Toolset) {
			out = append(out, t.ServerTool)
		}
	}
	return out
}
