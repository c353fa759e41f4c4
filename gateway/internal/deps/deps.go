// Package deps pins the gateway's third-party dependencies while its packages are being written
// in parallel; it is removed once every dependency is imported by real code.
package deps

import (
	_ "github.com/coder/websocket"
	_ "github.com/google/martian/v3"
	_ "github.com/google/uuid"
	_ "github.com/klauspost/compress/zstd"
	_ "github.com/recondo/recondo/data"
	_ "golang.org/x/sync/singleflight"
)
