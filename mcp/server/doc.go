// Package server builds Recondo's MCP server from a data.API and the operator's flags, and serves
// it over stdio or streamable HTTP (behind API keys, the access audit log and an Origin check).
package server
