package write

import "github.com/google/uuid"

// newID returns a time-ordered unique id (UUIDv7) for rows the gateway did not name itself.
func newID() string { return uuid.Must(uuid.NewV7()).String() }

func orNewID(id string) string {
	if id == "" {
		return newID()
	}
	return id
}
