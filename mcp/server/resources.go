package server

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/mcp/tools"
)

const (
	sessionURI = "recondo://session/"
	turnURI    = "recondo://turn/"
)

// resources expose sessions and turns by URI, so a client can attach one to a conversation. They
// return the same rendering as recondo_get_session and recondo_get_turn.
func resources(d tools.Deps) []server.ServerResourceTemplate {
	return []server.ServerResourceTemplate{
		{
			Template: mcp.NewResourceTemplate(sessionURI+"{id}", "session",
				mcp.WithTemplateDescription("A captured session with its first 100 turns (JSON; captured text delimited)."),
				mcp.WithTemplateMIMEType("application/json")),
			Handler: read(d, "resource_session", sessionURI, func(ctx context.Context, id string) (any, error) {
				return tools.LoadSession(ctx, d.API, id, 0, 100)
			}),
		},
		{
			Template: mcp.NewResourceTemplate(turnURI+"{id}", "turn",
				mcp.WithTemplateDescription("A captured turn: texts, tool calls (JSON; captured text delimited, no bodies)."),
				mcp.WithTemplateMIMEType("application/json")),
			Handler: read(d, "resource_turn", turnURI, func(ctx context.Context, id string) (any, error) {
				return tools.LoadTurn(ctx, d.API, id, false)
			}),
		},
	}
}

func read(d tools.Deps, operation, prefix string, load func(context.Context, string) (any, error)) server.ResourceTemplateHandlerFunc {
	return func(ctx context.Context, req mcp.ReadResourceRequest) ([]mcp.ResourceContents, error) {
		id, ok := strings.CutPrefix(req.Params.URI, prefix)
		if !ok || id == "" {
			return nil, data.Errorf(data.EINVALID, "resource URI must be %s<id>", prefix)
		}
		v, err := load(ctx, id)
		d.Caller.Record(ctx, operation, "", id)
		if err != nil {
			return nil, data.Errorf(data.ErrorCode(err), "%s", data.ErrorMessage(err))
		}
		b, err := marshal(v)
		if err != nil {
			return nil, err
		}
		return []mcp.ResourceContents{mcp.TextResourceContents{URI: req.Params.URI, MIMEType: "application/json", Text: b}}, nil
	}
}

// marshal keeps the delimiters readable, like the tools' results.
func marshal(v any) (string, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return strings.TrimSpace(b.String()), err
}
