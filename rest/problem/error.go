package problem

import (
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/recondo/recondo/data"
)

// FieldErrors is an error that names the offending inputs; the query decoder and the URL
// parameter parsers return it.
type FieldErrors []FieldError

func (fe FieldErrors) Error() string {
	if len(fe) == 0 {
		return "invalid request"
	}
	if fe[0].Field == "" {
		return fe[0].Message
	}
	return fe[0].Field + ": " + fe[0].Message
}

// FromError maps any error to a problem: FieldErrors and *http.MaxBytesError directly, data
// errors by code with their caller-safe message. Anything else is internal: it is logged with its
// details and the client sees only "internal error".
func FromError(log *slog.Logger, r *http.Request, err error) Problem {
	var fields FieldErrors
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &fields):
		detail := "the request is invalid: see errors"
		if len(fields) == 1 {
			detail = fields.Error()
		}
		return New(data.EINVALID, detail, fields...)
	case errors.As(err, &tooLarge):
		return New(ETOOLARGE, "the request body is larger than the limit of "+strconv.FormatInt(tooLarge.Limit, 10)+" bytes")
	}
	code := data.ErrorCode(err)
	if code == data.EINTERNAL || code == data.EUNAVAILABLE {
		if log == nil {
			log = slog.Default()
		}
		log.Error("request failed", "method", r.Method, "path", r.URL.Path, "code", code, "err", err)
	}
	return New(code, data.ErrorMessage(err))
}

// WriteError writes FromError(err).
func WriteError(log *slog.Logger, w http.ResponseWriter, r *http.Request, err error) {
	Write(w, r, FromError(log, r, err))
}
