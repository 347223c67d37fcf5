package app

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// windowFrame is room left, in screen pixels, for the title bar and borders
// the operating system draws around the window.
var windowFrame = fyne.NewSize(16, 48)

// fitToScreen shrinks the window, and centres it, when its size (the default
// or one remembered from a larger screen) does not fit the work area of the
// primary screen, such as a small laptop or a display scaled to 150 %. It
// must run on the main goroutine after the window is shown.
func (u *ui) fitToScreen() {
	monitor := glfw.GetPrimaryMonitor()
	scale := u.win.Canvas().Scale()
	if monitor == nil || scale <= 0 {
		return
	}
	_, _, width, height := monitor.GetWorkarea()
	area := fyne.NewSize((float32(width)-windowFrame.Width)/scale, (float32(height)-windowFrame.Height)/scale)
	if size, shrunk := fitWithin(u.win.Canvas().Size(), area); shrunk {
		u.win.Resize(size)
		u.win.CenterOnScreen()
	}
}

// fitWithin is size cut down to area where it is larger, and whether it was;
// an area too small to hold the window's smallest useful size is ignored.
func fitWithin(size, area fyne.Size) (fyne.Size, bool) {
	if area.Width < 640 || area.Height < 480 {
		return size, false
	}
	fitted := fyne.NewSize(min(size.Width, area.Width), min(size.Height, area.Height))
	return fitted, fitted != size
}
