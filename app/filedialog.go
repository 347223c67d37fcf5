package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// fileRequest says what a file dialog asks for. Open and Save use the
// system's own dialog on Windows and macOS, with the Desktop, Documents,
// OneDrive and network drives the clerk knows, and Fyne's dialog elsewhere
// (filedialog_native.go and filedialog_fyne.go).
type fileRequest struct {
	title string   // what the clerk is doing, as the dialog's title
	name  string   // the file name suggested when saving
	kind  string   // what the files are, such as "PDF document"
	exts  []string // the extensions offered, with their dot: ".pdf"
}

// withExtension adds the request's first extension to a saved file's name
// when the clerk typed none, so "plan" is written as "plan.pdf".
func (r fileRequest) withExtension(path string) string {
	if path == "" || len(r.exts) == 0 || filepath.Ext(path) != "" {
		return path
	}
	return path + r.exts[0]
}

// extensionsWithoutDots are the request's extensions as the system dialogs take them.
func (r fileRequest) extensionsWithoutDots() []string {
	return labelsOf(r.exts, func(e string) string { return strings.TrimPrefix(e, ".") })
}

// openAndRead asks which file to open, through the same dialog as every
// Open, and hands its name and contents (at most limit bytes) to done; a
// file that cannot be read, or is larger, is explained to the clerk.
func (u *ui) openAndRead(req fileRequest, limit int64, done func(name string, data []byte)) {
	chooseOpenFile(u.win, req, func(path string) {
		data, err := readUpTo(path, limit)
		if err != nil {
			u.showError(err)
			return
		}
		done(filepath.Base(path), data)
	})
}

// readUpTo reads the file at path, refusing one larger than limit bytes.
func readUpTo(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", filepath.Base(path), err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than %d MB, more than such a file ever holds", filepath.Base(path), limit>>20)
	}
	return data, nil
}
