package server_test

import (
	"strings"
	"testing"

	"github.com/recondo/recondo/graphql/internal/fixture"
	"github.com/recondo/recondo/graphql/server"
)

// TestCapturedTextIsPathMaskedOnEveryField: intents, texts, tool-call arguments, bodies, search
// snippets, anomalies and alerts all name /home/alice/... in the store; none of it comes out.
func TestCapturedTextIsPathMaskedOnEveryField(t *testing.T) {
	forEachEngine(t, func(t *testing.T, engine string) { assertMasked(t, newRigOn(t, engine, small, server.Options{})) })
}

func assertMasked(t *testing.T, r *rig) {
	queries := map[string]string{
		"session": `{ session(id: "s-001") { intent } }`,
		"turn": `{ turn(id: "t-001-01") { error texts { body } toolCalls { arguments argumentsRaw }
			request { text encoding } response { text encoding truncated binary } } }`,
		"search":    `{ search(text: "flaky") { nodes { snippet } } }`,
		"anomalies": `{ anomalies { edges { node { message detail } } } }`,
		"alerts":    `{ alerts { message } }`,
		"artifacts": `{ sessionArtifacts(sessionId: "s-001") { path command } }`,
	}
	for name, q := range queries {
		res := r.do(t, r.reader, q, nil, nil)
		if len(res.Errors) > 0 {
			t.Fatalf("%s: %+v", name, res.Errors)
		}
		out := string(res.Data)
		if strings.Contains(out, "alice") || strings.Contains(out, "/Users/bob") {
			t.Errorf("%s: a path survived masking: %s", name, out)
		}
	}
}

func TestTurnBodiesAreDecodedAndMasked(t *testing.T) {
	r := newRig(t, small, server.Options{})
	var got struct {
		Turn struct {
			Texts    []struct{ Role, Body string }
			Request  struct{ Text string }
			Response struct {
				Text, Encoding string
				Truncated      bool
			}
		}
	}
	r.ok(t, r.reader, `{ turn(id: "t-001-01") { texts { role body } request { text } response { text encoding truncated } } }`, nil, &got)
	res := got.Turn.Response
	if res.Encoding != "gzip" || res.Truncated || !strings.HasPrefix(res.Text, `{"content":[{"type":"text","text":"I read `) {
		t.Fatalf("response not decoded: %+v", res)
	}
	// One masker per answer: the same path has the same placeholder in the texts and the bodies.
	placeholder := strings.TrimSuffix(strings.TrimPrefix(got.Turn.Texts[0].Body, "please read "), " and fix the flaky test")
	if got.Turn.Texts[0].Role != "USER" || placeholder == fixture.AlicePath ||
		!strings.Contains(got.Turn.Request.Text, placeholder) || !strings.Contains(res.Text, placeholder) {
		t.Fatalf("placeholder %q not shared by texts %+v, request %q, response %q", placeholder, got.Turn.Texts, got.Turn.Request.Text, res.Text)
	}
}
