package binder

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"electionbinder/internal/contacts"
	"electionbinder/internal/plan"
)

// march is a day of March 2026 at noon.
func march(day int) time.Time { return time.Date(2026, 3, day, 12, 0, 0, 0, time.UTC) }

// footerLabel reads a page's label from its footer as pdftotext gives it.
var footerLabel = regexp.MustCompile(`Page ([0-9A-Z]+-\d+|[ivxlc]+)\s*\n`)

// labelledPage is a page of a printed binder as pdftotext reads it.
type labelledPage struct {
	label, text string
}

// readBinder reads every page of a PDF with its label; pages outside the
// numbering (the instruction sheet) are returned apart.
func readBinder(t *testing.T, path string) (pages []labelledPage, sheet []string) {
	t.Helper()
	for _, text := range pageTexts(t, path) {
		if strings.Contains(text, "Instructions — not a binder page") {
			sheet = append(sheet, text)
			continue
		}
		m := footerLabel.FindStringSubmatch(text + "\n")
		if m == nil {
			t.Fatalf("a page has no label in its footer:\n%s", text)
		}
		pages = append(pages, labelledPage{m[1], text})
	}
	return pages, sheet
}

// clerkOrder is where a page goes by its label, as a clerk files it: the
// front matter (i, ii …), then the parts in number order, then the annexes
// in letter order, and pages of a part by number.
func clerkOrder(label string) [3]int {
	tab, num, ok := strings.Cut(label, "-")
	if !ok {
		return [3]int{0, 0, romanValue(label)}
	}
	n, _ := strconv.Atoi(num)
	if part, err := strconv.Atoi(tab); err == nil {
		return [3]int{1, part, n}
	}
	return [3]int{2, int(tab[0]), n}
}

func romanValue(s string) int {
	for i := 1; i < 400; i++ {
		if roman(i) == s {
			return i
		}
	}
	return -1
}

// applyPacket does what the instruction sheet asks of a clerk: take out the
// pages listed for removal, put in the enclosed pages, file by label.
func applyPacket(t *testing.T, old []labelledPage, rows []string, enclosed []labelledPage) []labelledPage {
	t.Helper()
	remove := map[string]bool{}
	insert := map[string]bool{}
	for _, row := range rows {
		action, label, _ := strings.Cut(row, "\t")
		switch action {
		case "remove":
			remove[label] = true
		case "insert":
			insert[label] = true
		default:
			t.Fatalf("packet row %q", row)
		}
	}
	var out []labelledPage
	for _, p := range old {
		if !remove[p.label] {
			out = append(out, p)
		}
	}
	if len(enclosed) != len(insert) {
		t.Fatalf("the packet encloses %d pages, its list says %d", len(enclosed), len(insert))
	}
	for _, p := range enclosed {
		if !insert[p.label] {
			t.Fatalf("the packet encloses page %s, which its list does not put in", p.label)
		}
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := clerkOrder(out[i].label), clerkOrder(out[j].label)
		for k := range a {
			if a[k] != b[k] {
				return a[k] < b[k]
			}
		}
		return false
	})
	return out
}

// sameBinder compares a binder put together by hand with the one printed
// whole, page by page.
func sameBinder(t *testing.T, got, want []labelledPage) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("the updated binder has %d pages, the new binder %d", len(got), len(want))
	}
	for i := 0; i < min(len(got), len(want)); i++ {
		if got[i].label != want[i].label || got[i].text != want[i].text {
			t.Fatalf("page %d of the updated binder is %s, of the new binder %s:\n%s\n---- want ----\n%s",
				i+1, got[i].label, want[i].label, got[i].text, want[i].text)
		}
	}
}

// packetRun prints a packet, reads it and checks that its instruction
// sheet names every run of labels it lists.
func packetRun(t *testing.T, s *Store, id int64, opt ExportOptions) (rows []string, enclosed []labelledPage, sheet string) {
	t.Helper()
	path, res, _ := export(t, s, id, opt)
	checkValid(t, path)
	if res.Packet == nil {
		t.Fatal("no packet was printed")
	}
	pages, sheets := readBinder(t, path)
	sheet = squash(strings.Join(sheets, " "))
	// In drawing order a table cell's lines stay together, however its
	// neighbours wrap.
	raw := squash(runTool(t, "pdftotext", "-raw", "-l", strconv.Itoa(len(sheets)), path, "-"))
	for _, tab := range packetTabs(res.Packet) {
		for _, pages := range [][]Page{pagesOfTab(res.Packet.Remove, tab), pagesOfTab(res.Packet.Insert, tab)} {
			if r := labelRanges(pages); r != "" && !strings.Contains(sheet, r) && !strings.Contains(raw, r) {
				t.Errorf("the instruction sheet does not name %q:\n%s", r, sheet)
			}
		}
	}
	return res.Packet.Rows(), pages, sheet
}

