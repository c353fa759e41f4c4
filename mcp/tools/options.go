package tools

import (
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// Page size of the list tools: smaller than data.MaxLimit, because every row lands in an
// agent's context window.
const (
	defaultPage = 20
	maxPage     = 100
)

// readOnly marks a tool that changes nothing; the same call gives the same answer until new
// traffic is captured. No tool reaches outside Recondo's own data (openWorldHint false).
func readOnly(title string) []mcp.ToolOption {
	return []mcp.ToolOption{
		mcp.WithTitleAnnotation(title),
		mcp.WithReadOnlyHintAnnotation(true),
		mcp.WithDestructiveHintAnnotation(false),
		mcp.WithIdempotentHintAnnotation(true),
		mcp.WithOpenWorldHintAnnotation(false),
	}
}

// change marks a tool that changes governance data without removing any.
func change(title string, idempotent bool) []mcp.ToolOption {
	return []mcp.ToolOption{
		mcp.WithTitleAnnotation(title),
		mcp.WithReadOnlyHintAnnotation(false),
		mcp.WithDestructiveHintAnnotation(false),
		mcp.WithIdempotentHintAnnotation(idempotent),
		mcp.WithOpenWorldHintAnnotation(false),
	}
}

// destroy marks a tool that removes governance data or access.
func destroy(title string) []mcp.ToolOption {
	return []mcp.ToolOption{
		mcp.WithTitleAnnotation(title),
		mcp.WithReadOnlyHintAnnotation(false),
		mcp.WithDestructiveHintAnnotation(true),
		mcp.WithIdempotentHintAnnotation(false),
		mcp.WithOpenWorldHintAnnotation(false),
	}
}

// pageOptions are the limit and cursor arguments of a paginated list.
func pageOptions() []mcp.ToolOption {
	return []mcp.ToolOption{
		mcp.WithInteger("limit", mcp.Description("Rows per page (default 20, at most 100)."), mcp.Min(1), mcp.Max(maxPage)),
		mcp.WithString("cursor", mcp.Description("next_cursor from the previous page; omit for the first page.")),
	}
}

// pageLimit applies the tools' own default and bound.
func pageLimit(n int) int {
	if n <= 0 {
		return defaultPage
	}
	return min(n, maxPage)
}

func tool(name, description string, groups ...[]mcp.ToolOption) mcp.Tool {
	opts := []mcp.ToolOption{mcp.WithDescription(description)}
	for _, g := range groups {
		opts = append(opts, g...)
	}
	return mcp.NewTool(name, opts...)
}

func serverTool(def mcp.Tool, h server.ToolHandlerFunc) server.ServerTool {
	return server.ServerTool{Tool: def, Handler: h}
}
