package app

import (
	"errors"
	"os"
)

// removeEmptyFile deletes the empty placeholder that a save dialog leaves, so
// a writer that wants a new file can create it; a non-empty file is kept.
func removeEmptyFile(path string) error {
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if st.Size() == 0 {
		return os.Remove(path)
	}
	return errors.New("that file already exists; choose a new name")
}
