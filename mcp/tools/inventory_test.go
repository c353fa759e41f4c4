package tools_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/recondo/recondo/mcp/tools"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// combos are the flag combinations the server can start with, by golden file name.
var combos = []struct {
	name  string
	flags tools.Flags
}{
	{"read", tools.Flags{}},
	{"actions", tools.Flags{AllowActions: true}},
	{"destructive", tools.Flags{AllowActions: true, AllowDestructive: true}},
}

// listed is what tools/list shows of a tool: the contract an agent sees.
type listed struct {
	Name        string          `json:"name"`
	Description string          `json:"description"`
	InputSchema json.RawMessage `json:"inputSchema"`
	Annotations json.RawMessage `json:"annotations"`
}

func snapshot(t *testing.T, f tools.Flags) []byte {
	t.Helper()
	var out []listed
	for _, st := range tools.Inventory(tools.Deps{}, f) {
		raw, err := json.Marshal(st.Tool)
		if err != nil {
			t.Fatal(err)
		}
		var l listed
		if err := json.Unmarshal(raw, &l); err != nil {
			t.Fatal(err)
		}
		out = append(out, l)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// TestToolsListMatchesGolden snapshots every tool's schema and annotations per flag combination,
// so a contract change shows in review. Run with -update to accept a change.
func TestToolsListMatchesGolden(t *testing.T) {
	for _, c := range combos {
		t.Run(c.name, func(t *testing.T) {
			got := snapshot(t, c.flags)
			path := filepath.Join("testdata", "tools_list."+c.name+".json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("golden file missing (run go test ./tools -update): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("tools/list for %s differs from %s; run go test ./tools -update if intended\ngot:\n%s", c.name, path, got)
			}
		})
	}
}

// TestFlagsGateToolsets checks the gating itself, independently of the golden files.
func TestFlagsGateToolsets(t *testing.T) {
	cases := []struct {
		flags              tools.Flags
		actions, destroyer bool
	}{
		{tools.Flags{}, false, false},
		{tools.Flags{AllowActions: true}, true, false},
		{tools.Flags{AllowDestructive: true}, false, false}, // destructive alone enables nothing
		{tools.Flags{AllowActions: true, AllowDestructive: true}, true, true},
	}
	for _, c := range cases {
		names := map[string]bool{}
		for _, st := range tools.Inventory(tools.Deps{}, c.flags) {
			names[st.Tool.Name] = true
		}
		if !names["recondo_get_turn"] {
			t.Errorf("%+v: read tools missing", c.flags)
		}
		if got := names["recondo_create_policy"]; got != c.actions {
			t.Errorf("%+v: create_policy listed = %v, want %v", c.flags, got, c.actions)
		}
		if got := names["recondo_delete_policy"]; got != c.destroyer {
			t.Errorf("%+v: delete_policy listed = %v, want %v", c.flags, got, c.destroyer)
		}
	}
}

// TestAnnotationsMatchToolset makes sure no tool claims less than it does.
func TestAnnotationsMatchToolset(t *testing.T) {
	for _, tl := range tools.All(tools.Deps{}) {
		a := tl.Tool.Annotations
		ro, destructive := *a.ReadOnlyHint, *a.DestructiveHint
		switch tl.Toolset {
		case tools.Read:
			if !ro || destructive {
				t.Errorf("%s: read tool must be readOnly and not destructive", tl.Tool.Name)
			}
		case tools.Actions:
			if ro || destructive {
				t.Errorf("%s: action must be neither readOnly nor destructive", tl.Tool.Name)
			}
		case tools.Destructive:
			if ro || !destructive {
				t.Errorf("%s: destructive tool must say so", tl.Tool.Name)
			}
		}
	}
}
