package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// pendingScreen says in one line that a screen's feature has not landed yet.
type pendingScreen struct{ content fyne.CanvasObject }

func newPendingScreen(line string) screen {
	return &pendingScreen{content: container.NewCenter(widget.NewLabel(line))}
}

func (s *pendingScreen) view() fyne.CanvasObject { return s.content }
