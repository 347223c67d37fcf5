package binder

import (
	"bytes"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"electionbinder/internal/contacts"
	"electionbinder/internal/training"
)

// trainingFixture is a binder with a county office, a town office, a
// 6-seat in-person session with 8 sign-ups, and a webinar.
type trainingFixture struct {
	store    *training.Store
	session  training.Event
	webinar  training.Event
	people   []int64
	subgrant training.Requirement
}

func newTrainingFixture(t *testing.T) trainingFixture {
	t.Helper()
	conn := openTestDB(t)
	s := training.NewStore(conn)
	county := trInsertContact(t, conn, "organization", "Lakeshore County Clerk", 0)
	town := trInsertContact(t, conn, "organization", "Town of Pine Bluff", 0)
	var f trainingFixture
	f.store = s
	names := []string{"Ana Núñez", "Mai Xiong", "Łukasz Wójcik", "Grace O'Malley", "Dmitri Ivanov",
		"Fatima Al-Hassan", "Zoë Lindqvist", "Kwame Mensah"}
	for i, n := range names {
		org := county
		if i%2 == 1 {
			org = town
		}
		f.people = append(f.people, trInsertContact(t, conn, "person", n, org))
	}
	start := time.Date(2019, 11, 12, 13, 0, 0, 0, trZone(t, "America/Chicago"))
	var err error
	f.session, err = s.CreateEvent(training.Event{Title: "Election security communications: in-person exercise",
		Kind: training.InPerson, Start: start, End: start.Add(2 * time.Hour), TimeZone: "America/Chicago",
		Address: "212 6th Street N, La Crosse, WI 54601", Room: "Basement auditorium, room 0430",
		Directions: "Use the accessible entrance at the back", Capacity: 6, CreditHours: 2, Organizer: "State elections commission"})
	if err != nil {
		t.Fatal(err)
	}
	f.webinar, err = s.CreateEvent(training.Event{Title: "Security communications webinar", Kind: training.LiveWebinar,
		Start: start.AddDate(0, 0, -8), End: start.AddDate(0, 0, -8).Add(time.Hour), TimeZone: "America/Chicago", Capacity: 500, CreditHours: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range f.people {
		if _, err := s.Register(f.session.ID, p); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range f.people[:3] {
		if _, err := s.CheckIn(f.session.ID, p); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range f.people[3:6] {
		if _, err := s.CheckIn(f.webinar.ID, p); err != nil {
			t.Fatal(err)
		}
	}
	f.subgrant, err = s.SaveRequirement(training.Requirement{Name: "In-person security training (subgrant)",
		Kinds: []training.Kind{training.InPerson}, MinSessions: 1, Deadline: time.Date(2020, 6, 30, 0, 0, 0, 0, time.UTC),
		Levels: []string{"county", "municipal"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveRequirement(training.Requirement{Name: "Training hours per term",
		Kinds: training.Kinds, MinHours: 6, StartsOn: time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC), TermYears: 2,
		Levels: []string{"county", "municipal"}}); err != nil {
		t.Fatal(err)
	}
	return f
}

func trZone(t *testing.T, name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// trInsertContact adds a county person or organization through the contacts package.
func trInsertContact(t *testing.T, conn *sql.DB, kind, name string, org int64) int64 {
	t.Helper()
	c, err := contacts.NewStore(conn).Create(contacts.Contact{Kind: contacts.Kind(kind), Name: name,
		Level: contacts.County, OrgID: org, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	return c.ID
}

// trPDFText writes pdf to a file, checks it with qpdf and returns pdftotext's
// reading of it; the test is skipped where poppler is not installed.
func trPDFText(t *testing.T, pdf []byte, name string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("poppler's pdftotext is not installed")
	}
	path := writeTempFile(t, name, pdf)
	if _, err := exec.LookPath("qpdf"); err == nil {
		if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
			t.Fatalf("qpdf --check: %v\n%s", err, out)
		}
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if dir := os.Getenv("BINDER_PDF_OUT"); dir != "" { // keep the file to look at
		os.WriteFile(filepath.Join(dir, name), pdf, 0o600)
	}
	return string(out)
}

func TestSignInSheetReadsWithPoppler(t *testing.T) {
	f := newTrainingFixture(t)
	sum, err := f.store.Summary(f.session.ID)
	if err != nil {
		t.Fatal(err)
	}
	roster, err := f.store.Roster(f.session.ID)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteSignInSheet(&buf, SignInSheet{Event: sum, Roster: roster, Jurisdiction: "Lakeshore County"}, PageSetup{}); err != nil {
		t.Fatal(err)
	}
	text := trPDFText(t, buf.Bytes(), "signin.pdf")
	for _, want := range []string{"SIGN-IN SHEET", "Election security communications: in-person exercise",
		"Tue 12 Nov 2019, 13:00–15:00 CST", "Basement auditorium, room 0430", "6 seats, 6 taken",
		"Printed name", "Signature", "Ana Núñez", "Łukasz Wójcik", "Zoë Lindqvist", "Waitlist (2)", "Page 1 of 1"} {
		if !strings.Contains(text, want) {
			t.Errorf("the sheet lacks %q:\n%s", want, text)
		}
	}
	// Six numbered seat lines and five for walk-ins, then the waitlist numbered on from 12.
	for n, name := range map[string]string{"1": "Ana Núñez", "6": "Fatima Al-Hassan", "12": "Zoë Lindqvist", "13": "Kwame Mensah"} {
		if !regexp.MustCompile(`(?m)^\s*` + n + `\s+` + regexp.QuoteMeta(name)).MatchString(text) {
			t.Errorf("line %s is not %s", n, name)
		}
	}
	// The same sheet gives the same bytes.
	var again bytes.Buffer
	WriteSignInSheet(&again, SignInSheet{Event: sum, Roster: roster, Jurisdiction: "Lakeshore County"}, PageSetup{})
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two prints of one sheet differ")
	}
}

// A webinar keeps its attendance online: its sheet lists those registered
// and a few lines more, not a line for each of its 500 seats.
func TestSignInSheetOfAWebinarIsShort(t *testing.T) {
	f := newTrainingFixture(t)
	sum, _ := f.store.Summary(f.webinar.ID) // 500 seats, 3 people
	roster, _ := f.store.Roster(f.webinar.ID)
	var buf bytes.Buffer
	if err := WriteSignInSheet(&buf, SignInSheet{Event: sum, Roster: roster}, PageSetup{Paper: A4}); err != nil {
		t.Fatal(err)
	}
	text := trPDFText(t, buf.Bytes(), "signin-webinar.pdf")
	if !regexp.MustCompile(`(?m)^\s*8\s*$`).MatchString(text) || regexp.MustCompile(`(?m)^\s*9\s*$`).MatchString(text) {
		t.Errorf("the sheet does not end at line 8 (3 registered, 5 more):\n%s", text)
	}
	if !strings.Contains(text, "Page 1 of 1") {
		t.Errorf("the webinar's sheet is not one page:\n%s", text)
	}
}

func TestComplianceReportReadsWithPoppler(t *testing.T) {
	f := newTrainingFixture(t)
	rep, err := f.store.Compliance(time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteComplianceReport(&buf, rep, ComplianceOptions{Jurisdiction: "Lakeshore County"}, PageSetup{}); err != nil {
		t.Fatal(err)
	}
	text := trPDFText(t, buf.Bytes(), "compliance.pdf")
	for _, want := range []string{"Training compliance report", "As of Tuesday 31 December 2019",
		"In-person security training (subgrant)", "Needs 1 in-person session by 2020-06-30",
		"By office", "Lakeshore County Clerk", "2 of 4", "By person", "Ana Núñez", "Met (1 session, 2 h)",
		"Not met: 1 more in-person session by", "Not met: 4 more hours by 2019-12-31"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(text)
	}
	var grant bytes.Buffer
	if err := WriteComplianceReport(&grant, rep, ComplianceOptions{Only: f.subgrant.ID}, PageSetup{}); err != nil {
		t.Fatal(err)
	}
	text = trPDFText(t, grant.Bytes(), "grant.pdf")
	for _, want := range []string{"Grant file: In-person security training (subgrant)", "Sessions that count",
		"2019-11-12 Election security communications:", "not met", "I certify that this record", "Signature"} {
		if !strings.Contains(text, want) {
			t.Errorf("the grant file lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Training hours per term") {
		t.Error("the grant file prints another requirement")
	}
}

// Characters gofpdf cannot draw (beyond U+FFFF) print as a replacement
// character instead of stopping the print.
func TestSignInSheetSurvivesEmoji(t *testing.T) {
	text := trPDFText(t, oneSignUpSheet(t, "Drill 🗳️", "Sam 🦡 Lee", "Town 🏛"), "emoji.pdf")
	if !strings.Contains(text, "Sam � Lee") {
		t.Fatalf("sheet:\n%s", text)
	}
}

// A report's section heading is not left alone at the foot of a page: with
// too little room under it for a table's header and first row, it starts
// the next page; with room, it stays.
func TestSectionHeadingKeepsWithWhatFollows(t *testing.T) {
	for _, c := range []struct {
		fromBottom float64
		page       int
	}{{40, 2}, {70, 1}} {
		pdf, err := newPDF(PageSetup{})
		if err != nil {
			t.Fatal(err)
		}
		pdf.AddPage()
		_, pageH := pdf.GetPageSize()
		pdf.SetY(pageH - c.fromBottom)
		trSection(pdf, "By person")
		if pdf.PageNo() != c.page {
			t.Errorf("%.0f mm from the foot of the page, the heading went to page %d", c.fromBottom, pdf.PageNo())
		}
	}
}

// oneSignUpSheet prints the sign-in sheet of an hour's in-person session
// with three seats, titled title, that one person has signed up for.
func oneSignUpSheet(t *testing.T, title, name, office string) []byte {
	t.Helper()
	start := time.Date(2020, 1, 6, 9, 0, 0, 0, time.UTC)
	sum := training.EventSummary{Event: training.Event{ID: 1, Title: title, Kind: training.InPerson, Start: start,
		End: start.Add(time.Hour), TimeZone: "UTC", Capacity: 3}, Registered: 1}
	roster := []training.Registration{{Name: name, Office: office, Status: training.Registered}}
	var buf bytes.Buffer
	if err := WriteSignInSheet(&buf, SignInSheet{Event: sum, Roster: roster}, PageSetup{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