func approveOn(t *testing.T, s *Store, id int64, day int) {
	t.Helper()
	if _, err := s.Approve(id, plan.Approval{ApprovedBy: "Ana Núñez", At: march(day)}); err != nil {
		t.Fatal(err)
	}
}

// sectionNamed finds a section of a stored plan by title.
func sectionNamed(t *testing.T, conn *plan.Store, id int64, title string) plan.Section {
	t.Helper()
	p, err := conn.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	for _, sec := range p.Sections {
		if sec.Title == title {
			return sec
		}
	}
	t.Fatalf("no section %q", title)
	return plan.Section{}
}

func labelsWithTab(rows []string, tab string) []string {
	var out []string
	for _, row := range rows {
		if _, label, _ := strings.Cut(row, "\t"); strings.HasPrefix(label, tab+"-") {
			out = append(out, row)
		}
	}
	return out
}

// A longer section in Part 1 moves only Part 1's later pages; the packet
// takes out and puts in pages of Part 1 and the front matter, and Part 2
// stays as printed.
func TestPacketForALongerSection(t *testing.T) {
	conn, id := storedPlan(t)
	ps, s := plan.NewStore(conn), NewStore(conn)
	approveOn(t, s, id, 5)
	oldPath, oldRes, _ := export(t, s, id, ExportOptions{Today: march(5)})
	old, _ := readBinder(t, oldPath)

	sec := sectionNamed(t, ps, id, "Distribution and handling")
	if err := ps.SetSectionBody(sec.ID, sec.Body+"\n\n"+fillerParagraphs(30)); err != nil {
		t.Fatal(err)
	}
	approveOn(t, s, id, 20)
	rows, enclosed, sheet := packetRun(t, s, id, ExportOptions{Since: 1, Today: march(20)})
	newPath, newRes, _ := export(t, s, id, ExportOptions{Today: march(20)})
	now, _ := readBinder(t, newPath)
	sameBinder(t, applyPacket(t, old, rows, enclosed), now)

	if part := func(title string) (n int) {
		for _, p := range oldRes.Parts {
			if p.Title == title {
				n = p.Last - p.First + 1
			}
		}
		for _, p := range newRes.Parts {
			if p.Title == title {
				n = p.Last - p.First + 1 - n
			}
		}
		return n
	}("Part 1: Plan basics"); part < 1 {
		t.Fatalf("Part 1 did not grow (%+d pages)", part)
	}
	if got := labelsWithTab(rows, "2"); len(got) != 0 {
		t.Errorf("Part 2 did not change, but the packet lists %v", got)
	}
	if len(enclosed) >= len(now)/2 {
		t.Errorf("the packet encloses %d of %d pages", len(enclosed), len(now))
	}
	for _, want := range []string{"Replacement pages for revision 2", "bring a binder printed at revision 1 up to revision 2 of March 20, 2026",
		"1 Part 1: Plan basics"} {
		if !strings.Contains(sheet, want) {
			t.Errorf("the instruction sheet lacks %q:\n%s", want, sheet)
		}
	}
	t.Logf("revision 1: %d pages; revision 2: %d pages; packet: %d out, %d in", len(old), len(now), len(rows)-len(enclosed), len(enclosed))
}

