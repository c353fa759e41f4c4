package server_test

import (
	"context"
	"testing"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/pricing"
	"github.com/recondo/recondo/graphql/internal/fixture"
	"github.com/recondo/recondo/graphql/server"
)

// TestUnpricedTurnsAreNullUntilAPriceIsAdded: cost is never reported as 0 when unknown, and a
// price added later reprices at read time (costSource REPRICED), sessions included.
func TestUnpricedTurnsAreNullUntilAPriceIsAdded(t *testing.T) {
	r := newRig(t, fixture.Shape{Sessions: 2, TurnsPerSession: 2, UnpricedSession: 2}, server.Options{})
	const query = `{ session(id: "s-002") { costMicros unpricedTurns turns { edges { node { costMicros costSource } } } } }`
	type answer struct {
		Session struct {
			CostMicros, UnpricedTurns int
			Turns                     struct {
				Edges []struct {
					Node struct {
						CostMicros *int
						CostSource *string
					}
				}
			}
		}
	}
	var before answer
	r.ok(t, r.reader, query, nil, &before)
	s := before.Session
	if s.CostMicros != 0 || s.UnpricedTurns != 2 || s.Turns.Edges[0].Node.CostMicros != nil || s.Turns.Edges[0].Node.CostSource != nil {
		t.Fatalf("before a price: %+v", s)
	}
	_, err := r.api.AddPrice(context.Background(), data.ModelPrice{Entry: pricing.Entry{Provider: "anthropic", Model: fixture.UnpricedModel,
		EffectiveFrom: fixture.Base.AddDate(0, 0, -1), Rates: pricing.Rates{Input: 3_000_000, Output: 15_000_000}}})
	if err != nil {
		t.Fatal(err)
	}
	var after answer
	r.ok(t, r.reader, query, nil, &after)
	s = after.Session
	// 100 input tokens at $3/M and 40 output tokens at $15/M: 900 µ$ a turn.
	if n := s.Turns.Edges[0].Node; s.CostMicros != 1800 || s.UnpricedTurns != 0 || n.CostMicros == nil || *n.CostMicros != 900 || *n.CostSource != "REPRICED" {
		t.Fatalf("after a price: %+v", s)
	}
}
