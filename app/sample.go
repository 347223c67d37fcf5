package app

import (
	"electionbinder/internal/binderfile"
	"electionbinder/internal/sample"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// askSampleCounty offers to write the sample county to a data file of its
// own and open it in a second window, so a clerk can try every screen
// without touching the office's own binder.
func (u *ui) askSampleCounty() {
	req := fileRequest{title: "Save the sample county as", name: "sample-county.db", kind: "Binder data file", exts: []string{".db"}}
	chooseSaveFile(u.win, req, u.openSampleCounty)
}

// openSampleCounty writes the sample county to path and opens it in a new window.
func (u *ui) openSampleCounty(path string) {
	if err := writeSampleCounty(u.dbPath, path); err != nil {
		u.showError(err)
		return
	}
	open := u.openWindow
	if open == nil {
		open = startBinderWindow
	}
	if err := open(path); err != nil {
		u.showError(fmt.Errorf("The sample county was saved to %s, but its window could not be opened: %w", path, err))
		return
	}
	u.status.set("The sample county opened in its own window, from " + path)
}

// writeSampleCounty makes a new binder data file at path holding the sample
// county; it refuses the file in use and any file that already holds data.
func writeSampleCounty(inUse, path string) error {
	if same, _ := sameFile(inUse, path); same {
		return errors.New("That is the binder you are working in. Choose a new file for the sample county")
	}
	if err := removeEmptyFile(path); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	conn, err := binderfile.Open(path)
	if err != nil {
		return err
	}
	defer conn.Close()
	return sample.LoadCounty(conn, func(string) {})
}

// sameFile reports whether two paths name the same existing file.
func sameFile(a, b string) (bool, error) {
	sa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(sa, sb) || filepath.Clean(a) == filepath.Clean(b), nil
}

// startBinderWindow starts this program again over the data file at path,
// in a window of its own.
func startBinderWindow(path string) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.Command(self, "--db", path)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it when that window closes
	return nil
}