// A new mobile number reaches every copy: the copy printed before the change
// gets the pages that show it, the copy printed after needs nothing.
func TestPacketPerCopyAfterADirectoryChange(t *testing.T) {
	conn, id := storedPlan(t)
	s := NewStore(conn)
	for _, c := range []Copy{{PlanID: id, Number: "1", Holder: "Ana Núñez"}, {PlanID: id, Number: "2", Holder: "Grace Okafor", Title: "IT Director"}} {
		if _, err := s.AddCopy(c); err != nil {
			t.Fatal(err)
		}
	}
	approveOn(t, s, id, 5)
	oldPath, _, _ := export(t, s, id, ExportOptions{Copy: "1", Today: march(6)})
	old, _ := readBinder(t, oldPath)
	uncontrolledPath, _, _ := export(t, s, id, ExportOptions{Today: march(6)})
	uncontrolled, _ := readBinder(t, uncontrolledPath)

	cs := contacts.NewStore(conn)
	tree, err := cs.CallTree()
	if err != nil {
		t.Fatal(err)
	}
	c := tree[0].Holders[0]
	oldNumber, newNumber := c.MobilePhone, "(920) 555-0999"
	c.MobilePhone = newNumber
	if _, err := cs.Update(c); err != nil {
		t.Fatal(err)
	}
	export(t, s, id, ExportOptions{Copy: "2", Today: march(10)})
	if _, err := s.Export(io.Discard, id, ExportOptions{Copy: "2", Packet: true, Today: march(12)}); !errors.Is(err, ErrUpToDate) {
		t.Errorf("copy 2, printed after the change, needs replacement pages: %v", err)
	}

	rows, enclosed, sheet := packetRun(t, s, id, ExportOptions{Copy: "1", Since: 1, Today: march(12)})
	newPath, _, _ := export(t, s, id, ExportOptions{Copy: "1", Today: march(12), DryRun: true})
	now, _ := readBinder(t, newPath)
	updated := applyPacket(t, old, rows, enclosed)
	sameBinder(t, updated, now)
	for _, p := range updated {
		if strings.Contains(p.text, oldNumber) {
			t.Errorf("page %s still shows the old number %s", p.label, oldNumber)
		}
		if !strings.Contains(p.text, "Copy 1") {
			t.Errorf("page %s does not carry the copy number", p.label)
		}
	}
	if !strings.Contains(sheet, "controlled copy No. 1, held by Ana Núñez, as printed at revision 1 up to date") {
		t.Errorf("the instruction sheet does not name the copy:\n%s", sheet)
	}
	if _, err := s.Export(io.Discard, id, ExportOptions{Copy: "1", Packet: true, Today: march(12)}); !errors.Is(err, ErrUpToDate) {
		t.Errorf("copy 1 still needs pages after its packet was printed: %v", err)
	}

	// The directory alone changed: the uncontrolled packet holds exactly the
	// pages that show the number.
	rows, enclosed, _ = packetRun(t, s, id, ExportOptions{Since: 1, Today: march(12)})
	var showing []string
	for _, p := range uncontrolled {
		if strings.Contains(p.text, oldNumber) {
			showing = append(showing, "remove\t"+p.label)
		}
	}
	for _, p := range enclosed {
		if strings.Contains(p.text, newNumber) {
			showing = append(showing, "insert\t"+p.label)
		}
	}
	if strings.Join(rows, " ") != strings.Join(showing, " ") {
		t.Errorf("the packet lists %q; the pages that show the number are %q", rows, showing)
	}
	for _, want := range []string{"A-", "C-1"} {
		if !strings.Contains(strings.Join(rows, " "), "insert\t"+want) {
			t.Errorf("the packet lacks pages %s…", want)
		}
	}
	t.Logf("directory change: %v", rows)
}

// Deleting a section and adding a scenario: every later page of the part
// and the new scenario's pages come in, the pages that are gone go out.
func TestPacketAfterDeletingASectionAndAddingAScenario(t *testing.T) {
	conn, id := storedPlan(t)
	ps, s := plan.NewStore(conn), NewStore(conn)
	approveOn(t, s, id, 5)
	oldPath, _, _ := export(t, s, id, ExportOptions{Today: march(5)})
	old, _ := readBinder(t, oldPath)

	if _, err := ps.DeleteSection(sectionNamed(t, ps, id, "Distribution and handling").ID); err != nil {
		t.Fatal(err)
	}
	sc := plan.Scenario{Title: "Flood closes the county building", Level: plan.Level("county"), Description: "Water in the basement.",
		Response: []plan.Step{{Kind: plan.StepKind("response"), Role: "county-clerk", Action: "Move the count to the backup site."}}}
	if _, err := ps.AddScenario(id, sc); err != nil {
		t.Fatal(err)
	}
	approveOn(t, s, id, 20)
	rows, enclosed, _ := packetRun(t, s, id, ExportOptions{Since: 1, Today: march(20)})
	newPath, _, _ := export(t, s, id, ExportOptions{Today: march(20)})
	now, _ := readBinder(t, newPath)
	sameBinder(t, applyPacket(t, old, rows, enclosed), now)
	all := strings.Join(rows, " ")
	if !strings.Contains(all, "insert\tB-") || len(labelsWithTab(rows, "A")) != 0 {
		t.Errorf("the packet lists %v", rows)
	}
	for _, p := range now {
		if strings.Contains(p.text, "Distribution and handling") {
			t.Errorf("page %s still shows the deleted section", p.label)
		}
	}
}

