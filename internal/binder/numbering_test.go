package binder

import (
	"strings"
	"testing"
)

// A title that carries its own number prints with that number alone, in
// the heading, the contents and the outline.
func TestHandNumberedTitlesAreNotNumberedTwice(t *testing.T) {
	doc := sampleDocument()
	doc.Sections[0].Title = "Part 1: Preparation and prevention"
	doc.Sections[1].Title = "2 Roles and partners"
	doc.Sections[1].Children[0].Title = "2.1 Federal partners"
	path, res, _ := render(t, doc, Options{})
	pages := pageTexts(t, path)
	text := squash(strings.Join(pages, " "))
	for _, bad := range []string{"1 Part 1:", "2 2 Roles", "2.1 2.1 Federal", "SECTION 1 Part 1", "SECTION 2 2 Roles"} {
		if strings.Contains(text, bad) {
			t.Errorf("the binder prints %q", bad)
		}
	}
	contents := squash(strings.Join(pagesOf(pages, res, "Contents"), " "))
	for _, want := range []string{"Part 1: Preparation and prevention", "2 Roles and partners", "2.1 Federal partners", "2.2 State partners"} {
		if !strings.Contains(contents, want) {
			t.Errorf("the contents lacks %q:\n%s", want, contents)
		}
	}
	outline := "\n" + strings.Join(outlineTitles(t, path), "\n") + "\n"
	for _, want := range []string{"\nPart 1: Preparation and prevention\n", "\n2 Roles and partners\n", "\n2.1 Federal partners\n"} {
		if !strings.Contains(outline, want) {
			t.Errorf("the outline lacks %q:\n%s", want, outline)
		}
	}
}

// A very long title is set smaller so the cover stays one page.
func TestLongTitleKeepsTheCoverToOnePage(t *testing.T) {
	doc := sampleDocument()
	doc.Title = strings.Repeat("Election security contingency plan for the county ", 10)[:500]
	path, res, _ := render(t, doc, Options{})
	pages := pageTexts(t, path)
	if res.Parts[0].First != res.Parts[0].Last {
		t.Fatalf("the cover takes pages %d to %d", res.Parts[0].First, res.Parts[0].Last)
	}
	cover := squash(pages[0])
	for _, want := range []string{"for the county Election", "PREPARED BY", "return it when you leave your post"} {
		if !strings.Contains(strings.ToUpper(cover), strings.ToUpper(want)) {
			t.Errorf("the cover lacks %q:\n%s", want, cover)
		}
	}
}
