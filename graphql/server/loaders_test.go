package server_test

import (
	"fmt"
	"testing"

	"github.com/recondo/recondo/graphql/internal/fixture"
	"github.com/recondo/recondo/graphql/server"
)

const sessionsWithTurnsAndToolCalls = `query($n: Int!) {
  sessions(first: $n) {
    edges { node { id intent
      turns(first: 3) { edges { node { id seq toolCalls { id name } session { id } } } }
      toolCalls { id }
    } }
  }
}`

// TestFiftySessionsWithTurnsAndToolCallsCostAConstantNumberOfQueries: the loaders read each level
// of the tree once for all its parents, so 50 sessions cost what 5 do.
func TestFiftySessionsWithTurnsAndToolCallsCostAConstantNumberOfQueries(t *testing.T) {
	forEachEngine(t, func(t *testing.T, engine string) {
		r := newRigOn(t, engine, fixture.Shape{Sessions: 60, TurnsPerSession: 4, ToolCallsPerTurn: 2}, server.Options{})
		assertConstantQueries(t, r)
	})
}

func assertConstantQueries(t *testing.T, r *rig) {
	counts := map[int]int{}
	for _, n := range []int{5, 50} {
		var got struct {
			Sessions struct {
				Edges []struct {
					Node struct {
						ID    string
						Turns struct {
							Edges []struct {
								Node struct {
									ID        string
									ToolCalls []struct{ ID string }
									Session   struct{ ID string }
								}
							}
						}
						ToolCalls []struct{ ID string }
					}
				}
			}
		}
		r.store.reset()
		r.ok(t, r.reader, sessionsWithTurnsAndToolCalls, map[string]any{"n": n}, &got)
		calls := r.store.reset()
		total := 0
		for _, c := range calls {
			total += c
		}
		counts[n] = total
		if len(got.Sessions.Edges) != n {
			t.Fatalf("first %d: %d sessions", n, len(got.Sessions.Edges))
		}
		for _, e := range got.Sessions.Edges {
			s := e.Node
			if len(s.Turns.Edges) != 3 || len(s.ToolCalls) != 8 {
				t.Fatalf("session %s: %d turns, %d tool calls; want 3 and 8", s.ID, len(s.Turns.Edges), len(s.ToolCalls))
			}
			for _, te := range s.Turns.Edges {
				if len(te.Node.ToolCalls) != 2 || te.Node.Session.ID != s.ID {
					t.Fatalf("turn %s: %+v", te.Node.ID, te.Node)
				}
			}
		}
		// Auth, sessions, turns, tool calls, the audit row: one call each.
		want := map[string]int{"KeyByHash": 1, "ListSessions": 1, "ListTurnsOfSessions": 1, "ListToolCalls": 1, "AppendAccess": 1}
		if fmt.Sprint(calls) != fmt.Sprint(want) {
			t.Errorf("first %d: store calls %v, want %v", n, calls, want)
		}
	}
	if counts[5] != counts[50] || counts[50] > 5 {
		t.Fatalf("store calls: %d for 5 sessions, %d for 50; want the same small constant", counts[5], counts[50])
	}
}
