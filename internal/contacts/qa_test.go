package contacts

import (
	"bytes"
	"electionbinder/internal/validate"
	"strings"
	"testing"
)

// Files saved by classic Mac programs end lines with a bare carriage return;
// read as one long line, every contact in them was silently dropped.
func TestReadClassicMacLineEndings(t *testing.T) {
	cases := []struct {
		name, text string
	}{
		{"mac.csv", "Name,Email,Phone\r\"Ana Núñez\",ana@example.gov,608-555-0100\rBob Smith,bob@example.gov,608-555-0101\r"},
		{"mac.vcf", "BEGIN:VCARD\rVERSION:3.0\rFN:Ana Núñez\rEMAIL:ana@example.gov\rEND:VCARD\r" +
			"BEGIN:VCARD\rVERSION:3.0\rFN:Bob Smith\rNOTE:a long note fol\r ded here\rEND:VCARD\r"},
	}
	for _, c := range cases {
		recs, err := ReadFile(c.name, []byte(c.text))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(recs) != 2 || recs[0].Contact.Name != "Ana Núñez" || recs[1].Contact.Name != "Bob Smith" {
			t.Fatalf("%s: read %+v, want Ana Núñez and Bob Smith", c.name, recs)
		}
		if recs[0].Line == recs[1].Line {
			t.Errorf("%s: both records on line %d", c.name, recs[0].Line)
		}
	}
}

// vcardBytes exports contacts as vCard or fails the test.
func vcardBytes(t *testing.T, list []Contact) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteVCard(&buf, list); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Semicolons, commas, backslashes and line breaks in any field must come back
// from our own vCard export as they were: a semicolon in an organization's
// name became a comma (and a new organization), and a Windows path such as
// \\county\new in the notes gained a line break.
func TestVCardRoundTripKeepsSpecialCharacters(t *testing.T) {
	s := openStore(t)
	org := mustCreate(t, s, Contact{Kind: Organization, Name: "Acme; Inc, Voting", Level: Vendor,
		Address: "1 Main St; Suite 2\nMadison, WI 53703", Notes: `Files on \\county\new; ask for "Pat"`})
	mustCreate(t, s, Contact{Name: "Pat O'Brien, Jr.", Title: "Lead; field, tech", OrgID: org.ID, Level: Vendor,
		Address: `Box 5\nLiteral`, Notes: "line one\nline two; three, four \\ five"})
	before, err := s.List(Filter{IncludeRetired: true})
	if err != nil {
		t.Fatal(err)
	}
	recs, err := ReadVCard(string(vcardBytes(t, before)))
	if err != nil {
		t.Fatal(err)
	}
	plan, err := s.PlanImport(Source{Name: "own.vcf", Records: recs})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range plan.Items {
		if it.Action != ActionDuplicate {
			t.Errorf("%s: %s %v %s", it.Contact.Name, it.Action, it.Changes, it.Reason)
		}
	}
	if len(plan.NewOrganizations) > 0 {
		t.Errorf("new organizations %q, want none", plan.NewOrganizations)
	}
}

// Other programs escape semicolons and commas in vCard 3.0 text (RFC 2426);
// the values must read back unescaped, once.
func TestReadVCardEscapes(t *testing.T) {
	text := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Smith\\, Jo\r\nN:Smith;Jo;;;\r\nORG:Acme\\; Inc;Elections\r\n" +
		"NOTE:C:\\\\new\\nsecond\\; line\r\nADR;TYPE=work:;;1 Main\\; Suite 2;Madison;WI;53703;\r\nEND:VCARD\r\n"
	recs, err := ReadVCard(text)
	if err != nil || len(recs) != 1 {
		t.Fatalf("ReadVCard = %v, %v", recs, err)
	}
	c := recs[0].Contact
	want := Contact{Name: "Smith, Jo", Organization: "Acme; Inc", Notes: "C:\\new\nsecond; line",
		Address: "1 Main; Suite 2\nMadison, WI 53703"}
	if c.Name != want.Name || c.Organization != want.Organization || c.Notes != want.Notes || c.Address != want.Address {
		t.Errorf("read %q / %q / %q / %q, want %q / %q / %q / %q", c.Name, c.Organization, c.Notes, c.Address,
			want.Name, want.Organization, want.Notes, want.Address)
	}
}

// A file put together from two programs holds UTF-8 and Windows-1252 text
// side by side; reading all of it as Windows-1252 turned Núñez into NÃºÃ±ez.
func TestReadMixedEncodings(t *testing.T) {
	data := []byte("Name,Email\nAna N\xc3\xba\xc3\xb1ez,ana@example.gov\nJos\xe9 P\xe9rez \x93Pepe\x94,jose@example.gov\n")
	recs, err := ReadFile("mixed.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].Contact.Name != "Ana Núñez" || recs[1].Contact.Name != "José Pérez “Pepe”" {
		t.Fatalf("read %q", []string{recs[0].Contact.Name, recs[1].Contact.Name})
	}
	// A file wholly in Windows-1252 reads as before.
	recs, err = ReadFile("ansi.csv", []byte("Name\nJos\xe9 P\xe9rez\n"))
	if err != nil || len(recs) != 1 || recs[0].Contact.Name != "José Pérez" {
		t.Fatalf("ReadFile(ansi) = %v, %v", recs, err)
	}
}

