package app

// inBackground runs work off the window's goroutine and counts it in
// u.background, so quitting and tests can wait for it; work hands what it
// shows to the window with fyne.Do.
func (u *ui) inBackground(work func()) {
	if !workInBackground {
		work()
		return
	}
	u.background.Add(1)
	go func() {
		defer u.background.Done()
		work()
	}()
}

// workInBackground is turned off in tests: Fyne's test driver runs fyne.Do
// at once on the calling goroutine, so work left running in the background
// would lay out widgets at the same time as the test does.
var workInBackground = true
