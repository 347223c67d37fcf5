// Package app is the binder's window: navigation to Plans, Contacts, Training
// and Settings, the main menu, and one file per screen. It holds no SQL; every
// read and write goes through the domain packages under internal/.
package app

import (
	"database/sql"
	"log"
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"electionbinder/internal/db"
	"electionbinder/internal/settings"
)

// ID is the application's reverse-DNS identifier (also in FyneApp.toml).
const ID = "us.electionbinder.binder"

// Name is the application's name as clerks see it.
const Name = "Election Security Binder"

// Run opens the database at dbPath and shows the main window until the clerk quits.
func Run(dbPath string) error {
	conn, err := db.Open(dbPath)
	if err != nil {
		return err
	}
	a := fyneapp.NewWithID(ID)
	a.SetIcon(resourceIconPng)
	u := newUI(a, dbPath, conn)
	u.quitOnSignal()
	u.win.ShowAndRun()
	if err := u.db.Close(); err != nil {
		log.Printf("closing the database: %v", err)
	}
	return nil
}

// ui is the main window and the state its screens share.
type ui struct {
	app      fyne.App
	win      fyne.Window
	dbPath   string
	db       *sql.DB
	settings *settings.Store
	nav      *navigation
	status   *statusLine
}

// quitOnSignal ends the app cleanly, as the Quit menu does, when the system
// asks it to stop (log-off, shutdown, or Ctrl+C in a terminal).
func (u *ui) quitOnSignal() {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-stop
		fyne.Do(u.quit)
	}()
}
