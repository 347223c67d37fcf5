package contacts

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// TestImportFormats imports each realistic sample file into a real database
// and checks the fields that program writes in its own way.
func TestImportFormats(t *testing.T) {
	type want struct {
		name, kind, title, org, level, office, mobile, afterHours, email, address, notesHas string
	}
	cases := []struct {
		file     string
		new      int
		rejected int
		want     []want
	}{
		{"outlook.csv", 3, 0, []want{
			{name: "Ana Núñez", kind: "person", title: "County Clerk", org: "Lakeshore County Clerk", level: "county",
				office: "(920) 555-0140", mobile: "(920) 555-0141", afterHours: "(920) 555-0142",
				email: "ana.nunez@lakeshore.example.gov", address: "100 Main Street\nRoom 108\nLakeshore, WI 54000",
				notesHas: "Keys to the ballot room."},
			{name: "Pao Xiong", kind: "person", title: "Deputy County Clerk", org: "Lakeshore County Clerk", level: "other",
				office: "(920) 555-0143", email: "pao.xiong@lakeshore.example.gov", notesHas: "Other email: pxiong@home.example.com"},
			{name: "Example Voting Systems Inc.", kind: "organization", level: "vendor", office: "(920) 555-0180",
				email: "support@vendor.example.com"},
		}},
		{"google.csv", 2, 0, []want{
			{name: "Grace Okafor", kind: "person", title: "IT Director", org: "Lakeshore County IT", level: "county",
				office: "(920) 555-0150", mobile: "(920) 555-0151", email: "grace.okafor@lakeshore.example.gov",
				address: "200 Court Street\nLakeshore, WI 54000", notesHas: "Work phone: (920) 555-0156"},
			{name: "Tomasz Wiśniewski", kind: "person", afterHours: "(920) 555-0157", org: "Lakeshore County IT",
				title: "Network Administrator", level: "other", email: "tomasz.wisniewski@lakeshore.example.gov",
				notesHas: "Other email: tw@lakeshore.example.gov"},
		}},
		{"excel-semicolon.csv", 2, 0, []want{
			{name: "Hannah Schultz", kind: "person", org: "Lakeshore County Emergency Management", level: "county",
				office: "(920) 555-0170", email: "hannah.schultz@lakeshore.example.gov"},
			{name: "Beatriz Santos", kind: "person", org: "Lakeshore County Clerk", level: "county", office: "(920) 555-0145",
				email: "beatriz.santos@lakeshore.example.gov"},
		}},
		{"excel-1252.csv", 2, 0, []want{
			{name: "José Peña", kind: "person", org: "Harbor Point Police Department", level: "other",
				office: "(920) 555-0125", email: "jose.pena@harborpoint.example.gov"},
			{name: "Renée Côté", kind: "person", org: "Harbor Point Fire Department", level: "other",
				office: "(920) 555-0126", email: "renee.cote@harborpoint.example.gov"},
		}},
		{"apple.vcf", 2, 0, []want{
			{name: "Grace Okafor", kind: "person", title: "IT Director", org: "Lakeshore County IT", level: "county",
				office: "(920) 555-0150", mobile: "(920) 555-0151", afterHours: "(920) 555-0152",
				email: "grace.okafor@lakeshore.example.gov", address: "200 Court Street\nLakeshore, WI 54000\nUnited States",
				notesHas: "in the basement, behind the records room."},
			{name: "Lakeshore County Sheriff", kind: "organization", office: "(920) 555-0160", level: "other"},
		}},
		{"outlook21.vcf", 1, 0, []want{
			{name: "José Peña", kind: "person", title: "Lieutenant", org: "Harbor Point Police Department", level: "other",
				office: "(920) 555-0125", mobile: "(920) 555-0127", afterHours: "(920) 555-0128",
				email:    "jose.pena@harborpoint.example.gov",
				address:  "300 Harbor Road\nSuite 2\nHarbor Point, WI 54001\nUnited States of America",
				notesHas: "Sheriff's dispatch.\nAsk for the on-duty sergeant.\nFax phone: (920) 555-0129"},
		}},
		{"thunderbird4.vcf", 2, 2, []want{
			{name: "Keiko Tanaka", kind: "person", title: "Corporation Counsel", org: "Lakeshore County Corporation Counsel",
				level: "other", office: "+1-920-555-0185", mobile: "+1-920-555-0187", email: "keiko.tanaka@lakeshore.example.gov",
				address: "400 Lake Avenue\nLakeshore, WI 54000", notesHas: "Other email: keiko@home.example.com"},
			{name: "Wisconsin Elections Commission help line", kind: "organization", office: "+1-608-261-2028", level: "other"},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			s := openStore(t)
			plan := importFile(t, s, tc.file)
			if got := plan.Count(ActionNew); got != tc.new {
				t.Errorf("new = %d, want %d (%s)", got, tc.new, plan.Summary())
			}
			if got := plan.Count(ActionRejected); got != tc.rejected {
				t.Errorf("rejected = %d, want %d (%s)", got, tc.rejected, plan.Summary())
			}
			for _, w := range tc.want {
				c := byName(t, s, w.name)
				got := want{name: c.Name, kind: string(c.Kind), title: c.Title, org: c.Organization, level: string(c.Level),
					office: c.OfficePhone, mobile: c.MobilePhone, afterHours: c.AfterHoursPhone, email: c.Email, address: c.Address,
					notesHas: w.notesHas}
				if !strings.Contains(c.Notes, w.notesHas) {
					t.Errorf("%s: notes %q lack %q", w.name, c.Notes, w.notesHas)
				}
				if got != w {
					t.Errorf("%s:\n got %+v\nwant %+v", w.name, got, w)
				}
			}
		})
	}
}

