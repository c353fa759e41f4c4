package command

import (
	"context"
	"fmt"

	"github.com/recondo/recondo/data"
)

func init() {
	register("verify", command{summary: "re-hash stored bodies against the recorded hashes (exit 1 on any mismatch)", usage: verifyUsage, run: runVerify})
}

const verifyUsage = `recondo verify SESSION-ID | --all [--json]

Reads every stored request and response object of the session (or of every session) back,
re-computes its SHA-256 and compares it with the hash recorded at capture. Exits 1 and names
each object that is missing, corrupt or different.

Examples:
  recondo verify s-3c1f9e0d2a7b
  recondo verify --all --json

`

func runVerify(e *env, args []string) int {
	ctx := context.Background()
	fs := e.flags("verify", verifyUsage)
	rf := e.readFlags(fs)
	all := fs.Bool("all", false, "verify every captured turn")
	api, code := e.openRead(ctx, fs, rf, args)
	if api == nil {
		return code
	}
	defer api.Close()
	id := ""
	switch {
	case *all && fs.NArg() == 0:
	case !*all && fs.NArg() == 1:
		id = fs.Arg(0)
	default:
		fs.Usage()
		return ExitUsage
	}
	total := int64(0)
	if id != "" {
		if s, err := api.GetSession(ctx, id, data.ReadOptions{}); err == nil {
			total = s.TurnCount
		}
	}
	bar := e.progress("verifying turns", total)
	rep, err := api.Verify(ctx, id, data.VerifyOptions{Progress: bar.set})
	bar.done()
	if err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	if e.json {
		if c := e.printJSON(rep); c != ExitOK {
			return c
		}
	} else {
		for _, m := range rep.Mismatches {
			fmt.Fprintf(e.stdout, "MISMATCH turn %s %s object %s: %s", m.TurnID, m.Kind, m.Want, m.Problem)
			if m.Got != "" {
				fmt.Fprintf(e.stdout, " (content hashes to %s)", m.Got)
			}
			fmt.Fprintln(e.stdout)
		}
		fmt.Fprintf(e.stdout, "%d turns, %d objects checked, %d mismatches\n", rep.Turns, rep.Objects, len(rep.Mismatches))
	}
	if !rep.OK() {
		return ExitFailed
	}
	return ExitOK
}
