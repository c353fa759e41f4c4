package tools

import (
	"context"
	"encoding/json"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/render"
)

func listPolicies(d Deps) Tool {
	const name = "recondo_list_policies"
	def := tool(name, "List the governance policies the gateway enforces (spend caps, redaction, routing, "+
		"blocks), by name, with their JSON spec and whether each is enabled.",
		readOnly("List policies"))
	return Tool{Toolset: Read, ServerTool: serverTool(def, handle(d, name, func(ctx context.Context, _ mcp.CallToolRequest) (any, []string, error) {
		ps, err := d.API.ListPolicies(ctx)
		if ps == nil {
			ps = []data.Policy{}
		}
		return struct {
			Policies []data.Policy `json:"policies"`
		}{ps}, nil, err
	}))}
}

func listAlerts(d Deps) Tool {
	const name = "recondo_list_alerts"
	def := tool(name, "List alerts raised for people to look at, newest first, optionally only those not yet "+
		"acknowledged. Messages may quote captured text; they are escaped and masked.",
		readOnly("List alerts"),
		[]mcp.ToolOption{
			mcp.WithBoolean("unacknowledged_only", mcp.Description("Only alerts nobody has acknowledged.")),
			mcp.WithInteger("limit", mcp.Description("At most this many (default 20, at most 100)."), mcp.Min(1), mcp.Max(maxPage)),
		})
	return Tool{Toolset: Read, ServerTool: serverTool(def, handle(d, name, func(ctx context.Context, req mcp.CallToolRequest) (any, []string, error) {
		var in struct {
			UnacknowledgedOnly bool `json:"unacknowledged_only"`
			Limit              int  `json:"limit"`
		}
		if err := bind(req, &in); err != nil {
			return nil, nil, err
		}
		as, err := d.API.ListAlerts(ctx, in.UnacknowledgedOnly, pageLimit(in.Limit))
		if as == nil {
			as = []data.Alert{}
		}
		for i := range as {
			as[i].Message = render.Escape(as[i].Message)
		}
		return struct {
			Alerts []data.Alert `json:"alerts"`
		}{as}, nil, err
	}))}
}

// policyArgs are the settings of create and update.
type policyArgs struct {
	ID      string          `json:"id"`
	Name    string          `json:"name"`
	Kind    string          `json:"kind"`
	Spec    json.RawMessage `json:"spec"`
	Enabled *bool           `json:"enabled"`
}

func (a policyArgs) input() data.PolicyInput {
	enabled := a.Enabled == nil || *a.Enabled // a new rule is meant to apply unless said otherwise
	return data.PolicyInput{Name: a.Name, Kind: a.Kind, Spec: string(a.Spec), Enabled: enabled}
}

func policyOptions() []mcp.ToolOption {
	return []mcp.ToolOption{
		mcp.WithString("name", mcp.Required(), mcp.Description("Unique policy name, 1 to 200 characters.")),
		mcp.WithString("kind", mcp.Required(), mcp.Description("Policy kind: lowercase letters, digits and _, e.g. spend_cap, redact, route, block, throttle."),
			mcp.Pattern("^[a-z][a-z0-9_]{0,63}$")),
		mcp.WithObject("spec", mcp.Required(), mcp.Description("The policy's settings, a JSON object whose shape depends on kind.")),
		mcp.WithBoolean("enabled", mcp.Description("Whether the gateway enforces it (default true).")),
	}
}

func createPolicy(d Deps) Tool {
	const name = "recondo_create_policy"
	def := tool(name, "Create a governance policy the gateway will enforce. Needs an admin key over HTTP. "+
		"Changes governance data only; captured traffic is never writable.",
		change("Create a policy", false), policyOptions())
	return Tool{Toolset: Actions, ServerTool: serverTool(def, handle(d, name, func(ctx context.Context, req mcp.CallToolRequest) (any, []string, error) {
		if _, err := requireAdmin(ctx, d); err != nil {
			return nil, nil, err
		}
		var in policyArgs
		if err := bind(req, &in); err != nil {
			return nil, nil, err
		}
		p, err := d.API.CreatePolicy(ctx, in.input())
		return p, []string{p.ID}, err
	}))}
}

func updatePolicy(d Deps) Tool {
	const name = "recondo_update_policy"
	// Replacing a policy's settings keeps the policy: it is a change, not a removal, so it sits
	// with the actions, not with the destructive tools.
	def := tool(name, "Replace a governance policy's name, kind, spec and enabled flag (all are set; read the "+
		"current values with recondo_list_policies first). Needs an admin key over HTTP.",
		change("Update a policy", true),
		[]mcp.ToolOption{mcp.WithString("id", mcp.Required(), mcp.Description("Policy id, from recondo_list_policies."))},
		policyOptions())
	return Tool{Toolset: Actions, ServerTool: serverTool(def, handle(d, name, func(ctx context.Context, req mcp.CallToolRequest) (any, []string, error) {
		if _, err := requireAdmin(ctx, d); err != nil {
			return nil, nil, err
		}
		var in policyArgs
		if err := bind(req, &in); err != nil {
			return nil, nil, err
		}
		p, err := d.API.UpdatePolicy(ctx, in.ID, in.input())
		return p, []string{in.ID}, err
	}))}
}

