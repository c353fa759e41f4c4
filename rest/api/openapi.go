package api

import (
	"net/http"

	"github.com/recondo/recondo/rest/openapi"
)

// openAPI: GET /v1/openapi.json, public: it describes the surface and holds no data.
func (h *handlers) openAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(openapi.Document)
}
