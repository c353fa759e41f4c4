// Package e2e drives real coding agents through the gateway against the fake provider, so that
// what Recondo records is checked against what a real client really sends, not against requests
// a test wrote by hand.
//
// The agents are npm packages pinned to exact versions in agents/package.json (with a
// package-lock.json); the tests run `npm ci` there when the agent is missing. Without node and
// npm they skip, except under CI=true, where a missing toolchain or a failed install fails.
//
// Everything runs on loopback: the fake provider answers for the provider hosts (the gateway's
// --resolve points them at it), and the agent reaches the gateway as its HTTPS proxy.
package e2e
