package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestFitWithinCutsTheWindowToTheScreen: the default window shrinks to a
// small screen's work area in each direction it overflows, a window that fits
// is left alone, and a work area too small to be real is ignored.
func TestFitWithinCutsTheWindowToTheScreen(t *testing.T) {
	standard := fyne.NewSize(defaultWidth, defaultHeight)
	for _, c := range []struct {
		name         string
		size, area   fyne.Size
		want         fyne.Size
		wantShrunken bool
	}{
		{"1024×768 screen", standard, fyne.NewSize(1008, 672), fyne.NewSize(1008, 672), true},
		{"1920×1080 at 150 %", standard, fyne.NewSize(1269, 688), fyne.NewSize(1100, 688), true},
		{"1366×768 at 100 %", standard, fyne.NewSize(1350, 720), standard, false},
		{"remembered from a 4K screen", fyne.NewSize(2400, 1300), fyne.NewSize(1350, 720), fyne.NewSize(1350, 720), true},
		{"no sensible work area", standard, fyne.NewSize(300, 200), standard, false},
	} {
		got, shrunk := fitWithin(c.size, c.area)
		if got != c.want || shrunk != c.wantShrunken {
			t.Errorf("%s: %v within %v gave %v (shrunk %v), want %v (shrunk %v)", c.name, c.size, c.area, got, shrunk, c.want, c.wantShrunken)
		}
	}
}
