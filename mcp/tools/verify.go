package tools

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/recondo/recondo/data"
)

func verifyIntegrity(d Deps) Tool {
	const name = "recondo_verify_integrity"
	def := tool(name, "Check that a session's captured bytes are intact: re-hash every stored request and "+
		"response body of the session against the SHA-256 recorded at capture and report each object that "+
		"is missing, corrupt or different (ok is true when none is). Reads every body of the session, so "+
		"it can take a while on long sessions.",
		readOnly("Verify capture integrity"),
		[]mcp.ToolOption{
			mcp.WithString("session_id", mcp.Required(), mcp.Description("Session to verify.")),
		})
	return Tool{Toolset: Read, ServerTool: serverTool(def, handle(d, name, func(ctx context.Context, req mcp.CallToolRequest) (any, []string, error) {
		var in struct {
			SessionID string `json:"session_id"`
		}
		if err := bind(req, &in); err != nil {
			return nil, nil, err
		}
		if in.SessionID == "" { // "" means every session to data.Verify: too much for one tool call
			return nil, nil, data.Errorf(data.EINVALID, "session_id is required")
		}
		rep, err := d.API.Verify(ctx, in.SessionID, data.VerifyOptions{})
		if err != nil {
			return nil, []string{in.SessionID}, err
		}
		return struct {
			OK bool `json:"ok"`
			data.VerifyReport
		}{rep.OK(), rep}, []string{in.SessionID}, nil
	}))}
}
