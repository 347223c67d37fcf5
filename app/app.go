// Package app is the binder's window: navigation to Plans, Contacts, Training
// and Settings, the main menu, and one file per screen. It holds no SQL; every
// read and write goes through the domain packages under internal/.
package app

import (
	"database/sql"
	"errors"
	"fmt"
	"log"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"electionbinder/internal/settings"
)

// ID is the application's reverse-DNS identifier (also in FyneApp.toml).
const ID = "us.electionbinder.binder"

// Name is the application's name as clerks see it.
const Name = "Election Security Binder"

// Run opens the database at dbPath and shows the main window until the clerk
// quits. A file it must not open is left untouched and explained in a window
// that offers to restore a backup; the error is returned if none was restored.
func Run(dbPath string) (err error) {
	startLog()
	a := fyneapp.NewWithID(ID)
	a.SetIcon(resourceIconPng)
	var u *ui
	defer func() {
		if r := recover(); r != nil {
			err = explainNoWindow(r)
			if u != nil {
				u.db.Close()
			}
		}
	}()
	start := func(conn *sql.DB) {
		u = newUI(a, dbPath, conn)
		u.quitOnSignal()
		u.win.SetMaster()
		u.win.Show()
		u.fitToScreen()
	}
	var openErr error
	if isEmptyFile(dbPath) {
		askEmptyFile(a, dbPath, start, &openErr)
	} else {
		openOrExplain(a, dbPath, start, &openErr)
	}
	a.Run()
	if u == nil {
		return openErr
	}
	if err := u.db.Close(); err != nil {
		log.Printf("closing the database: %v", err)
	}
	return nil
}

// errNoWindow says that this computer has no display for the window.
var errNoWindow = errors.New("no window can open here: this session has no display (on Linux, DISPLAY or WAYLAND_DISPLAY is not set or cannot be reached); the commands still work, see binder help")

// explainNoWindow turns the panic of a window system that cannot start into
// errNoWindow; any other panic goes on.
func explainNoWindow(r any) error {
	if msg := fmt.Sprint(r); strings.Contains(msg, "GLFW library is not initialized") || strings.Contains(msg, "PlatformUnavailable") {
		log.Printf("opening the window: %s", msg)
		return errNoWindow
	}
	panic(r)
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

	keyedDialogs []*keyedDialog // the dialogs open that answer Enter and Escape
	background   sync.WaitGroup // work running behind a progress bar
	menu         menuItems
	pending      *pendingUndo              // what the status line offers to undo, if anything
	leaving      *question                 // the last "Not saved" question asked before leaving
	openURL      func(*url.URL) error      // opens files; the app's own when nil
	openWindow   func(dbPath string) error // opens another binder file in a new window; startBinderWindow when nil
}

// quitOnSignal ends the app cleanly, as the Quit menu does, when the system
// asks it to stop (log-off, shutdown, or Ctrl+C in a terminal).
func (u *ui) quitOnSignal() {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-stop
		fyne.Do(u.quitNow)
	}()
}
