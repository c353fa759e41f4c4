// A real MCP client (the official TypeScript SDK) against recondo-mcp. e2e_test.go runs it:
//   node client.mjs stdio <recondo-mcp binary> [server flags...]
//   node client.mjs http <http://host:port/mcp> <API key>
// It lists tools, resources and prompts, calls every read tool, tries recondo_delete_policy, and
// prints one JSON object for the Go test to check.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [mode, target, ...rest] = process.argv.slice(2);
const transport =
  mode === "stdio"
    ? new StdioClientTransport({ command: target, args: rest, stderr: "inherit" })
    : new StreamableHTTPClientTransport(new URL(target), {
        requestInit: { headers: { Authorization: `Bearer ${rest[0]}` } },
      });

const client = new Client({ name: "recondo-e2e", version: "0.0.0" });
await client.connect(transport);

const tools = (await client.listTools()).tools.map((t) => ({ name: t.name, annotations: t.annotations }));

// Arguments for each read tool, over the dataset e2e_test.go seeds.
const readCalls = {
  recondo_list_sessions: { limit: 2 },
  recondo_get_session: { id: "s-inj" },
  recondo_get_turn: { id: "t-inj-1", include_bodies: true },
  recondo_search: { text: "deploy staging" },
  recondo_stats: { group_by: "model", from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" },
  recondo_list_anomalies: { severity: "critical" },
  recondo_verify_integrity: { session_id: "s-inj" },
  recondo_list_policies: {},
  recondo_list_alerts: {},
};
const calls = {};
for (const [name, args] of Object.entries(readCalls)) {
  const r = await client.callTool({ name, arguments: args });
  calls[name] = { isError: Boolean(r.isError), text: r.content.map((c) => c.text).join("") };
}

// Without both flags the tool does not exist: the call must fail at the protocol level.
let deletePolicy;
try {
  const r = await client.callTool({ name: "recondo_delete_policy", arguments: { id: "no-such-policy" } });
  deletePolicy = { thrown: null, isError: Boolean(r.isError), text: r.content.map((c) => c.text).join("") };
} catch (e) {
  deletePolicy = { thrown: String(e.message) };
}

const resource = await client.readResource({ uri: "recondo://session/s-inj" });
const prompts = (await client.listPrompts()).prompts.map((p) => p.name);

console.log(JSON.stringify({ tools, calls, deletePolicy, resource: resource.contents[0].text, prompts }));
await client.close();
