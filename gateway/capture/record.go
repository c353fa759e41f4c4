package capture

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Meta describes one captured exchange. It is what the metadata file holds, and with the bodies
// it is everything the ingester needs to persist the exchange.
type Meta struct {
	ID             string              `json:"id"` // capture id: the turn id, the key of idempotent replay
	StartedAt      time.Time           `json:"started_at"`
	FirstByteAt    *time.Time          `json:"first_byte_at,omitempty"`
	EndedAt        time.Time           `json:"ended_at"`
	ClientAddr     string              `json:"client_addr"`
	ClientIdentity string              `json:"client_identity,omitempty"` // Proxy-Authorization user name
	ConnID         string              `json:"conn_id"`                   // the client connection it came on
	Scheme         string              `json:"scheme"`
	Host           string              `json:"host"`
	Method         string              `json:"method"`
	Path           string              `json:"path"` // with query
	Status         int                 `json:"status"`
	WebSocket      bool                `json:"websocket,omitempty"`
	Streamed       bool                `json:"streamed"` // relayed chunk by chunk (SSE, chunked)
	RequestHeaders map[string][]string `json:"request_headers"`
	// ResponseHeaders are the upstream's, credentials fingerprinted like the request's.
	ResponseHeaders  map[string][]string `json:"response_headers"`
	RequestSHA256    string              `json:"request_sha256"`
	RequestSize      int64               `json:"request_size"`
	RequestEncoding  string              `json:"request_encoding,omitempty"`
	ResponseSHA256   string              `json:"response_sha256"`
	ResponseSize     int64               `json:"response_size"`
	ResponseEncoding string              `json:"response_encoding,omitempty"`
	// Complete is true when the response ended normally; Error says why it did not.
	Complete bool   `json:"complete"`
	Error    string `json:"error,omitempty"`
	// RequestSpill / ResponseSpill name spill files holding bodies too large to inline.
	RequestSpill  string `json:"request_spill,omitempty"`
	ResponseSpill string `json:"response_spill,omitempty"`
	// BodyLost is set when a body's bytes could not be kept (spill failed): hash and size are
	// still right, the object is not stored.
	BodyLost string `json:"body_lost,omitempty"`
}

// Record is one finished exchange as written to the write-ahead log.
type Record struct {
	Meta     Meta
	Request  []byte // inline body (nil when spilled)
	Response []byte
}

// Marshal encodes r as [u32 meta length][meta JSON][u32 request length][request][u32 response
// length][response], little-endian.
func (r *Record) Marshal() ([]byte, error) {
	meta, err := json.Marshal(r.Meta)
	if err != nil {
		return nil, fmt.Errorf("encode capture %s: %w", r.Meta.ID, err)
	}
	out := make([]byte, 0, 12+len(meta)+len(r.Request)+len(r.Response))
	for _, part := range [][]byte{meta, r.Request, r.Response} {
		out = binary.LittleEndian.AppendUint32(out, uint32(len(part)))
		out = append(out, part...)
	}
	return out, nil
}

var errShortRecord = errors.New("capture record is truncated")

// Unmarshal decodes a record written by Marshal. The bodies alias b.
func Unmarshal(b []byte) (*Record, error) {
	var parts [3][]byte
	for i := range parts {
		if len(b) < 4 {
			return nil, errShortRecord
		}
		n := binary.LittleEndian.Uint32(b)
		b = b[4:]
		if uint64(n) > uint64(len(b)) {
			return nil, errShortRecord
		}
		parts[i], b = b[:n], b[n:]
	}
	r := &Record{Request: parts[1], Response: parts[2]}
	if err := json.Unmarshal(parts[0], &r.Meta); err != nil {
		return nil, fmt.Errorf("decode capture meta: %w", err)
	}
	return r, nil
}
