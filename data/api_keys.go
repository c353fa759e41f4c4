package data

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"hash/crc32"
	"math/big"
	"strings"

	"github.com/google/uuid"
)

// Key format: "rcd_" + 32 random base62 characters + 6 base62 characters of CRC-32 over them.
// The checksum lets a typo or a scanner's false positive be refused without a database lookup
// (GitHub's ghp_ keys do the same); only the SHA-256 of the whole key is stored.
const (
	keyPrefix     = "rcd_"
	keyRandomLen  = 32
	keyChecksumLn = 6
	base62        = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
)

// CreatedKey is a new key: Secret is shown to the operator once and never stored.
type CreatedKey struct {
	Key    APIKey `json:"key"`
	Secret string `json:"secret"`
}

// CreateKey registers a key with a role (reader or admin) and an optional team.
func (a *API) CreateKey(ctx context.Context, name, role, team string) (CreatedKey, error) {
	if strings.TrimSpace(name) == "" || len(name) > 200 {
		return CreatedKey{}, Errorf(EINVALID, "a key needs a name of 1 to 200 characters")
	}
	if role != RoleReader && role != RoleAdmin {
		return CreatedKey{}, Errorf(EINVALID, "role must be %s or %s, got %q", RoleReader, RoleAdmin, role)
	}
	random := make([]byte, keyRandomLen)
	for i := range random {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(base62))))
		if err != nil {
			return CreatedKey{}, &Error{Code: EINTERNAL, Message: "no randomness for a key", Err: err}
		}
		random[i] = base62[n.Int64()]
	}
	secret := keyPrefix + string(random) + checksum(random)
	k := APIKey{ID: uuid.Must(uuid.NewV7()).String(), Name: name, Prefix: secret[:len(keyPrefix)+6], Role: role, Team: team, CreatedAt: a.stamp()}
	if err := a.store.CreateKey(ctx, k, keyHash(secret)); err != nil {
		return CreatedKey{}, err
	}
	return CreatedKey{Key: k, Secret: secret}, nil
}

// Authenticate returns the key a secret names. Malformed, unknown and revoked keys are all
// EUNAUTHORIZED; the message does not say which, so a caller cannot probe.
func (a *API) Authenticate(ctx context.Context, secret string) (APIKey, error) {
	denied := Errorf(EUNAUTHORIZED, "invalid or revoked API key")
	if !wellFormed(secret) {
		return APIKey{}, denied
	}
	k, err := a.store.KeyByHash(ctx, keyHash(secret))
	if ErrorCode(err) == ENOTFOUND {
		return APIKey{}, denied
	}
	if err != nil {
		return APIKey{}, err
	}
	if k.RevokedAt != nil {
		return APIKey{}, denied
	}
	return k, nil
}

// ListKeys lists registered keys (never their secrets).
func (a *API) ListKeys(ctx context.Context) ([]APIKey, error) { return a.store.ListKeys(ctx) }

// RevokeKey revokes a key from now on.
func (a *API) RevokeKey(ctx context.Context, id string) error {
	if err := validID("key", id); err != nil {
		return err
	}
	return a.store.RevokeKey(ctx, id, a.stamp())
}

func keyHash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

func checksum(random []byte) string {
	n := crc32.ChecksumIEEE(random)
	out := make([]byte, keyChecksumLn)
	for i := keyChecksumLn - 1; i >= 0; i-- {
		out[i] = base62[n%62]
		n /= 62
	}
	return string(out)
}

func wellFormed(secret string) bool {
	if len(secret) != len(keyPrefix)+keyRandomLen+keyChecksumLn || !strings.HasPrefix(secret, keyPrefix) {
		return false
	}
	body := secret[len(keyPrefix):]
	for i := 0; i < len(body); i++ {
		if strings.IndexByte(base62, body[i]) < 0 {
			return false
		}
	}
	return checksum([]byte(body[:keyRandomLen])) == body[keyRandomLen:]
}
