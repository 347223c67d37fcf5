// Package atomicfile writes the files a clerk asks for (a printed binder, a
// CSV, a calendar, a Markdown plan) in one step: the content goes into a
// temporary file beside the target, which is then renamed over it. A failed
// write never leaves half a file, and an existing file is replaced only by a
// complete one.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Perm is the mode of a written file: readable by everyone like any new
// document, writable by its owner.
const Perm os.FileMode = 0o644

// WriteFile puts data at path in one step, with mode Perm.
func WriteFile(path string, data []byte) error {
	return Write(path, func(w io.Writer) error {
		if _, err := w.Write(data); err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
		return nil
	})
}

// Write puts what write produces at path in one step, with mode Perm. When
// write fails, path is left as it was and write's error is returned.
func Write(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".binder-*.tmp")
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: the folder %s does not exist", filepath.Base(path), dir)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("cannot write %s: you may not write in the folder %s", filepath.Base(path), dir)
	case err != nil:
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // gone already after a successful rename
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	// CreateTemp makes the file private to its owner; os.Chmod (not
	// File.Chmod) also works on Windows.
	if err := os.Chmod(tmp.Name(), Perm); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
