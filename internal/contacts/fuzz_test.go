package contacts

import (
	"electionbinder/internal/textfile"
	"strings"
	"testing"
)

// checkRecords holds what every importer promises for any input: line
// numbers inside the file, and every record either rejected with a reason
// or fit to save.
func checkRecords(t *testing.T, text string, recs []Record) {
	lines := strings.Count(plainLineEnds(text), "\n") + 1 // a lone CR ends a line too
	for _, r := range recs {
		if r.Line < 1 || r.Line > lines {
			t.Fatalf("record at line %d of a %d-line file", r.Line, lines)
		}
		if r.Problem != "" {
			continue
		}
		c := r.Contact
		if c.Level == "" {
			c.Level = Other
		}
		if err := Check(c); err != nil {
			t.Fatalf("accepted record that cannot be saved: %v (%+v)", err, c)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	for _, name := range []string{"outlook.csv", "google.csv", "excel-semicolon.csv", "excel-1252.csv", "rejects.csv"} {
		f.Add(readTestdata(f, name))
	}
	f.Add([]byte("Name;Email\n\"Ana \"\"A\"\" Núñez\";ana@example.gov\n"))
	f.Add([]byte("Name,Office phone\n'=1+1,'+1 608 555 0100\n"))
	f.Add([]byte("\xff\xfeN\x00a\x00m\x00e\x00\n\x00"))
	f.Add([]byte("\xff\xfeN\x00a\x00m\x00e\x00\n\x00A\x00\n"))
	f.Add([]byte("N\x00a\x00m\x00e\x00\n\x00A\x00n\x00a\x00\n\x00"))
	f.Add(csvRows(30))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := textfile.Decode(data)
		if err != nil {
			return
		}
		recs, err := ReadCSV(text)
		if err != nil {
			return
		}
		checkRecords(t, text, recs)
	})
}

func FuzzReadVCard(f *testing.F) {
	for _, name := range []string{"apple.vcf", "outlook21.vcf", "thunderbird4.vcf"} {
		f.Add(readTestdata(f, name))
	}
	f.Add([]byte("BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE:=C3=\n=A9\nEND:VCARD\n"))
	f.Add([]byte("BEGIN:VCARD\r\nFN:A\r\n B\r\nTEL;TYPE=\"work,voice\":tel:+1\r\nEND:VCARD"))
	f.Add([]byte("BEGIN:VCARD\nN:\\;;\\\\;\nEND:VCARD\nBEGIN:VCARD\n"))
	f.Add(vcardWithPhoto(20))
	f.Add([]byte("BEGIN:VCARD\nNOTE;QUOTED-PRINTABLE:a=\n=\n b=\nEND:VCARD\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := textfile.Decode(data)
		if err != nil {
			return
		}
		recs, err := ReadVCard(text)
		if err != nil {
			return
		}
		checkRecords(t, text, recs)
	})
}
