package server_test

import (
	"context"
	"net/http"
	"slices"
	"testing"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/graphql/internal/fixture"
	"github.com/recondo/recondo/graphql/server"
)

var small = fixture.Shape{Sessions: 3, TurnsPerSession: 2, ToolCallsPerTurn: 1}

const createPolicy = `mutation { createPolicy(input: {name: "cap", kind: "spend_cap", spec: "{\"usd\":100}"}) { id name enabled } }`

func TestKeysAreRequiredAndRolesDecideMutations(t *testing.T) {
	r := newRig(t, small, server.Options{})
	ctx := context.Background()
	revoked, _ := r.api.CreateKey(ctx, "gone", data.RoleAdmin, "")
	if err := r.api.RevokeKey(ctx, revoked.Key.ID); err != nil {
		t.Fatal(err)
	}
	const read = `{ sessions { edges { node { id } } } }`
	cases := []struct {
		name, key, query string
		status           int
		code             string
	}{
		{"no key", "", read, http.StatusUnauthorized, "UNAUTHORIZED"},
		{"malformed key", "rcd_nope", read, http.StatusUnauthorized, "UNAUTHORIZED"},
		{"revoked key", revoked.Secret, read, http.StatusUnauthorized, "UNAUTHORIZED"},
		{"reader reads", r.reader, read, http.StatusOK, ""},
		{"reader mutates", r.reader, createPolicy, http.StatusForbidden, "FORBIDDEN"},
		{"reader lists keys", r.reader, `{ keys { id } }`, http.StatusOK, "FORBIDDEN"},
		{"admin mutates", r.admin, createPolicy, http.StatusOK, ""},
	}
	for _, c := range cases {
		res := r.do(t, c.key, c.query, nil, nil)
		code := ""
		if len(res.Errors) > 0 {
			code = res.Errors[0].Extensions.Code
		}
		if res.Status != c.status || code != c.code {
			t.Errorf("%s: status %d code %q (%+v), want %d %q", c.name, res.Status, code, res.Errors, c.status, c.code)
		}
	}
	policies, _ := r.api.ListPolicies(ctx)
	if len(policies) != 1 {
		t.Fatalf("policies after one admin and one reader create: %+v", policies)
	}

	log, err := r.api.ListAccess(ctx, data.AccessFilter{Surface: data.SurfaceGraphQL})
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != len(cases) {
		t.Fatalf("%d audit rows for %d requests: %+v", len(log), len(cases), log)
	}
	slices.Reverse(log) // oldest first, like cases
	for i, e := range log {
		wantOutcome := data.OutcomeAllowed
		if cases[i].status != http.StatusOK || cases[i].code != "" {
			wantOutcome = data.OutcomeDenied
		}
		if e.Outcome != wantOutcome || e.ClientAddr == "" {
			t.Errorf("%s: audit row %+v, want outcome %s", cases[i].name, e, wantOutcome)
		}
	}
	if e := log[3]; e.Operation != "query sessions" || len(e.ResourceIDs) != 3 || e.Principal != "analyst" {
		t.Errorf("reader's read audited as %+v", e)
	}
	if e := log[4]; e.Operation != "mutation createPolicy" || e.Detail == "" {
		t.Errorf("reader's mutation audited as %+v", e)
	}
	if e := log[6]; e.Operation != "mutation createPolicy" || len(e.ResourceIDs) != 1 || e.ResourceIDs[0] != policies[0].ID {
		t.Errorf("admin's mutation audited as %+v", e)
	}
}

func TestDevModeNeedsNoKeyAndMayMutate(t *testing.T) {
	r := newRig(t, small, server.Options{Dev: true})
	var got struct{ CreatePolicy struct{ Name string } }
	r.ok(t, "", createPolicy, nil, &got)
	if got.CreatePolicy.Name != "cap" {
		t.Fatalf("got %+v", got)
	}
	log, _ := r.api.ListAccess(context.Background(), data.AccessFilter{Surface: data.SurfaceGraphQL})
	if len(log) != 1 || log[0].Principal != "dev" {
		t.Fatalf("audit %+v", log)
	}
}

// TestAdminGovernsPoliciesKeysReportsAndAlerts runs every mutation once, the way an admin would.
func TestAdminGovernsPoliciesKeysReportsAndAlerts(t *testing.T) {
	r := newRig(t, small, server.Options{})
	var created struct{ CreatePolicy struct{ ID string } }
	r.ok(t, r.admin, createPolicy, nil, &created)
	id := created.CreatePolicy.ID
	var updated struct{ UpdatePolicy struct{ Enabled bool } }
	r.ok(t, r.admin, `mutation($id: ID!) { updatePolicy(id: $id, input: {name: "cap", kind: "spend_cap", spec: "{}", enabled: false}) { enabled } }`,
		map[string]any{"id": id}, &updated)
	if updated.UpdatePolicy.Enabled {
		t.Error("policy still enabled")
	}
	r.ok(t, r.admin, `mutation($id: ID!) { deletePolicy(id: $id) }`, map[string]any{"id": id}, nil)
	if res := r.do(t, r.admin, `mutation($id: ID!) { deletePolicy(id: $id) }`, map[string]any{"id": id}, nil); len(res.Errors) != 1 || res.Errors[0].Extensions.Code != "NOT_FOUND" {
		t.Errorf("deleting twice: %+v", res.Errors)
	}

	var key struct {
		CreateKey struct {
			Secret string
			Key    struct{ ID, Role, Prefix string }
		}
	}
	r.ok(t, r.admin, `mutation { createKey(input: {name: "ci", role: READER}) { secret key { id role prefix } } }`, nil, &key)
	if key.CreateKey.Key.Role != "READER" || len(key.CreateKey.Secret) < 20 {
		t.Fatalf("created key %+v", key)
	}
	r.ok(t, key.CreateKey.Secret, `{ teams { name } }`, nil, nil)
	r.ok(t, r.admin, `mutation($id: ID!) { revokeKey(id: $id) }`, map[string]any{"id": key.CreateKey.Key.ID}, nil)
	if res := r.do(t, key.CreateKey.Secret, `{ teams { name } }`, nil, nil); res.Status != http.StatusUnauthorized {
		t.Errorf("revoked key: status %d", res.Status)
	}

	var rep struct{ CreateReport struct{ CreatedBy string } }
	r.ok(t, r.admin, `mutation { createReport(input: {name: "weekly", spec: "{\"groupBy\":\"team\"}"}) { createdBy } }`, nil, &rep)
	if rep.CreateReport.CreatedBy != "ops" {
		t.Errorf("report by %q, want the key's name", rep.CreateReport.CreatedBy)
	}

	r.ok(t, r.admin, `mutation($id: ID!) { acknowledgeAlert(id: $id) }`, map[string]any{"id": fixture.AlertID}, nil)
	var alerts struct {
		Alerts []struct {
			AcknowledgedBy string
			AcknowledgedAt *string
		}
	}
	r.ok(t, r.reader, `{ alerts { acknowledgedBy acknowledgedAt } }`, nil, &alerts)
	if len(alerts.Alerts) != 1 || alerts.Alerts[0].AcknowledgedBy != "ops" || alerts.Alerts[0].AcknowledgedAt == nil {
		t.Errorf("alerts after acknowledging: %+v", alerts)
	}
	var keys struct{ Keys []struct{ Name string } }
	r.ok(t, r.admin, `{ keys { name } }`, nil, &keys)
	if len(keys.Keys) != 3 {
		t.Errorf("keys %+v", keys)
	}
}
