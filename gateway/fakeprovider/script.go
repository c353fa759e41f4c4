package fakeprovider

import (
	"encoding/json"
	"fmt"
	"iter"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// convo is what the script needs to know about a request. Each provider file extracts it from
// its own request shape, so the decision below is the same for every API.
type convo struct {
	model string
	tools []toolDecl
	// hasResult is set when a tool result comes after the newest user prompt: the agent ran
	// the tool we asked for and now wants the final answer.
	hasResult bool
	result    string
	prompt    string
	// schema is set when the request asks for JSON output matching it.
	wantJSON bool
	schema   json.RawMessage
	thinking bool
	// size is the decoded request body length; usage derives from it.
	size     int
	messages int
}

type toolDecl struct {
	name   string
	schema json.RawMessage
}

// turn is the provider-neutral answer; each provider renders it in its own events.
type turn struct {
	thinking string
	text     textPlan
	tool     *toolCall
	usage    tokens
}

type toolCall struct {
	name      string
	args      string
	fragments []string
}

// tokens uses inclusive semantics: prompt counts cached and cache-write tokens, output counts
// reasoning tokens. Each provider converts to its own (Anthropic's input_tokens excludes cache).
type tokens struct {
	prompt, cached, cacheWrite, output, reasoning int
}

// DemoCommand is the shell command the script asks agents to run. It writes a file so an e2e
// test can check that the agent really executed the tool call.
const DemoCommand = "echo hello > note.txt && cat note.txt"

// recipe describes how to call one family of tools the agents declare. Names are tried in
// order; shell tools come first because they prove a real side effect.
type recipe struct {
	names    []string
	preamble string
	thinking string
	values   map[string]any
	primary  []string // properties to send when the tool declares no schema
}

var recipes = []recipe{
	{
		names:    []string{"Bash", "shell_command", "shell", "exec_command", "run_shell_command"},
		preamble: "I'll create note.txt with a shell command and print it back.",
		thinking: "**Planning the shell step**\n\nThe task needs a file on disk, so I'll write note.txt and cat it in one command.",
		values: map[string]any{
			"command":     DemoCommand,
			"cmd":         DemoCommand,
			"description": "Write hello to note.txt and print it",
		},
		primary: []string{"command", "description"},
	},
	{
		names:    []string{"Glob", "glob"},
		preamble: "I'll list the files in the working directory first.",
		thinking: "**Looking around**\n\nNo shell is available, so I'll list the files to see the project layout.",
		values:   map[string]any{"pattern": "*"},
		primary:  []string{"pattern"},
	},
}

// planTurn is the whole script: tool call first, final text once the tool result is back.
func planTurn(c convo, f faults) turn {
	var t turn
	switch {
	case f.hugeMB > 0:
		t.text = hugeText(f.hugeMB)
	case c.wantJSON:
		t.text = textPlan{chunks: fragments(string(mustJSON(schemaValue(c.schema, 0, true))), false)}
	case c.hasResult:
		t.text = splitText(finalAnswer(c.result), f.nEvents)
		if c.thinking {
			t.thinking = "**Summarizing the result**\n\nThe tool finished, so I can report what it printed."
		}
	default:
		call, r := chooseTool(c.tools)
		if call == nil {
			t.text = splitText(plainAnswer(c.prompt), f.nEvents)
			if c.thinking {
				t.thinking = "**Answering directly**\n\nNo tools are declared, so I'll answer in text."
			}
			break
		}
		t.tool = call
		t.text = splitText(r.preamble, f.nEvents)
		if c.thinking {
			t.thinking = r.thinking
		}
	}
	t.usage = usageFor(c, t)
	return t
}

// chooseTool picks the first recipe tool the request declares. Tools the script does not know
// are never called: guessing arguments for an arbitrary tool could make an agent do harm.
func chooseTool(decls []toolDecl) (*toolCall, recipe) {
	byName := make(map[string]toolDecl, len(decls))
	for _, d := range decls {
		byName[d.name] = d
	}
	for _, r := range recipes {
		for _, name := range r.names {
			d, ok := byName[name]
			if !ok {
				continue
			}
			args := string(mustJSON(toolArgs(r, d.schema)))
			return &toolCall{name: name, args: args, fragments: fragments(args, true)}, r
		}
	}
	return nil, recipe{}
}

// toolArgs fills the properties the recipe knows, adapting to the declared type (Codex's
// `shell` takes an argv array, `shell_command` a string), and gives every other required
// property a schema-valid placeholder so the agent's validation accepts the call.
func toolArgs(r recipe, schema json.RawMessage) map[string]any {
	var s struct {
		Properties map[string]json.RawMessage `json:"properties"`
		Required   []string                   `json:"required"`
	}
	_ = json.Unmarshal(schema, &s) // a missing or odd schema falls back to the primary set
	args := map[string]any{}
	if len(s.Properties) == 0 {
		for _, k := range r.primary {
			args[k] = r.values[k]
		}
		return args
	}
	required := map[string]bool{}
	for _, k := range s.Required {
		required[k] = true
	}
	for k, prop := range s.Properties {
		v, known := r.values[k]
		switch {
		case known && schemaType(prop) == "array":
			v = []string{"bash", "-lc", fmt.Sprint(v)}
		case known:
		case required[k]:
			v = schemaValue(prop, 1, false)
		default:
			continue
		}
		args[k] = v
	}
	return args
}

// textPlan is a list of text deltas, or for the huge fault a repeated filler chunk that is
// never held in memory as a whole.
type textPlan struct {
	chunks []string
	filler string
	repeat int
}

func (p textPlan) count() int { return len(p.chunks) + p.repeat }

func (p textPlan) all() iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, c := range p.chunks {
			if !yield(c) {
				return
			}
		}
		for range p.repeat {
			if !yield(p.filler) {
				return
			}
		}
	}
}

