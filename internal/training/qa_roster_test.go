package training

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"
)

// qaNames reads the directory names of people, in the order of ids.
func qaNames(t *testing.T, s *Store, ids []int64) []string {
	t.Helper()
	all, err := s.People("", 0)
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(ids))
	for i, id := range ids {
		for _, p := range all {
			if p.ID == id {
				names[i] = p.Name
			}
		}
	}
	return names
}

// A roster opened and saved again by Excel: separated by semicolons (where
// the comma is the decimal mark) or by tabs ("Unicode Text", UTF-16), with a
// byte order mark or a "sep=;" line, and the start rewritten as 11/12/2019
// 10:00. Capacity 2, so the third person waits, in file order.
func TestImportRosterSavedByExcel(t *testing.T) {
	cases := []struct {
		name string
		file func(rows []string) []byte
	}{
		{"semicolons with bom", func(rows []string) []byte {
			return []byte("\ufeff" + strings.ReplaceAll(strings.Join(rows, "\r\n"), ",", ";") + "\r\n")
		}},
		{"sep line", func(rows []string) []byte {
			return []byte("sep=;\r\n" + strings.ReplaceAll(strings.Join(rows, "\r\n"), ",", ";") + "\r\n")
		}},
		{"unicode text", func(rows []string) []byte {
			u := utf16.Encode([]rune(strings.ReplaceAll(strings.Join(rows, "\r\n"), ",", "\t") + "\r\n"))
			out := []byte{0xFF, 0xFE}
			for _, c := range u {
				out = append(out, byte(c), byte(c>>8))
			}
			return out
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, conn := openStore(t)
			people := addPeople(t, conn, "Lakeshore County Clerk", 3)
			names := qaNames(t, s, people)
			e := addEvent(t, s, "La Crosse", InPerson, "2019-11-12", 2, 2)
			addEvent(t, s, "La Crosse", InPerson, "2019-12-12", 2, 2) // same title, other day
			rows := []string{"Event,Start,Name,Attendance"}
			for _, n := range names {
				rows = append(rows, "La Crosse,11/12/2019 10:00,"+n+",")
			}
			n, err := s.ImportRosterCSV(bytes.NewReader(c.file(rows)))
			if err != nil || n != 3 {
				t.Fatalf("imported %d: %v", n, err)
			}
			seated, waiting := statuses(t, s, e.ID)
			if !equalIDs(seated, people[:2]) || !equalIDs(waiting, people[2:]) {
				t.Fatalf("seated %v waiting %v", seated, waiting)
			}
		})
	}
}

// A "sep=;" line does not shift the line numbers of the problems reported.
func TestImportRosterSepLineKeepsLineNumbers(t *testing.T) {
	s, conn := openStore(t)
	addPeople(t, conn, "Lakeshore County Clerk", 1)
	addEvent(t, s, "La Crosse", InPerson, "2019-11-12", 2, 2)
	_, err := s.ImportRosterCSV(strings.NewReader("sep=;\r\nEvent;Name\r\nLa Crosse;Nobody Known\r\n"))
	if err == nil || !strings.Contains(err.Error(), "line 3: nobody in the directory") {
		t.Fatalf("error %v", err)
	}
}

// The state's registration list gives names with e-mail addresses that the
// county's directory may not hold: the name still finds the person.
func TestImportRosterEmailUnknownFallsBackToName(t *testing.T) {
	s, conn := openStore(t)
	people := addPeople(t, conn, "Lakeshore County Clerk", 1)
	names := qaNames(t, s, people)
	e := addEvent(t, s, "La Crosse", InPerson, "2019-11-12", 2, 2)
	n, err := s.ImportRosterCSV(strings.NewReader("event,name,email\nLa Crosse," + names[0] + ",personal@mail.example\n"))
	if err != nil || n != 1 {
		t.Fatalf("imported %d: %v", n, err)
	}
	if seated, _ := statuses(t, s, e.ID); !equalIDs(seated, people) {
		t.Fatalf("seated %v", seated)
	}
	_, err = s.ImportRosterCSV(strings.NewReader("event,name,email\nLa Crosse,Nobody Known,nobody@mail.example\n"))
	if err == nil || !strings.Contains(err.Error(), "nobody in the directory matches") {
		t.Fatalf("error %v", err)
	}
}

// A session title or name that starts like a formula (from a calendar or
// directory someone else wrote) is not run by Excel when the roster or the
// compliance report is opened there, and the roster still reads back.
func TestCSVExportsDoNotRunFormulas(t *testing.T) {
	s, conn := openStore(t)
	org := addContact(t, conn, "organization", "@Lakeshore", "county", 0)
	person := addContact(t, conn, "person", "=HYPERLINK(\"http://x.example\",\"Ana\")", "county", org)
	e := addEvent(t, s, "-Tabletop", InPerson, "2019-11-12", 2, 2)
	mustRegister(t, s, e.ID, person)
	if _, err := s.SaveRequirement(Requirement{Name: "+Subgrant", Kinds: []Kind{InPerson}, MinSessions: 1,
		Levels: []string{"county"}}); err != nil {
		t.Fatal(err)
	}
	var roster, report bytes.Buffer
	if err := s.WriteRosterCSV(&roster); err != nil {
		t.Fatal(err)
	}
	rep, _ := s.Compliance(day("2019-12-31"))
	if err := WriteComplianceCSV(&report, rep, 0); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"roster": roster.String(), "report": report.String()} {
		for _, line := range strings.Split(text, "\n") {
			for _, cell := range strings.Split(line, ",") {
				cell = strings.TrimPrefix(cell, `"`)
				if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
					t.Errorf("%s cell %q starts like a formula", name, cell)
				}
			}
		}
	}
	// Reading our own roster back changes nothing and finds everyone.
	if _, err := s.ImportRosterCSV(bytes.NewReader(roster.Bytes())); err != nil {
		t.Fatal(err)
	}
}
