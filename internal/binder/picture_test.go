package binder

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"electionbinder/internal/plan"
)

// mapPNG is a 600 × 400 picture with a red cross, standing for a map.
func mapPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 600, 400))
	for x := 0; x < 600; x++ {
		for y := 0; y < 400; y++ {
			c := color.RGBA{240, 240, 230, 255}
			if x > 280 && x < 320 || y > 180 && y < 220 {
				c = color.RGBA{200, 0, 0, 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A picture stored with the plan prints where its section shows it, with
// its description under it; one the plan lacks is a red note and a warning.
func TestStoredPicturesPrint(t *testing.T) {
	conn, id := storedPlan(t)
	ps := plan.NewStore(conn)
	if _, err := ps.AddImage(id, "polling-place-map.png", mapPNG(t)); err != nil {
		t.Fatal(err)
	}
	p, err := ps.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	body := "Where to set up:\n\n![Polling place map, Ward 3](polling-place-map.png)\n\n![Evacuation plan](evacuation.png)\n"
	if err := ps.SetSectionBody(p.Sections[0].ID, body); err != nil {
		t.Fatal(err)
	}
	path, res, _ := export(t, NewStore(conn), id, ExportOptions{})
	keepPDF(t, "picture.pdf", path)
	checkValid(t, path)
	list := runTool(t, "pdfimages", "-list", path)
	if rows := regexp.MustCompile(`(?m)^\s+\d+\s+\d+\s+image\s+600\s+400\s`).FindAllString(list, -1); len(rows) != 1 {
		t.Errorf("pdfimages lists %d pictures of 600 × 400, want 1:\n%s", len(rows), list)
	}
	text := squash(strings.Join(pageTexts(t, path), " "))
	if !strings.Contains(text, "Polling place map, Ward 3") || strings.Contains(text, "[picture:") {
		t.Errorf("the picture's description is missing or it printed as a stand-in")
	}
	if !strings.Contains(text, "[Picture evacuation.png is not stored with the plan") {
		t.Error("a missing picture is not marked on the page")
	}
	if w := strings.Join(res.Warnings, "\n"); !strings.Contains(w, "evacuation.png is not stored with the plan") {
		t.Errorf("no warning for the missing picture: %q", w)
	}
}
