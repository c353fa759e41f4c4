// Package tools is the MCP server's tool inventory: one constructor per tool, grouped into
// toolsets (read, actions, destructive). The flags decide which toolsets are built, so a gated
// tool is not refused at call time: it does not exist.
package tools
