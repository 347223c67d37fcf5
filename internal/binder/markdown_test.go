package binder

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

const markdownSample = `Old rule: ~~keep the ballots in the car~~ now locked room.

Chain of custody is kept on paper.[^1]

- Top
  - Second level
    - Third level
1. First
   1. Lettered
      1. Roman

Run ` + "`ping -c 4 10.0.0.1`" + ` first.

` + "```" + `
ipconfig /all
` + "```" + `

[^1]: See the state's custody form.
`

func TestMarkdownPrintsAsWritten(t *testing.T) {
	doc := sampleDocument()
	doc.Sections[0].Body = markdownSample
	path, res, _ := render(t, doc, Options{})
	keepPDF(t, "markdown.pdf", path)
	pages := pageTexts(t, path)
	text := strings.Join(pagesOf(pages, res, "Purpose and scope"), "\n")
	for _, want := range []string{"paper.¹", "¹ See the state's custody form.", "◦ Second level", "▪ Third level", "a. Lettered", "i. Roman", "ipconfig /all"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext does not find %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "[^1]") {
		t.Error("the footnote prints as raw Markdown")
	}
	if fonts := runTool(t, "pdffonts", path); !strings.Contains(strings.ToLower(fonts), "notomono") {
		t.Errorf("code is not set in the monospaced font:\n%s", fonts)
	}
	page := res.Parts[3].First
	if !struckThrough(t, path, page, "car") {
		t.Error("struck text has no line through it")
	}
	if struckThrough(t, path, page, "locked") {
		t.Error("text that is not struck has a line through it")
	}
}

// struckThrough renders a page and reports whether a dark line runs across
// the whole of the word's box at its middle, as a strikethrough does.
func struckThrough(t *testing.T, path string, page int, word string) bool {
	t.Helper()
	const dpi = 150
	bbox := runTool(t, "pdftotext", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), "-bbox", path, "-")
	m := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">` + word + `</word>`).FindStringSubmatch(bbox)
	if m == nil {
		t.Fatalf("pdftotext finds no %q on page %d", word, page)
	}
	box := make([]float64, 4)
	for i := range box {
		box[i], _ = strconv.ParseFloat(m[i+1], 64)
		box[i] *= dpi / 72.0
	}
	img := renderPage(t, path, page, dpi)
	dark := func(c color.Color) bool { r, g, b, _ := c.RGBA(); return r+g+b < 3*0x8000 }
	for y := int(box[1] + (box[3]-box[1])*0.35); y <= int(box[1]+(box[3]-box[1])*0.75); y++ {
		n, w := 0, 0
		for x := int(box[0]) + 1; x < int(box[2])-1; x++ {
			w++
			if dark(img.At(x, y)) {
				n++
			}
		}
		if w > 0 && n >= w*95/100 {
			return true
		}
	}
	return false
}

// renderPage rasterizes one page with pdftoppm.
func renderPage(t *testing.T, path string, page, dpi int) image.Image {
	t.Helper()
	out := filepath.Join(t.TempDir(), "page")
	runTool(t, "pdftoppm", "-png", "-r", strconv.Itoa(dpi), "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), "-singlefile", path, out)
	f, err := os.Open(out + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}
