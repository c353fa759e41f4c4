package openai

// respEvent is one Responses streaming event, read in a single pass. Its members come in
// any order (the delta before the output_index, say), so everything is gathered first and
// applied after; nested objects are kept raw and read only by the events that need them.
type respEvent struct {
	typ                  []byte
	out, content, sumIdx int64 // output_index, content_index, summary_index; -1 when absent
	itemID               []byte
	delta, text          []byte // decoded; text is a .done event's text/arguments/input
	hasText              bool
	item, response       []byte
}

// event reads one event (an SSE data payload or a WebSocket message) and applies it.
// errSource names where an error event came from; status is the HTTP status to report.
func (st *respState) event(data []byte, errSource string, status int) {
	ev := &st.ev
	ev.typ, ev.itemID, ev.item, ev.response = nil, nil, nil, nil
	ev.out, ev.content, ev.sumIdx = -1, -1, -1
	ev.delta, ev.text, ev.hasText = ev.delta[:0], ev.text[:0], false
	var s scanner
	s.reset(data)
	ok := s.object(func(k []byte) {
		switch string(k) {
		case "type":
			ev.typ = s.token()
		case "output_index":
			ev.out, _ = s.int()
		case "content_index":
			ev.content, _ = s.int()
		case "summary_index":
			ev.sumIdx, _ = s.int()
		case "item_id":
			ev.itemID = s.token()
		case "delta":
			ev.delta, _ = s.appendStr(ev.delta)
		case "text", "arguments", "input":
			ev.text, ev.hasText = s.appendStr(ev.text)
		case "item":
			ev.item = s.raw()
		case "response":
			ev.response = s.raw()
		}
	})
	if !ok || s.bad {
		st.malformed++
		return
	}
	st.events++
	st.apply(ev, data, errSource, status)
}

func (st *respState) apply(ev *respEvent, data []byte, errSource string, status int) {
	switch string(ev.typ) {
	case "response.created", "response.in_progress", "response.queued":
		st.readResponse(ev.response, false)
	case "response.completed", "response.incomplete", "response.failed", "response.cancelled":
		st.readResponse(ev.response, true)
	case "response.output_item.added", "response.output_item.done":
		if ev.item != nil {
			var s scanner
			s.reset(ev.item)
			st.readItem(&s, ev.out, string(ev.typ) == "response.output_item.done")
		}
	case "response.output_text.delta":
		it := st.item(ev.out, ev.itemID)
		setIfEmpty(&it.typ, "message")
		appendDelta(&it.content, max(ev.content, 0), ev.delta)
	case "response.output_text.done":
		if ev.hasText {
			setWhole(&st.item(ev.out, ev.itemID).content, max(ev.content, 0), ev.text)
		}
	case "response.reasoning_summary_text.delta":
		appendDelta(&st.reasoningItem(ev).summary, max(ev.sumIdx, 0), ev.delta)
	case "response.reasoning_summary_text.done":
		if ev.hasText {
			setWhole(&st.reasoningItem(ev).summary, max(ev.sumIdx, 0), ev.text)
		}
	case "response.reasoning_text.delta":
		appendDelta(&st.reasoningItem(ev).reasoning, max(ev.content, 0), ev.delta)
	case "response.reasoning_text.done":
		if ev.hasText {
			setWhole(&st.reasoningItem(ev).reasoning, max(ev.content, 0), ev.text)
		}
	case "response.function_call_arguments.delta":
		st.callItem(ev, "function_call").addArgs(ev.delta)
	case "response.custom_tool_call_input.delta":
		st.callItem(ev, "custom_tool_call").addArgs(ev.delta)
	case "response.function_call_arguments.done":
		if ev.hasText {
			st.callItem(ev, "function_call").setWholeArgs(ev.text, true)
		}
	case "response.custom_tool_call_input.done":
		if ev.hasText {
			st.callItem(ev, "custom_tool_call").setWholeArgs(ev.text, true)
		}
	case "error":
		e, _ := readError(data)
		st.err = e.toError(status, errSource)
	}
}

func (st *respState) reasoningItem(ev *respEvent) *respItem {
	it := st.item(ev.out, ev.itemID)
	setIfEmpty(&it.typ, "reasoning")
	return it
}

// callItem returns the call an argument event names; typ stands in when the stream never
// said what the item is (a stream joined late), so the call is still reported.
func (st *respState) callItem(ev *respEvent, typ string) *respItem {
	it := st.item(ev.out, ev.itemID)
	setIfEmpty(&it.typ, typ)
	return it
}
