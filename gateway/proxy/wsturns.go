package proxy

import (
	"encoding/json"
	"errors"
	"net/http"
	"sync"

	"github.com/recondo/recondo/gateway/capture"
	"github.com/recondo/recondo/gateway/wsframe"
)

// wsTurns cuts a WebSocket conversation into turns, one capture each: a turn begins with a
// client data message (its request body) and holds every later message, both directions and
// control frames, as a framed transcript (its response body). It ends at the server's terminal
// event (Responses API: response.completed / failed / incomplete, or error), at the next client
// data message, or when the socket closes. Provider parsers refine what a turn means; this rule
// is what the wire alone shows.
type wsTurns struct {
	g     *Gateway
	req   *http.Request
	st    *exchangeState
	mu    sync.Mutex
	cur   *wsTurn
	first bool // the upgrade's own exchange has not been used yet
}

type wsTurn struct {
	x          *capture.Exchange
	transcript wsframe.Transcript
	started    bool // a client data message opened it
}

func newWSTurns(g *Gateway, req *http.Request, st *exchangeState) *wsTurns {
	t := &wsTurns{g: g, req: req, st: st, first: true}
	t.cur = &wsTurn{x: st.x}
	return t
}

// terminalEvents end a Responses-over-WebSocket turn.
var terminalEvents = map[string]bool{"response.completed": true, "response.failed": true, "response.incomplete": true, "error": true}

func (t *wsTurns) add(m wsframe.Message) {
	t.mu.Lock()
	defer t.mu.Unlock()
	isData := m.Opcode == wsframe.OpText || m.Opcode == wsframe.OpBinary
	if m.Direction == wsframe.FromClient && isData {
		if t.cur != nil && t.cur.started {
			t.finish(errors.New("websocket: next request before this response ended"))
		}
		if t.cur == nil {
			t.cur = &wsTurn{x: t.g.cfg.Recorder.Begin(t.req, t.client())}
			t.cur.x.Response(&http.Response{StatusCode: http.StatusSwitchingProtocols, Header: http.Header{}}, true)
			t.cur.x.MarkWebSocket()
		}
		t.cur.started = true
		t.cur.x.RequestBody().Write(m.Data)
	}
	if t.cur == nil { // a frame between turns (a ping, a late event): it opens a turn of its own
		t.cur = &wsTurn{x: t.g.cfg.Recorder.Begin(t.req, t.client())}
		t.cur.x.Response(&http.Response{StatusCode: http.StatusSwitchingProtocols, Header: http.Header{}}, true)
		t.cur.x.MarkWebSocket()
	}
	t.cur.transcript.Add(m)
	if m.Direction == wsframe.FromServer && m.Opcode == wsframe.OpText && terminalEvents[eventType(m.Data)] {
		t.finish(nil)
	}
}

func (t *wsTurns) client() capture.Client {
	return capture.Client{Addr: t.req.RemoteAddr, Identity: t.st.ci.identity, ConnID: t.st.ci.id}
}

// finish commits the current turn; it is called with t.mu held.
func (t *wsTurns) finish(cause error) {
	if t.cur == nil {
		return
	}
	_ = t.cur.transcript.Encode(t.cur.x.ResponseBody())
	if err := t.cur.x.Finish(cause); err != nil {
		t.g.log.Error("websocket capture failed", "capture", t.cur.x.ID(), "err", err)
	}
	t.cur = nil
}

// close ends the conversation: an open turn that never saw its terminal event is incomplete.
func (t *wsTurns) close() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.cur == nil {
		return
	}
	var cause error
	if t.cur.started {
		cause = errors.New("websocket closed before the response ended")
	}
	t.finish(cause)
}

func eventType(b []byte) string {
	var ev struct {
		Type string `json:"type"`
	}
	if json.Unmarshal(b, &ev) != nil {
		return ""
	}
	return ev.Type
}
