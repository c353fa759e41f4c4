package proxy

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/google/martian/v3"
)

// hopHeaders are connection-level headers that never travel past a proxy.
var hopHeaders = []string{"Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate",
	"Proxy-Authorization", "Te", "Trailer", "Transfer-Encoding", "Upgrade"}

// errClientGone marks a stream the client abandoned.
var errClientGone = errors.New("client went away")

// stream relays a response of unknown length (SSE, chunked) to the client itself, one upstream
// read at a time with a flush after each: martian v3.3.3 would hold it in a 4 KiB buffer. The
// capture is committed before the terminating chunk is sent; an upstream that dies ends the
// client's stream the same way (no terminating chunk); a client that goes away cancels the
// upstream request. The client connection is closed afterwards (martian cannot resume it).
func (g *Gateway) stream(res *http.Response, st *exchangeState) {
	defer st.cancel()
	ctx := martian.NewContext(res.Request)
	_, brw, err := ctx.Session().Hijack()
	if err != nil {
		g.log.Error("stream: hijack failed", "capture", st.x.ID(), "err", err)
		_ = st.x.Finish(fmt.Errorf("gateway: hijack: %w", err))
		return
	}
	_, w, closeClient := st.ci.lent.takeOver(brw)
	defer closeClient()
	defer res.Body.Close()

	chunked := res.ContentLength < 0
	if err := writeHead(w, res, chunked); err != nil {
		_ = st.x.Finish(fmt.Errorf("%w: %v", errClientGone, err))
		return
	}
	conn := st.ci.lent.Conn
	buf := make([]byte, 32<<10)
	for {
		n, rerr := res.Body.Read(buf)
		if n > 0 {
			st.x.ResponseBody().Write(buf[:n])
			_ = conn.SetWriteDeadline(time.Now().Add(g.cfg.WriteTimeout))
			if werr := writeChunk(w, buf[:n], chunked); werr != nil {
				// Closing the body (deferred) cancels the upstream request.
				_ = st.x.Finish(fmt.Errorf("%w: %v", errClientGone, werr))
				return
			}
		}
		switch {
		case rerr == io.EOF:
			if err := st.x.Finish(nil); err != nil {
				g.log.Error("capture failed; cutting the stream", "capture", st.x.ID(), "err", err)
				return // fail closed: the client never sees a complete response that was not captured
			}
			if chunked {
				_, _ = w.WriteString("0\r\n\r\n")
				_ = w.Flush()
			}
			return
		case rerr != nil:
			_ = st.x.Finish(fmt.Errorf("upstream: %w", rerr))
			return
		}
	}
}

func writeHead(w *bufio.Writer, res *http.Response, chunked bool) error {
	h := res.Header.Clone()
	for _, k := range hopHeaders {
		h.Del(k)
	}
	if chunked {
		h.Set("Transfer-Encoding", "chunked")
		h.Del("Content-Length")
	} else {
		h.Set("Content-Length", strconv.FormatInt(res.ContentLength, 10))
	}
	h.Set("Connection", "close")
	if _, err := fmt.Fprintf(w, "HTTP/1.1 %d %s\r\n", res.StatusCode, http.StatusText(res.StatusCode)); err != nil {
		return err
	}
	if err := h.Write(w); err != nil {
		return err
	}
	if _, err := w.WriteString("\r\n"); err != nil {
		return err
	}
	return w.Flush()
}

func writeChunk(w *bufio.Writer, p []byte, chunked bool) error {
	if chunked {
		if _, err := fmt.Fprintf(w, "%x\r\n", len(p)); err != nil {
			return err
		}
	}
	if _, err := w.Write(p); err != nil {
		return err
	}
	if chunked {
		if _, err := w.WriteString("\r\n"); err != nil {
			return err
		}
	}
	return w.Flush()
}
