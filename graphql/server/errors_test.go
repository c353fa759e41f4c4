package server_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/graphql/server"
)

func TestDataErrorCodesBecomeExtensionCodes(t *testing.T) {
	r := newRig(t, small, server.Options{})
	cases := []struct{ query, code, message string }{
		{`{ session(id: "nope") { id } }`, "NOT_FOUND", "not found"},
		{`{ turn(id: "../../etc/passwd") { id } }`, "NOT_FOUND", "not found"},
		{`{ sessions(first: 0) { edges { cursor } } }`, "INVALID", "first must be between 1 and 500"},
		{`{ sessions(after: "garbage!") { edges { cursor } } }`, "INVALID", "cursor is not valid"},
		{`{ sessions(filter: {from: "yesterday"}) { edges { cursor } } }`, "INVALID", "RFC 3339"},
		{`{ stats(bucket: HOUR, from: "2000-01-01T00:00:00Z") { turns } }`, "INVALID", "use day buckets"},
		{`{ search(text: "!!!") { nodes { turnId } } }`, "INVALID", "no words"},
		{`{ verify(sessionId: "") { ok } }`, "INVALID", "must not be empty"},
		{`mutation { createPolicy(input: {name: "x", kind: "Bad Kind", spec: "{}"}) { id } }`, "INVALID", "policy kind"},
		{`mutation { acknowledgeAlert(id: "no-such-alert") }`, "NOT_FOUND", ""},
	}
	for _, c := range cases {
		res := r.do(t, r.admin, c.query, nil, nil)
		if len(res.Errors) != 1 || res.Errors[0].Extensions.Code != c.code || !strings.Contains(res.Errors[0].Message, c.message) {
			t.Errorf("%s: %+v, want %s %q", c.query, res.Errors, c.code, c.message)
		}
	}
}

// failingStore fails every session read with an error whose text must never reach a client.
type failingStore struct{ data.Store }

func (failingStore) ListSessions(context.Context, data.SessionFilter) (data.SessionPage, error) {
	return data.SessionPage{}, errors.New("pq: connection to 10.0.0.7:5432 refused (password=hunter2)")
}

func TestInternalErrorsLeakNoDetail(t *testing.T) {
	r := newRig(t, small, server.Options{})
	api := data.NewAPI(failingStore{r.store}, nil)
	srv := httptest.NewServer(server.New(api, server.Options{Dev: true}))
	defer srv.Close()
	res := (&rig{url: srv.URL}).do(t, "", `{ sessions { edges { cursor } } }`, nil, nil)
	if res.Status != http.StatusOK || len(res.Errors) != 1 || res.Errors[0].Extensions.Code != "INTERNAL" ||
		res.Errors[0].Message != "internal error" || res.Errors[0].Path[0] != "sessions" {
		t.Fatalf("got %d %+v", res.Status, res.Errors)
	}
}
