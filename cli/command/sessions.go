package command

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/recondo/recondo/data"
)

func init() {
	register("sessions", command{summary: "list captured sessions, newest first", usage: sessionsUsage, run: runSessions})
	register("session", command{summary: "show one session (--turns: with its turns)", usage: sessionUsage, run: runSession})
}

const sessionsUsage = `recondo sessions [--since 7d] [--provider P] [--model M] [--developer D] [--team T] [--repo R] [--text WORDS] [--limit N] [--cursor C] [--json]

Lists sessions, newest first. --text matches the captured prompts and answers, or the agent's own
session id. Paths in captured text are masked unless --unmasked.

Examples:
  recondo sessions --since 24h --team payments
  recondo sessions --text "flaky test" --json | jq '.sessions[].id'

`

func runSessions(e *env, args []string) int {
	ctx := context.Background()
	fs := e.flags("sessions", sessionsUsage)
	rf := e.readFlags(fs)
	var f data.SessionFilter
	since := fs.String("since", "", "only sessions started after this (7d, 24h, a date)")
	fs.StringVar(&f.Provider, "provider", "", "anthropic, openai, google")
	fs.StringVar(&f.Model, "model", "", "model name")
	fs.StringVar(&f.Developer, "developer", "", "developer")
	fs.StringVar(&f.Team, "team", "", "team")
	fs.StringVar(&f.Repo, "repo", "", "repository")
	fs.StringVar(&f.Text, "text", "", "words in the captured text, or the agent's session id")
	fs.IntVar(&f.Limit, "limit", 50, "sessions per page (max 500)")
	fs.StringVar(&f.Cursor, "cursor", "", "next_cursor of a previous page")
	api, code := e.openRead(ctx, fs, rf, args)
	if api == nil {
		return code
	}
	defer api.Close()
	from, err := parseSince(*since, time.Now())
	if err != nil {
		return e.fail(ExitUsage, "--since: %v", err)
	}
	f.From = from
	page, err := api.ListSessions(ctx, f, rf.options())
	if err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	if e.json {
		return e.printJSON(page)
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "SESSION\tSTARTED\tDEVELOPER\tCLIENT\tMODEL\tTURNS\tTOKENS\tCOST\tREPO\tINTENT")
	for _, s := range page.Sessions {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\n", s.ID, s.StartedAt.Local().Format("2006-01-02 15:04"), s.Developer, s.Client,
			s.Model, s.TurnCount, s.Usage.Total(), dollars(s.CostMicros, s.UnpricedTurns), s.Repo, short(s.Intent, 50))
	}
	w.Flush()
	if page.NextCursor != "" {
		fmt.Fprintf(e.stdout, "\nmore: recondo sessions --cursor %s\n", page.NextCursor)
	}
	return ExitOK
}

const sessionUsage = `recondo session ID [--turns] [--json]

Shows a session: who, which agent and model, repo and branch, intent, totals; with --turns, each
turn with its model, tokens, cost, status and tool calls, and the files the session touched.

`

func runSession(e *env, args []string) int {
	ctx := context.Background()
	fs := e.flags("session", sessionUsage)
	rf := e.readFlags(fs)
	withTurns := fs.Bool("turns", false, "list the session's turns too")
	api, code := e.openRead(ctx, fs, rf, args)
	if api == nil {
		return code
	}
	defer api.Close()
	if fs.NArg() != 1 {
		fs.Usage()
		return ExitUsage
	}
	id := fs.Arg(0)
	s, err := api.GetSession(ctx, id, rf.options())
	if err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	out := struct {
		Session   data.Session    `json:"session"`
		Turns     []data.Turn     `json:"turns,omitempty"`
		ToolCalls []data.ToolCall `json:"tool_calls,omitempty"`
		Artifacts []data.Artifact `json:"artifacts,omitempty"`
	}{Session: s}
	if *withTurns {
		if out.Turns, err = allTurns(ctx, api, id, rf.options()); err != nil {
			return e.fail(exitFor(err), "%v", err)
		}
		ids := make([]string, len(out.Turns))
		for i, t := range out.Turns {
			ids[i] = t.ID
		}
		if out.ToolCalls, err = api.ListToolCalls(ctx, ids, rf.options()); err != nil {
			return e.fail(exitFor(err), "%v", err)
		}
		if out.Artifacts, err = api.SessionArtifacts(ctx, id, rf.options()); err != nil {
			return e.fail(exitFor(err), "%v", err)
		}
	}
	if e.json {
		return e.printJSON(out)
	}
	fmt.Fprintf(e.stdout, "Session    %s\nAgent id   %s\nDeveloper  %s (%s)\nClient     %s %s, %s %s\nRepo       %s %s\nIntent     %s\nStarted    %s, last activity %s\nTurns      %d, tokens %d (input %d, cache read %d, output %d), cost %s\n",
		s.ID, s.ExternalID, s.Developer, s.Team, s.Client, s.ClientVersion, s.Provider, s.Model, s.Repo, s.Branch, s.Intent,
		s.StartedAt.Local().Format(time.DateTime), s.LastActivityAt.Local().Format(time.DateTime), s.TurnCount, s.Usage.Total(),
		s.Usage.InputTokens, s.Usage.CacheReadTokens, s.Usage.OutputTokens, dollars(s.CostMicros, s.UnpricedTurns))
	if s.ParentSessionID != "" {
		fmt.Fprintf(e.stdout, "Parent     %s (sub-agent)\n", s.ParentSessionID)
	}
	if !*withTurns {
		return ExitOK
	}
	calls := map[string][]data.ToolCall{}
	for _, c := range out.ToolCalls {
		calls[c.TurnID] = append(calls[c.TurnID], c)
	}
	fmt.Fprintln(e.stdout)
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "#\tTURN\tSTARTED\tSTATUS\tMODEL\tIN\tOUT\tCOST\tSTOP\tTOOLS")
	for _, t := range out.Turns {
		cost := "unpriced"
		if t.CostMicros != nil {
			cost = dollars(*t.CostMicros, 0)
		}
		var names []string
		for _, c := range calls[t.ID] {
			n := c.Name
			if c.ResultError {
				n += "(error)"
			}
			names = append(names, n)
		}
		status := fmt.Sprint(t.Status)
		if !t.Complete {
			status += " incomplete"
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\t%v\n", t.Seq, t.ID, t.StartedAt.Local().Format("15:04:05"), status, t.Model,
			t.Usage.TotalInput(), t.Usage.OutputTokens, cost, t.StopReasonNormalized, names)
	}
	w.Flush()
	if len(out.Artifacts) > 0 {
		fmt.Fprintln(e.stdout, "\nTouched:")
		for _, a := range out.Artifacts {
			fmt.Fprintf(e.stdout, "  %-6s %s%s\n", a.Action, a.Path, short(a.Command, 80))
		}
	}
	return ExitOK
}
