package openai

import (
	"bytes"
	"cmp"
	"slices"

	"github.com/recondo/recondo/gateway/providers"
)

// chatState accumulates a Chat Completions response: the chunks of a stream, or the one
// body of a non-stream reply, whose choices[].message has the shape of a delta.
type chatState struct {
	id, model string
	choices   []*chatChoice
	usage     []byte // the last usage object, copied
	// usageLast: the usage came in a chunk without choices, which OpenAI sends only as the
	// last chunk of an include_usage stream.
	usageLast bool
	done      bool // [DONE]
	err       *providers.Error
	chunks    int // chunks read as JSON objects
	malformed int
	scratch   []byte
}

type chatChoice struct {
	index  int64
	text   []byte
	finish string
	calls  []*chatCall
}

type chatCall struct {
	index    int64
	id, name string
	args     []byte
}

// chunk reads one `data:` payload of a stream.
func (c *chatState) chunk(data []byte, status int) {
	switch t := bytes.TrimSpace(data); {
	case len(t) == 0:
		return // an empty data line, as some relays send to keep a connection alive
	case string(t) == "[DONE]":
		c.done = true
		return
	}
	var s scanner
	s.reset(data)
	choices, hasErr := 0, false
	var usage []byte
	ok := s.object(func(k []byte) {
		switch string(k) {
		case "id":
			if c.id == "" {
				c.id = s.str()
			}
		case "model":
			if c.model == "" {
				c.model = s.str()
			}
		case "choices":
			s.array(func() {
				choices++
				c.choice(&s)
			})
		case "usage":
			if !s.null() {
				usage = s.raw()
			}
		case "error":
			hasErr = true
		}
	})
	if !ok || s.bad {
		c.malformed++
		return
	}
	c.chunks++
	if usage != nil {
		c.usage = append(c.usage[:0], usage...)
		c.usageLast = choices == 0
	}
	if hasErr {
		c.setError(data, status, srcSSEEvent)
	}
}

func (c *chatState) setError(data []byte, status int, source string) {
	e, _ := readError(data)
	c.err = e.toError(status, source)
}

// choice reads one element of choices. Its members may come in any order, so the delta is
// kept raw until the index is known.
func (c *chatState) choice(s *scanner) {
	var (
		index  int64
		finish string
		body   []byte
	)
	s.object(func(k []byte) {
		switch string(k) {
		case "index":
			index, _ = s.int()
		case "delta", "message":
			body = s.raw()
		case "finish_reason":
			finish = s.str()
		}
	})
	if s.bad {
		return
	}
	ch := c.choiceAt(index)
	if finish != "" {
		ch.finish = finish
	}
	if body != nil {
		c.delta(ch, body)
	}
}

func (c *chatState) choiceAt(index int64) *chatChoice {
	for _, ch := range c.choices {
		if ch.index == index {
			return ch
		}
	}
	ch := &chatChoice{index: index}
	c.choices = append(c.choices, ch)
	return ch
}

// delta reads a delta (or a whole message): content text and tool calls.
func (c *chatState) delta(ch *chatChoice, body []byte) {
	var s scanner
	s.reset(body)
	s.object(func(k []byte) {
		switch string(k) {
		case "content":
			if s.peek() == '[' {
				c.contentParts(&s, ch)
				return
			}
			ch.text, _ = s.appendStr(ch.text)
		case "tool_calls":
			pos := int64(0)
			s.array(func() {
				c.toolCall(&s, ch, pos)
				pos++
			})
		}
	})
}

// contentParts reads content sent as [{type:"text", text}], which some relays use.
func (c *chatState) contentParts(s *scanner, ch *chatChoice) {
	s.array(func() {
		s.object(func(k []byte) {
			if string(k) == "text" {
				ch.text, _ = s.appendStr(ch.text)
			}
		})
	})
}

// toolCall reads one tool_calls element: a stream's first delta for a call carries its id
// and name, later ones only an argument fragment, all keyed by index. A non-stream message
// has no index; its position stands in.
func (c *chatState) toolCall(s *scanner, ch *chatChoice, pos int64) {
	var id, name string
	index := pos
	args := c.scratch[:0]
	s.object(func(k []byte) {
		switch string(k) {
		case "index":
			index, _ = s.int()
		case "id":
			id = s.str()
		case "function":
			s.object(func(k []byte) {
				switch string(k) {
				case "name":
					name = s.str()
				case "arguments":
					args, _ = s.appendStr(args)
				}
			})
		}
	})
	c.scratch = args
	if s.bad {
		return
	}
	call := ch.callAt(index)
	if call.id == "" {
		call.id = id
	}
	if call.name == "" {
		call.name = name
	}
	call.args = append(call.args, args...)
}

func (ch *chatChoice) callAt(index int64) *chatCall {
	for _, call := range ch.calls {
		if call.index == index {
			return call
		}
	}
	call := &chatCall{index: index}
	ch.calls = append(ch.calls, call)
	return call
}

// fill writes what was accumulated into r; the caller settles completeness.
func (c *chatState) fill(r *providers.Result) {
	r.ResponseID, r.Model = c.id, c.model
	slices.SortStableFunc(c.choices, func(a, b *chatChoice) int { return cmp.Compare(a.index, b.index) })
	var text []byte
	for _, ch := range c.choices {
		if r.StopReason == "" {
			r.StopReason = ch.finish
		}
		if len(ch.text) > 0 {
			r.TextBlocks = append(r.TextBlocks, string(ch.text))
			text = append(text, ch.text...)
		}
		slices.SortStableFunc(ch.calls, func(a, b *chatCall) int { return cmp.Compare(a.index, b.index) })
		for _, call := range ch.calls {
			r.ToolCalls = append(r.ToolCalls, toolCall(int(call.index), call.id, "", call.name, call.args))
		}
	}
	r.Text = string(text)
	r.StopReasonNormalized = chatStop(r.StopReason)
	if c.usage != nil {
		r.Usage = readUsage(c.usage)
		r.UsageNative = nativeUsage(c.usage)
	}
	if c.err != nil {
		r.Error = c.err
		r.StopReasonNormalized = providers.StopError
	}
}
