package proxy

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"

	"github.com/google/martian/v3"

	"github.com/recondo/recondo/gateway/capture"
	"github.com/recondo/recondo/gateway/wsframe"
)

// relayWebSocket takes an Upgrade: websocket request over from martian (which would hang on the
// 101): it performs the upgrade upstream, writes the 101 to the client, then relays bytes both
// ways untouched while two taps parse the frames into turns (see wsTurns). It runs on martian's
// goroutine for this connection until the socket closes.
func (g *Gateway) relayWebSocket(req *http.Request, st *exchangeState) error {
	defer st.cancel()
	_, brw, err := martian.NewContext(req).Session().Hijack()
	if err != nil {
		_ = st.x.Finish(fmt.Errorf("gateway: hijack: %w", err))
		return err
	}
	clientR, w, closeClient := st.ci.lent.takeOver(brw)
	defer closeClient()
	client := st.ci.lent.Conn

	req.RequestURI = ""
	res, err := g.transport.RoundTrip(req)
	if err != nil {
		writeStatus(w, http.StatusBadGateway, "upstream websocket handshake failed")
		_ = w.Flush()
		_ = st.x.Finish(fmt.Errorf("upstream: %w", err))
		return nil
	}
	defer res.Body.Close()
	st.x.Response(res, true)
	if res.StatusCode != http.StatusSwitchingProtocols {
		// Refused upgrade: an ordinary response, relayed and captured as such.
		res.Body = capture.TeeSized(res.Body, st.x.ResponseBody(), res.ContentLength, func(err error) error { return st.x.Finish(err) })
		res.Close = true
		_ = res.Write(w)
		_ = w.Flush()
		_ = st.x.Finish(nil)
		return nil
	}
	upstream, ok := res.Body.(io.ReadWriteCloser)
	if !ok {
		_ = st.x.Finish(errors.New("gateway: upstream 101 body is not writable"))
		return nil
	}
	if err := write101(w, res); err != nil {
		_ = st.x.Finish(fmt.Errorf("%w: %v", errClientGone, err))
		return nil
	}
	deflate, err := wsframe.ParseExtensions(res.Header.Values("Sec-WebSocket-Extensions"))
	if err != nil {
		g.log.Warn("websocket: unparsable extensions; frames relayed but not decoded", "capture", st.x.ID(), "err", err)
	}
	st.x.MarkWebSocket()
	turns := newWSTurns(g, req, st)
	clientTap := wsframe.NewTap(wsframe.FromClient, deflate, wsframe.TapOptions{OnMessage: turns.add})
	serverTap := wsframe.NewTap(wsframe.FromServer, deflate, wsframe.TapOptions{OnMessage: turns.add})

	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		_, _ = io.Copy(upstream, io.TeeReader(clientR, clientTap))
		_ = upstream.Close() // the client left: so does the upstream side
	}()
	// The tap sees each server frame before it is written to the client, so a turn that ends
	// with this frame is committed before the client has it.
	_, _ = io.Copy(client, io.TeeReader(upstream, serverTap))
	_ = client.Close()
	wg.Wait()
	_ = clientTap.Close()
	_ = serverTap.Close()
	turns.close()
	return nil
}

func write101(w interface {
	io.Writer
	Flush() error
}, res *http.Response) error {
	if _, err := fmt.Fprintf(w, "HTTP/1.1 101 Switching Protocols\r\n"); err != nil {
		return err
	}
	if err := res.Header.Write(w); err != nil {
		return err
	}
	if _, err := io.WriteString(w, "\r\n"); err != nil {
		return err
	}
	return w.Flush()
}
