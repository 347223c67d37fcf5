package app

import (
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// showError tells the clerk what went wrong in a dialog and logs the detail;
// safe to call from any goroutine.
func (u *ui) showError(err error) {
	if err == nil {
		return
	}
	log.Printf("error: %+v", err)
	fyne.Do(func() { dialog.ShowError(err, u.win) })
}

// showInfo shows a short message in a dialog; safe to call from any goroutine.
func (u *ui) showInfo(title, message string) {
	fyne.Do(func() { dialog.ShowInformation(title, message, u.win) })
}
