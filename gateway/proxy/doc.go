// Package proxy is the gateway's network side. A front door accepts proxy connections: CONNECTs
// to intercepted (provider) hosts are terminated with a per-host leaf certificate and handed to
// martian, which runs the per-request pipeline; every other CONNECT is tunnelled byte for byte.
// Streaming responses and WebSocket upgrades are taken over from martian (see lent.go) so each
// chunk reaches the client as upstream sends it.
package proxy