// A draft cannot pass for approved pages: every page of a draft binder and
// of replacement pages made from a draft says DRAFT at its top and foot.
func TestDraftPagesAndPacketsCarryTheDraftMark(t *testing.T) {
	conn, id := storedPlan(t)
	ps, s := plan.NewStore(conn), NewStore(conn)
	approveOn(t, s, id, 5)
	sec := sectionNamed(t, ps, id, "Training requirements and tracking")
	if err := ps.SetSectionBody(sec.ID, sec.Body+"\n\nA draft sentence nobody approved."); err != nil {
		t.Fatal(err)
	}
	fullPath, _, _ := export(t, s, id, ExportOptions{Today: march(9)})
	packetPath, res, _ := export(t, s, id, ExportOptions{Since: 1, Today: march(9)})
	for _, path := range []string{fullPath, packetPath} {
		for i, text := range pageTexts(t, path) {
			if !strings.Contains(text, "DRAFT — NOT APPROVED") || !strings.Contains(text, "DRAFT — changed since revision 1, not approved") {
				t.Errorf("page %d of %s lacks the draft mark:\n%s", i+1, path, text)
			}
			if strings.Contains(text, "Revision 1 ·") {
				t.Errorf("page %d of %s names revision 1 as if approved", i+1, path)
			}
		}
	}
	sheet := squash(pageTexts(t, packetPath)[0])
	for _, want := range []string{"DRAFT replacement pages — not approved", "do not put these pages in a binder in use"} {
		if !strings.Contains(sheet, want) {
			t.Errorf("the draft instruction sheet lacks %q:\n%s", want, sheet)
		}
	}
	if strings.Contains(sheet, "up to revision") {
		t.Errorf("the draft instruction sheet claims to bring a binder up to a revision:\n%s", sheet)
	}
	var rows []string
	for _, row := range res.Packet.Rows() {
		if _, label, _ := strings.Cut(row, "\t"); !strings.HasPrefix(label, "i") { // the front matter names the draft
			rows = append(rows, row)
		}
	}
	if got := strings.Join(rows, " "); got != "remove\t9-1 remove\tC-1 insert\t9-1 insert\tC-1" {
		t.Errorf("the draft packet lists %q, want the pages of the part with the draft sentence and the pocket card, which names the draft", got)
	}
	if _, err := s.Export(io.Discard, id, ExportOptions{Copy: "1"}); err == nil {
		t.Error("a copy that is not on the distribution list printed")
	}
}

// An old revision reprints as it was printed at approval, byte for byte,
// with the directory as it stood then, after the plan and directory moved on.
func TestRevisionReprintsAsPrinted(t *testing.T) {
	conn, id := storedPlan(t)
	ps, s := plan.NewStore(conn), NewStore(conn)
	approveOn(t, s, id, 5)
	_, _, printed := export(t, s, id, ExportOptions{Today: march(5)})

	cs := contacts.NewStore(conn)
	tree, err := cs.CallTree()
	if err != nil {
		t.Fatal(err)
	}
	c := tree[0].Holders[0]
	oldNumber := c.MobilePhone
	c.MobilePhone = "(920) 555-0999"
	if _, err := cs.Update(c); err != nil {
		t.Fatal(err)
	}
	sec := sectionNamed(t, ps, id, "Training requirements and tracking")
	if err := ps.SetSectionBody(sec.ID, sec.Body+"\n\nA new sentence."); err != nil {
		t.Fatal(err)
	}
	approveOn(t, s, id, 20)
	path, _, again := export(t, s, id, ExportOptions{Revision: 1})
	if !bytes.Equal(printed, again) {
		t.Fatalf("revision 1 reprinted differs from its print (%d and %d bytes)", len(printed), len(again))
	}
	if text := strings.Join(pageTexts(t, path), " "); !strings.Contains(text, oldNumber) || strings.Contains(text, "555-0999") {
		t.Error("the reprint does not show the directory as it stood at revision 1")
	}
	if _, err := s.Export(io.Discard, id, ExportOptions{Revision: 3}); err == nil {
		t.Error("a revision that does not exist printed")
	}
}
