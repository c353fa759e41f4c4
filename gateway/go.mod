module github.com/recondo/recondo/gateway

go 1.26.0

require (
	github.com/coder/websocket v1.8.15
	github.com/google/martian/v3 v3.3.3
	github.com/google/uuid v1.6.0
	github.com/klauspost/compress v1.20.3
	github.com/recondo/recondo/data v0.0.0
	golang.org/x/sync v0.24.0
)

require (
	github.com/andybalholm/brotli v1.2.8 // indirect
	golang.org/x/net v0.0.0-20190628185345-da137c7871d7 // indirect
	golang.org/x/text v0.41.0 // indirect
)

replace github.com/recondo/recondo/data => ../data

replace github.com/recondo/recondo/migrations => ../migrations