// TestImportRejectsWithLineNumbers checks that bad rows are reported with the
// line they start on, and that repeated rows are duplicates, not new.
func TestImportRejectsWithLineNumbers(t *testing.T) {
	s := openStore(t)
	recs, err := ReadFile("rejects.csv", readTestdata(t, "rejects.csv"))
	if err != nil {
		t.Fatal(err)
	}
	plan, err := s.PlanImport(Source{Name: "rejects.csv", Records: recs})
	if err != nil {
		t.Fatal(err)
	}
	got := map[int]string{}
	for _, it := range plan.Items {
		got[it.Line] = it.Action.String() + ": " + it.Reason
	}
	want := map[int]string{
		2:  "New: ",
		3:  "Rejected: It has no name.",
		4:  "Rejected: The office phone \"555-01\": This phone number is too short",
		5:  "Rejected: The email \"marcus.bell@\"",
		6:  "Rejected: The level \"township\"",
		7:  "New: ",
		9:  "Duplicate: repeats line 2",
		10: "New: ",
		12: "Rejected: The office phone \"=HYPERLINK",
	}
	if len(got) != len(want) {
		t.Errorf("got %d items, want %d: %v", len(got), len(want), got)
	}
	for line, prefix := range want {
		if !strings.HasPrefix(got[line], prefix) {
			t.Errorf("line %d: got %q, want it to start %q", line, got[line], prefix)
		}
	}
	if n, err := s.ApplyImport(plan); err != nil || n != 3 {
		t.Fatalf("ApplyImport wrote %d contacts, want 3 (err %v)", n, err)
	}
	if orgs, _ := s.Organizations(); len(orgs) != 3 {
		t.Errorf("the import made %d organizations, want 3", len(orgs))
	}
	if c := byName(t, s, "Samuel Oyelaran"); c.Organization != "Example Voting Systems\nField Service" {
		t.Errorf("a quoted organization over two lines became %q", c.Organization)
	}
}

// TestImportMatchesExisting checks that an import updates what it matches
// (by UUID, email, or name and organization) and leaves what it lacks.
func TestImportMatchesExisting(t *testing.T) {
	s := openStore(t)
	ana := mustCreate(t, s, Contact{Name: "Ana Núñez", Email: "ana.nunez@lakeshore.example.gov", Level: County,
		OfficePhone: "(920) 555-0100", Notes: "keep me"})
	csv := "Name,Email,Mobile phone,Level\r\nAna Nunez,ANA.NUNEZ@lakeshore.example.gov,(920) 555-0141,\r\n" +
		"Ana Núñez,ana.nunez@lakeshore.example.gov,(920) 555-0141,county\r\n"
	recs, err := ReadCSV(csv)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := s.PlanImport(Source{Name: "x.csv", Records: recs})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Items[0].Action != ActionUpdate || plan.Items[1].Action != ActionDuplicate {
		t.Fatalf("got %s / %s, want an update then a duplicate", plan.Items[0].Action, plan.Items[1].Action)
	}
	if ch := strings.Join(plan.Items[0].Changes, ","); ch != "mobile phone" {
		t.Errorf("changes = %q", ch)
	}
	if _, err := s.ApplyImport(plan); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(ana.ID)
	if got.MobilePhone != "(920) 555-0141" || got.OfficePhone != "(920) 555-0100" || got.Notes != "keep me" ||
		got.Level != County || got.Name != "Ana Núñez" || got.Email != ana.Email {
		t.Errorf("after the update: %+v", got)
	}
	if n, _ := s.Count(); n != 1 {
		t.Errorf("the directory holds %d contacts, want 1", n)
	}
}

