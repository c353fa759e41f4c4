package seed

import (
	"strconv"
	"strings"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/write"
)

// Readable text: prompts, answers and tool output built from Zipf-sampled words with paths,
// identifiers and numbers mixed in, so that the search index sees realistic token statistics.

var (
	userStarters = []string{"Please", "Can you", "Why does", "I think", "Let's", "Could you", "Now",
		"Also", "The", "When I run", "Make sure", "Don't"}
	assistantStarters = []string{"Let me", "I'll", "Now", "The", "I see", "Looking at", "This",
		"Good", "Next", "I found", "Done", "It looks like", "Running"}
	intents = []string{"Fix the flaky %s in %s", "Add %s support to %s", "Investigate %s errors in %s",
		"Refactor %s in %s", "Write tests for %s in %s", "Upgrade %s in %s", "Speed up %s in %s",
		"Review the %s change in %s", "Why does %s time out in %s", "Document %s in %s"}
)

// word is a vocabulary word drawn by frequency rank.
func (g *sessionGen) word() string { return words()[g.z.Uint64()] }

// ident is a generated identifier, drawn by frequency like any other word.
func (g *sessionGen) ident() string {
	w := words()
	base := len(commonWords) + len(devWords) + len(techWords)
	return w[base+int(g.z.Uint64())%(len(w)-base)]
}

// prose writes sentences until the text is between min and max bytes long.
func (g *sessionGen) prose(b *strings.Builder, min, max int, starters []string) {
	target := min + g.r.IntN(max-min+1)
	start := b.Len()
	for b.Len()-start < target {
		if b.Len() > start {
			b.WriteByte(' ')
		}
		b.WriteString(starters[g.r.IntN(len(starters))])
		for i, n := 0, 5+g.r.IntN(10); i < n; i++ {
			b.WriteByte(' ')
			switch x := g.r.IntN(100); {
			case x < 80:
				b.WriteString(g.word())
			case x < 86:
				b.WriteString(g.absPath(g.file()))
			case x < 91:
				b.WriteString("`" + g.ident() + "`")
			case x < 94:
				b.WriteString(strconv.Itoa(g.r.IntN(5000)))
			case x < 97:
				b.WriteString(g.repo.name)
			default:
				b.WriteString(g.dev.first)
			}
		}
		b.WriteByte('.')
	}
	if b.Len()-start > max {
		s := b.String()[:start+max]
		if cut := strings.LastIndexByte(s[start:], ' '); cut > 0 {
			s = s[:start+cut]
		}
		b.Reset()
		b.WriteString(s)
	}
}

func (g *sessionGen) text(min, max int, starters []string) string {
	var b strings.Builder
	b.Grow(max + 64)
	g.prose(&b, min, max, starters)
	return b.String()
}

// intent is the session's one-line purpose, the way an agent titles a session.
func (g *sessionGen) intent() string {
	f := intents[g.r.IntN(len(intents))]
	return strings.Replace(strings.Replace(f, "%s", g.ident(), 1), "%s", g.repo.name, 1)
}

// firstPrompt opens the session: the intent, then detail.
func (g *sessionGen) firstPrompt(intent string) string {
	var b strings.Builder
	b.WriteString(intent)
	b.WriteString(". ")
	g.prose(&b, 80, 360-len(intent), userStarters)
	return b.String()
}

// toolOutput is what a tool printed, as it reappears in the next request.
func (g *sessionGen) toolOutput() string {
	var b strings.Builder
	switch g.r.IntN(3) {
	case 0: // grep hits
		for i, n := 0, 2+g.r.IntN(5); i < n; i++ {
			b.WriteString(g.file() + ":" + strconv.Itoa(1+g.r.IntN(400)) + ": ")
			g.prose(&b, 20, 60, []string{"//", "return", "if", "func", "const"})
			b.WriteByte('\n')
		}
	case 1: // test run
		name := "Test" + title(g.ident())
		if g.r.IntN(3) == 0 {
			b.WriteString("--- FAIL: " + name + " (0." + strconv.Itoa(10+g.r.IntN(89)) + "s)\n    " + g.file() + ":" +
				strconv.Itoa(1+g.r.IntN(300)) + ": got " + g.word() + ", want " + g.word() + "\nFAIL\n")
		} else {
			b.WriteString("ok  \t" + g.repo.name + "/" + g.pkgDir() + "\t0." + strconv.Itoa(10+g.r.IntN(89)) + "s\n")
		}
		g.prose(&b, 40, 160, []string{"PASS", "coverage:", "ran", "warning:"})
	default: // file excerpt
		b.WriteString(g.absPath(g.file()) + "\n")
		g.prose(&b, 80, 300, []string{"package", "import", "func", "return", "type", "const", "//"})
	}
	s := b.String()
	if len(s) > 400 {
		s = s[:400]
	}
	return s
}

// texts attaches a turn's readable pieces: the developer's prompt when the turn opens a round,
// the tool output it carries now and then, and the model's reply (or its thinking).
func (g *sessionGen) texts(x *write.Exchange, k, kind int, followUp, carriesResults bool, intent string, turns int) {
	if kind == kindError {
		return // nothing readable came back
	}
	add := func(role, body string) { x.Texts = append(x.Texts, data.TurnText{Role: role, Body: body}) }
	switch {
	case k == 0:
		add(data.RoleUser, g.firstPrompt(intent))
	case followUp:
		add(data.RoleUser, g.text(60, 300, userStarters))
	case carriesResults && g.r.IntN(4) == 0:
		add(data.RoleToolResult, g.toolOutput())
	}
	switch {
	case k == turns-1 || (len(x.ToolCalls) == 0 && kind == kindOK):
		add(data.RoleAssistant, g.text(200, 400, assistantStarters))
	case g.thinking && g.r.IntN(6) == 0:
		add(data.RoleThinking, g.text(100, 300, assistantStarters))
	default:
		add(data.RoleAssistant, g.text(60, 220, assistantStarters))
	}
}
