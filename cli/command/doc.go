// Package command implements the recondo CLI's commands. Each command is one file; Run parses
// the global flags and dispatches. Exit codes: 0 ok, 1 a check failed (e.g. verify), 2 usage,
// 3 not found, 4 unavailable, 5 internal.
package command
