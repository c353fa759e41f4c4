package server

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/recondo/recondo/data"
)

// Errors reach clients as GraphQL errors whose extensions.code is the data module's error code in
// upper case (INVALID, NOT_FOUND, UNAUTHORIZED, FORBIDDEN, CONFLICT, READ_ONLY, UNAVAILABLE,
// INTERNAL) and whose message is data's caller-safe message: internal details are only logged.

// graphQLCode maps a data error code to extensions.code.
func graphQLCode(code string) string { return strings.ToUpper(code) }

// Operations refused for their shape are protocol errors: gqlgen's POST transport answers them
// with 422 rather than 200, so an HTTP client sees the refusal too.
func init() {
	errcode.RegisterErrorType(errComplexityLimit, errcode.KindProtocol)
	errcode.RegisterErrorType(errDepthLimit, errcode.KindProtocol)
	errcode.RegisterErrorType(errIntrospectionOff, errcode.KindProtocol)
}

const (
	errComplexityLimit  = "COMPLEXITY_LIMIT_EXCEEDED" // gqlgen's extension.FixedComplexityLimit
	errDepthLimit       = "DEPTH_LIMIT_EXCEEDED"
	errIntrospectionOff = "INTROSPECTION_DISABLED"
)

// httpStatus is the status of a request refused as a whole (authentication, the mutation gate).
func httpStatus(code string) int {
	switch code {
	case data.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case data.EFORBIDDEN:
		return http.StatusForbidden
	case data.EINVALID:
		return http.StatusBadRequest
	case data.EUNAVAILABLE:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

func codedError(code, message string) *gqlerror.Error {
	return &gqlerror.Error{Message: message, Extensions: map[string]any{"code": graphQLCode(code)}}
}

// presentError maps a resolver's error. Errors gqlgen or our extensions made (validation, limits)
// already speak GraphQL and pass as they are.
func presentError(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		var gqlErr *gqlerror.Error
		if errors.As(err, &gqlErr) && gqlErr.Err == nil {
			return gqlErr
		}
		code := data.ErrorCode(err)
		if code == data.EINTERNAL {
			log.Error("graphql resolver failed", "path", graphql.GetPath(ctx).String(), "err", err)
		}
		out := &gqlerror.Error{Err: err, Path: graphql.GetPath(ctx), Message: data.ErrorMessage(err),
			Extensions: map[string]any{"code": graphQLCode(code)}}
		if gqlErr != nil && gqlErr.Path != nil {
			out.Path, out.Locations = gqlErr.Path, gqlErr.Locations
		}
		return out
	}
}

// deny answers a request refused before execution (no key, a bad or revoked key) in GraphQL's
// error shape.
func deny(w http.ResponseWriter, _ *http.Request, code, message string) {
	writeErrors(w, httpStatus(code), graphQLCode(code), message)
}

func writeErrors(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(graphql.Response{Errors: gqlerror.List{{Message: message, Extensions: map[string]any{"code": code}}}})
}
