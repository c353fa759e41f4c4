package openai

import (
	"cmp"
	"slices"

	"github.com/recondo/recondo/gateway/providers"
)

// respState accumulates one Responses reply: the events of a stream or WebSocket turn, or
// the one response object of a non-stream body.
type respState struct {
	id, model        string
	status           string // status of the terminal response object
	incompleteReason string
	terminal         bool   // response.completed / .incomplete / .failed (or a whole body)
	failure          []byte // the terminal response's error object, copied
	usage            []byte // the terminal response's usage, copied
	err              *providers.Error
	items            []*respItem
	last             *respItem // the item the previous event touched: the usual next one
	events           int       // events read as JSON objects
	malformed        int
	ev               respEvent // reused, so its buffers are too
}

// item returns the item an event names, by output_index, else by item_id; it is added when
// the stream never announced it.
func (st *respState) item(out int64, id []byte) *respItem {
	if it := st.last; it != nil && it.named(out, id) {
		return it
	}
	for _, it := range st.items {
		if it.named(out, id) {
			st.last = it
			return it
		}
	}
	it := &respItem{out: out, id: string(id)}
	if out < 0 {
		// No index to order it by: after everything known so far.
		it.out = int64(len(st.items))
	}
	st.items = append(st.items, it)
	st.last = it
	return it
}

// named reports whether an event's output_index (or, without one, item_id) names it.
func (it *respItem) named(out int64, id []byte) bool {
	if out >= 0 {
		return it.out == out
	}
	return len(id) > 0 && it.id == string(id)
}

// readResponse reads a response object (response.created … response.completed, or a whole
// non-stream body). Items in its output are merged by their position, their output_index.
func (st *respState) readResponse(raw []byte, terminal bool) {
	var s scanner
	s.reset(raw)
	var status string
	s.object(func(k []byte) {
		switch string(k) {
		case "id":
			if id := s.str(); id != "" {
				st.id = id
			}
		case "model":
			if m := s.str(); m != "" {
				st.model = m
			}
		case "status":
			status = s.str()
		case "error":
			if terminal && !s.null() {
				st.failure = append(st.failure[:0], s.raw()...)
			}
		case "incomplete_details":
			s.object(func(k []byte) {
				if string(k) == "reason" {
					st.incompleteReason = s.str()
				}
			})
		case "usage":
			if terminal && !s.null() {
				st.usage = append(st.usage[:0], s.raw()...)
			}
		case "output":
			if !terminal {
				return // empty until the end; skipped
			}
			out := int64(0)
			s.array(func() {
				st.readItem(&s, out, true)
				out++
			})
		}
	})
	if terminal {
		st.terminal, st.status = true, status
	}
}

// readItem reads an item object at output index out; final says it is the finished item
// (output_item.done or a response's output), whose texts fill what deltas did not.
func (st *respState) readItem(s *scanner, out int64, final bool) {
	it := st.item(out, nil)
	s.object(func(k []byte) {
		switch string(k) {
		case "id":
			setIfEmpty(&it.id, s.str())
		case "type":
			setIfEmpty(&it.typ, s.str())
		case "call_id":
			setIfEmpty(&it.callID, s.str())
		case "name":
			setIfEmpty(&it.name, s.str())
		case "arguments", "input":
			if text, ok := s.appendStr(nil); ok {
				it.setWholeArgs(text, false)
			}
		case "action":
			if a := s.raw(); a != nil {
				it.action = append(it.action[:0], a...)
			}
		case "content":
			st.readParts(s, &it.content, "output_text", final)
		case "summary":
			st.readParts(s, &it.summary, "summary_text", final)
		}
	})
}

// readParts reads an item's content or summary array, keeping the parts of type want.
func (st *respState) readParts(s *scanner, parts *[]textPart, want string, final bool) {
	idx := int64(0)
	s.array(func() {
		var typ string
		var text []byte
		hasText := false
		s.object(func(k []byte) {
			switch string(k) {
			case "type":
				typ = s.str()
			case "text":
				text, hasText = s.appendStr(nil)
			}
		})
		if final && hasText && typ == want {
			setWhole(parts, idx, text)
		}
		idx++
	})
}

func setIfEmpty(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// fill writes the reply into r; status is the HTTP status to report errors with (0 on a
// WebSocket, where only an error frame's own status means anything).
func (st *respState) fill(r *providers.Result, status int) {
	r.ResponseID, r.Model = st.id, st.model
	slices.SortStableFunc(st.items, func(a, b *respItem) int { return cmp.Compare(a.out, b.out) })
	var text, summary, thinking []byte
	hasCalls, argsDiffer := false, false
	for _, it := range st.items {
		switch {
		case it.typ == "message" || it.typ == "" && len(it.content) > 0:
			slices.SortStableFunc(it.content, func(a, b textPart) int { return cmp.Compare(a.idx, b.idx) })
			for _, p := range it.content {
				if len(p.text) > 0 {
					r.TextBlocks = append(r.TextBlocks, string(p.text))
					text = append(text, p.text...)
				}
			}
		case it.typ == "reasoning":
			summary = appendJoined(summary, joined(it.summary, "\n\n"))
			thinking = appendJoined(thinking, joined(it.reasoning, "\n\n"))
		case it.isCall():
			hasCalls = true
			argsDiffer = argsDiffer || it.argsDiffer
			r.ToolCalls = append(r.ToolCalls, it.toolCall())
		}
	}
	r.Text, r.ReasoningSummary, r.Thinking = string(text), string(summary), string(thinking)
	if argsDiffer {
		r.Reason = "function_call_arguments.done differs from its deltas; arguments_raw keeps the deltas"
	}
	if st.terminal {
		r.StopReason = st.status
		r.StopReasonNormalized = responsesStop(st.status, st.incompleteReason, hasCalls)
		r.Complete = st.status == "completed"
		switch st.status {
		case "failed", "cancelled":
			e, _ := readError(st.failure)
			if e.typ == "" && e.code == "" {
				e.typ = st.status
			}
			r.Error = e.toError(status, srcResponseFailed)
		case "incomplete":
			reason := cmp.Or(st.incompleteReason, "incomplete")
			r.Error = &providers.Error{Type: reason, Message: "response incomplete: " + reason, HTTPStatus: status, Source: srcResponseIncomplete}
		}
	}
	if st.usage != nil {
		r.Usage = readUsage(st.usage)
		r.UsageNative = nativeUsage(st.usage)
		r.UsageIsFinal = st.terminal
	}
	if st.err != nil {
		// An error event ends the reply whatever came before it.
		r.Error = st.err
		r.Complete = false
		r.StopReasonNormalized = providers.StopError
	}
}

// appendJoined adds b to dst, a blank line between two non-empty texts.
func appendJoined(dst, b []byte) []byte {
	if len(b) == 0 {
		return dst
	}
	if len(dst) > 0 {
		dst = append(dst, "\n\n"...)
	}
	return append(dst, b...)
}

// toolCall converts a call item. local_shell_call sends its action as an object, so it has
// no raw text; function and custom tool calls send text.
func (it *respItem) toolCall() providers.ToolCall {
	if it.typ == "local_shell_call" {
		return providers.ToolCall{
			Index:     int(it.out),
			ID:        it.callID,
			ItemID:    it.id,
			Name:      cmp.Or(it.name, "local_shell"),
			Arguments: compactJSON(it.action),
		}
	}
	args, _ := it.arguments()
	return toolCall(int(it.out), it.callID, it.id, it.name, args)
}
