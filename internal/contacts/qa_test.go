package contacts

import (
	"bytes"
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
