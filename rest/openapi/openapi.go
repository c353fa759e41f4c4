package openapi

import _ "embed"

// Document is the OpenAPI 3.1 description of the REST surface.
//
//go:embed openapi.json
var Document []byte
