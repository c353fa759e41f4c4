package tools

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/recondo/recondo/data"
)

// handlerFunc is a tool's work: it returns the value to answer with (encoded as JSON) and the
// ids of the resources it touched, for the audit log.
type handlerFunc func(ctx context.Context, req mcp.CallToolRequest) (any, []string, error)

// handle adapts a handlerFunc: it records the call, encodes the answer and turns data errors
// into tool errors, which an agent reads and can act on, rather than protocol errors.
func handle(d Deps, name string, fn handlerFunc) server.ToolHandlerFunc {
	return func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		out, ids, err := fn(ctx, req)
		denied := ""
		if code := data.ErrorCode(err); code == data.EFORBIDDEN || code == data.EUNAUTHORIZED {
			denied = data.ErrorMessage(err)
		}
		d.Caller.Record(ctx, name, denied, ids...)
		if err != nil {
			if code := data.ErrorCode(err); (code == data.EINTERNAL || code == data.EUNAVAILABLE) && d.Log != nil {
				d.Log.Error("tool failed", "tool", name, "err", err)
			}
			return toolError(err), nil
		}
		text, err := encode(out)
		if err != nil {
			return toolError(err), nil
		}
		return mcp.NewToolResultText(text), nil
	}
}

// toolError is an error result the agent can read: the data error code and its caller-safe
// message (internal details stay out).
func toolError(err error) *mcp.CallToolResult {
	return mcp.NewToolResultError(fmt.Sprintf("%s: %s", data.ErrorCode(err), data.ErrorMessage(err)))
}

// encode writes JSON without HTML escaping, so the delimiters of wrapped text stay readable
// (<captured_user_message>, not \u003c...); the text inside them is already escaped by render.
func encode(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", fmt.Errorf("encode result: %w", err)
	}
	return string(bytes.TrimRight(b.Bytes(), "\n")), nil
}

// bind decodes the arguments into a typed struct; a wrong type is the caller's mistake.
func bind(req mcp.CallToolRequest, target any) error {
	if err := req.BindArguments(target); err != nil {
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) {
			return data.Errorf(data.EINVALID, "argument %s must be a %s", typ.Field, typ.Type)
		}
		return data.Errorf(data.EINVALID, "arguments are not valid JSON: %v", err)
	}
	return nil
}

// parseTime reads an optional RFC 3339 time argument.
func parseTime(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, data.Errorf(data.EINVALID, "%s must be an RFC 3339 time such as 2026-01-05T09:00:00Z, got %q", name, s)
	}
	return t, nil
}

// requireAdmin refuses governance changes to a caller without the admin role.
func requireAdmin(ctx context.Context, d Deps) (string, error) {
	name, admin := d.Caller.Who(ctx)
	if !admin {
		return name, data.Errorf(data.EFORBIDDEN, "changing governance data needs an admin API key")
	}
	return name, nil
}
