// Package e2e runs the built recondo-graphql binary against real clients: curl, and a Node
// program using npm's graphql-request and graphql-js (client.mjs, pinned in package-lock.json).
package e2e
