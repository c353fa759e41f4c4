package server_test

import (
	"fmt"
	"testing"

	"github.com/recondo/recondo/graphql/internal/fixture"
	"github.com/recondo/recondo/graphql/server"
)

type pageInfo struct {
	HasNextPage bool
	EndCursor   *string
}

// TestSessionsPageWithCursorsCoversEverySessionOnce walks the Relay connection to its end.
func TestSessionsPageWithCursorsCoversEverySessionOnce(t *testing.T) {
	r := newRig(t, fixture.Shape{Sessions: 7, TurnsPerSession: 5, ToolCallsPerTurn: 1}, server.Options{})
	seen := map[string]bool{}
	var after *string
	for pages := 0; ; pages++ {
		var got struct {
			Sessions struct {
				Edges []struct {
					Cursor string
					Node   struct{ ID string }
				}
				PageInfo pageInfo
			}
		}
		r.ok(t, r.reader, `query($after: String) { sessions(first: 3, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
			map[string]any{"after": after}, &got)
		for _, e := range got.Sessions.Edges {
			if seen[e.Node.ID] {
				t.Fatalf("session %s on two pages", e.Node.ID)
			}
			seen[e.Node.ID] = true
		}
		p := got.Sessions.PageInfo
		if last := got.Sessions.Edges[len(got.Sessions.Edges)-1].Cursor; p.HasNextPage && *p.EndCursor != last {
			t.Fatalf("endCursor %q is not the last edge's cursor %q", *p.EndCursor, last)
		}
		if !p.HasNextPage {
			if p.EndCursor != nil || pages != 2 {
				t.Fatalf("last page %d with endCursor %v", pages, p.EndCursor)
			}
			break
		}
		after = p.EndCursor
	}
	if len(seen) != 7 {
		t.Fatalf("saw %d sessions, want 7", len(seen))
	}
}

func TestTurnsPageThroughASessionBothWays(t *testing.T) {
	r := newRig(t, fixture.Shape{Sessions: 1, TurnsPerSession: 5, ToolCallsPerTurn: 1}, server.Options{})
	for _, root := range []string{`turns(sessionId: "s-001", first: 2, after: $after)`, `session(id: "s-001") { turns(first: 2, after: $after)`} {
		closing := ""
		if root[0] == 's' {
			closing = "}"
		}
		query := fmt.Sprintf(`query($after: String) { %s { edges { node { seq } } pageInfo { hasNextPage endCursor } } %s }`, root, closing)
		var seqs []int
		var after *string
		for {
			var got map[string]struct {
				Edges    []struct{ Node struct{ Seq int } }
				PageInfo pageInfo
				Turns    *struct {
					Edges    []struct{ Node struct{ Seq int } }
					PageInfo pageInfo
				}
			}
			r.ok(t, r.reader, query, map[string]any{"after": after}, &got)
			for _, v := range got {
				edges, p := v.Edges, v.PageInfo
				if v.Turns != nil {
					edges, p = v.Turns.Edges, v.Turns.PageInfo
				}
				for _, e := range edges {
					seqs = append(seqs, e.Node.Seq)
				}
				after = p.EndCursor
			}
			if after == nil {
				break
			}
		}
		if fmt.Sprint(seqs) != "[1 2 3 4 5]" {
			t.Errorf("%s: seqs %v", root, seqs)
		}
	}
}

// TestEveryReadAnswers runs each root query once over the fixture and checks one fact of it.
func TestEveryReadAnswers(t *testing.T) {
	forEachEngine(t, func(t *testing.T, engine string) { assertReads(t, newRigOn(t, engine, small, server.Options{})) })
}

func assertReads(t *testing.T, r *rig) {
	cases := []struct{ query, want string }{
		{`{ stats(groupBy: DEVELOPER, from: "2026-03-01T00:00:00Z", to: "2026-03-02T00:00:00Z") { key turns costMicros bucket } }`,
			`{"stats":[{"key":"alice","turns":2,"costMicros":2000,"bucket":null},{"key":"bob","turns":2,"costMicros":2000,"bucket":null},{"key":"carol","turns":2,"costMicros":2000,"bucket":null}]}`},
		{`{ stats(bucket: HOUR, from: "2026-03-01T09:00:00Z", to: "2026-03-01T11:00:00Z") { bucket turns sessions } }`,
			`{"stats":[{"bucket":"2026-03-01T09:00:00Z","turns":6,"sessions":3}]}`},
		{`{ developers { name team sessions } }`, `{"developers":[{"name":"alice","team":"platform","sessions":1},{"name":"bob","team":"platform","sessions":1},{"name":"carol","team":"payments","sessions":1}]}`},
		{`{ teams { name developers } }`, `{"teams":[{"name":"payments","developers":1},{"name":"platform","developers":2}]}`},
		{`{ anomalies(filter: {severity: WARNING}) { edges { node { id kind severity turnId } } } }`,
			`{"anomalies":{"edges":[{"node":{"id":"a-1","kind":"secret_exposure","severity":"WARNING","turnId":"t-001-01"}}]}}`},
		{`{ alerts(unacknowledgedOnly: true) { id severity acknowledgedAt } }`, `{"alerts":[{"id":"al-1","severity":"CRITICAL","acknowledgedAt":null}]}`},
		{`{ policies { id } reports { id } }`, `{"policies":[],"reports":[]}`},
		{`{ search(text: "flaky", sessionId: "s-002", role: USER, first: 1) { nodes { turnId role session { developer } } pageInfo { hasNextPage } } }`,
			`{"search":{"nodes":[{"turnId":"t-002-02","role":"USER","session":{"developer":"bob"}}],"pageInfo":{"hasNextPage":true}}}`},
		{`{ toolCalls(turnIds: ["t-003-02"]) { id name index } }`, `{"toolCalls":[{"id":"c-003-02-0","name":"Read","index":0}]}`},
		{`{ turn(id: "t-002-01") { costMicros costSource usage { inputTokens outputTokens } session { id } } }`,
			`{"turn":{"costMicros":1000,"costSource":"CAPTURED","usage":{"inputTokens":100,"outputTokens":40},"session":{"id":"s-002"}}}`},
		{`{ pathArtifacts(path: "/home/alice/src/recondo/file0.go", first: 2) { edges { node { sessionId action } } pageInfo { hasNextPage } } }`,
			`{"pathArtifacts":{"edges":[{"node":{"sessionId":"s-003","action":"read"}},{"node":{"sessionId":"s-003","action":"read"}}],"pageInfo":{"hasNextPage":true}}}`},
	}
	for _, c := range cases {
		res := r.do(t, r.reader, c.query, nil, nil)
		if len(res.Errors) > 0 || string(res.Data) != c.want {
			t.Errorf("%s\n got %s %+v\nwant %s", c.query, res.Data, res.Errors, c.want)
		}
	}
}

// TestVerifyNamesMissingBodies: the fixture stores bodies for one turn only.
func TestVerifyNamesMissingBodies(t *testing.T) {
	r := newRig(t, fixture.Shape{Sessions: 1, TurnsPerSession: 2}, server.Options{})
	var got struct {
		Verify struct {
			Turns, Objects int
			OK             bool
			Mismatches     []struct{ TurnID, Kind, Problem string }
		}
	}
	r.ok(t, r.reader, `{ verify(sessionId: "s-001") { turns objects ok mismatches { turnId kind problem } } }`, nil, &got)
	v := got.Verify
	if v.Turns != 2 || v.Objects != 4 || v.OK || fmt.Sprint(v.Mismatches) != "[{t-001-02 req missing} {t-001-02 resp missing}]" {
		t.Fatalf("verify %+v", v)
	}
}