// Vendors' support lines are often written in letters (1-800-FLOWERS); a
// row with such a number was rejected whole, and the form refused it.
func TestPhoneAcceptsVanityNumbers(t *testing.T) {
	cases := []struct {
		in string
		ok bool
	}{
		{"1-800-FLOWERS", true},
		{"+1 (800) VOTE-NOW", true},
		{"800-GO-VOTE-1", true},
		{"608-555-0100 x204", true},
		{"1-OK", false}, // too short even as digits
		{"call Bob", false},
		{"FLOWERS", false},
		{"608-555-01OO", false}, // letter O typed for zero
		{"608-555-0100; 555", false},
	}
	for _, c := range cases {
		if got := validate.Phone(c.in) == ""; got != c.ok {
			t.Errorf("validate.Phone(%q) ok = %v, want %v (%s)", c.in, got, c.ok, validate.Phone(c.in))
		}
	}
	recs, err := ReadCSV("Name,Phone,Email\n  Flo Wers  , 1-800-FLOWERS , FLO@Example.GOV \n")
	if err != nil || len(recs) != 1 {
		t.Fatalf("ReadCSV = %v, %v", recs, err)
	}
	if r := recs[0]; r.Problem != "" || r.Contact.Name != "Flo Wers" || r.Contact.OfficePhone != "1-800-FLOWERS" ||
		r.Contact.Email != "FLO@Example.GOV" {
		t.Errorf("read %+v", r)
	}
}

// A contact listed twice in one file with different details (as Outlook and
// Google exports do) keeps the details of both rows; the second row's mobile
// number was dropped as a "duplicate".
func TestImportMergesRepeatedRowsOfAFile(t *testing.T) {
	s := openStore(t)
	mustCreate(t, s, Contact{Name: "Bo Lind", Email: "bo@example.gov", Level: County})
	text := "Name,Email,Office phone,Mobile phone\n" +
		"Ana Núñez,ana@example.gov,608-555-0100,\n" +
		"Ana Nunez,ANA@example.gov,,608-555-0199\n" +
		"Ana Núñez,ana@example.gov,608-555-0100,\n" +
		"Bo Lind,bo@example.gov,608-555-0300,\n" +
		"Bo Lind,bo@example.gov,,608-555-0301\n"
	recs, err := ReadCSV(text)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := s.PlanImport(Source{Name: "dup.csv", Records: recs})
	if err != nil {
		t.Fatal(err)
	}
	if got := plan.Summary(); got != "1 new, 1 updated, 3 duplicates, 0 rejected" {
		t.Errorf("summary %q", got)
	}
	if r := plan.Items[1].Reason; r != "same contact as line 2; its mobile phone is added there" {
		t.Errorf("line 3 reason %q", r)
	}
	if r := plan.Items[2].Reason; r != "repeats line 2" {
		t.Errorf("line 4 reason %q", r)
	}
	if ch := plan.Items[3].Changes; len(ch) != 2 || ch[0] != "office phone" || ch[1] != "mobile phone" {
		t.Errorf("Bo's update changes %v", ch)
	}
	if _, err := s.ApplyImport(plan); err != nil {
		t.Fatal(err)
	}
	if a := byName(t, s, "Ana Núñez"); a.OfficePhone != "608-555-0100" || a.MobilePhone != "608-555-0199" {
		t.Errorf("Ana saved as %+v", a)
	}
	if b := byName(t, s, "Bo Lind"); b.OfficePhone != "608-555-0300" || b.MobilePhone != "608-555-0301" {
		t.Errorf("Bo saved as %+v", b)
	}
}

