package gemini

import (
	"bytes"
	"encoding/json"

	"github.com/recondo/recondo/gateway/providers"
)

// fold accumulates GenerateContentResponses — a whole response or the chunks of a stream, each
// chunk carrying only its new parts — into a Result.
type fold struct {
	r      *providers.Result
	status int
	whole  bool // one JSON response, not a stream

	text, thinking []byte
	block          []byte // the text block being built: adjacent text parts form one block
	blockOpen      bool
	usage          json.RawMessage // the last usageMetadata: it repeats and grows, the last is final
	finish         string
	blocked        string // promptFeedback.blockReason: the prompt was refused outright
	chunks         int
}

// add folds one response or chunk.
func (f *fold) add(g *generateResponse) {
	f.chunks++
	if g.Error != nil {
		f.streamError(g.Error)
	}
	if g.Response != nil { // Code Assist wrapper
		if g.TraceID != "" {
			f.r.TraceID = g.TraceID
		}
		g = g.Response
		if g.Error != nil {
			f.streamError(g.Error)
		}
	}
	if g.ModelVersion != "" {
		f.r.Model = g.ModelVersion
	}
	if g.ResponseID != "" && f.r.ResponseID == "" {
		f.r.ResponseID = g.ResponseID
	}
	if len(g.UsageMetadata) > 0 && !bytes.Equal(g.UsageMetadata, []byte("null")) {
		f.usage = g.UsageMetadata
	}
	if g.PromptFeedback != nil && g.PromptFeedback.BlockReason != "" {
		f.blocked = g.PromptFeedback.BlockReason
	}
	for _, c := range g.Candidates {
		if c.Index != 0 { // Gemini CLI asks for one candidate; others would interleave
			continue
		}
		for i := range c.Content.Parts {
			f.part(&c.Content.Parts[i])
		}
		if c.FinishReason != "" {
			f.finish = c.FinishReason
		}
	}
}

func (f *fold) part(p *part) {
	switch {
	case p.FunctionCall != nil:
		f.closeBlock()
		fc := p.FunctionCall
		f.r.ToolCalls = append(f.r.ToolCalls, providers.ToolCall{
			Index: len(f.r.ToolCalls), ID: fc.ID, Name: fc.Name,
			Arguments: arguments(fc.Args), ThoughtSignature: p.ThoughtSignature,
		})
	case p.Text != nil && p.Thought:
		f.closeBlock()
		f.thinking = append(f.thinking, *p.Text...)
	case p.Text != nil && *p.Text != "": // an empty text part (e.g. carrying a signature) adds nothing
		f.text = append(f.text, *p.Text...)
		f.block = append(f.block, *p.Text...)
		f.blockOpen = true
	}
}

func (f *fold) closeBlock() {
	if f.blockOpen {
		f.r.TextBlocks = append(f.r.TextBlocks, string(f.block))
		f.block, f.blockOpen = f.block[:0], false
	}
}

// arguments returns a functionCall's args compacted; a call without args was made with none.
func arguments(raw json.RawMessage) json.RawMessage {
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return json.RawMessage(`{}`)
	}
	var buf bytes.Buffer
	if json.Compact(&buf, raw) != nil {
		return nil
	}
	return buf.Bytes()
}

// streamError records an error object that arrived in a 2xx body.
func (f *fold) streamError(e *apiError) {
	f.r.Error = &providers.Error{Type: errorType(e), Message: e.Message, HTTPStatus: f.status, Source: sourceFor(f.r)}
}

// finishResult sets the Result's fields from the folded state. A response is complete when a
// finishReason arrived, or when the prompt was blocked (a final answer with no candidates).
func (f *fold) finishResult() {
	f.closeBlock()
	r := f.r
	r.Text, r.Thinking = string(f.text), string(f.thinking)
	r.StopReason = f.finish
	if r.StopReason == "" && f.blocked != "" {
		r.StopReason = f.blocked
	}
	r.Complete = r.StopReason != "" && r.Error == nil
	switch {
	case r.Error != nil:
		r.StopReasonNormalized = providers.StopError
	case f.finish != "":
		r.StopReasonNormalized = normalizeStop(f.finish, len(r.ToolCalls) > 0)
	case f.blocked != "":
		r.StopReasonNormalized = providers.StopEndTurn
	default:
		r.StopReasonNormalized = providers.StopError // cut short with no finishReason
	}
	if f.usage != nil {
		r.UsageNative = f.usage
		r.Usage = normalizeUsage(f.usage)
	}
	// A whole JSON body's usage is final; a stream's only once it finished.
	r.UsageIsFinal = f.whole || r.Complete
}
