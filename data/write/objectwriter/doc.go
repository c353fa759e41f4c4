// Package objectwriter stores captured bodies in the content-addressed object store, atomically and
// durably, so a body survives kill -9 and power loss. Only the gateway may import it; readers use
// data/objects.
package objectwriter
