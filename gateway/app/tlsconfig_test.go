package app_test

import (
	"crypto/tls"

	"github.com/recondo/recondo/data"
)

func newTLSConfig() *tls.Config { return &tls.Config{MinVersion: tls.VersionTLS12} }

func dataTurnOptions() data.TurnOptions { return data.TurnOptions{Bodies: true} }
