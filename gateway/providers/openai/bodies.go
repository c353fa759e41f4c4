package openai

import (
	"fmt"

	"github.com/recondo/recondo/gateway/providers"
)

// parseChatStream reads a Chat Completions event stream. It is complete only at [DONE].
func parseChatStream(x *providers.Exchange, r *providers.Result) {
	var c chatState
	eachEvent(x.Response, func(typ string, data []byte) {
		if typ == "error" {
			c.setError(data, x.Status, srcSSEEvent)
			return
		}
		c.chunk(data, x.Status)
	})
	c.fill(r)
	r.Complete = c.done && c.err == nil
	r.UsageIsFinal = c.usage != nil && (c.done || c.usageLast)
	switch {
	case c.chunks == 0 && !c.done && c.err == nil:
		unparsed(r, "no chat.completion.chunk in the event stream")
	case c.malformed > 0:
		r.Reason = fmt.Sprintf("%d malformed chunk(s) skipped", c.malformed)
	}
}

// parseChatJSON reads a non-stream chat.completion body, whose shape is a chunk's with
// message in place of delta.
func parseChatJSON(x *providers.Exchange, r *providers.Result) {
	var c chatState
	c.chunk(x.Response, x.Status)
	if c.chunks == 0 {
		unparsed(r, "body is not a chat.completion object")
		return
	}
	c.fill(r)
	if c.err != nil {
		c.err.Source = srcHTTPBody
	}
	r.Complete = c.err == nil
	r.UsageIsFinal = c.usage != nil || c.err != nil // an error body bills nothing
}

// parseResponsesStream reads a Responses event stream.
func parseResponsesStream(x *providers.Exchange, r *providers.Result) {
	var st respState
	eachEvent(x.Response, func(_ string, data []byte) {
		if len(data) > 0 {
			st.event(data, srcSSEEvent, x.Status)
		}
	})
	st.fill(r, x.Status)
	finishResponses(r, &st, "no Responses event in the event stream")
}

// parseResponsesJSON reads a non-stream response object. A 2xx body that holds only an
// error (some relays answer errors that way) is reported as one.
func parseResponsesJSON(x *providers.Exchange, r *providers.Result) {
	var st respState
	st.readResponse(x.Response, true)
	if st.id == "" {
		e, ok := readError(x.Response)
		if !ok || e.typ == "" && e.code == "" && e.msg == "" {
			unparsed(r, "body is not a response object")
			return
		}
		r.Error = e.toError(x.Status, srcHTTPBody)
		r.StopReasonNormalized = providers.StopError
		r.UsageIsFinal = true
		return
	}
	st.fill(r, x.Status)
}

// parseTurn reads one WebSocket turn: every server message is a Responses event without
// SSE framing, or a Codex extra (codex.rate_limits), or a wrapped error.
func parseTurn(x *providers.Exchange, r *providers.Result) {
	var st respState
	for _, m := range x.Messages {
		if !m.FromClient && len(m.Data) > 0 {
			st.event(m.Data, srcWSFrame, 0)
		}
	}
	st.fill(r, 0)
	finishResponses(r, &st, "no Responses event in the turn")
}

func finishResponses(r *providers.Result, st *respState, none string) {
	switch {
	case st.events == 0:
		unparsed(r, none)
	case st.malformed > 0 && r.Reason == "":
		r.Reason = fmt.Sprintf("%d malformed event(s) skipped", st.malformed)
	}
}
