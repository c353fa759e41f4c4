// Package openapi holds the REST surface's OpenAPI 3.1 document, hand-written in openapi.json so
// that it reads as documentation; a test walks the router and fails when a route and the document
// disagree.
package openapi
