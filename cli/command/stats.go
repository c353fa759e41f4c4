package command

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/recondo/recondo/data"
)

func init() {
	register("stats", command{summary: "tokens, cost and turns grouped by team, developer, model, provider or repo", usage: statsUsage, run: runStats})
}

const statsUsage = `recondo stats [--by team|developer|model|provider|repo] [--since 7d] [--bucket hour|day] [--json]

Sums the turns since --since (default 30 days) per group and, with --bucket, per hour or day.
Cost is a lower bound where turns have no price ("+N unpriced").

Examples:
  recondo stats --by team --since 7d
  recondo stats --by model --bucket day --json

`

func runStats(e *env, args []string) int {
	ctx := context.Background()
	fs := e.flags("stats", statsUsage)
	rf := e.readFlags(fs)
	var q data.StatsQuery
	fs.StringVar(&q.GroupBy, "by", "", "team, developer, model, provider or repo (default: one total)")
	fs.StringVar(&q.Bucket, "bucket", "", "hour or day")
	since := fs.String("since", "30d", "start of the range (7d, 24h, a date)")
	fs.StringVar(&q.Team, "team", "", "only this team")
	fs.StringVar(&q.Developer, "developer", "", "only this developer")
	fs.StringVar(&q.Provider, "provider", "", "only this provider")
	fs.StringVar(&q.Model, "model", "", "only this model")
	fs.StringVar(&q.Repo, "repo", "", "only this repository")
	api, code := e.openRead(ctx, fs, rf, args)
	if api == nil {
		return code
	}
	defer api.Close()
	now := time.Now()
	from, err := parseSince(*since, now)
	if err != nil {
		return e.fail(ExitUsage, "--since: %v", err)
	}
	q.From, q.To = from, now
	rows, err := api.Stats(ctx, q)
	if err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	if e.json {
		return e.printJSON(rows)
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "BUCKET\tGROUP\tSESSIONS\tTURNS\tINPUT\tCACHE READ\tOUTPUT\tCOST\tERRORS\t")
	for _, r := range rows {
		bucket := "-"
		if !r.Bucket.IsZero() {
			bucket = r.Bucket.Format("2006-01-02 15:04")
		}
		key := r.Key
		switch {
		case key == "" && q.GroupBy == "":
			key = "(all)"
		case key == "":
			key = "(none)" // turns without that attribute, e.g. non-LLM requests have no model
		}
		fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%s\t%d\t\n", bucket, key, r.Sessions, r.Turns, r.Usage.InputTokens, r.Usage.CacheReadTokens,
			r.Usage.OutputTokens, dollars(r.CostMicros, r.UnpricedTurns), r.ErrorTurns)
	}
	w.Flush()
	return ExitOK
}
