package contacts

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzExportRoundTrip writes one contact with arbitrary text as CSV and as
// vCard and reads it back: every field must come back as it was.
func FuzzExportRoundTrip(f *testing.F) {
	f.Add("Ana Núñez", "Clerk; Elections, Lead", "Acme; Inc", "1 Main St; Suite 2\nMadison, WI", `C:\new \\server\n; a, b`)
	f.Add("=cmd|' /C calc'!A0", "-1", "+Org", "@SUM(1)", "'=quoted")
	f.Add("O'Brien, Pat", `back\slash`, "Org\\;Name", "tab\there", "line\nline\n")
	f.Fuzz(func(t *testing.T, name, title, org, address, notes string) {
		c := Contact{Kind: Person, Name: name, Title: title, Organization: org, Address: address, Notes: notes,
			Level: County, OfficePhone: "608-555-0100 x12", Email: "a@example.gov", Active: true,
			VerifiedOn: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
		c = tidy(c)
		c.Organization = strings.TrimSpace(c.Organization)
		for _, v := range []string{c.Name, c.Title, c.Organization, c.Address, c.Notes} {
			if !plainText(v) {
				return
			}
		}
		if c.Name == "" || strings.ContainsAny(c.Name+c.Title+c.Organization, "\n") {
			return
		}
		for _, format := range []string{"csv", "vcf"} {
			var buf bytes.Buffer
			var err error
			if format == "csv" {
				err = WriteCSV(&buf, []Contact{c}, nil)
			} else {
				err = WriteVCard(&buf, []Contact{c})
			}
			if err != nil {
				t.Fatal(err)
			}
			recs, err := ReadFile("x."+format, buf.Bytes())
			if err != nil || len(recs) != 1 {
				t.Fatalf("%s: read %v, %v from %q", format, recs, err, buf.String())
			}
			got := recs[0].Contact
			if got.Name != c.Name || got.Title != c.Title || got.Organization != c.Organization ||
				got.Address != c.Address || got.Notes != c.Notes || got.Level != c.Level || got.Email != c.Email ||
				got.OfficePhone != c.OfficePhone || !got.VerifiedOn.Equal(c.VerifiedOn) {
				t.Fatalf("%s round trip:\n got %q %q %q %q %q\nwant %q %q %q %q %q\nfile %q", format,
					got.Name, got.Title, got.Organization, got.Address, got.Notes,
					c.Name, c.Title, c.Organization, c.Address, c.Notes, buf.String())
			}
		}
	})
}

// plainText reports whether v is text a clerk can type: valid UTF-8 without
// control characters other than tabs and line breaks.
func plainText(v string) bool {
	if !utf8.ValidString(v) {
		return false
	}
	for _, r := range v {
		if (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f || r == 0xFEFF || r == utf8.RuneError || (r >= 0xE000 && r <= 0xF8FF) {
			return false
		}
	}
	return true
}
