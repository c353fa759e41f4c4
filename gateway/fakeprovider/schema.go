package fakeprovider

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
)

// schemaNode is the part of JSON Schema (and Gemini's OpenAPI subset, which spells types in
// upper case and sends integers as strings) needed to build a minimal valid value.
type schemaNode struct {
	Type       json.RawMessage            `json:"type"`
	Enum       []json.RawMessage          `json:"enum"`
	Const      json.RawMessage            `json:"const"`
	Default    json.RawMessage            `json:"default"`
	Properties map[string]json.RawMessage `json:"properties"`
	Required   []string                   `json:"required"`
	Items      json.RawMessage            `json:"items"`
	MinItems   json.RawMessage            `json:"minItems"`
	Minimum    json.RawMessage            `json:"minimum"`
	AnyOf      []json.RawMessage          `json:"anyOf"`
	OneOf      []json.RawMessage          `json:"oneOf"`
}

func schemaType(raw json.RawMessage) string {
	var n schemaNode
	if json.Unmarshal(raw, &n) != nil {
		return ""
	}
	return n.kind()
}

func (n schemaNode) kind() string {
	var one string
	if json.Unmarshal(n.Type, &one) == nil {
		return strings.ToLower(one)
	}
	var many []string
	_ = json.Unmarshal(n.Type, &many)
	for _, t := range many {
		if t = strings.ToLower(t); t != "null" {
			return t
		}
	}
	if len(n.Properties) > 0 {
		return "object"
	}
	return ""
}

// schemaValue returns the smallest value the schema accepts: the first enum value, the
// default, zero numbers, empty arrays, and objects with their required properties (all
// properties when none are listed). Gemini CLI's router and next-speaker checks rely on
// this: their first enum values ("flash", "user") keep the conversation moving.
func schemaValue(raw json.RawMessage, depth int, top bool) any {
	var n schemaNode
	if depth > 8 {
		return nil
	}
	if len(raw) > 0 && json.Unmarshal(raw, &n) != nil {
		return nil
	}
	for _, fixed := range [][]json.RawMessage{{n.Const}, n.Enum, {n.Default}} {
		if len(fixed) > 0 && len(fixed[0]) > 0 {
			return fixed[0]
		}
	}
	if alts := append(n.AnyOf, n.OneOf...); len(alts) > 0 && n.kind() == "" {
		return schemaValue(alts[0], depth+1, top)
	}
	switch n.kind() {
	case "object":
		keys := n.Required
		if len(keys) == 0 {
			for k := range n.Properties {
				keys = append(keys, k)
			}
			sort.Strings(keys)
		}
		obj := make(map[string]any, len(keys))
		for _, k := range keys {
			obj[k] = schemaValue(n.Properties[k], depth+1, false)
		}
		return obj
	case "array":
		out := []any{}
		for range min(lenientInt(n.MinItems), 8) {
			out = append(out, schemaValue(n.Items, depth+1, false))
		}
		return out
	case "integer", "number":
		return lenientInt(n.Minimum)
	case "boolean":
		return false
	case "null":
		return nil
	case "string":
		return "ok"
	}
	if top {
		return map[string]any{}
	}
	return "ok"
}

// lenientInt reads a number that may be sent as a JSON string (protobuf int64 style).
func lenientInt(raw json.RawMessage) int {
	s := strings.Trim(string(raw), `"`)
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 {
		return 0
	}
	return int(f)
}