func (p textPlan) full() string {
	var b strings.Builder
	for c := range p.all() {
		b.WriteString(c)
	}
	return b.String()
}

func (p textPlan) bytes() int {
	n := len(p.filler) * p.repeat
	for _, c := range p.chunks {
		n += len(c)
	}
	return n
}

const hugeChunkBytes = 16 << 10

func hugeText(mb int) textPlan {
	line := "The quick brown fox jumps over the lazy dog while the gateway keeps streaming. "
	filler := strings.Repeat(line, hugeChunkBytes/len(line)+1)[:hugeChunkBytes]
	return textPlan{filler: filler, repeat: mb << 20 / hugeChunkBytes}
}

var wordRE = regexp.MustCompile(`\s*\S+`)

var fillerWords = strings.Fields("and the stream keeps going so that long answers and latency benchmarks have enough events to measure")

// splitText cuts text into deltas of a few words, like model tokens arrive; with n > 0 it makes
// exactly n deltas, padding with filler words when the text is too short.
func splitText(text string, n int) textPlan {
	words := wordRE.FindAllString(text, -1)
	if n <= 0 {
		var chunks []string
		for i := 0; i < len(words); i += 3 {
			chunks = append(chunks, strings.Join(words[i:min(i+3, len(words))], ""))
		}
		return textPlan{chunks: chunks}
	}
	for i := 0; len(words) < n; i++ {
		words = append(words, " "+fillerWords[i%len(fillerWords)])
	}
	chunks := make([]string, n)
	for i := range n {
		chunks[i] = strings.Join(words[i*len(words)/n:(i+1)*len(words)/n], "")
	}
	return textPlan{chunks: chunks}
}

// fragments cuts JSON into uneven pieces the way providers stream tool arguments, including
// cuts inside escapes. Anthropic sends an empty first fragment, so withEmpty adds one.
func fragments(s string, withEmpty bool) []string {
	sizes := []int{2, 9, 4, 13, 6, 3, 11, 7}
	var out []string
	if withEmpty {
		out = append(out, "")
	}
	for i := 0; len(s) > 0; i++ {
		n := min(sizes[i%len(sizes)], len(s))
		for n < len(s) && !utf8.RuneStart(s[n]) {
			n++
		}
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

func finalAnswer(result string) string {
	last := ""
	for line := range strings.Lines(result) {
		if l := strings.TrimSpace(line); l != "" {
			last = l
		}
	}
	if last == "" {
		return "Done. The tool call finished without output."
	}
	return "Done. The tool call finished and the last line of its output was: " + clip(last, 120)
}

func plainAnswer(prompt string) string {
	p := clip(strings.Join(strings.Fields(prompt), " "), 80)
	if p == "" {
		return "Hello from the Recondo fake provider."
	}
	return fmt.Sprintf("Hello from the Recondo fake provider. You asked: %q", p)
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "..."
}

// usageFor derives token counts from the request size (about 4 bytes a token) so that they are
// stable and plausible. Caching follows the providers' rule of thumb: nothing under 1024
// tokens, a cache write on the first turn and mostly cache reads after it.
func usageFor(c convo, t turn) tokens {
	u := tokens{prompt: max(1, c.size/4)}
	if u.prompt >= 1024 {
		if c.messages > 1 {
			u.cached = u.prompt * 7 / 10 / 64 * 64
			u.cacheWrite = u.prompt / 10
		} else {
			u.cacheWrite = u.prompt * 7 / 10
		}
	}
	if t.thinking != "" {
		u.reasoning = 48 + 3*tokenCount(len(t.thinking))
	}
	u.output = tokenCount(t.text.bytes()) + u.reasoning
	if t.tool != nil {
		u.output += tokenCount(len(t.tool.args)) + 8
	}
	return u
}

func tokenCount(bytes int) int { return max(1, (bytes+3)/4) }

// contentText flattens the many shapes a message or tool result content takes (a string, a
// list of blocks with text, an object with output) into plain text.
func contentText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var blocks []json.RawMessage
	if json.Unmarshal(raw, &blocks) == nil {
		var parts []string
		for _, b := range blocks {
			if t := contentText(b); t != "" {
				parts = append(parts, t)
			}
		}
		return strings.Join(parts, "\n")
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return ""
	}
	for _, k := range []string{"text", "output", "content", "result"} {
		if v, ok := obj[k]; ok {
			return contentText(v)
		}
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, k+": "+contentText(obj[k]))
	}
	return strings.Join(parts, "\n")
}

// isPromptText tells a user's own words from wrappers agents inject as user text, such as
// <system-reminder> or <environment_context>.
func isPromptText(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && !strings.HasPrefix(s, "<")
}
