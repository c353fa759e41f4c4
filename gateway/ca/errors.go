package ca

import "errors"

// Sentinel errors let the CLI pick an exit path (for example suggest `recondo init`) without
// parsing messages; the wrapped errors carry the user-facing detail.
var (
	// ErrExists means Init found a CA and was not asked to replace it.
	ErrExists = errors.New("ca: a CA already exists")
	// ErrNotFound means Load found no CA (or only half of one).
	ErrNotFound = errors.New("ca: no CA found")
	// ErrInsecureKey means the CA key file is readable or writable by group or others.
	ErrInsecureKey = errors.New("ca: CA key file has insecure permissions")
)
