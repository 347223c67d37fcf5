package app

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/contacts"
	"electionbinder/internal/training"
)

// TestTrainingScreenPictures draws the Training screen over the sample
// county, tab by tab. With BINDER_SHOT_OUT set to a folder it saves the
// pictures there to look at.
func TestTrainingScreenPictures(t *testing.T) {
	path, conn := newTestDB(t)
	if err := contacts.NewStore(conn).LoadSample(time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := training.NewStore(conn).LoadSample(time.Now()); err != nil {
		t.Fatal(err)
	}
	u := newTestWindow(t, path, conn)
	u.win.Resize(fyne.NewSize(1100, 720))
	u.nav.showTitled("Training")
	s := u.nav.current().(*trainingScreen)
	pictures := map[string]func(){
		"sessions": func() {},
		"details": func() {
			s.list.Select(3)
			s.detail.tabs.SelectIndex(1)
		},
		"compliance": func() {
			s.tabs.SelectIndex(1)
			s.compliance.asOf.SetText("2019-12-31")
			s.compliance.table.Select(widget.TableCellID{Row: 1, Col: 3})
		},
		"offices": func() {
			s.tabs.SelectIndex(1)
			s.compliance.tabs.SelectIndex(1)
		},
		"requirements": func() {
			s.tabs.SelectIndex(1)
			s.compliance.tabs.SelectIndex(2)
			s.compliance.editor.list.Select(1)
		},
	}
	for _, name := range []string{"sessions", "details", "compliance", "offices", "requirements"} {
		pictures[name]()
		img := u.win.Canvas().Capture()
		if img.Bounds().Dx() < 1000 {
			t.Fatalf("%s: picture %v", name, img.Bounds())
		}
		if dir := os.Getenv("BINDER_SHOT_OUT"); dir != "" {
			f, err := os.Create(filepath.Join(dir, "training-"+name+".png"))
			if err != nil {
				t.Fatal(err)
			}
			png.Encode(f, img)
			f.Close()
		}
	}
}
