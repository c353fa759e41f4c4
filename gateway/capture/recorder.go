package capture

import (
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/google/uuid"
)

// Sink receives finished records. Commit must make the record survive a crash of this process
// (the WAL's write) before it returns; the response's last bytes are released only after it.
type Sink interface {
	Commit(r *Record) error
}

// Options bound what one exchange may hold in memory.
type Options struct {
	// InlineBytes is how much of each body is kept in memory; the rest spills to SpillDir.
	InlineBytes int
	SpillDir    string
	Now         func() time.Time
}

// Recorder starts exchanges and sends each finished one to its Sink.
type Recorder struct {
	sink Sink
	opt  Options
}

// NewRecorder returns a Recorder writing to sink.
func NewRecorder(sink Sink, opt Options) *Recorder {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.InlineBytes <= 0 {
		opt.InlineBytes = 8 << 20
	}
	return &Recorder{sink: sink, opt: opt}
}

// Client identifies the connection an exchange came on.
type Client struct {
	Addr     string
	Identity string
	ConnID   string
}

// Exchange is one request/response being recorded.
type Exchange struct {
	rec      *Recorder
	mu       sync.Mutex
	meta     Meta
	request  *Body
	response *Body
	finished bool
	err      error
}

// Begin starts recording req, which came from client.
func (r *Recorder) Begin(req *http.Request, client Client) *Exchange {
	path := req.URL.RequestURI()
	return &Exchange{
		rec: r,
		meta: Meta{
			ID:              uuid.Must(uuid.NewV7()).String(),
			StartedAt:       r.opt.Now().UTC(),
			ClientAddr:      client.Addr,
			ClientIdentity:  client.Identity,
			ConnID:          client.ConnID,
			Scheme:          req.URL.Scheme,
			Host:            req.URL.Host,
			Method:          req.Method,
			Path:            path,
			RequestHeaders:  SafeHeaders(req.Header),
			RequestEncoding: req.Header.Get("Content-Encoding"),
		},
		request:  NewBody(r.opt.InlineBytes, r.opt.SpillDir),
		response: NewBody(r.opt.InlineBytes, r.opt.SpillDir),
	}
}

// ID is the capture id.
func (x *Exchange) ID() string { return x.meta.ID }

// RequestBody is the recorder for the request body (the bytes sent upstream).
func (x *Exchange) RequestBody() *Body { return x.request }

// ResponseBody is the recorder for the response body (the bytes received from upstream).
func (x *Exchange) ResponseBody() *Body { return x.response }

// MarkWebSocket records that the exchange is a WebSocket message pair, not an HTTP body.
func (x *Exchange) MarkWebSocket() {
	x.mu.Lock()
	x.meta.WebSocket, x.meta.Streamed = true, true
	x.mu.Unlock()
}

// Response records the response head; it is the first byte's arrival.
func (x *Exchange) Response(res *http.Response, streamed bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	now := x.rec.opt.Now().UTC()
	x.meta.FirstByteAt = &now
	x.meta.Status = res.StatusCode
	x.meta.ResponseHeaders = SafeHeaders(res.Header)
	x.meta.ResponseEncoding = res.Header.Get("Content-Encoding")
	x.meta.Streamed = streamed
}

// Finish ends the exchange: cause is nil when the response ended normally. It commits the
// record to the sink and returns the sink's error (the caller decides what the client sees).
// Only the first call counts.
func (x *Exchange) Finish(cause error) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.finished {
		return x.err
	}
	x.finished = true
	m := &x.meta
	m.EndedAt = x.rec.opt.Now().UTC()
	m.Complete = cause == nil
	if cause != nil {
		m.Error = cause.Error()
	}
	m.RequestSHA256, m.RequestSize = x.request.Sum()
	m.ResponseSHA256, m.ResponseSize = x.response.Sum()
	rec := &Record{Meta: *m}
	var lost []error
	var err error
	if rec.Request, m.RequestSpill, err = x.request.Finish(); err != nil {
		lost = append(lost, fmt.Errorf("request: %w", err))
	}
	if rec.Response, m.ResponseSpill, err = x.response.Finish(); err != nil {
		lost = append(lost, fmt.Errorf("response: %w", err))
	}
	if len(lost) > 0 {
		m.BodyLost = errors.Join(lost...).Error()
	}
	rec.Meta = *m
	x.err = x.rec.sink.Commit(rec)
	return x.err
}