// snapshot returns the directory's full CSV export and its change stamps,
// to tell whether anything at all was written.
func snapshot(t *testing.T, s *Store) string {
	t.Helper()
	var buf bytes.Buffer
	if err := s.Export(&buf, "csv"); err != nil {
		t.Fatal(err)
	}
	var stamps string
	if err := s.db.QueryRow(`SELECT group_concat(updated_at || id, ',') FROM contacts`).Scan(&stamps); err != nil {
		t.Fatal(err)
	}
	return buf.String() + stamps
}

// TestRoundTrip exports the sample directory as CSV and vCard, imports each
// export back (nothing changes) and into an empty database (same contacts).
func TestRoundTrip(t *testing.T) {
	for _, format := range []string{"csv", "vcf"} {
		t.Run(format, func(t *testing.T) {
			s := openStore(t)
			if err := s.LoadSample(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)); err != nil {
				t.Fatal(err)
			}
			c := byName(t, s, "Ana Núñez")
			c.Notes = "=1+1 is not a formula\nsecond line; with, punctuation \"quoted\""
			c.Address = "100 Main Street, Room 108\nLakeshore, WI 54000"
			c.OfficePhone = "+1 920 555 0140 x12"
			c.Active = false
			if _, err := s.Update(c); err != nil {
				t.Fatal(err)
			}
			var export bytes.Buffer
			if err := s.Export(&export, format); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, s)
			recs, err := ReadFile("export."+format, export.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			plan, err := s.PlanImport(Source{Name: "export", Records: recs})
			if err != nil {
				t.Fatal(err)
			}
			if plan.Writes() || plan.Count(ActionRejected) > 0 {
				t.Fatalf("importing our own export would change things: %s %+v", plan.Summary(), plan.Items[0])
			}
			if _, err := s.ApplyImport(plan); err != nil {
				t.Fatal(err)
			}
			if after := snapshot(t, s); after != before {
				t.Errorf("importing our own export changed the database")
			}

			fresh := openStore(t)
			plan, err = fresh.PlanImport(Source{Name: "export", Records: recs})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := fresh.ApplyImport(plan); err != nil {
				t.Fatal(err)
			}
			want, _ := s.List(Filter{IncludeRetired: true})
			got, _ := fresh.List(Filter{IncludeRetired: true})
			if len(got) != len(want) {
				t.Fatalf("fresh database has %d contacts, want %d", len(got), len(want))
			}
			for i := range want {
				w, g := want[i], got[i]
				w.ID, g.ID, w.OrgID, g.OrgID = 0, 0, 0, 0
				w.Builtin, g.Builtin = false, false
				w.Source, g.Source = "", "" // where a built-in fact came from stays with the built-in list
				if w != g {
					t.Errorf("contact %d differs after the round trip:\n got %+v\nwant %+v", i, g, w)
				}
			}
		})
	}
}

