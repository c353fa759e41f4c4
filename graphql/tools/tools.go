//go:build tools

// Package tools pins the code generators this module runs (go run reads their version from
// go.mod), so every machine regenerates byte-identical code.
package tools

import _ "github.com/99designs/gqlgen"
