package app

import (
	"bytes"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
)

// BenchmarkImportPreviewFromTheWindow2k measures Contacts → Import… from the
// file read to the preview on screen, for a spreadsheet of 2,000 people.
func BenchmarkImportPreviewFromTheWindow2k(b *testing.B) {
	var file bytes.Buffer
	file.WriteString("Name,Title,Organization,Office phone,Email\n")
	for i := range 2000 {
		fmt.Fprintf(&file, "Person %d,Clerk,Town %d Clerk,(608) 555-%04d,person%d@town%d.example.gov\n", i, i%40, i, i, i%40)
	}
	path, conn := newTestDB(b)
	u := newTestWindow(b, path, conn)
	u.nav.showTitled("Contacts")
	s := u.nav.current().(*contactsScreen)
	b.ResetTimer()
	for range b.N {
		s.previewImport("people.csv", file.Bytes())
		u.background.Wait()
		if s.preview == nil {
			b.Fatal("no preview")
		}
		pressKey(u, fyne.KeyEscape)
	}
}
