// Package e2e runs the built recondo-mcp binary against real MCP clients from npm: the official
// TypeScript SDK client (client.mjs) and the MCP Inspector CLI, over stdio and streamable HTTP.
// Their versions are pinned in package.json and package-lock.json.
package e2e
