package app

import "strings"

// askSaveFile asks where to save a file named name (with one of exts) and
// writes it there with write, off the UI goroutine behind a progress bar;
// a failed write leaves no empty file behind.
func (u *ui) askSaveFile(title, name string, exts []string, write func(path string) error) {
	req := fileRequest{title: title, name: name, kind: strings.ToUpper(strings.TrimPrefix(exts[0], ".")) + " file", exts: exts}
	chooseSaveFile(u.win, req, func(path string) {
		u.runWithProgress(title, func(progress func(float64)) (string, error) {
			progress(0.1)
			if err := removeEmptyFile(path); err != nil {
				return "", err
			}
			if err := write(path); err != nil {
				return "", err
			}
			progress(1)
			return path, nil
		})
	})
}
