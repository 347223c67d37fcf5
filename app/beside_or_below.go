package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// besideOrBelow lays out a toolbar and a notice: on one row when the notice
// keeps enough of its width beside the toolbar to be read, and the notice on
// a row of its own under the toolbar when it does not. A wide window keeps
// its height for the list below, and a narrow one still reads the notice.
type besideOrBelow struct {
	width   float32        // the width it was last laid out at
	natural func() float32 // the notice's width when nothing is cut short
	least   float32        // the narrowest the notice may be cut to beside the toolbar
}

// newBesideOrBelow puts toolbar and notice in a container laid out by
// besideOrBelow; natural gives the notice's uncut width, and least the width
// below which the notice moves under the toolbar rather than be cut shorter.
func newBesideOrBelow(toolbar, notice fyne.CanvasObject, natural func() float32, least float32) *fyne.Container {
	return container.New(&besideOrBelow{natural: natural, least: least}, toolbar, notice)
}

// beside tells whether the notice goes on the toolbar's row. Until the
// container has been laid out its width is unknown, and the notice goes below.
func (l *besideOrBelow) beside(toolbar, notice fyne.CanvasObject) bool {
	if !notice.Visible() {
		return true
	}
	return toolbar.MinSize().Width+theme.Padding()+min(l.natural(), l.least) <= l.width
}

// MinSize never asks for more width than the wider of the two needs, since
// the notice can always move below the toolbar or be cut short.
func (l *besideOrBelow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	toolbar, notice := objects[0], objects[1]
	a := toolbar.MinSize()
	if !notice.Visible() {
		return a
	}
	b := notice.MinSize()
	if l.beside(toolbar, notice) {
		return fyne.NewSize(a.Width+theme.Padding()+b.Width, max(a.Height, b.Height))
	}
	return fyne.NewSize(max(a.Width, b.Width), a.Height+theme.Padding()+b.Height)
}

// Layout places the two and remembers the width, so that MinSize can tell
// the window how tall the pair now is.
func (l *besideOrBelow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	toolbar, notice := objects[0], objects[1]
	a := toolbar.MinSize()
	if l.beside(toolbar, notice) {
		toolbar.Move(fyne.NewPos(0, 0))
		toolbar.Resize(fyne.NewSize(a.Width, size.Height))
		notice.Move(fyne.NewPos(a.Width+theme.Padding(), 0))
		notice.Resize(fyne.NewSize(size.Width-a.Width-theme.Padding(), size.Height))
		return
	}
	toolbar.Move(fyne.NewPos(0, 0))
	toolbar.Resize(fyne.NewSize(size.Width, a.Height))
	notice.Move(fyne.NewPos(0, a.Height+theme.Padding()))
	notice.Resize(fyne.NewSize(size.Width, notice.MinSize().Height))
}
