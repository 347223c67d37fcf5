package binder

import (
	"bytes"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// scriptSamples are the characters and scripts the binder must print.
var scriptSamples = []struct{ name, text string }{
	{"symbols", "Done ✓ when turnout ≥ 10 % and ≤ 90 %, A → B, x ≠ y"},
	{"Chinese", "中文 选举安全应急计划"},
	{"Vietnamese", "Tiếng Việt: Kế hoạch an ninh bầu cử"},
	{"Korean", "한국어 선거 보안 비상 계획"},
	{"Japanese", "日本語 ひらがな カタカナ 選挙"},
	{"Tagalog", "Tagalog: Plano sa seguridad ng halalan, Pilipinas"},
	{"Spanish", "Español: Plan de seguridad electoral, año"},
	{"Hindi", "हिन्दी चुनाव सुरक्षा योजना"},
	{"Bengali", "বাংলা নির্বাচন নিরাপত্তা পরিকল্পনা"},
	{"Navajo", "Diné bizaad: Yáʼátʼééh, łeezh, ą́"},
	{"Hebrew", "עברית תוכנית"},
}

func scriptDocument() *Document {
	doc := sampleDocument()
	var b strings.Builder
	for _, s := range scriptSamples {
		b.WriteString("- **" + s.name + "**: " + s.text + "\n")
	}
	doc.Sections[0].Body = b.String()
	return doc
}

func TestEveryScriptPrintsWithAFallbackFont(t *testing.T) {
	path, res, _ := render(t, scriptDocument(), Options{})
	keepPDF(t, "scripts.pdf", path)
	checkValid(t, path)
	first := pagesOf(pageTexts(t, path), res, "Purpose and scope")
	text := strings.Join(first, "\n")
	for _, want := range []string{"✓", "≥", "≤", "→", "≠", "中文", "Tiếng Việt", "한국어", "ひらがな", "カタカナ", "Yáʼátʼééh", "łeezh", "año", "Pilipinas"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext does not find %q on the page:\n%s", want, text)
		}
	}
	fonts := runTool(t, "pdffonts", path)
	for _, want := range []string{"NotoSymbols2", "NotoMath", "DroidCJK", "BinderHangul", "NotoDevanagari", "NotoBengali", "NotoHebrew"} {
		if !strings.Contains(strings.ToLower(fonts), strings.ToLower(want)) {
			t.Errorf("pdffonts does not list %s:\n%s", want, fonts)
		}
	}
}

// The glyphs of ✓, ≥, 中文 and Tiếng Việt are drawn: each word's area on
// the rendered page has ink, and the ink is not the hollow rectangle a font
// draws for a character it lacks.
func TestGlyphsAreDrawnNotBoxes(t *testing.T) {
	doc := sampleDocument()
	doc.Sections[0].Body = "Check ✓ when turnout ≥ 10 and 中文 and Tiếng Việt print."
	path, res, _ := render(t, doc, Options{})
	checkGlyphsDrawn(t, path, res.Parts[3].First, "✓", "≥", "中文", "Tiếng", "Việt")
}

// The training, readiness, roll-up and after-action reports print titles,
// names and reasons in the fallback fonts too: a sign-in sheet's title and a
// readiness checklist's election, task and reason with ✓ and 中文.
func TestReportsDrawEveryScript(t *testing.T) {
	signIn := oneSignUpSheet(t, "Drill 中文 ✓", "王伟", "Town")
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	sheet := ReadinessSheet{Election: "Spring 中文 ✓", Countdown: "40 days to go", AsOf: start, Jurisdiction: "Lakeshore",
		Rows: []ReadinessRow{{Due: start, State: "due", Task: "Train 中文 ✓", Why: "Tiếng Việt 中文 ✓", Fix: "Training"}}}
	var ready bytes.Buffer
	if err := WriteReadinessSheet(&ready, sheet, PageSetup{}); err != nil {
		t.Fatal(err)
	}
	for name, pdf := range map[string][]byte{"signin-scripts.pdf": signIn, "readiness-scripts.pdf": ready.Bytes()} {
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		keepPDF(t, name, path)
		checkGlyphsDrawn(t, path, 1, "中文", "✓")
	}
}

