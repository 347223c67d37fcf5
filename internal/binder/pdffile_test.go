package binder

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// pageLinks reads every link annotation with qpdf and returns, for each
// page (from 1), the pages its links go to (0 for a link to no page).
func pageLinks(t testing.TB, path string) map[int][]int {
	t.Helper()
	var doc struct {
		Pages []struct {
			Object string `json:"object"`
		} `json:"pages"`
		QPDF []map[string]json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(runTool(t, "qpdf", "--json", "--json-key=pages", "--json-key=qpdf", path)), &doc); err != nil {
		t.Fatalf("reading qpdf's JSON: %v", err)
	}
	pageOf := map[string]int{}
	for i, p := range doc.Pages {
		pageOf[p.Object] = i + 1
	}
	out := map[int][]int{}
	for i, p := range doc.Pages {
		var obj struct {
			Value struct {
				Annots []struct {
					Subtype string `json:"/Subtype"`
					Dest    []any  `json:"/Dest"`
				} `json:"/Annots"`
			} `json:"value"`
		}
		if err := json.Unmarshal(doc.QPDF[1]["obj:"+p.Object], &obj); err != nil {
			t.Fatalf("page %d: %v", i+1, err)
		}
		for _, a := range obj.Value.Annots {
			if a.Subtype != "/Link" || len(a.Dest) == 0 {
				continue
			}
			ref, _ := a.Dest[0].(string)
			out[i+1] = append(out[i+1], pageOf[ref])
		}
	}
	return out
}

// Every line of the contents is a link to the page it names, the file
// says it is in English, and its creation date is the revision's approval.
func TestContentsLinksLanguageAndDate(t *testing.T) {
	doc := sampleDocument()
	doc.Dated = time.Date(2026, 3, 5, 14, 30, 0, 0, time.UTC)
	path, res, _ := render(t, doc, Options{})
	checkValid(t, path)
	pages := pageTexts(t, path)
	pageOfLabel := map[string]int{}
	for i, p := range res.Binder {
		pageOfLabel[p.Label] = i + 1
	}
	var printed []int
	line := regexp.MustCompile(`(?m)\.\s*([0-9A-Za-z]+(?:-\d+)?)\s*$`)
	for _, c := range pagesOf(pages, res, "Contents") {
		for _, m := range line.FindAllStringSubmatch(c, -1) {
			if n, ok := pageOfLabel[m[1]]; ok {
				printed = append(printed, n)
			}
		}
	}
	var linked []int
	contents := 0
	for _, p := range res.Parts {
		if p.Title == "Contents" {
			contents = p.First
		}
	}
	links := pageLinks(t, path)
	linked = append(linked, links[contents]...)
	sort.Ints(printed)
	sort.Ints(linked)
	if len(printed) < 10 || !equalInts(printed, linked) {
		t.Errorf("contents lines go to pages %v, their links to %v", printed, linked)
	}
	info := runTool(t, "pdfinfo", "-isodates", path)
	if !regexp.MustCompile(`CreationDate:\s+2026-03-05T14:30:00`).MatchString(info) {
		t.Errorf("pdfinfo reads another creation date:\n%s", info)
	}
	if !strings.Contains(runTool(t, "qpdf", "--json", "--json-key=qpdf", path), `"/Lang": "u:en-US"`) {
		t.Error("the catalog names no language")
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
