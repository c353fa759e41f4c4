package command

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"
)

func init() {
	register("keys create", command{summary: "create an API key for the read servers (shown once)", usage: keysCreateUsage, run: runKeysCreate})
	register("keys list", command{summary: "list API keys (never their secrets)", usage: keysListUsage, run: runKeysList})
	register("keys revoke", command{summary: "revoke an API key", usage: keysRevokeUsage, run: runKeysRevoke})
}

const keysCreateUsage = `recondo keys create --name N --role reader|admin [--team T] [--json]

Creates a key for GraphQL, REST and MCP over HTTP (sent as Authorization: Bearer <key>). The key is
printed once; only its SHA-256 is stored. Readers read captured data; admins may also change
governance data (policies, keys, reports, alert acknowledgements).

Examples:
  recondo keys create --name dashboard --role reader
  recondo keys create --name finops-bot --role reader --team payments --json

`

const keysListUsage = `recondo keys list [--json]

`

const keysRevokeUsage = `recondo keys revoke KEY-ID

Revokes the key at once: every later request with it gets 401.

`

func runKeysCreate(e *env, args []string) int {
	ctx := context.Background()
	fs := e.flags("keys create", keysCreateUsage)
	sf := e.storeFlags(fs)
	name := fs.String("name", "", "what the key is for (required)")
	role := fs.String("role", "", "reader or admin (required)")
	team := fs.String("team", "", "the team the key belongs to")
	if fs.Parse(args) != nil {
		return ExitUsage
	}
	api, code, err := e.openAPI(ctx, sf)
	if err != nil {
		return e.fail(code, "%v", err)
	}
	defer api.Close()
	k, err := api.CreateKey(ctx, *name, *role, *team)
	if err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	if e.json {
		return e.printJSON(k)
	}
	fmt.Fprintf(e.stdout, "%s\n\nkey id %s (%s, role %s). Store the key now: it is not shown again.\n", k.Secret, k.Key.ID, k.Key.Name, k.Key.Role)
	return ExitOK
}

func runKeysList(e *env, args []string) int {
	ctx := context.Background()
	fs := e.flags("keys list", keysListUsage)
	sf := e.storeFlags(fs)
	if fs.Parse(args) != nil {
		return ExitUsage
	}
	api, code, err := e.openAPI(ctx, sf)
	if err != nil {
		return e.fail(code, "%v", err)
	}
	defer api.Close()
	keys, err := api.ListKeys(ctx)
	if err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	if e.json {
		return e.printJSON(keys)
	}
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tPREFIX\tROLE\tTEAM\tCREATED\tREVOKED")
	for _, k := range keys {
		revoked := "-"
		if k.RevokedAt != nil {
			revoked = k.RevokedAt.Format(time.DateTime)
		}
		fmt.Fprintf(w, "%s\t%s\t%s…\t%s\t%s\t%s\t%s\n", k.ID, k.Name, k.Prefix, k.Role, k.Team, k.CreatedAt.Format(time.DateTime), revoked)
	}
	w.Flush()
	return ExitOK
}

func runKeysRevoke(e *env, args []string) int {
	ctx := context.Background()
	fs := e.flags("keys revoke", keysRevokeUsage)
	sf := e.storeFlags(fs)
	if fs.Parse(args) != nil || fs.NArg() != 1 {
		fs.Usage()
		return ExitUsage
	}
	api, code, err := e.openAPI(ctx, sf)
	if err != nil {
		return e.fail(code, "%v", err)
	}
	defer api.Close()
	if err := api.RevokeKey(ctx, fs.Arg(0)); err != nil {
		return e.fail(exitFor(err), "%v", err)
	}
	fmt.Fprintln(e.stdout, "revoked", fs.Arg(0))
	return ExitOK
}
