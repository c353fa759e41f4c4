package tools

import (
	"context"
	"time"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/recondo/recondo/data"
)

type searchHitView struct {
	TurnID    string    `json:"turn_id"`
	SessionID string    `json:"session_id"`
	StartedAt time.Time `json:"started_at"`
	Role      string    `json:"role"`
	Snippet   string    `json:"snippet"` // inside the role's delimiter
}

func search(d Deps) Tool {
	const name = "recondo_search"
	def := tool(name, "Full-text search over captured prompts, answers, thinking and tool input/output. "+
		"Every word of text must appear (letters and digits only; no query syntax). Returns snippets, newest "+
		"first, each inside the <captured_...> delimiter of its role, with the turn and session it came "+
		"from. Open a hit with recondo_get_turn.",
		readOnly("Search captured text"),
		[]mcp.ToolOption{
			mcp.WithString("text", mcp.Required(), mcp.Description("Words to find, e.g. \"deploy staging\" (at most 16 words).")),
			mcp.WithString("session_id", mcp.Description("Only search this session.")),
			mcp.WithString("role", mcp.Description("Only search text of this role."),
				mcp.Enum(data.RoleUser, data.RoleAssistant, data.RoleThinking, data.RoleToolUse, data.RoleToolResult, data.RoleSystem)),
		},
		pageOptions())
	return Tool{Toolset: Read, ServerTool: serverTool(def, handle(d, name, func(ctx context.Context, req mcp.CallToolRequest) (any, []string, error) {
		var in struct {
			Text      string `json:"text"`
			SessionID string `json:"session_id"`
			Role      string `json:"role"`
			Limit     int    `json:"limit"`
			Cursor    string `json:"cursor"`
		}
		if err := bind(req, &in); err != nil {
			return nil, nil, err
		}
		page, err := d.API.Search(ctx, data.SearchQuery{Text: in.Text, SessionID: in.SessionID, Role: in.Role,
			Limit: pageLimit(in.Limit), Cursor: in.Cursor}, data.ReadOptions{})
		if err != nil {
			return nil, nil, err
		}
		out := struct {
			Hits       []searchHitView `json:"hits"`
			NextCursor string          `json:"next_cursor,omitempty"`
		}{Hits: make([]searchHitView, 0, len(page.Hits)), NextCursor: page.NextCursor}
		var ids []string
		for _, h := range page.Hits {
			out.Hits = append(out.Hits, searchHitView{TurnID: h.TurnID, SessionID: h.SessionID, StartedAt: h.StartedAt, Role: h.Role,
				Snippet: wrapText(h.Role, h.Snippet, attr("turn_id", h.TurnID))})
			ids = append(ids, h.TurnID)
		}
		return out, ids, nil
	}))}
}