// Excel's plain "CSV (Comma delimited)" saves in Windows-1252 and writes "?"
// for letters it lacks: re-importing our export after editing it there
// renamed Wiśniewski to Wi?niewski.
func TestImportIgnoresQuestionMarksOfALossySave(t *testing.T) {
	s := openStore(t)
	tomasz := mustCreate(t, s, Contact{Name: "Tomasz Wiśniewski", Title: "Łódź liaison", Level: County,
		Notes: "Speaks Polish; ask for Wiśniewski"})
	text := "UUID,Name,Title,Notes,Mobile phone\n" + tomasz.UUID + ",Tomasz Wi?niewski,?ód? liaison," +
		"Speaks Polish; ask for Wi?niewski,608-555-0123\n"
	recs, err := ReadFile("excel.csv", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	plan, err := s.PlanImport(Source{Name: "excel.csv", Records: recs})
	if err != nil {
		t.Fatal(err)
	}
	if it := plan.Items[0]; it.Action != ActionUpdate || len(it.Changes) != 1 || it.Changes[0] != "mobile phone" {
		t.Fatalf("plan %s %v", it.Action, it.Changes)
	}
	if _, err := s.ApplyImport(plan); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Get(tomasz.ID); c.Name != tomasz.Name || c.Title != tomasz.Title || c.Notes != tomasz.Notes {
		t.Errorf("saved %q / %q / %q", c.Name, c.Title, c.Notes)
	}
}

// A 1 MB field (a pasted document, a broken export) froze the window that
// showed it; such rows are refused with the reason, and the rest of the file
// imports.
func TestImportRefusesHugeFields(t *testing.T) {
	s := openStore(t)
	huge := strings.Repeat("x", 1<<20)
	text := "Name,Organization,Notes\nBig Note,,\"" + huge + "\"\nBig Org,\"" + huge[:600] + "\",\nFine Person,,short\n"
	recs, err := ReadCSV(text)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := s.PlanImport(Source{Name: "huge.csv", Records: recs})
	if err != nil {
		t.Fatal(err)
	}
	if got := plan.Summary(); got != "1 new, 0 updated, 0 duplicates, 2 rejected" {
		t.Errorf("summary %q", got)
	}
	if r := plan.Items[0].Reason; !strings.Contains(r, "notes are too long") {
		t.Errorf("reason %q", r)
	}
	if _, err := s.ApplyImport(plan); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(Contact{Kind: Person, Name: "Typed", Notes: huge[:MaxTextLength+1], Active: true}); err == nil {
		t.Error("a contact with over-long notes was saved")
	}
}

// Names that differ only by accents are one contact: the directory keeps its
// accents against a file that lost them, and takes them from a file that
// puts them in (a clerk correcting "Jose Perez" to "José Pérez" in Excel).
func TestImportNamesDifferingOnlyByAccents(t *testing.T) {
	s := openStore(t)
	ana := mustCreate(t, s, Contact{Name: "Ana Núñez", Level: County})
	jose := mustCreate(t, s, Contact{Name: "Jose Perez", Level: County})
	recs, err := ReadCSV("Name\nAna Nunez\nJosé Pérez\n")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := s.PlanImport(Source{Name: "names.csv", Records: recs})
	if err != nil {
		t.Fatal(err)
	}
	if a, j := plan.Items[0], plan.Items[1]; a.Action != ActionDuplicate || j.Action != ActionUpdate ||
		strings.Join(j.Changes, ",") != "name" {
		t.Errorf("Ana: %s %v; José: %s %v", a.Action, a.Changes, j.Action, j.Changes)
	}
	if _, err := s.ApplyImport(plan); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Get(ana.ID); c.Name != "Ana Núñez" {
		t.Errorf("Ana is now %q", c.Name)
	}
	if c, _ := s.Get(jose.ID); c.Name != "José Pérez" {
		t.Errorf("José is now %q", c.Name)
	}
}

// An Excel workbook saved with a .csv name, or a header with no rows, is
// explained with what to do about it.
func TestReadFileExplainsWorkbooksAndEmptyFiles(t *testing.T) {
	for _, tc := range []struct{ name, data, msg string }{
		{"contacts.csv", "PK\x03\x04\x14\x00", "In Excel, choose Save As and the type CSV UTF-8"},
		{"contacts.xls", "\xD0\xCF\x11\xE0", "In Excel, choose Save As and the type CSV UTF-8"},
		{"header.csv", "Name,Email\r\n", "has column names but no contacts"},
		{"blank-rows.csv", "Name,Email\n,\n  ,  \n", "has column names but no contacts"},
	} {
		if _, err := ReadFile(tc.name, []byte(tc.data)); err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.msg)
		}
	}
}

// A quotation mark that is never closed makes the reader take the rows
// after it as one value: Bob and Carl vanished without a word.
func TestReadCSVReportsUnclosedQuote(t *testing.T) {
	recs, err := ReadCSV("Name,Notes,Email\nAna,\"oops,ana@example.gov\nBob,x,bob@example.gov\nCarl,y,carl@example.gov\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].Line != 2 || !strings.Contains(recs[0].Problem, "quotation mark") {
		t.Fatalf("read %+v", recs)
	}
	// A quoted address over several lines, with commas, is fine.
	recs, err = ReadCSV("Name,Address,Email\nAna,\"1 Main St\nMadison, WI 53703\",ana@example.gov\nBob,,bob@example.gov\n")
	if err != nil || len(recs) != 2 || recs[0].Problem != "" || recs[0].Contact.Address != "1 Main St\nMadison, WI 53703" {
		t.Fatalf("read %+v, %v", recs, err)
	}
}