// TestFailedImportWritesNothing makes the database refuse one row in the
// middle of an import and checks that the rows before it were not kept.
func TestFailedImportWritesNothing(t *testing.T) {
	s := openStore(t)
	mustCreate(t, s, Contact{Name: "Ana Núñez", Email: "ana.nunez@lakeshore.example.gov"})
	if _, err := s.db.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON contacts WHEN NEW.name = 'Pao Xiong'
		BEGIN SELECT RAISE(ABORT, 'disk full'); END`); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s)
	csv := "Name,Organization,Email,Mobile phone\nGrace Okafor,Lakeshore County IT,grace.okafor@lakeshore.example.gov,\n" +
		"Ana Núñez,,ana.nunez@lakeshore.example.gov,(920) 555-0141\nPao Xiong,,pao.xiong@lakeshore.example.gov,\n"
	recs, _ := ReadCSV(csv)
	plan, err := s.PlanImport(Source{Name: "x.csv", Records: recs})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApplyImport(plan); err == nil || !strings.Contains(err.Error(), "line 4") {
		t.Fatalf("ApplyImport error = %v, want one naming line 4", err)
	}
	if after := snapshot(t, s); after != before {
		t.Errorf("a failed import changed the database")
	}
}

// TestCSVExportNeutralisesFormulas checks the BOM, the CRLF line ends and
// the apostrophe before cells that start like a formula.
func TestCSVExportNeutralisesFormulas(t *testing.T) {
	list := []Contact{{UUID: "u", Kind: Person, Name: "=HYPERLINK(\"http://x\")", Title: "+SUM(A1)", Notes: "@cmd",
		Address: "-2+3", OfficePhone: "+1 608 555 0100", Email: "a@example.gov", Level: County, Active: true}}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, list, nil); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "\uFEFFUUID,") {
		t.Errorf("the export does not start with a UTF-8 byte order mark: %q", out[:10])
	}
	if !strings.Contains(out, "\r\n") {
		t.Error("the export does not use CRLF line ends")
	}
	for _, cell := range []string{`"'=HYPERLINK(""http://x"")"`, "'+SUM(A1)", "'@cmd", "'-2+3", "'+1 608 555 0100"} {
		if !strings.Contains(out, ","+cell+",") {
			t.Errorf("the export lacks the neutralised cell %s:\n%s", cell, out)
		}
	}
	recs, err := ReadCSV(strings.TrimPrefix(out, "\uFEFF"))
	if err != nil || len(recs) != 1 {
		t.Fatal(err)
	}
	if got := recs[0].Contact; got.Name != list[0].Name || got.OfficePhone != list[0].OfficePhone || got.Address != "-2+3" {
		t.Errorf("reading the export back gave %+v", got)
	}
}

// TestVCardExportFoldsLongLines checks that no exported line passes 75
// octets and that the folded card reads back whole.
func TestVCardExportFoldsLongLines(t *testing.T) {
	long := strings.Repeat("Núñez ", 40)
	var buf bytes.Buffer
	if err := WriteVCard(&buf, []Contact{{UUID: "0b6f7c7e-8a53-4a44-9d53-1c1d1f1e1a10", Kind: Person, Name: "Ana Núñez",
		Notes: long, Level: County, Active: true}}); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(buf.String(), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line of %d octets: %q", len(line), line)
		}
	}
	recs, err := ReadVCard(buf.String())
	if err != nil || len(recs) != 1 {
		t.Fatal(err)
	}
	if recs[0].Contact.Notes != strings.TrimSpace(long) {
		t.Errorf("notes came back as %q", recs[0].Contact.Notes)
	}
}

// TestReadUTF16CSV reads Outlook's "Unicode" CSV: UTF-16 with a byte order mark.
func TestReadUTF16CSV(t *testing.T) {
	text := "Name,Company,Business Phone\r\nRenée Côté,Harbor Point Fire Department,(920) 555-0126\r\n"
	data := []byte{0xFF, 0xFE}
	for _, r := range utf16.Encode([]rune(text)) {
		data = append(data, byte(r), byte(r>>8))
	}
	recs, err := ReadFile("contacts.csv", data)
	if err != nil || len(recs) != 1 {
		t.Fatalf("%v %v", recs, err)
	}
	if c := recs[0].Contact; c.Name != "Renée Côté" || c.OfficePhone != "(920) 555-0126" || c.Organization != "Harbor Point Fire Department" {
		t.Errorf("read %+v", c)
	}
}

// TestReadFileRefusesOtherFiles checks the plain-words errors for files that
// hold no contacts.
func TestReadFileRefusesOtherFiles(t *testing.T) {
	for _, tc := range []struct{ name, data, msg string }{
		{"plan.pdf", "%PDF-1.4", "this file is a PDF, not plain text"},
		{"contacts.xlsx", "PK\x03\x04", "a Word or Excel document"},
		{"notes.txt", "just some notes", "no column for names"},
		{"empty.csv", "", "empty"},
		{"numbers.csv", "a,b,c\n1,2,3\n", "no column for names"},
		{"cards.vcf", "hello", "holds no cards"},
	} {
		if _, err := ReadFile(tc.name, []byte(tc.data)); err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.msg)
		}
	}
}
