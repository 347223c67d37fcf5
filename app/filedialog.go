package app

import (
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
