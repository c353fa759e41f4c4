package tools

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/render"
)

func listAnomalies(d Deps) Tool {
	const name = "recondo_list_anomalies"
	def := tool(name, "List anomalies the gateway found in captured traffic, newest first: secret exposure, "+
		"prompt injection, drift, unpriced models, policy blocks, unparsed exchanges (new kinds may appear). "+
		"Messages may quote captured text; they are escaped and masked.",
		readOnly("List anomalies"),
		[]mcp.ToolOption{
			mcp.WithString("from", mcp.Description("Created at or after this RFC 3339 time.")),
			mcp.WithString("to", mcp.Description("Created before this RFC 3339 time.")),
			mcp.WithString("kind", mcp.Description("Exact kind, e.g. secret_exposure, prompt_injection, unpriced_model.")),
			mcp.WithString("severity", mcp.Description("Only this severity."),
				mcp.Enum(data.SeverityInfo, data.SeverityWarning, data.SeverityCritical)),
			mcp.WithString("session_id", mcp.Description("Only this session's anomalies.")),
		},
		pageOptions())
	return Tool{Toolset: Read, ServerTool: serverTool(def, handle(d, name, func(ctx context.Context, req mcp.CallToolRequest) (any, []string, error) {
		var in struct {
			From      string `json:"from"`
			To        string `json:"to"`
			Kind      string `json:"kind"`
			Severity  string `json:"severity"`
			SessionID string `json:"session_id"`
			Limit     int    `json:"limit"`
			Cursor    string `json:"cursor"`
		}
		if err := bind(req, &in); err != nil {
			return nil, nil, err
		}
		f := data.AnomalyFilter{Kind: in.Kind, Severity: in.Severity, SessionID: in.SessionID, Limit: pageLimit(in.Limit), Cursor: in.Cursor}
		var err error
		if f.From, err = parseTime("from", in.From); err != nil {
			return nil, nil, err
		}
		if f.To, err = parseTime("to", in.To); err != nil {
			return nil, nil, err
		}
		page, err := d.API.ListAnomalies(ctx, f, data.ReadOptions{})
		if err != nil {
			return nil, nil, err
		}
		var ids []string
		for i := range page.Anomalies {
			a := &page.Anomalies[i]
			a.Message, a.Detail = render.Escape(a.Message), render.Escape(a.Detail)
			ids = append(ids, a.ID)
		}
		if page.Anomalies == nil {
			page.Anomalies = []data.Anomaly{}
		}
		return page, ids, nil
	}))}
}
