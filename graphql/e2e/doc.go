// Package e2e runs the built recondo-graphql binary against real clients: curl, a Node program
// using npm's graphql-request and graphql-js (client.mjs), and the embedded dashboard in Debian's
// Chromium driven by playwright-core (dashboard.mjs); the npm packages are pinned in
// package-lock.json.
package e2e
