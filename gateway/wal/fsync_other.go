//go:build !linux

package wal

import "os"

// fdatasync falls back to File.Sync, which on macOS is the stronger F_FULLFSYNC.
func fdatasync(f *os.File) error { return f.Sync() }
