package binder

import (
	"fmt"
	"strings"
	"testing"
)

// Paragraphs keep two lines together at each end, and short lists and
// tables stay whole, wherever on the page they happen to fall.
func TestNoLoneLinesRowsOrItems(t *testing.T) {
	var b strings.Builder
	for k := 1; k <= 30; k++ {
		for j := 0; j < k%5; j++ {
			fmt.Fprintf(&b, "Filler line %d.%d.\n\n", k, j)
		}
		for w := 1; w <= 30; w++ { // three lines
			fmt.Fprintf(&b, "p%dt%02d ", k, w)
		}
		b.WriteString("\n\n")
		for i := 1; i <= 4; i++ {
			fmt.Fprintf(&b, "- [ ] c%di%d check the seal and write the number down\n", k, i)
		}
		fmt.Fprintf(&b, "\n| Step | Who |\n|---|---|\n")
		for i := 1; i <= 3; i++ {
			fmt.Fprintf(&b, "| r%dx%d lock the room | clerk |\n", k, i)
		}
		b.WriteString("\n")
	}
	doc := sampleDocument()
	doc.Sections[0].Body = b.String()
	path, res, _ := render(t, doc, Options{})
	pages := pagesOf(pageTexts(t, path), res, "Purpose and scope")
	if len(pages) < 4 {
		t.Fatalf("the test body takes %d pages; it must cross several", len(pages))
	}
	pageOf := func(token string) int {
		for i, p := range pages {
			if strings.Contains(p, token) {
				return i
			}
		}
		t.Fatalf("%s is not printed", token)
		return -1
	}
	together := func(what string, tokens ...string) {
		first := pageOf(tokens[0])
		for _, tok := range tokens[1:] {
			if pageOf(tok) != first {
				t.Errorf("%s is split between pages at %s", what, tok)
				return
			}
		}
	}
	for k := 1; k <= 30; k++ {
		p := func(s string, a ...any) string { return fmt.Sprintf(s, a...) }
		together(p("paragraph %d", k), p("p%dt01 ", k), p("p%dt15 ", k), p("p%dt30", k))
		together(p("checklist %d", k), p("c%di1 ", k), p("c%di2 ", k), p("c%di3 ", k), p("c%di4 ", k))
		together(p("table %d", k), p("r%dx1 ", k), p("r%dx2 ", k), p("r%dx3 ", k))
	}
}
