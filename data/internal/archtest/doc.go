// Package archtest enforces the workspace's import direction: transports -> data; gateway ->
// data's writer side; nothing imports a transport; no transport imports the gateway or the
// writer side (data/write/...). The CLI alone may call the gateway's CA code (gateway/ca). The
// dashboard's assets (web) import nothing from the workspace, and only graphql, which serves
// them, imports web.
package archtest
