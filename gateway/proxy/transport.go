package proxy

import (
	"fmt"
	"net/http"
)

// recordingTransport forwards through the upstream transport and remembers a failed round trip
// in the exchange, so the capture says why the client got martian's 502.
type recordingTransport struct{ inner http.RoundTripper }

func (t *recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	res, err := t.inner.RoundTrip(req)
	if err != nil {
		if st := stateOf(req); st != nil {
			st.mu.Lock()
			st.upErr = fmt.Errorf("upstream: %w", err)
			st.mu.Unlock()
		}
	}
	return res, err
}

func (st *exchangeState) upstreamErr() error {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.upErr
}
