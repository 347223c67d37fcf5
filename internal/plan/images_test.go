package plan

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"
)

// testPNG is a small picture: a 16-bit PNG, which PDF libraries often refuse.
func testPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA64(image.Rect(0, 0, 40, 20))
	for x := 0; x < 40; x++ {
		img.Set(x, 10, color.NRGBA64{R: 0xFFFF, A: 0xFFFF})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPicturesAreStoredWithThePlan(t *testing.T) {
	s, _ := openStore(t)
	id, err := s.Create(Document{Title: "P", Sections: []DocSection{{Title: "Maps", Body: "![Polling place map](map.png)\n\n![Evacuation](exit.png)"}}})
	if err != nil {
		t.Fatal(err)
	}
	img, err := s.AddImage(id, `C:\Users\clerk\Pictures\map.png`, testPNG(t))
	if err != nil {
		t.Fatal(err)
	}
	if img.Name != "map.png" || img.Format != "png" || img.Width != 40 || img.Height != 20 {
		t.Fatalf("stored %+v", img)
	}
	if _, err := s.AddImage(id, "map.png", testPNG(t)); err == nil || !strings.Contains(err.Error(), "already has a picture named map.png") {
		t.Errorf("a second map.png: %v", err)
	}
	if _, err := s.AddImage(id, "notes.png", []byte("not a picture")); err == nil || !strings.Contains(err.Error(), "not a PNG, JPEG or GIF") {
		t.Errorf("a text file as a picture: %v", err)
	}
	if _, err := s.AddImage(id, "", testPNG(t)); err == nil {
		t.Error("a picture without a name was stored")
	}
	imgs, err := s.Images(id)
	if err != nil || len(imgs) != 1 {
		t.Fatalf("images: %v %v", imgs, err)
	}
	if cfg, err := png.DecodeConfig(bytes.NewReader(imgs[0].Data)); err != nil || cfg.ColorModel == color.NRGBA64Model {
		t.Errorf("the picture is not kept as 8-bit PNG: %v", err)
	}
	gaps, err := s.Check(id, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, g := range gaps {
		if g.Kind == GapMissingImage {
			missing = append(missing, g.Message)
		}
	}
	if len(missing) != 1 || !strings.Contains(missing[0], "exit.png") {
		t.Errorf("missing-picture gaps: %q", missing)
	}
}
