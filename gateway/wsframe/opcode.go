package wsframe

import "fmt"

// Direction says which peer sent a frame.
type Direction string

const (
	// FromClient is client→server traffic; RFC 6455 requires it to be masked.
	FromClient Direction = "client"
	// FromServer is server→client traffic, sent unmasked.
	FromServer Direction = "server"
)

// Opcode is the 4-bit frame opcode of RFC 6455 section 5.2.
type Opcode byte

const (
	OpContinuation Opcode = 0x0
	OpText         Opcode = 0x1
	OpBinary       Opcode = 0x2
	OpClose        Opcode = 0x8
	OpPing         Opcode = 0x9
	OpPong         Opcode = 0xA
)

// IsControl reports whether op is in the control range (0x8-0xF), whose
// frames may interleave with a fragmented message and must stay small.
func (op Opcode) IsControl() bool { return op&0x8 != 0 }

// String returns the lower-case name used in the stored transcript.
func (op Opcode) String() string {
	switch op {
	case OpContinuation:
		return "continuation"
	case OpText:
		return "text"
	case OpBinary:
		return "binary"
	case OpClose:
		return "close"
	case OpPing:
		return "ping"
	case OpPong:
		return "pong"
	}
	return fmt.Sprintf("0x%x", byte(op))
}
