package command

import (
	"context"
	"encoding/json"

	"github.com/recondo/recondo/data"
)

func init() {
	register("export", command{summary: "export a session with its turns, tool calls and texts (json or ndjson)", usage: exportUsage, run: runExport})
}

const exportUsage = `recondo export SESSION-ID [--format json|ndjson] [--bodies]

Writes the session, then every turn with its tool calls and texts (and, with --bodies, its
decoded bodies), masked unless --unmasked. ndjson writes one object per line: the session
first ({"session": ...}), then one {"turn": ...} per turn.

`

func runExport(e *env, args []string) int {
	ctx := context.Background()
	fs := e.flags("export", exportUsage)
	rf := e.readFlags(fs)
	format := fs.String("format", "json", "json or ndjson")
	bodies := fs.Bool("bodies", false, "include decoded request and response bodies")
	api, code := e.openRead(ctx, fs, rf, args)
	if api == nil {
		return code
	}
	defer api.Close()
	if fs.NArg() != 1 || (*format != "json" && *format != "ndjson") {
		fs.Usage()
		return ExitUsage
	}
	id := fs.Arg(0)
	opt := rf.options()
	s, err := api.GetSession(ctx, id, opt)
	if err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	turns, err := allTurns(ctx, api, id, opt)
	if err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	bar := e.progress("exporting turns", int64(len(turns)))
	details := make([]data.TurnDetail, 0, len(turns))
	for i, t := range turns {
		d, err := api.GetTurn(ctx, t.ID, data.TurnOptions{ReadOptions: opt, Bodies: *bodies})
		if err != nil {
			bar.done()
			return e.fail(exitFor(err), "%v", err)
		}
		details = append(details, d)
		bar.set(int64(i + 1))
	}
	bar.done()
	if *format == "json" {
		return e.printJSON(struct {
			Session data.Session      `json:"session"`
			Turns   []data.TurnDetail `json:"turns"`
		}{s, details})
	}
	enc := json.NewEncoder(e.stdout)
	if err := enc.Encode(map[string]any{"session": s}); err != nil {
		return e.fail(ExitInternal, "%v", err)
	}
	for _, d := range details {
		if err := enc.Encode(map[string]any{"turn": d}); err != nil {
			return e.fail(ExitInternal, "%v", err)
		}
	}
	return ExitOK
}
