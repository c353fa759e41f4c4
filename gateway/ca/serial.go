package ca

import (
	"crypto/rand"
	"fmt"
	"math/big"
)

// randomSerial returns a positive random 128-bit serial. Unpredictable serials are what
// CA/Browser rules require, and they keep two leaves for the same host distinguishable.
func randomSerial() (*big.Int, error) {
	var b [16]byte
	for {
		if _, err := rand.Read(b[:]); err != nil {
			return nil, fmt.Errorf("generate serial: %w", err)
		}
		if n := new(big.Int).SetBytes(b[:]); n.Sign() > 0 {
			return n, nil
		}
	}
}
