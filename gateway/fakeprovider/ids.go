package fakeprovider

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"sync"
)

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// idGen makes provider-shaped ids from a hash chain rather than crypto/rand, so a run that
// sends the same requests in the same order sees the same ids (handy when diffing logs).
type idGen struct {
	mu sync.Mutex
	n  uint64
}

// bytes returns n pseudo-random bytes, fresh on every call.
func (g *idGen) bytes(n int) []byte {
	g.mu.Lock()
	g.n++
	c := g.n
	g.mu.Unlock()
	out := make([]byte, 0, n+sha256.Size)
	var ctr [16]byte
	binary.BigEndian.PutUint64(ctr[:8], c)
	for block := uint64(0); len(out) < n; block++ {
		binary.BigEndian.PutUint64(ctr[8:], block)
		sum := sha256.Sum256(append([]byte("recondo-fakeprovider"), ctr[:]...))
		out = append(out, sum[:]...)
	}
	return out[:n]
}

func (g *idGen) b62(n int) string {
	b := g.bytes(n)
	for i := range b {
		b[i] = base62[int(b[i])%len(base62)]
	}
	return string(b)
}

func (g *idGen) hex(n int) string { return hex.EncodeToString(g.bytes((n + 1) / 2))[:n] }

func (g *idGen) b64(n int) string { return base64.StdEncoding.EncodeToString(g.bytes(n)) }

func (g *idGen) b64url(n int) string { return base64.RawURLEncoding.EncodeToString(g.bytes(n)) }

// Provider id shapes, copied from the fixtures: msg_01 + 22, toolu_01 + 22, req_011C + 20,
// chatcmpl- + 29, call_ + 24, resp_/rs_/msg_/fc_ + 50 hex.
func (g *idGen) anthropicMsg() string  { return "msg_01" + g.b62(22) }
func (g *idGen) anthropicTool() string { return "toolu_01" + g.b62(22) }
func (g *idGen) anthropicReq() string  { return "req_011C" + g.b62(20) }
func (g *idGen) chatCompletion() string {
	return "chatcmpl-" + g.b62(29)
}
func (g *idGen) callID() string           { return "call_" + g.b62(24) }
func (g *idGen) openaiReq() string        { return "req_" + g.hex(32) }
func (g *idGen) respItem(p string) string { return p + "_" + g.hex(50) }
func (g *idGen) signature() string        { return "Er" + g.b64(180) }
func (g *idGen) encrypted() string        { return "gAAAAAB" + g.b64url(240) }
func (g *idGen) geminiRespID() string     { return g.b62(23) }
func (g *idGen) traceID() string          { return g.hex(16) }

// obfuscation imitates OpenAI's random padding field. It hashes its inputs instead of drawing
// from the generator so that building the same event twice (die-midstream counts events with a
// dry run) yields the same bytes.
func obfuscation(id string, seq int) string {
	var s [8]byte
	binary.BigEndian.PutUint64(s[:], uint64(seq))
	sum := sha256.Sum256(append([]byte(id), s[:]...))
	n := 4 + int(sum[0])%12
	out := make([]byte, n)
	for i := range out {
		out[i] = base62[int(sum[i+1])%len(base62)]
	}
	return string(out)
}
