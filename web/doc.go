// Package web is the dashboard's built assets (dist/, produced by `npm run build` from src/ and
// committed like sqlc output), embedded, and the handler that serves them. recondo-graphql
// mounts Handler at "/"; the page then reads POST /graphql with the key the person enters.
package web
