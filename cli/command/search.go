package command

import (
	"context"
	"fmt"

	"github.com/recondo/recondo/data"
)

func init() {
	register("search", command{summary: "full-text search over captured prompts and answers", usage: searchUsage, run: runSearch})
}

const searchUsage = `recondo search "WORDS" [--session ID] [--role user|assistant|thinking|tool_use|tool_result] [--limit N] [--json]

Finds captured text containing every word, newest first, with a snippet around the match.

Examples:
  recondo search "rm -rf"
  recondo search "AWS_SECRET" --role user --json

`

func runSearch(e *env, args []string) int {
	ctx := context.Background()
	fs := e.flags("search", searchUsage)
	rf := e.readFlags(fs)
	var q data.SearchQuery
	fs.StringVar(&q.SessionID, "session", "", "only this session")
	fs.StringVar(&q.Role, "role", "", "only this kind of text")
	fs.IntVar(&q.Limit, "limit", 20, "hits per page (max 500)")
	fs.StringVar(&q.Cursor, "cursor", "", "next_cursor of a previous page")
	api, code := e.openRead(ctx, fs, rf, args)
	if api == nil {
		return code
	}
	defer api.Close()
	if fs.NArg() != 1 {
		fs.Usage()
		return ExitUsage
	}
	q.Text = fs.Arg(0)
	page, err := api.Search(ctx, q, rf.options())
	if err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	if e.json {
		return e.printJSON(page)
	}
	for _, h := range page.Hits {
		fmt.Fprintf(e.stdout, "%s  %-11s turn %s  session %s\n    %s\n", h.StartedAt.Local().Format("2006-01-02 15:04"), h.Role, h.TurnID, h.SessionID, short(h.Snippet, 240))
	}
	if len(page.Hits) == 0 {
		fmt.Fprintln(e.stdout, "no matches")
	}
	return ExitOK
}
