package tools

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/render"
)

func stats(d Deps) Tool {
	const name = "recondo_stats"
	def := tool(name, "Sum captured turns over a time range (default: the last 30 days): turns, sessions, "+
		"token usage, cost in micro-dollars (unpriced_turns > 0 means the cost is a lower bound), incomplete "+
		"and failed turns. Group by provider, model, developer, team or repo, and split by hour or day.",
		readOnly("Usage and cost statistics"),
		[]mcp.ToolOption{
			mcp.WithString("from", mcp.Description("Start of the range, RFC 3339 (default: 30 days before to).")),
			mcp.WithString("to", mcp.Description("End of the range, exclusive, RFC 3339 (default: now).")),
			mcp.WithString("group_by", mcp.Description("Dimension to group by; omit for one total."),
				mcp.Enum(data.DimProvider, data.DimModel, data.DimDeveloper, data.DimTeam, data.DimRepo)),
			mcp.WithString("bucket", mcp.Description("Split each group by UTC hour or day; omit for none."),
				mcp.Enum(data.BucketHour, data.BucketDay)),
			mcp.WithString("provider", mcp.Description("Only this provider.")),
			mcp.WithString("model", mcp.Description("Only this model.")),
			mcp.WithString("developer", mcp.Description("Only this developer.")),
			mcp.WithString("team", mcp.Description("Only this team.")),
			mcp.WithString("repo", mcp.Description("Only this repository.")),
		})
	return Tool{Toolset: Read, ServerTool: serverTool(def, handle(d, name, func(ctx context.Context, req mcp.CallToolRequest) (any, []string, error) {
		var in struct {
			From      string `json:"from"`
			To        string `json:"to"`
			GroupBy   string `json:"group_by"`
			Bucket    string `json:"bucket"`
			Provider  string `json:"provider"`
			Model     string `json:"model"`
			Developer string `json:"developer"`
			Team      string `json:"team"`
			Repo      string `json:"repo"`
		}
		if err := bind(req, &in); err != nil {
			return nil, nil, err
		}
		q := data.StatsQuery{GroupBy: in.GroupBy, Bucket: in.Bucket, Provider: in.Provider, Model: in.Model,
			Developer: in.Developer, Team: in.Team, Repo: in.Repo}
		var err error
		if q.From, err = parseTime("from", in.From); err != nil {
			return nil, nil, err
		}
		if q.To, err = parseTime("to", in.To); err != nil {
			return nil, nil, err
		}
		rows, err := d.API.Stats(ctx, q)
		if err != nil {
			return nil, nil, err
		}
		for i := range rows {
			rows[i].Key = render.Escape(rows[i].Key) // a model or repo name comes from captured traffic
		}
		return struct {
			Rows []data.StatsRow `json:"rows"`
		}{rows}, nil, nil
	}))}
}
