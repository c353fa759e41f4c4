package wsframe

import "time"

// Message is one complete data message (fragments joined, payload unmasked
// and inflated), one control frame, or an error record explaining why parsing
// of a direction stopped or why a message's payload could not be recovered.
type Message struct {
	Direction Direction
	Opcode    Opcode
	// Data is unmasked and inflated. The receiver owns it: the Tap never
	// touches it again after OnMessage.
	Data []byte
	// Compressed reports that RSV1 was set on the first frame.
	Compressed bool
	// Frames counts the data frames the message arrived in (1 for control
	// frames); interleaved control frames are separate messages.
	Frames int
	// WireBytes is what the frames took on the wire, headers included.
	WireBytes int64
	// Start and End are when the first and last frame were seen.
	Start, End time.Time
	// CloseCode and CloseReason come from a Close frame's payload; CloseCode
	// is 0 when the Close frame carried no status.
	CloseCode   int
	CloseReason string
	// Truncated reports that Data holds only the first MaxMessageBytes (or
	// whatever could be inflated before a limit or error).
	Truncated bool
	// Error is set on error records and on messages whose payload could not
	// be fully inflated; it is empty for clean messages.
	Error string
}
