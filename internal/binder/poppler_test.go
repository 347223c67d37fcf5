package binder

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// needTool finds a command-line reader; CI installs them, so there a
// missing one fails the test, and elsewhere it skips.
func needTool(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed (poppler-utils and qpdf are needed)", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return path
}

// runTool runs a reader and returns what it printed.
func runTool(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(needTool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// render writes doc to a file in a temporary folder.
func render(t testing.TB, doc *Document, opt Options) (string, Result, []byte) {
	t.Helper()
	var buf bytes.Buffer
	res, err := Write(&buf, doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	return writeTempFile(t, "binder.pdf", buf.Bytes()), res, buf.Bytes()
}

// pageTexts returns the text of every page, as pdftotext reads it.
func pageTexts(t testing.TB, path string) []string {
	t.Helper()
	text := runTool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	pages := strings.Split(text, "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// pdfPages is the page count pdfinfo reports.
func pdfPages(t testing.TB, path string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(runTool(t, "pdfinfo", path))
	if m == nil {
		t.Fatal("pdfinfo reports no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// outlineTitles reads the bookmarks with qpdf, depth first.
func outlineTitles(t testing.TB, path string) []string {
	t.Helper()
	var doc struct {
		Outlines []outlineNode `json:"outlines"`
	}
	out := runTool(t, "qpdf", "--json", "--json-key=outlines", path)
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("reading qpdf's outline: %v", err)
	}
	var titles []string
	var walk func([]outlineNode)
	walk = func(ns []outlineNode) {
		for _, n := range ns {
			titles = append(titles, n.Title)
			walk(n.Kids)
		}
	}
	walk(doc.Outlines)
	return titles
}

type outlineNode struct {
	Title string        `json:"title"`
	Kids  []outlineNode `json:"kids"`
}

// checkValid runs qpdf --check and requires every font to be embedded.
func checkValid(t testing.TB, path string) {
	t.Helper()
	runTool(t, "qpdf", "--check", path)
	fonts := strings.Split(strings.TrimSpace(runTool(t, "pdffonts", path)), "\n")
	if len(fonts) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", strings.Join(fonts, "\n"))
	}
	for _, line := range fonts[2:] {
		f := strings.Fields(line)
		if len(f) < 5 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", line)
		}
	}
}

// squash removes the spaces pdftotext puts into laid-out text.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestBinderReadsInPoppler(t *testing.T) {
	doc := sampleDocument()
	path, res, _ := render(t, doc, Options{})
	checkValid(t, path)
	if n := pdfPages(t, path); n != res.Pages || n != res.TotalPages {
		t.Fatalf("pdfinfo counts %d pages, the renderer %d (of %d)", n, res.Pages, res.TotalPages)
	}
	pages := pageTexts(t, path)
	if len(pages) != res.Pages {
		t.Fatalf("pdftotext finds %d pages, want %d", len(pages), res.Pages)
	}
	cover := squash(pages[0])
	for _, want := range []string{"Election Security Contingency Plan", "Lakeshore County, Wisconsin", "Revision 4 of March 2, 2026",
		"March 5, 2026 by Ana Núñez, County Clerk", "March 1, 2027", "Controlled copy No. 3", "SENSITIVE — FOR OFFICIAL USE ONLY",
		"ISSUED TO Hannah Schultz, Emergency Management Director Kept at Emergency operations center",
		"This plan is approved for use by Lakeshore County", "Signature", "PREPARED BY Ana Núñez"} {
		if !strings.Contains(cover, want) {
			t.Errorf("the cover lacks %q:\n%s", want, cover)
		}
	}
	if len(res.Binder) != len(pages) {
		t.Fatalf("the renderer lists %d pages, pdftotext reads %d", len(res.Binder), len(pages))
	}
	for i, p := range pages {
		want := "Page " + res.Binder[i].Label
		if !strings.Contains(p, want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
		if strings.Count(p, "SENSITIVE — FOR OFFICIAL USE ONLY") < 2 {
			t.Errorf("page %d lacks the marking at top and bottom", i+1)
		}
		if !strings.Contains(p, "Revision 4 · March 2, 2026 · Copy 3") {
			t.Errorf("page %d lacks the revision, date and copy in its footer", i+1)
		}
	}
	var labels []string
	for _, p := range res.Binder {
		labels = append(labels, p.Label)
	}
	if got := strings.Join(labels, " "); got != "i ii iii 1-1 2-1 2-2 3-1 4-1 5-1 A-1 B-1 B-2 B-3 C-1" {
		t.Errorf("pages are labelled %s", got)
	}
	tree := squash(strings.Join(pagesOf(pages, res, "Call tree"), " "))
	for _, want := range []string{"Łukasz Wójcik", "Siobhán Ó Briain", "Ana Núñez", "Tomás Ibáñez", "(888) 555-0103",
		"GAP: nobody holds this role yet", "GAP: no backup", "Primary", "Backup 2", "Federal", "Vendor"} {
		if !strings.Contains(tree, want) {
			t.Errorf("the call tree lacks %q", want)
		}
	}
}

// pagesOf returns the text of the pages of the part with the given title.
func pagesOf(pages []string, res Result, title string) []string {
	for _, p := range res.Parts {
		if p.Title == title {
			return pages[p.First-1 : p.Last]
		}
	}
	return nil
}

func TestContentsShowsRealPageNumbers(t *testing.T) {
	doc := sampleDocument()
	path, res, _ := render(t, doc, Options{})
	pages := pageTexts(t, path)
	contents := pagesOf(pages, res, "Contents")
	line := regexp.MustCompile(`^\s*(?:([\d.]+)\s+)?(\S.*?)\s*(?:\. ?)+\s*([0-9A-Z]+-\d+|[ivx]+)\s*$`)
	byLabel := map[string]int{}
	for i, p := range res.Binder {
		byLabel[p.Label] = i
	}
	found := 0
	for _, l := range strings.Split(strings.Join(contents, "\n"), "\n") {
		m := line.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		found++
		page, ok := byLabel[m[3]]
		if !ok {
			t.Fatalf("contents line %q names a page the binder does not have", l)
		}
		if !strings.Contains(squash(pages[page]), squash(m[2])) {
			t.Errorf("contents says %q is on page %s, but it is not there", m[2], m[3])
		}
	}
	if want := 1 + 1 + 10 + 1 + 1 + 3 + 1; found != want {
		t.Errorf("contents has %d lines with page numbers, want %d", found, want)
	}
}

func TestOutlineHasEverySection(t *testing.T) {
	doc := sampleDocument()
	path, _, _ := render(t, doc, Options{})
	titles := strings.Join(outlineTitles(t, path), "\n")
	for _, want := range []string{"Cover", "Record of changes", "Distribution list", "Contents", "1  Purpose and scope",
		"2  Roles and partners", "2.1  Federal partners", "2.3  County and municipal partners", "3.1  Device security",
		"5  Communications guide", "Call tree", "County", "Scenarios", "1  Ransomware locks the voter registration workstation",
		"Pocket reference card"} {
		if !strings.Contains("\n"+titles+"\n", "\n"+want+"\n") {
			t.Errorf("the outline lacks %q:\n%s", want, titles)
		}
	}
}

func TestSameRevisionGivesSameBytes(t *testing.T) {
	_, _, first := render(t, sampleDocument(), Options{Duplex: true})
	for i := 0; i < 3; i++ {
		_, _, again := render(t, sampleDocument(), Options{Duplex: true})
		if !bytes.Equal(first, again) {
			t.Fatalf("export %d differs from the first (%d and %d bytes)", i+2, len(first), len(again))
		}
	}
	doc := sampleDocument()
	doc.Sections[0].Body += " One more sentence."
	_, res2, changed := render(t, doc, Options{Duplex: true})
	if bytes.Equal(first, changed) || res2.Hash == sampleDocument().ContentHash() {
		t.Fatal("a changed plan printed the same bytes or hash")
	}
}

func TestTablesBreakAcrossPagesWithTheirHeader(t *testing.T) {
	doc := sampleDocument()
	doc.Sections[1].Children[0].Body = partnersTable(70)
	path, res, _ := render(t, doc, Options{})
	part := pagesOf(pageTexts(t, path), res, "Roles and partners")
	if len(part) < 3 {
		t.Fatalf("a 70-row table fits on %d pages", len(part))
	}
	rows := 0
	for i, p := range part {
		n := len(regexp.MustCompile(`desk \d+`).FindAllString(p, -1))
		rows += n
		if n > 0 && !strings.Contains(p, "What they offer") {
			t.Errorf("page %d of the part has rows but no header", i+1)
		}
	}
	if rows != 70 {
		t.Errorf("found %d rows, want 70", rows)
	}
}

func TestLongWordsStayOnThePage(t *testing.T) {
	doc := sampleDocument()
	long := strings.Repeat("Verylongwordwithoutspaces", 20)
	doc.Sections[0].Body = long + "\n\n| A | B |\n|---|---|\n| " + long + " | short |\n"
	doc.CallTree.Groups[0].Roles[0].Holders[0].Name = long
	path, _, _ := render(t, doc, Options{Paper: A4})
	out := runTool(t, "pdftotext", "-bbox", path, "-")
	if !strings.Contains(runTool(t, "pdfinfo", path), "595.28 x 841.89") {
		t.Error("A4 was asked for but the page is not A4")
	}
	words := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"`).FindAllStringSubmatch(out, -1)
	if len(words) == 0 {
		t.Fatal("pdftotext found no words")
	}
	for _, w := range words {
		xMin, _ := strconv.ParseFloat(w[1], 64)
		xMax, _ := strconv.ParseFloat(w[2], 64)
		if xMin < 0 || xMax > 595.28-30 {
			t.Fatalf("a word runs from %.1f to %.1f pt, off the page's text area", xMin, xMax)
		}
	}
}

func TestEmptyPlanPrintsAValidBinder(t *testing.T) {
	path, res, _ := render(t, &Document{}, Options{})
	checkValid(t, path)
	pages := pageTexts(t, path)
	if len(pages) != res.Pages || res.Pages < 4 {
		t.Fatalf("an empty plan gave %d pages (%d read back)", res.Pages, len(pages))
	}
	all := squash(strings.Join(pages, " "))
	for _, want := range []string{"Election Security Contingency Plan", "Draft", "No revisions are recorded yet.",
		"No controlled copies have been issued.", "No one in the directory holds a role yet", "Pocket reference card",
		"Page i", "Page C-1", "DRAFT — never approved"} {
		if !strings.Contains(all, want) {
			t.Errorf("the empty binder lacks %q", want)
		}
	}
}

func TestFiveHundredSections(t *testing.T) {
	doc := sampleDocument()
	doc.Sections = manySections(500)
	path, res, _ := render(t, doc, Options{Duplex: true})
	checkValid(t, path)
	if n := pdfPages(t, path); n != res.Pages {
		t.Fatalf("pdfinfo counts %d pages, the renderer %d", n, res.Pages)
	}
	titles := outlineTitles(t, path)
	sections := 0
	for _, title := range titles {
		if strings.Contains(title, "Topic ") {
			sections++
		}
	}
	if sections != 500 {
		t.Errorf("the outline has %d section entries, want 500", sections)
	}
	for _, p := range res.Parts {
		if p.First%2 != 1 {
			t.Errorf("part %q starts on page %d, a left-hand page", p.Title, p.First)
		}
	}
	pages := pageTexts(t, path)
	last := squash(pages[len(pages)-1])
	if !strings.Contains(last, "Page C-2") {
		t.Errorf("the last page reads %q", last)
	}
}

// manySections is n sections in a tree three deep: ten parts, each with
// chapters of topics.
func manySections(n int) []Section {
	var parts []Section
	count := 0
	for p := 0; count < n; p++ {
		part := Section{Title: "Part " + strconv.Itoa(p+1) + " Topic " + strconv.Itoa(count+1), Body: "An overview of this part."}
		count++
		for c := 0; c < 7 && count < n; c++ {
			ch := Section{Title: "Chapter Topic " + strconv.Itoa(count+1), Body: purposeBody}
			count++
			for k := 0; k < 6 && count < n; k++ {
				ch.Children = append(ch.Children, Section{Title: "Topic " + strconv.Itoa(count+1), Body: deviceBody})
				count++
			}
			part.Children = append(part.Children, ch)
		}
		parts = append(parts, part)
	}
	return parts
}

func TestEmojiAndControlCharactersDoNotBreakTheBinder(t *testing.T) {
	doc := sampleDocument()
	doc.Title = "Plan 🗳️ with a ballot box\x07"
	doc.Sections[0].Body = "Emoji 😀 in a paragraph, and a tab\there."
	path, _, _ := render(t, doc, Options{})
	checkValid(t, path)
	if text := squash(strings.Join(pageTexts(t, path), " ")); !strings.Contains(text, "with a ballot box") {
		t.Error("the title is missing")
	}
}

// A PDF reader shows the same page labels as the footers: qpdf reads the
// file's page labels back.
func TestReadersShowThePageLabels(t *testing.T) {
	doc := sampleDocument()
	path, res, _ := render(t, doc, Options{})
	checkValid(t, path)
	var got struct {
		PageLabels []struct {
			Index int `json:"index"`
			Label struct {
				P  string `json:"/P"`
				S  string `json:"/S"`
				St int    `json:"/St"`
			} `json:"label"`
		} `json:"pagelabels"`
	}
	if err := json.Unmarshal([]byte(runTool(t, "qpdf", "--json", "--json-key=pagelabels", path)), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.PageLabels) != len(res.Binder) {
		t.Fatalf("the file labels %d pages, the binder has %d", len(got.PageLabels), len(res.Binder))
	}
	for i, l := range got.PageLabels {
		label := strings.TrimPrefix(l.Label.P, "u:") + strconv.Itoa(l.Label.St) // qpdf marks text strings "u:"
		if l.Label.S == "/r" {
			label = roman(l.Label.St)
		}
		if label != res.Binder[i].Label {
			t.Errorf("page %d is labelled %q in the file, %q in its footer", i+1, label, res.Binder[i].Label)
		}
	}
}
