package command

import (
	"context"
	"fmt"

	"github.com/recondo/recondo/data"
)

func init() {
	register("turn", command{summary: "show one turn: tokens, hashes, tool calls, full text", usage: turnUsage, run: runTurn})
}

const turnUsage = `recondo turn ID [--bodies] [--json]

Shows a turn: model, usage, cost, timing, the SHA-256 of its request and response as they
crossed the wire, its tool calls with arguments and results, and its text. --bodies adds the
request and response bodies, content-decoded and masked.

`

func runTurn(e *env, args []string) int {
	ctx := context.Background()
	fs := e.flags("turn", turnUsage)
	rf := e.readFlags(fs)
	bodies := fs.Bool("bodies", false, "include the request and response bodies")
	api, code := e.openRead(ctx, fs, rf, args)
	if api == nil {
		return code
	}
	defer api.Close()
	if fs.NArg() != 1 {
		fs.Usage()
		return ExitUsage
	}
	d, err := api.GetTurn(ctx, fs.Arg(0), data.TurnOptions{ReadOptions: rf.options(), Bodies: *bodies})
	if err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	if e.json {
		return e.printJSON(d)
	}
	t := d.Turn
	cost := "unpriced"
	if t.CostMicros != nil {
		cost = dollars(*t.CostMicros, 0) + " (" + t.CostSource + ")"
	}
	fmt.Fprintf(e.stdout, "Turn       %s (#%d of session %s)\n%s %s%s -> %d, %s, %s/%s\nModel      %s (asked %s), stop %s (%s), complete %v\n",
		t.ID, t.Seq, t.SessionID, t.Method, t.Host, t.Path, t.Status, t.Transport, t.Provider, t.API, t.Model, t.RequestModel,
		t.StopReasonNormalized, t.StopReason, t.Complete)
	fmt.Fprintf(e.stdout, "Tokens     input %d, cache read %d, cache write %d/%d (5m/1h), output %d (reasoning %d)\nCost       %s\n",
		t.Usage.InputTokens, t.Usage.CacheReadTokens, t.Usage.CacheWrite5mTokens, t.Usage.CacheWrite1hTokens, t.Usage.OutputTokens, t.Usage.ReasoningTokens, cost)
	fmt.Fprintf(e.stdout, "Request    sha256 %s, %d bytes %s\nResponse   sha256 %s, %d bytes %s\n",
		t.RequestSHA256, t.RequestSize, t.RequestEncoding, t.ResponseSHA256, t.ResponseSize, t.ResponseEncoding)
	if t.Error != "" {
		fmt.Fprintf(e.stdout, "Error      %s\n", t.Error)
	}
	for _, c := range d.ToolCalls {
		result := "no result seen"
		if c.ResultSeen {
			result = "result ok"
			if c.ResultError {
				result = "result is_error"
			}
		}
		fmt.Fprintf(e.stdout, "\nTool call  %s %s (%s)\n  %s\n", c.Name, c.ToolUseID, result, c.Arguments)
	}
	for _, x := range d.Texts {
		fmt.Fprintf(e.stdout, "\n[%s]\n%s\n", x.Role, x.Body)
	}
	for _, b := range []struct {
		name string
		body *data.Body
	}{{"request", d.Request}, {"response", d.Response}} {
		if b.body != nil {
			fmt.Fprintf(e.stdout, "\n--- %s body (truncated %v) ---\n%s\n", b.name, b.body.Truncated, b.body.Text)
		}
	}
	return ExitOK
}
