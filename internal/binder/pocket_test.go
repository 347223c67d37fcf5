package binder

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The pocket card part offers a CR80 badge card (two 85.6 × 54 mm sides
// to fold) besides the wallet card, both with the contacts and first steps.
func TestPocketCardComesInBadgeSize(t *testing.T) {
	doc := sampleDocument()
	path, res, _ := render(t, doc, Options{})
	keepPDF(t, "pocket.pdf", path)
	pages := pagesOf(pageTexts(t, path), res, "Pocket reference card")
	text := squash(strings.Join(pages, " "))
	if !strings.Contains(text, "Badge card (CR80, 3.375 × 2.125 in)") {
		t.Fatalf("no badge card:\n%s", text)
	}
	first := doc.Pocket.Contacts[0].Name
	if strings.Count(text, first) < 2 || strings.Count(text, "FIRST STEPS") < 2 {
		t.Errorf("the wallet and badge cards do not both list %s and the first steps:\n%s", first, text)
	}
	qdf := filepath.Join(t.TempDir(), "qdf.pdf")
	runTool(t, "qpdf", "--qdf", "--object-streams=disable", path, qdf)
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	const pt = 72 / 25.4
	found := false
	for _, m := range regexp.MustCompile(`([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) re`).FindAllStringSubmatch(string(raw), -1) {
		w, _ := strconv.ParseFloat(m[3], 64)
		h, _ := strconv.ParseFloat(m[4], 64)
		if math.Abs(math.Abs(w)-2*badgeW*pt) < 0.5 && math.Abs(math.Abs(h)-badgeH*pt) < 0.5 {
			found = true
		}
	}
	if !found {
		t.Error("no cut line of 2 × 3.375 by 2.125 inches on the pocket card page")
	}
}
