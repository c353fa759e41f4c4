package bench

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"net/http"
	"testing"
)

// The goal for the sessions page: ≥ 2,000 req/s and p99 ≤ 25 ms on 2 cores.

func BenchmarkSessionsPage(b *testing.B) {
	eachEngine(b, func(b *testing.B, e *engine) {
		drive(b, func(*rand.Rand) error { return e.get("/v1/sessions?limit=50", `"sessions"`) })
	})
}

// BenchmarkSessionWithTurns reads a different random session per op: GET /v1/sessions/{id}, then
// GET /v1/sessions/{id}/turns?limit=100. One op is those two requests; req/s counts ops.
func BenchmarkSessionWithTurns(b *testing.B) {
	eachEngine(b, func(b *testing.B, e *engine) {
		drive(b, func(r *rand.Rand) error {
			id := e.sessions[r.IntN(len(e.sessions))]
			if err := e.get("/v1/sessions/"+id, `"turn_count"`); err != nil {
				return err
			}
			return e.get("/v1/sessions/"+id+"/turns?limit=100", `"turns"`)
		})
	})
}

// get sends one GET and checks it answered 200 with a body containing want.
func (e *engine) get(path, want string) error {
	req, _ := http.NewRequest(http.MethodGet, e.base+path, nil)
	got, status, err := e.do(req)
	if err != nil {
		return err
	}
	if status != http.StatusOK || !bytes.Contains(got, []byte(want)) {
		return fmt.Errorf("GET %s: %d %.300s", path, status, got)
	}
	return nil
}
