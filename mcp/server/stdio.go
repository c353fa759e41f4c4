package server

import (
	"context"
	"io"
	"log/slog"

	"github.com/mark3labs/mcp-go/server"

	"github.com/recondo/recondo/data"
)

// ServeStdio serves MCP on in and out (the process's stdin and stdout) until ctx ends or in
// closes. Nothing else may write to out: logs go to opt.Log.
func ServeStdio(ctx context.Context, api *data.API, opt Options, in io.Reader, out io.Writer) error {
	log := opt.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := server.NewStdioServer(New(api, stdioCaller{api: api, log: log}, opt))
	s.SetErrorLogger(slog.NewLogLogger(log.Handler(), slog.LevelError))
	return s.Listen(ctx, in, out)
}
