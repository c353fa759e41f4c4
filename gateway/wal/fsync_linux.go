//go:build linux

package wal

import (
	"errors"
	"os"
	"syscall"
)

// fdatasync flushes a segment's data and size but not its timestamps, which replay never needs.
// Control holds the descriptor open for the call, so a concurrent Close cannot swap the fd.
func fdatasync(f *os.File) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	if err := rc.Control(func(fd uintptr) {
		for {
			// EINTR means the call was interrupted, not that writeback failed; trying again is
			// not the forbidden retry after a failed fsync.
			if serr = syscall.Fdatasync(int(fd)); !errors.Is(serr, syscall.EINTR) {
				return
			}
		}
	}); err != nil {
		return err
	}
	if serr != nil {
		return os.NewSyscallError("fdatasync", serr)
	}
	return nil
}
