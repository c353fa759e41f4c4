package objectwriter

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// mkdirSync creates dir and any missing parents. Each directory it creates is fsynced, and so is
// its parent, because a new directory only survives power loss once the parent's entry is on disk.
func mkdirSync(dir string, perm os.FileMode) error {
	info, err := os.Stat(dir)
	if err == nil {
		if !info.IsDir() {
			return fmt.Errorf("%s exists and is not a directory", dir)
		}
		return nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("stat %s: %w", dir, err)
	}
	parent := filepath.Dir(dir)
	if parent != dir {
		if err := mkdirSync(parent, dirPerm); err != nil {
			return err
		}
	}
	if err := os.Mkdir(dir, perm); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil // another process won the race; it syncs what it created
		}
		return fmt.Errorf("create %s: %w", dir, err)
	}
	if err := syncDir(dir); err != nil {
		return err
	}
	return syncDir(parent)
}

// syncDir makes dir's entries (a rename, a new file or subdirectory) durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("open dir %s for sync: %w", dir, err)
	}
	if err := d.Sync(); err != nil {
		_ = d.Close()
		return fmt.Errorf("sync dir %s: %w", dir, err)
	}
	if err := d.Close(); err != nil {
		return fmt.Errorf("close dir %s: %w", dir, err)
	}
	return nil
}

// sweepTmp removes regular files in dir last modified before cutoff.
func sweepTmp(dir string, cutoff time.Time) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("list %s: %w", dir, err)
	}
	var errs []error
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if errors.Is(err, fs.ErrNotExist) {
			continue // another sweeper or its writer got there first
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("stat %s: %w", filepath.Join(dir, e.Name()), err))
			continue
		}
		if !info.ModTime().Before(cutoff) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, fmt.Errorf("remove stale temp %s: %w", path, err))
		}
	}
	return errors.Join(errs...)
}
