package data

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"unicode/utf8"

	"github.com/recondo/recondo/data/content"
	"github.com/recondo/recondo/data/objects"
)

// maxWireBytes caps how much of a stored body is read to show it: decoding more than
// MaxBodyBytes of text from it would be cut anyway.
const maxWireBytes = 8 * MaxBodyBytes

// body loads one captured body for display: the wire bytes from the object store, content-decoded
// (gzip, br, zstd), cut at MaxBodyBytes, and base64 when not text. A missing object is not an
// error of the read: the Body says so, and verify reports it.
func (a *API) body(ctx context.Context, kind, hash string, size int64, encoding string) (*Body, error) {
	b := &Body{SHA256: hash, WireSize: size, Encoding: encoding}
	wire, cut, err := objects.ReadLimited(ctx, a.objects, objects.Kind(kind), hash, maxWireBytes)
	switch {
	case errors.Is(err, objects.ErrNotFound) || errors.Is(err, objects.ErrInvalidHash):
		b.Text, b.Truncated = "", true
		return b, nil
	case err != nil:
		return nil, &Error{Code: EUNAVAILABLE, Message: "object store read failed", Err: err}
	}
	decoded, err := decode(wire, encoding)
	if err != nil {
		decoded, b.Encoding = wire, "" // undecodable: show the wire bytes as they are
	}
	if len(decoded) > MaxBodyBytes {
		decoded, cut = decoded[:MaxBodyBytes], true
	}
	b.Truncated = cut
	if utf8.Valid(decoded) || (cut && utf8.Valid(trimPartialRune(decoded))) {
		b.Text = string(trimPartialRune(decoded))
		return b, nil
	}
	b.Binary = true
	b.Text = base64.StdEncoding.EncodeToString(decoded)
	return b, nil
}

// trimPartialRune drops a rune cut in half at the end of b.
func trimPartialRune(b []byte) []byte {
	for i := 0; i < utf8.UTFMax && len(b) > 0; i++ {
		if r, _ := utf8.DecodeLastRune(b); r != utf8.RuneError {
			return b
		}
		b = b[:len(b)-1]
	}
	return b
}

// decode undoes the Content-Encoding, reading at most one byte past MaxBodyBytes so that a
// compression bomb costs no more than the cap.
func decode(wire []byte, encoding string) ([]byte, error) {
	r, err := content.NewReader(bytes.NewReader(wire), encoding)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	out, err := io.ReadAll(io.LimitReader(r, MaxBodyBytes+1))
	if err != nil && len(out) == 0 {
		return nil, err
	}
	return out, nil // a stream cut short still shows what decoded
}
