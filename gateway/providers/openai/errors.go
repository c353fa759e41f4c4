package openai

import (
	"bytes"
	"unicode/utf8"

	"github.com/recondo/recondo/gateway/providers"
)

// Error sources, in result.go's vocabulary.
const (
	srcHTTPBody           = "http_body"
	srcSSEEvent           = "sse_event"
	srcWSFrame            = "ws_frame"
	srcResponseFailed     = "response.failed"
	srcResponseIncomplete = "response.incomplete"
)

// maxErrorText bounds a message taken from an unrecognised body.
const maxErrorText = 512

// errorFields is what OpenAI's error shapes have in common.
type errorFields struct {
	typ, code, msg string
	status         int64
}

// readError reads any of OpenAI's error shapes: an HTTP body {"error":{type, code,
// message}} (or {"error":"text"}, or ChatGPT's {"detail":…}), a Responses `error` event
// {type:"error", code, message}, Codex's wrapped WebSocket error {type:"error", status,
// error:{…}}, or a response's own error object {code, message}.
func readError(raw []byte) (e errorFields, ok bool) {
	var s scanner
	s.reset(raw)
	isObj := s.object(func(k []byte) {
		switch string(k) {
		case "error":
			if s.peek() == '"' {
				e.msg = s.str()
				return
			}
			s.object(func(k []byte) { e.member(&s, k) })
		case "detail":
			if s.peek() == '"' {
				e.msg = s.str()
			}
		case "status":
			e.status, _ = s.int()
		default:
			e.member(&s, k)
		}
	})
	return e, isObj && !s.bad
}

// member reads one of the fields an error object may carry.
func (e *errorFields) member(s *scanner, k []byte) {
	switch string(k) {
	case "type":
		// The event's own type ("error") says nothing about the error.
		if t := s.str(); t != "error" {
			e.typ = t
		}
	case "code":
		if s.peek() == '"' {
			e.code = s.str()
		} else if !s.null() {
			e.code = string(s.raw())
		}
	case "message":
		e.msg = s.str()
	}
}

// toError builds a providers.Error; the type falls back to the code, which is all some
// errors carry.
func (e errorFields) toError(status int, source string) *providers.Error {
	typ := e.typ
	if typ == "" {
		typ = e.code
	}
	if e.status != 0 && e.status == int64(int(e.status)) {
		status = int(e.status)
	}
	return &providers.Error{Type: typ, Message: e.msg, HTTPStatus: status, Source: source}
}

// httpError is the error of a non-2xx response; a body in no known shape still gives its
// (bounded) text as the message.
func httpError(x *providers.Exchange) *providers.Error {
	e, ok := readError(x.Response)
	if !ok || (e.typ == "" && e.code == "" && e.msg == "") {
		e = errorFields{msg: clip(bytes.TrimSpace(x.Response), maxErrorText)}
	}
	return e.toError(x.Status, srcHTTPBody)
}

// clip returns at most n bytes of b as a string, not cutting a UTF-8 sequence.
func clip(b []byte, n int) string {
	if len(b) <= n {
		return string(b)
	}
	for n > 0 && !utf8.RuneStart(b[n]) {
		n--
	}
	return string(b[:n])
}
