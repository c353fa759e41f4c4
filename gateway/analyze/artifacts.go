package analyze

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/write"
	"github.com/recondo/recondo/gateway/providers"
)

// toolActions maps the tool names of Claude Code, Codex and Gemini CLI to what they do to files.
var toolActions = map[string]string{
	"read": data.ActionRead, "read_file": data.ActionRead, "read_many_files": data.ActionRead,
	"notebookread": data.ActionRead, "view": data.ActionRead,
	"write": data.ActionWrite, "write_file": data.ActionWrite, "create_file": data.ActionWrite,
	"edit": data.ActionEdit, "multiedit": data.ActionEdit, "replace": data.ActionEdit,
	"notebookedit": data.ActionEdit, "str_replace_editor": data.ActionEdit, "str_replace_based_edit_tool": data.ActionEdit,
	"bash": data.ActionRun, "shell": data.ActionRun, "shell_command": data.ActionRun, "exec_command": data.ActionRun,
	"run_shell_command": data.ActionRun, "local_shell": data.ActionRun, "container.exec": data.ActionRun,
	"apply_patch": data.ActionEdit,
}

var pathKeys = []string{"file_path", "absolute_path", "path", "notebook_path", "filename"}

// reApplyPatch finds the files of a Codex apply_patch envelope.
var reApplyPatch = regexp.MustCompile(`(?m)^\*\*\* (Add|Update|Delete) File: (.+?)\s*$|^\*\*\* Move to: (.+?)\s*$`)

// Artifacts lists the files and commands the tool calls name.
func Artifacts(calls []providers.ToolCall) []write.ArtifactOf {
	var out []write.ArtifactOf
	for _, c := range calls {
		action, ok := toolActions[strings.ToLower(c.Name)]
		if !ok {
			continue
		}
		var args map[string]any
		_ = json.Unmarshal(c.Arguments, &args)
		if strings.EqualFold(c.Name, "apply_patch") {
			out = append(out, patchArtifacts(c.Index, firstString(args, "input", "patch"))...)
			continue
		}
		if action == data.ActionRun {
			cmd := commandOf(args)
			if strings.Contains(cmd, "*** Begin Patch") { // Codex runs apply_patch through its shell
				out = append(out, patchArtifacts(c.Index, cmd)...)
			}
			if cmd != "" {
				out = append(out, write.ArtifactOf{ToolCallIndex: c.Index, Action: data.ActionRun, Command: cmd})
			}
			continue
		}
		if p := firstString(args, pathKeys...); p != "" {
			out = append(out, write.ArtifactOf{ToolCallIndex: c.Index, Action: action, Path: p})
		}
		if ps, ok := args["paths"].([]any); ok {
			for _, p := range ps {
				if s, ok := p.(string); ok && s != "" {
					out = append(out, write.ArtifactOf{ToolCallIndex: c.Index, Action: action, Path: s})
				}
			}
		}
	}
	return out
}

func patchArtifacts(index int, patch string) []write.ArtifactOf {
	var out []write.ArtifactOf
	for _, m := range reApplyPatch.FindAllStringSubmatch(patch, -1) {
		switch {
		case m[3] != "":
			out = append(out, write.ArtifactOf{ToolCallIndex: index, Action: data.ActionWrite, Path: m[3]})
		case m[1] == "Add":
			out = append(out, write.ArtifactOf{ToolCallIndex: index, Action: data.ActionWrite, Path: m[2]})
		case m[1] == "Update":
			out = append(out, write.ArtifactOf{ToolCallIndex: index, Action: data.ActionEdit, Path: m[2]})
		case m[1] == "Delete":
			out = append(out, write.ArtifactOf{ToolCallIndex: index, Action: data.ActionDelete, Path: m[2]})
		}
	}
	return out
}

func commandOf(args map[string]any) string {
	for _, k := range []string{"command", "cmd"} {
		switch v := args[k].(type) {
		case string:
			return v
		case []any: // Codex shell takes argv
			parts := make([]string, 0, len(v))
			for _, p := range v {
				if s, ok := p.(string); ok {
					parts = append(parts, s)
				}
			}
			return strings.Join(parts, " ")
		}
	}
	return ""
}

func firstString(args map[string]any, keys ...string) string {
	for _, k := range keys {
		if s, ok := args[k].(string); ok && s != "" {
			return s
		}
	}
	return ""
}
