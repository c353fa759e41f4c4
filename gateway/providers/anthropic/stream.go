package anthropic

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"

	"github.com/recondo/recondo/gateway/providers"
	"github.com/recondo/recondo/gateway/providers/internal/wire"
	"github.com/recondo/recondo/gateway/sse"
)

// contentBlock accumulates one streamed content block.
type contentBlock struct {
	index int
	typ   string          // text | thinking | redacted_thinking | tool_use | server_tool_use | …
	id    string          // tool_use id
	name  string          // tool name
	input json.RawMessage // content_block_start's input; stands when no fragments follow
	buf   []byte          // text, thinking, or the input_json_delta fragments, concatenated
}

// stream folds the events of one Messages stream into a Result.
type stream struct {
	r      *providers.Result
	status int
	blocks []*contentBlock

	startUsage, deltaUsage json.RawMessage // as sent, for UsageNative
	usage                  usage           // message_start's counters overlaid by message_delta's

	events                                int
	sawStart, sawDelta, sawStop, sawError bool
}

// parseStream fills r from an SSE Messages stream.
func parseStream(r *providers.Result, status int, body []byte) {
	s := &stream{r: r, status: status}
	p := sse.NewParser(s.event)
	p.Write(body)
	p.Close()
	s.finish()
	// An empty body is a stream cut before it began (incomplete, not misunderstood); a non-empty
	// one with no events was not an event stream at all.
	if s.events == 0 && len(bytes.TrimSpace(body)) > 0 {
		r.Unparsed, r.Reason = true, "response is neither JSON nor an event stream"
	}
}

func (s *stream) event(e sse.Event) {
	s.events++
	typ := e.Type
	if typ == "" || typ == "message" { // not Anthropic's framing, but the data still says its type
		typ = dataType(e.Data)
	}
	switch typ {
	case "content_block_delta":
		s.blockDelta(e.Data)
	case "content_block_start":
		s.blockStart(e.Data)
	case "message_start":
		s.messageStart(e.Data)
	case "message_delta":
		s.messageDelta(e.Data)
	case "message_stop":
		s.sawStop = true
	case "error":
		s.streamError(e.Data)
	}
	// ping, content_block_stop and unknown events carry nothing we keep.
}

func dataType(data []byte) string {
	var t struct {
		Type string `json:"type"`
	}
	_ = json.Unmarshal(data, &t)
	return t.Type
}

// block returns the block with the given index, creating it (of type typ) if it was never started.
func (s *stream) block(index int, typ string) *contentBlock {
	// Blocks arrive in index order, so the wanted one is nearly always the last.
	for i := len(s.blocks) - 1; i >= 0; i-- {
		if s.blocks[i].index == index {
			return s.blocks[i]
		}
	}
	b := &contentBlock{index: index, typ: typ}
	s.blocks = append(s.blocks, b)
	return b
}

func (s *stream) blockStart(data []byte) {
	var ev struct {
		Index        int   `json:"index"`
		ContentBlock block `json:"content_block"`
	}
	if json.Unmarshal(data, &ev) != nil {
		return
	}
	cb := ev.ContentBlock
	b := s.block(ev.Index, cb.Type)
	b.typ, b.id, b.name, b.input = cb.Type, cb.ID, cb.Name, cb.Input
	// A start block may carry initial content; deltas append to it.
	switch cb.Type {
	case "text":
		b.buf = append(b.buf[:0], cb.Text...)
	case "thinking":
		b.buf = append(b.buf[:0], cb.Thinking...)
	}
}

// kindType is the block type a delta kind implies when its block was never started.
var kindType = [...]string{deltaText: "text", deltaInputJSON: "tool_use", deltaThinking: "thinking"}

// deltaEvent is a content_block_delta; one struct serves every delta type.
type deltaEvent struct {
	Index int `json:"index"`
	Delta struct {
		Type        string `json:"type"`
		Text        string `json:"text"`
		PartialJSON string `json:"partial_json"`
		Thinking    string `json:"thinking"`
	} `json:"delta"`
}

func (s *stream) blockDelta(data []byte) {
	if index, kind, raw, escaped, ok := fastDelta(data); ok {
		b := s.block(index, kindType[kind])
		b.buf = appendUnescaped(b.buf, raw, escaped)
		return
	}
	var ev deltaEvent
	if json.Unmarshal(data, &ev) != nil {
		return
	}
	d := &ev.Delta
	switch d.Type {
	case "text_delta":
		b := s.block(ev.Index, "text")
		b.buf = append(b.buf, d.Text...)
	case "input_json_delta":
		b := s.block(ev.Index, "tool_use")
		b.buf = append(b.buf, d.PartialJSON...)
	case "thinking_delta":
		b := s.block(ev.Index, "thinking")
		b.buf = append(b.buf, d.Thinking...)
	}
	// signature_delta and citations_delta carry nothing Result holds.
}