// checkGlyphsDrawn finds each word on the page with pdftotext and checks
// that its area on the rendered page has ink that is not an empty box, every
// time the word appears.
func checkGlyphsDrawn(t *testing.T, path string, page int, words ...string) {
	t.Helper()
	const dpi = 200
	img := renderPage(t, path, page, dpi)
	bbox := runTool(t, "pdftotext", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), "-bbox", path, "-")
	for _, word := range words {
		found := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">`+regexp.QuoteMeta(word)+`</word>`).FindAllStringSubmatch(bbox, -1)
		if found == nil {
			t.Errorf("pdftotext finds no %q", word)
		}
		for _, m := range found {
			var b [4]int
			for i := range b {
				f, _ := strconv.ParseFloat(m[i+1], 64)
				b[i] = int(f * dpi / 72)
			}
			ink, ok := inkBounds(img, image.Rect(b[0], b[1], b[2], b[3]))
			if !ok {
				t.Errorf("%q has no ink on the page", word)
				continue
			}
			if boxLike(img, ink) {
				t.Errorf("%q prints as an empty box", word)
			}
		}
	}
}

// The running head prints a Hebrew plan title right to left, as the page's
// own text does: pdftotext reads the same words, in the same order, in both.
func TestRunningHeadReadsRightToLeft(t *testing.T) {
	doc := sampleDocument()
	doc.Title = "תוכנית חירום"
	doc.Sections[0].Body = doc.Title
	path, res, _ := render(t, doc, Options{})
	page := res.Parts[3].First
	bbox := runTool(t, "pdftotext", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), "-bbox", path, "-")
	lines := map[string][]string{} // words by their line's top, left to right
	for _, m := range regexp.MustCompile(`<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*?)</word>`).FindAllStringSubmatch(bbox, -1) {
		if isRTL([]rune(m[2])[0]) {
			lines[m[1]] = append(lines[m[1]], m[2])
		}
	}
	var seen []string
	for _, words := range lines {
		seen = append(seen, strings.Join(words, " "))
	}
	if len(seen) != 2 || seen[0] != seen[1] {
		t.Fatalf("the running head and the page's text differ: %q", seen)
	}
}

// The box test knows a box when it sees one, and a check mark when it does not.
func TestBoxLikeTellsABoxFromAGlyph(t *testing.T) {
	box := image.NewGray(image.Rect(0, 0, 20, 30))
	check := image.NewGray(image.Rect(0, 0, 20, 30))
	for y := 0; y < 30; y++ {
		for x := 0; x < 20; x++ {
			box.SetGray(x, y, color.Gray{255})
			check.SetGray(x, y, color.Gray{255})
			if x == 0 || x == 19 || y == 0 || y == 29 {
				box.SetGray(x, y, color.Gray{0})
			}
		}
		check.SetGray(min(19, 10+y/3), 29-y, color.Gray{0})
		check.SetGray(max(0, 10-y/2), 29-y, color.Gray{0})
	}
	if !boxLike(box, box.Bounds()) || boxLike(check, check.Bounds()) {
		t.Fatal("boxLike cannot tell a box from a check mark")
	}
}

func isInk(c color.Color) bool { r, g, b, _ := c.RGBA(); return r+g+b < 3*0xA000 }

// inkBounds is the smallest rectangle within area holding every inked pixel.
func inkBounds(img image.Image, area image.Rectangle) (image.Rectangle, bool) {
	ink := image.Rectangle{}
	found := false
	for y := area.Min.Y; y < area.Max.Y; y++ {
		for x := area.Min.X; x < area.Max.X; x++ {
			if !isInk(img.At(x, y)) {
				continue
			}
			p := image.Rect(x, y, x+1, y+1)
			if !found {
				ink, found = p, true
			} else {
				ink = ink.Union(p)
			}
		}
	}
	return ink, found
}

// boxLike reports whether the ink in r is a rectangle's outline: all four
// edges of its bounds are inked along most of their length.
func boxLike(img image.Image, r image.Rectangle) bool {
	edge := func(x0, y0, dx, dy, n int) bool {
		inked := 0
		for i := 0; i < n; i++ {
			if isInk(img.At(x0+i*dx, y0+i*dy)) {
				inked++
			}
		}
		return inked*10 >= n*8
	}
	w, h := r.Dx(), r.Dy()
	return edge(r.Min.X, r.Min.Y, 1, 0, w) && edge(r.Min.X, r.Max.Y-1, 1, 0, w) &&
		edge(r.Min.X, r.Min.Y, 0, 1, h) && edge(r.Max.X-1, r.Min.Y, 0, 1, h)
}
