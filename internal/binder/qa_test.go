package binder

import (
	"fmt"
	"strings"
	"testing"
)

// fillerParagraphs is a body of n short paragraphs.
func fillerParagraphs(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Paragraph %d of filler.\n\n", i)
	}
	return b.String()
}

// wrappingTable is a table whose first row wraps over several lines.
const wrappingTable = "| A | B | C |\n|---|---|---|\n" +
	"| first row wraps around several lines because its cell holds a long sentence of instructions for the clerk to follow | b | c |\n" +
	"| second row | b | c |\n"

// A heading at the foot of a page is never left there alone while the
// table under it starts on the next page: wherever the filler above pushes
// it, the heading shares its page with the table's first row.
func TestHeadingIsNotOrphanedAboveATable(t *testing.T) {
	for n := 40; n <= 70; n += 2 {
		doc := &Document{Title: "Orphans", Sections: []Section{
			{Title: "Subsection", Body: fillerParagraphs(n), Children: []Section{{Title: "Orphan candidate", Body: wrappingTable}}},
			{Title: "Inline", Body: fillerParagraphs(n) + "### Inline candidate\n\n" + wrappingTable},
		}}
		path, _, _ := render(t, doc, Options{})
		for i, page := range pageTexts(t, path) {
			if strings.Contains(page, "Contents") {
				continue
			}
			for _, heading := range []string{"Orphan candidate", "Inline candidate"} {
				if strings.Contains(page, heading) && !strings.Contains(page, "first row wraps") {
					t.Errorf("%d paragraphs: %q ends page %d without its table", n, heading, i+1)
				}
			}
		}
	}
}

// The headings of a scenario's checklists stay with the first step below them.
func TestScenarioHeadingsStayWithTheirFirstStep(t *testing.T) {
	long := "Call the vendor's support line, give the serial numbers of every affected device, and write down the ticket number and the name of the technician"
	for n := 0; n <= 40; n += 2 {
		var desc strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&desc, "- observed sign %d\n", i)
		}
		doc := &Document{Title: "Scenarios", Scenarios: []Scenario{{Title: "Outage", Description: desc.String(),
			Steps:          []Step{{Text: "First response step: " + long, Detail: long, Role: "IT support", Who: "Dee Xiong"}},
			Communications: []Step{{Text: "First message: " + long, Detail: long, Role: "Clerk"}}}}}
		path, _, _ := render(t, doc, Options{})
		for i, page := range pageTexts(t, path) {
			if strings.Contains(page, "Contents") {
				continue
			}
			if strings.Contains(page, "Response checklist") && !strings.Contains(page, "First response step") {
				t.Errorf("%d signs: the response checklist heading ends page %d without its first step", n, i+1)
			}
			if strings.Contains(page, "Communications\n") && !strings.Contains(page, "First message") {
				t.Errorf("%d signs: the communications heading ends page %d without its first step", n, i+1)
			}
		}
	}
}

// Every page of a scenario after its first names it in the running title.
func TestScenarioPagesNameTheirScenario(t *testing.T) {
	var steps []Step
	for i := 0; i < 40; i++ {
		steps = append(steps, Step{Text: fmt.Sprintf("Step %d of the ransomware response, written out at some length", i+1), Role: "IT support"})
	}
	doc := &Document{Title: "Running titles", Scenarios: []Scenario{
		{Title: "Ransomware on the county network", Steps: steps},
		{Title: "Power loss at a polling place", Steps: steps[:2]},
	}}
	path, _, _ := render(t, doc, Options{})
	seen := 0
	for i, page := range pageTexts(t, path) {
		first, _, _ := strings.Cut(strings.TrimSpace(page), "\n\n")
		lines := strings.Split(page, "\n")
		if !strings.Contains(page, "Step ") || len(lines) < 3 {
			continue
		}
		header := lines[2]
		switch {
		case strings.Contains(page, "SCENARIO 2"):
			if strings.Contains(header, "Ransomware") {
				t.Errorf("page %d: the second scenario's page is headed %q", i+1, header)
			}
		case !strings.Contains(page, "SCENARIO 1"):
			seen++
			if !strings.Contains(header, "Scenario 1: Ransomware") {
				t.Errorf("page %d: a continuation page is headed %q (%q)", i+1, header, first)
			}
		}
	}
	if seen == 0 {
		t.Fatal("the 40 steps fit on one page; the test proves nothing")
	}
}

// A table of twelve columns prints its words whole, in smaller type, rather
// than breaking "Column" into "Colum" and "n".
func TestTwelveColumnTableKeepsWordsWhole(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 12; i++ {
		fmt.Fprintf(&b, "| Column%02d heading ", i)
	}
	b.WriteString("|\n" + strings.Repeat("|---", 12) + "|\n")
	for i := 0; i < 12; i++ {
		fmt.Fprintf(&b, "| Value%02d ", i)
	}
	b.WriteString("|\n")
	doc := &Document{Title: "Wide", Sections: []Section{{Title: "Wide table", Body: b.String()}}}
	path, _, _ := render(t, doc, Options{})
	text := strings.Join(pageTexts(t, path), "\n")
	for i := 0; i < 12; i++ {
		for _, word := range []string{fmt.Sprintf("Column%02d", i), fmt.Sprintf("Value%02d", i)} {
			if !strings.Contains(text, word) {
				t.Errorf("%q is not printed whole", word)
			}
		}
	}
}

// HTML in a body: a comment (a note the clerk left in the file) is not
// printed, and other HTML prints its words without the tags.
func TestHTMLInABody(t *testing.T) {
	body := "Before.\n\n<!-- note to self: Bob's personal cell is 555-0199 -->\n\n<div align=\"center\">\n<b>Call the clerk</b> &amp; the sheriff\n</div>\n\nAfter.\n"
	doc := &Document{Title: "HTML", Sections: []Section{{Title: "Notes", Body: body}}}
	path, _, _ := render(t, doc, Options{})
	text := squash(strings.Join(pageTexts(t, path), "\n"))
	if strings.Contains(text, "555-0199") || strings.Contains(text, "<!--") {
		t.Error("an HTML comment was printed")
	}
	if strings.Contains(text, "<div") || strings.Contains(text, "<b>") || !strings.Contains(text, "Call the clerk & the sheriff") {
		t.Errorf("HTML printed as %q", text)
	}
}
