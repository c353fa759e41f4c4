package command

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/user"
	"strconv"
	"strings"
	"time"

	"github.com/recondo/recondo/data"
)

// readFlags are the flags every read command shares besides --data-dir and --json.
type readFlags struct {
	store    *storeFlags
	unmasked bool
}

func (e *env) readFlags(fs *flag.FlagSet) *readFlags {
	r := &readFlags{store: e.storeFlags(fs)}
	fs.BoolVar(&r.unmasked, "unmasked", false, "show captured text exactly as stored (forensic use; written to the access audit log)")
	return r
}

// options are the data API read options: masked unless --unmasked, always attributed to the
// local user for the audit log.
func (r *readFlags) options() data.ReadOptions {
	name := os.Getenv("USER")
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	return data.ReadOptions{Unmasked: r.unmasked, Actor: data.Actor{Surface: data.SurfaceCLI, Principal: name}}
}

// open parses args and opens the API; a non-nil error has been reported and code is the exit.
func (e *env) openRead(ctx context.Context, fs *flag.FlagSet, rf *readFlags, args []string) (*data.API, int) {
	if err := fs.Parse(interspersed(fs, args)); err != nil {
		return nil, ExitUsage
	}
	api, code, err := e.openAPI(ctx, rf.store)
	if err != nil {
		e.fail(code, "%v", err)
		return nil, code
	}
	return api, ExitOK
}

// parseSince reads durations like 7d, 24h, 90m or an RFC 3339 / YYYY-MM-DD instant.
func parseSince(s string, now time.Time) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if strings.HasSuffix(s, "d") {
		if n, err := strconv.Atoi(strings.TrimSuffix(s, "d")); err == nil && n >= 0 {
			return now.AddDate(0, 0, -n), nil
		}
	}
	if d, err := time.ParseDuration(s); err == nil {
		return now.Add(-d), nil
	}
	for _, layout := range []string{time.RFC3339, time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a duration (7d, 24h) or a date (2026-01-31, RFC 3339)", s)
}

// dollars formats micro-dollars, marking a lower bound when some turns have no price.
func dollars(micros, unpriced int64) string {
	s := fmt.Sprintf("$%.4f", float64(micros)/1e6)
	if unpriced > 0 {
		s += fmt.Sprintf(" (+%d unpriced)", unpriced)
	}
	return s
}

func short(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// allTurns reads every turn of a session, a page at a time.
func allTurns(ctx context.Context, api *data.API, sessionID string, opt data.ReadOptions) ([]data.Turn, error) {
	var out []data.Turn
	after := int64(0)
	for {
		page, err := api.ListTurns(ctx, data.TurnFilter{SessionID: sessionID, AfterSeq: after, Limit: data.MaxLimit}, opt)
		if err != nil {
			return nil, err
		}
		out = append(out, page...)
		if len(page) < data.MaxLimit {
			return out, nil
		}
		after = page[len(page)-1].Seq
	}
}
