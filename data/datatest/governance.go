package datatest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
)

// checkGovernance exercises keys, policies, alerts and reports through the API on the engine.
func checkGovernance(ctx context.Context, t *testing.T, store data.Store) {
	api := data.NewAPI(store, nil)
	created, err := api.CreateKey(ctx, "ci reader", data.RoleReader, "platform")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(created.Secret, "rcd_") || !strings.HasPrefix(created.Secret, created.Key.Prefix) {
		t.Fatalf("secret %q, prefix %q", created.Secret, created.Key.Prefix)
	}
	got, err := api.Authenticate(ctx, created.Secret)
	if err != nil || got.ID != created.Key.ID || got.Role != data.RoleReader || got.Team != "platform" {
		t.Fatalf("Authenticate = %+v, %v", got, err)
	}
	tampered := created.Secret[:len(created.Secret)-1] + "x"
	for name, secret := range map[string]string{"tampered": tampered, "empty": "", "other format": "sk-ant-api03-xyz"} {
		if _, err := api.Authenticate(ctx, secret); data.ErrorCode(err) != data.EUNAUTHORIZED {
			t.Errorf("%s key: %v, want %s", name, err, data.EUNAUTHORIZED)
		}
	}
	if err := api.RevokeKey(ctx, created.Key.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := api.Authenticate(ctx, created.Secret); data.ErrorCode(err) != data.EUNAUTHORIZED {
		t.Errorf("revoked key: %v", err)
	}
	if err := api.RevokeKey(ctx, created.Key.ID); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("revoking twice: %v, want %s", err, data.ENOTFOUND)
	}
	keys, err := api.ListKeys(ctx)
	if err != nil || len(keys) != 1 || keys[0].RevokedAt == nil {
		t.Fatalf("ListKeys = %+v, %v", keys, err)
	}
	if _, err := api.CreateKey(ctx, "x", "root", ""); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("bad role: %v", err)
	}

	p, err := api.CreatePolicy(ctx, data.PolicyInput{Name: "platform cap", Kind: "spend_cap", Spec: `{"team":"platform","usd_per_day":50}`, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := api.CreatePolicy(ctx, data.PolicyInput{Name: "platform cap", Kind: "spend_cap", Spec: `{}`}); data.ErrorCode(err) != data.ECONFLICT {
		t.Errorf("duplicate policy name: %v, want %s", err, data.ECONFLICT)
	}
	for name, in := range map[string]data.PolicyInput{
		"no name":       {Kind: "block", Spec: `{}`},
		"bad kind":      {Name: "x", Kind: "DROP TABLE", Spec: `{}`},
		"spec not json": {Name: "x", Kind: "block", Spec: `nope`},
		"spec array":    {Name: "x", Kind: "block", Spec: `[1]`},
	} {
		if _, err := api.CreatePolicy(ctx, in); data.ErrorCode(err) != data.EINVALID {
			t.Errorf("%s: %v, want %s", name, err, data.EINVALID)
		}
	}
	upd, err := api.UpdatePolicy(ctx, p.ID, data.PolicyInput{Name: "platform cap", Kind: "spend_cap", Spec: `{"usd_per_day":80}`, Enabled: false})
	if err != nil || upd.Enabled || !upd.CreatedAt.Equal(p.CreatedAt) {
		t.Fatalf("UpdatePolicy = %+v, %v", upd, err)
	}
	if back, err := api.GetPolicy(ctx, p.ID); err != nil || back.Spec != `{"usd_per_day":80}` || back.Enabled {
		t.Fatalf("GetPolicy = %+v, %v", back, err)
	}
	if err := api.DeletePolicy(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := api.GetPolicy(ctx, p.ID); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("deleted policy: %v", err)
	}

	alert := data.Alert{ID: "al-1", CreatedAt: Base, Kind: data.AnomalySecretExposure, Severity: data.SeverityCritical, SessionID: "s-03",
		Message: "AWS key in /home/carol/src/ledger/.env"}
	if err := store.CreateAlert(ctx, alert); err != nil {
		t.Fatal(err)
	}
	alerts, err := api.ListAlerts(ctx, true, 10)
	if err != nil || len(alerts) != 1 || strings.Contains(alerts[0].Message, "carol") {
		t.Fatalf("ListAlerts = %+v, %v (message must be masked)", alerts, err)
	}
	if err := api.AcknowledgeAlert(ctx, "al-1", "auditor"); err != nil {
		t.Fatal(err)
	}
	if err := api.AcknowledgeAlert(ctx, "al-1", "auditor"); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("acknowledging twice: %v", err)
	}
	if open, _ := api.ListAlerts(ctx, true, 10); len(open) != 0 {
		t.Errorf("acknowledged alert still open: %+v", open)
	}
	if all, _ := api.ListAlerts(ctx, false, 10); len(all) != 1 || all[0].AcknowledgedBy != "auditor" || all[0].AcknowledgedAt == nil {
		t.Errorf("acknowledged alert: %+v", all)
	}

	r, err := api.CreateReport(ctx, "weekly spend", `{"group_by":"team","since":"7d"}`, "finops")
	if err != nil {
		t.Fatal(err)
	}
	if reports, err := api.ListReports(ctx, 10); err != nil || len(reports) != 1 || reports[0].ID != r.ID || time.Since(reports[0].CreatedAt) > time.Minute {
		t.Fatalf("ListReports = %+v, %v", reports, err)
	}
}