func (s *stream) messageStart(data []byte) {
	var ev struct {
		Message struct {
			ID    string          `json:"id"`
			Model string          `json:"model"`
			Usage json.RawMessage `json:"usage"`
		} `json:"message"`
	}
	if json.Unmarshal(data, &ev) != nil {
		return
	}
	s.sawStart = true
	s.r.ResponseID, s.r.Model = ev.Message.ID, ev.Message.Model
	if len(ev.Message.Usage) > 0 {
		s.startUsage = ev.Message.Usage
		s.usage = decodeUsage(ev.Message.Usage)
	}
}

func (s *stream) messageDelta(data []byte) {
	var ev struct {
		Delta struct {
			StopReason *string `json:"stop_reason"`
		} `json:"delta"`
		Usage json.RawMessage `json:"usage"`
	}
	if json.Unmarshal(data, &ev) != nil {
		return
	}
	if ev.Delta.StopReason != nil {
		s.r.StopReason = *ev.Delta.StopReason
	}
	if len(ev.Usage) > 0 && !bytes.Equal(ev.Usage, []byte("null")) {
		s.sawDelta = true
		s.deltaUsage = ev.Usage
		s.usage.merge(decodeUsage(ev.Usage))
	}
}

func (s *stream) streamError(data []byte) {
	s.sawError = true
	e := providers.Error{Type: httpErrorType, HTTPStatus: s.status, Source: wire.SourceSSEEvent}
	if body, ok := decodeError(data); ok {
		e.Type, e.Message = body.Error.Type, body.Error.Message
	} else {
		e.Message = wire.Snippet(data)
	}
	s.r.Error = &e
}

// finish turns the accumulated state into the Result's fields.
func (s *stream) finish() {
	r := s.r
	r.Complete = s.sawStop && !s.sawError
	r.UsageIsFinal = s.sawDelta && !s.sawError
	switch {
	case s.sawError:
		r.StopReasonNormalized = providers.StopError
	case r.StopReason != "":
		r.StopReasonNormalized = normalizeStop(r.StopReason)
	case !r.Complete:
		r.StopReasonNormalized = providers.StopError // cut short with no reason given
	}
	if s.sawStart || s.sawDelta {
		r.UsageNative = usageNative(s.startUsage, s.deltaUsage)
		r.Usage = s.usage.normalize()
	}
	s.content()
}

// usageNative is {"message_start": …, "message_delta": …}, each exactly as sent or null.
func usageNative(start, delta json.RawMessage) json.RawMessage {
	orNull := func(b json.RawMessage) []byte {
		if len(b) == 0 {
			return []byte("null")
		}
		return b
	}
	out := make([]byte, 0, len(start)+len(delta)+40)
	out = append(out, `{"message_start":`...)
	out = append(out, orNull(start)...)
	out = append(out, `,"message_delta":`...)
	out = append(out, orNull(delta)...)
	return append(out, '}')
}

// content assembles text, thinking and tool calls in block order.
func (s *stream) content() {
	slices.SortStableFunc(s.blocks, func(a, b *contentBlock) int { return cmp.Compare(a.index, b.index) })
	r := s.r
	var text, thinking []byte
	for _, b := range s.blocks {
		switch b.typ {
		case "text":
			text = append(text, b.buf...)
			r.TextBlocks = append(r.TextBlocks, string(b.buf))
		case "thinking":
			thinking = append(thinking, b.buf...)
		case "tool_use", "server_tool_use", "mcp_tool_use":
			r.ToolCalls = append(r.ToolCalls, toolCall(b))
		}
	}
	r.Text, r.Thinking = string(text), string(thinking)
}

// toolCall builds a ToolCall from a streamed tool_use block. ArgumentsRaw is the exact fragment
// concatenation; Arguments is it parsed and compacted, or null when it does not parse (a stream
// cut mid-arguments). With no fragments at all the start block's input stands.
func toolCall(b *contentBlock) providers.ToolCall {
	raw := string(b.buf)
	tc := providers.ToolCall{Index: b.index, ID: b.id, Name: b.name, ArgumentsRaw: &raw}
	if len(bytes.TrimSpace(b.buf)) == 0 {
		tc.Arguments = compactJSON(b.input)
	} else {
		tc.Arguments = compactJSON(b.buf)
	}
	return tc
}
