package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"testing"
)

// The goal for the sessions page: ≥ 2,000 req/s and p99 ≤ 25 ms on 2 cores.

const sessionsPage = `{ sessions(first: 50) { edges { node { id startedAt developer model turnCount costMicros } } pageInfo { hasNextPage endCursor } } }`

const sessionWithTurns = `query($id: ID!) { session(id: $id) { id developer model turnCount costMicros
  turns(first: 100) { edges { node { id seq startedAt model status usage { inputTokens outputTokens } costMicros stopReason } } pageInfo { hasNextPage endCursor } } } }`

func BenchmarkSessionsPage(b *testing.B) {
	eachEngine(b, func(b *testing.B, e *engine) {
		drive(b, func(*rand.Rand) error { return e.query(sessionsPage, nil, "edges") })
	})
}

// BenchmarkSessionWithTurns reads a different random session and its first 100 turns per request.
func BenchmarkSessionWithTurns(b *testing.B) {
	eachEngine(b, func(b *testing.B, e *engine) {
		drive(b, func(r *rand.Rand) error {
			return e.query(sessionWithTurns, map[string]any{"id": e.sessions[r.IntN(len(e.sessions))]}, "turns")
		})
	})
}

// query posts one GraphQL request and checks it answered 200 with data containing want.
func (e *engine) query(q string, vars map[string]any, want string) error {
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, e.base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	got, status, err := e.do(req)
	if err != nil {
		return err
	}
	if status != http.StatusOK || bytes.Contains(got, []byte(`"errors"`)) || !bytes.Contains(got, []byte(want)) {
		return fmt.Errorf("POST /graphql: %d %.300s", status, got)
	}
	return nil
}
