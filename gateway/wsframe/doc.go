// Package wsframe passively parses relayed WebSocket bytes (RFC 6455 framing
// with RFC 7692 permessage-deflate) into a timestamped, per-direction
// transcript, without ever blocking or altering the relay it observes.
package wsframe