func createReport(d Deps) Tool {
	const name = "recondo_create_report"
	def := tool(name, "Save a report definition (a named JSON spec of a query or summary) for people to run "+
		"later. Needs an admin key over HTTP.",
		change("Create a report", false),
		[]mcp.ToolOption{
			mcp.WithString("name", mcp.Required(), mcp.Description("Report name.")),
			mcp.WithObject("spec", mcp.Required(), mcp.Description("The report's definition, a JSON object.")),
		})
	return Tool{Toolset: Actions, ServerTool: serverTool(def, handle(d, name, func(ctx context.Context, req mcp.CallToolRequest) (any, []string, error) {
		who, err := requireAdmin(ctx, d)
		if err != nil {
			return nil, nil, err
		}
		var in struct {
			Name string          `json:"name"`
			Spec json.RawMessage `json:"spec"`
		}
		if err := bind(req, &in); err != nil {
			return nil, nil, err
		}
		r, err := d.API.CreateReport(ctx, in.Name, string(in.Spec), who)
		return r, []string{r.ID}, err
	}))}
}

func acknowledgeAlert(d Deps) Tool {
	const name = "recondo_acknowledge_alert"
	def := tool(name, "Mark an alert as acknowledged by the caller, so it leaves the unacknowledged list. "+
		"Fails with not_found when the alert does not exist or is already acknowledged. Needs an admin key over HTTP.",
		change("Acknowledge an alert", false),
		[]mcp.ToolOption{mcp.WithString("id", mcp.Required(), mcp.Description("Alert id, from recondo_list_alerts."))})
	return Tool{Toolset: Actions, ServerTool: serverTool(def, handle(d, name, func(ctx context.Context, req mcp.CallToolRequest) (any, []string, error) {
		who, err := requireAdmin(ctx, d)
		if err != nil {
			return nil, nil, err
		}
		var in struct {
			ID string `json:"id"`
		}
		if err := bind(req, &in); err != nil {
			return nil, nil, err
		}
		if err := d.API.AcknowledgeAlert(ctx, in.ID, who); err != nil {
			return nil, []string{in.ID}, err
		}
		return map[string]any{"id": in.ID, "acknowledged_by": who}, []string{in.ID}, nil
	}))}
}

func deletePolicy(d Deps) Tool {
	const name = "recondo_delete_policy"
	def := tool(name, "Delete a governance policy: the gateway stops enforcing it at once and it cannot be "+
		"restored. Prefer recondo_update_policy with enabled=false to pause one. Needs an admin key over HTTP.",
		destroy("Delete a policy"),
		[]mcp.ToolOption{mcp.WithString("id", mcp.Required(), mcp.Description("Policy id, from recondo_list_policies."))})
	return Tool{Toolset: Destructive, ServerTool: serverTool(def, handle(d, name, func(ctx context.Context, req mcp.CallToolRequest) (any, []string, error) {
		if _, err := requireAdmin(ctx, d); err != nil {
			return nil, nil, err
		}
		var in struct {
			ID string `json:"id"`
		}
		if err := bind(req, &in); err != nil {
			return nil, nil, err
		}
		if err := d.API.DeletePolicy(ctx, in.ID); err != nil {
			return nil, []string{in.ID}, err
		}
		return map[string]any{"id": in.ID, "deleted": true}, []string{in.ID}, nil
	}))}
}

func revokeKey(d Deps) Tool {
	const name = "recondo_revoke_key"
	def := tool(name, "Revoke an API key from now on: every surface refuses it afterwards and it cannot be "+
		"restored. Needs an admin key over HTTP.",
		destroy("Revoke an API key"),
		[]mcp.ToolOption{mcp.WithString("id", mcp.Required(), mcp.Description("Key id (not the secret), as 'recondo keys list' shows it."))})
	return Tool{Toolset: Destructive, ServerTool: serverTool(def, handle(d, name, func(ctx context.Context, req mcp.CallToolRequest) (any, []string, error) {
		if _, err := requireAdmin(ctx, d); err != nil {
			return nil, nil, err
		}
		var in struct {
			ID string `json:"id"`
		}
		if err := bind(req, &in); err != nil {
			return nil, nil, err
		}
		if err := d.API.RevokeKey(ctx, in.ID); err != nil {
			return nil, []string{in.ID}, err
		}
		return map[string]any{"id": in.ID, "revoked": true}, []string{in.ID}, nil
	}))}
}
