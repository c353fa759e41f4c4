package seed

import (
	"strconv"
	"time"

	"github.com/recondo/recondo/data"
)

// Tool sets per agent, with rough real-world frequencies: agents read far more than they write.

type toolKind struct {
	name   string
	weight float64
	args   func(g *sessionGen) []kv
}

var claudeTools = []toolKind{
	{"Read", 30, func(g *sessionGen) []kv {
		f := []kv{{"file_path", jstr(g.absPath(g.file()))}}
		if g.r.IntN(4) == 0 {
			f = append(f, kv{"offset", jint(int64(1 + g.r.IntN(400)))}, kv{"limit", jint(200)})
		}
		return f
	}},
	{"Bash", 20, func(g *sessionGen) []kv {
		return []kv{{"command", jstr(g.shellCommand())}, {"description", jstr(g.text(20, 60, assistantStarters))}}
	}},
	{"Edit", 16, func(g *sessionGen) []kv {
		return []kv{{"file_path", jstr(g.absPath(g.file()))}, {"old_string", jstr(g.codeLine())}, {"new_string", jstr(g.code(1 + g.r.IntN(3)))}}
	}},
	{"Grep", 10, func(g *sessionGen) []kv {
		return []kv{{"pattern", jstr(g.ident())}, {"path", jstr(g.absPath(g.pkgDir()))}, {"output_mode", jstr("content")}}
	}},
	{"Glob", 6, func(g *sessionGen) []kv {
		return []kv{{"pattern", jstr(g.pkgDir() + "/**/*")}}
	}},
	{"TodoWrite", 5, func(g *sessionGen) []kv {
		var todos []string
		for i, n := 0, 2+g.r.IntN(4); i < n; i++ {
			status := []string{"completed", "in_progress", "pending"}[min(i, 2)]
			todos = append(todos, jobjSorted([]kv{{"content", jstr(g.text(20, 60, userStarters))}, {"status", jstr(status)}}))
		}
		return []kv{{"todos", jarr(todos)}}
	}},
	{"Write", 4, func(g *sessionGen) []kv {
		return []kv{{"file_path", jstr(g.absPath(g.file()))}, {"content", jstr(g.code(3 + g.r.IntN(5)))}}
	}},
	{"Task", 3, func(g *sessionGen) []kv {
		return []kv{{"description", jstr("Investigate " + g.ident())}, {"prompt", jstr(g.text(60, 160, userStarters))}, {"subagent_type", jstr("general-purpose")}}
	}},
	{"WebFetch", 2, func(g *sessionGen) []kv {
		return []kv{{"url", jstr("https://docs.example.dev/" + g.word() + "/" + g.ident())}, {"prompt", jstr(g.text(30, 90, userStarters))}}
	}},
}

var codexTools = []toolKind{
	{"shell", 62, func(g *sessionGen) []kv {
		cmd := jarr([]string{jstr("bash"), jstr("-lc"), jstr(g.shellCommand())})
		return []kv{{"command", cmd}, {"workdir", jstr(g.absPath("")[:len(g.absPath(""))-1])}, {"timeout_ms", jint(120000)}}
	}},
	{"apply_patch", 30, func(g *sessionGen) []kv {
		patch := "*** Begin Patch\n*** Update File: " + g.file() + "\n@@\n-" + g.codeLine() + "\n+" + g.codeLine() + "\n*** End Patch\n"
		return []kv{{"input", jstr(patch)}}
	}},
	{"update_plan", 8, func(g *sessionGen) []kv {
		var steps []string
		for i, n := 0, 2+g.r.IntN(3); i < n; i++ {
			steps = append(steps, jobjSorted([]kv{{"status", jstr([]string{"completed", "in_progress", "pending"}[min(i, 2)])}, {"step", jstr(g.text(20, 50, userStarters))}}))
		}
		return []kv{{"plan", jarr(steps)}}
	}},
}

var geminiTools = []toolKind{
	{"read_file", 32, func(g *sessionGen) []kv { return []kv{{"absolute_path", jstr(g.absPath(g.file()))}} }},
	{"run_shell_command", 22, func(g *sessionGen) []kv {
		return []kv{{"command", jstr(g.shellCommand())}, {"description", jstr(g.text(20, 60, assistantStarters))}}
	}},
	{"replace", 18, func(g *sessionGen) []kv {
		return []kv{{"file_path", jstr(g.absPath(g.file()))}, {"old_string", jstr(g.codeLine())}, {"new_string", jstr(g.code(1 + g.r.IntN(3)))}}
	}},
	{"search_file_content", 12, func(g *sessionGen) []kv { return []kv{{"pattern", jstr(g.ident())}} }},
	{"glob", 7, func(g *sessionGen) []kv { return []kv{{"pattern", jstr(g.pkgDir() + "/**/*")}} }},
	{"list_directory", 5, func(g *sessionGen) []kv { return []kv{{"path", jstr(g.absPath(g.pkgDir()))}} }},
	{"write_file", 4, func(g *sessionGen) []kv {
		return []kv{{"file_path", jstr(g.absPath(g.file()))}, {"content", jstr(g.code(3 + g.r.IntN(5)))}}
	}},
}

var toolSets = map[family][]toolKind{famAnthropic: claudeTools, famOpenAI: codexTools, famGoogle: geminiTools}

var toolCum = func() map[family][]float64 {
	out := map[family][]float64{}
	for f, set := range toolSets {
		for _, t := range set {
			out[f] = appendCum(out[f], t.weight)
		}
	}
	return out
}()

// toolCall is the idx-th tool use of a turn starting at t.
func (g *sessionGen) toolCall(idx int, t time.Time) data.ToolCall {
	fam := g.prov.family
	kind := toolSets[fam][pickCum(g.r, toolCum[fam])]
	fields := kind.args(g)
	c := data.ToolCall{ID: uuid7(g.r, t), Index: idx, Name: kind.name, Arguments: jobjSorted(fields)}
	switch fam {
	case famAnthropic:
		c.ToolUseID = "toolu_01" + randBase62(g.r, 22)
	case famOpenAI:
		c.ToolUseID = "call_" + randBase62(g.r, 24)
	default:
		// Gemini's function calls carry no id; the gateway names them by turn and position.
		c.ToolUseID = "gemini-" + strconv.Itoa(idx) + "-" + randHex(g.r, 16)
	}
	// Streaming dialects deliver arguments as fragments; their raw concatenation keeps the
	// model's key order, where Arguments is the re-serialised (sorted) object.
	if fam != famGoogle {
		raw := jobj(fields)
		c.ArgumentsRaw = &raw
	}
	return c
}
