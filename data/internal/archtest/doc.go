// Package archtest enforces the workspace's import direction: transports -> data; gateway ->
// data's writer side; nothing imports a transport; no transport imports the gateway or the
// writer side (data/write/...). The CLI alone may call the gateway's CA code (gateway/ca).
package archtest
