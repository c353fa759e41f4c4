package analyze

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/recondo/recondo/data/content"
	"github.com/recondo/recondo/gateway/capture"
	"github.com/recondo/recondo/gateway/providers"
)

// MaxParseBytes bounds how much of a decoded body a parser reads (a long LLM stream is a few
// MB). Larger bodies are still captured whole; their turn is marked unparsed.
const MaxParseBytes = 16 << 20

var errTooLarge = errors.New("body too large to parse")

// body returns a record body content-decoded, from memory or its spill file. A body whose wire
// size is already over the limit is refused before a byte is read: reading it to find out
// would cost the memory the spill file saved.
func body(inline []byte, spill, encoding string, wireSize int64) ([]byte, error) {
	if wireSize > MaxParseBytes {
		return nil, errTooLarge
	}
	var r io.Reader = bytes.NewReader(inline)
	if spill != "" {
		f, err := os.Open(spill)
		if err != nil {
			return nil, fmt.Errorf("open spilled body: %w", err)
		}
		defer f.Close()
		r = f
	}
	dec, err := content.NewReader(r, encoding)
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	var buf bytes.Buffer
	buf.Grow(int(min(wireSize, MaxParseBytes)) + bytes.MinRead) // one allocation when not compressed
	if _, err := buf.ReadFrom(io.LimitReader(dec, MaxParseBytes+1)); err != nil {
		return nil, fmt.Errorf("decode %q body: %w", encoding, err)
	}
	if buf.Len() > MaxParseBytes {
		return nil, errTooLarge
	}
	return buf.Bytes(), nil
}

// wsMessages reads a WebSocket turn's transcript (JSON Lines written by wsframe) back into the
// data messages a parser needs.
func wsMessages(transcript []byte) []providers.WSMessage {
	var out []providers.WSMessage
	sc := bufio.NewScanner(bytes.NewReader(transcript))
	sc.Buffer(make([]byte, 64<<10), MaxParseBytes)
	for sc.Scan() {
		var line struct {
			Dir  string    `json:"dir"`
			At   time.Time `json:"at"`
			Op   string    `json:"op"`
			Text *string   `json:"text"`
		}
		if json.Unmarshal(sc.Bytes(), &line) != nil || line.Text == nil || (line.Op != "text" && line.Op != "binary") {
			continue
		}
		out = append(out, providers.WSMessage{FromClient: line.Dir == "client", At: line.At, Data: []byte(*line.Text)})
	}
	return out
}

// exchangeOf builds the parser's view of a record.
func exchangeOf(rec *capture.Record) (*providers.Exchange, error) {
	m := rec.Meta
	x := &providers.Exchange{
		Host: hostOnly(m.Host), Method: m.Method, Path: m.Path, Status: m.Status,
		RequestHeaders: m.RequestHeaders, ResponseHeaders: m.ResponseHeaders, WebSocket: m.WebSocket,
	}
	var err error
	if m.WebSocket {
		x.Request = rec.Request // the client's message, already unmasked and inflated
		resp, err := body(rec.Response, m.ResponseSpill, "", m.ResponseSize)
		if err != nil {
			return x, err
		}
		x.Messages = wsMessages(resp)
		return x, nil
	}
	if x.Request, err = body(rec.Request, m.RequestSpill, m.RequestEncoding, m.RequestSize); err != nil {
		return x, fmt.Errorf("request: %w", err)
	}
	if x.Response, err = body(rec.Response, m.ResponseSpill, m.ResponseEncoding, m.ResponseSize); err != nil {
		return x, fmt.Errorf("response: %w", err)
	}
	return x, nil
}

func hostOnly(hostport string) string {
	if i := bytes.LastIndexByte([]byte(hostport), ':'); i > 0 && !bytes.Contains([]byte(hostport[i:]), []byte("]")) {
		return hostport[:i]
	}
	return hostport
}
