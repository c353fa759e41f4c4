package command

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/recondo/recondo/data"
)

func init() {
	register("policy list", command{summary: "list governance policies", usage: policyListUsage, run: runPolicyList})
	register("policy create", command{summary: "create a policy (spend cap, redaction, routing, block...)", usage: policyCreateUsage, run: runPolicyCreate})
	register("policy update", command{summary: "replace a policy's settings", usage: policyUpdateUsage, run: runPolicyUpdate})
	register("policy delete", command{summary: "delete a policy", usage: policyDeleteUsage, run: runPolicyDelete})
}

const policyListUsage = `recondo policy list [--json]

`

const policyCreateUsage = `recondo policy create --name N --kind K --spec JSON [--disabled] [--json]

Policies are governance data: the gateway enforces them; captured data never changes.

Examples:
  recondo policy create --name "payments cap" --kind spend_cap --spec '{"team":"payments","usd_per_day":50}'
  recondo policy create --name "no secrets" --kind redact --spec '{"patterns":["aws_access_key"]}' --disabled

`

const policyUpdateUsage = `recondo policy update ID --name N --kind K --spec JSON [--disabled] [--json]

`

const policyDeleteUsage = `recondo policy delete ID

`

func runPolicyList(e *env, args []string) int {
	ctx := context.Background()
	fs := e.flags("policy list", policyListUsage)
	rf := e.readFlags(fs)
	api, code := e.openRead(ctx, fs, rf, args)
	if api == nil {
		return code
	}
	defer api.Close()
	ps, err := api.ListPolicies(ctx)
	if err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	if e.json {
		return e.printJSON(ps)
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tKIND\tENABLED\tUPDATED\tSPEC")
	for _, p := range ps {
		fmt.Fprintf(w, "%s\t%s\t%s\t%v\t%s\t%s\n", p.ID, p.Name, p.Kind, p.Enabled, p.UpdatedAt.Format(time.DateTime), short(p.Spec, 60))
	}
	w.Flush()
	return ExitOK
}

// policyInput reads the flags create and update share.
func policyFlags(e *env, name, usage string) (*readFlags, func() data.PolicyInput, func([]string) (*data.API, int, []string)) {
	fs := e.flags(name, usage)
	rf := e.readFlags(fs)
	pName := fs.String("name", "", "policy name (unique)")
	kind := fs.String("kind", "", "spend_cap, redact, route, block, throttle ...")
	spec := fs.String("spec", "", "the policy's settings, a JSON object")
	disabled := fs.Bool("disabled", false, "create it switched off")
	in := func() data.PolicyInput {
		return data.PolicyInput{Name: *pName, Kind: *kind, Spec: *spec, Enabled: !*disabled}
	}
	open := func(args []string) (*data.API, int, []string) {
		api, code := e.openRead(context.Background(), fs, rf, args)
		return api, code, fs.Args()
	}
	return rf, in, open
}

func runPolicyCreate(e *env, args []string) int {
	_, in, open := policyFlags(e, "policy create", policyCreateUsage)
	api, code, rest := open(args)
	if api == nil {
		return code
	}
	defer api.Close()
	if len(rest) != 0 {
		return e.fail(ExitUsage, "policy create takes no arguments, only flags")
	}
	p, err := api.CreatePolicy(context.Background(), in())
	if err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	return e.printPolicy(p)
}

func runPolicyUpdate(e *env, args []string) int {
	_, in, open := policyFlags(e, "policy update", policyUpdateUsage)
	api, code, rest := open(args)
	if api == nil {
		return code
	}
	defer api.Close()
	if len(rest) != 1 {
		return e.fail(ExitUsage, "policy update needs the policy id")
	}
	p, err := api.UpdatePolicy(context.Background(), rest[0], in())
	if err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	return e.printPolicy(p)
}

func runPolicyDelete(e *env, args []string) int {
	ctx := context.Background()
	fs := e.flags("policy delete", policyDeleteUsage)
	rf := e.readFlags(fs)
	api, code := e.openRead(ctx, fs, rf, args)
	if api == nil {
		return code
	}
	defer api.Close()
	if fs.NArg() != 1 {
		return e.fail(ExitUsage, "policy delete needs the policy id")
	}
	if err := api.DeletePolicy(ctx, fs.Arg(0)); err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	fmt.Fprintln(e.stdout, "deleted", fs.Arg(0))
	return ExitOK
}

func (e *env) printPolicy(p data.Policy) int {
	if e.json {
		return e.printJSON(p)
	}
	fmt.Fprintf(e.stdout, "%s  %s (%s, enabled %v)\n", p.ID, p.Name, p.Kind, p.Enabled)
	return ExitOK
}
