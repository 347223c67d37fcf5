package contacts

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"electionbinder/internal/growth"
)

// vcardWithPhoto is a card whose folded PHOTO value has n lines.
func vcardWithPhoto(n int) []byte {
	var b strings.Builder
	b.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Núñez\r\nPHOTO;ENCODING=b;TYPE=JPEG:")
	for range n {
		b.WriteString("\r\n " + strings.Repeat("QUJD", 18))
	}
	b.WriteString("\r\nEND:VCARD\r\n")
	return []byte(b.String())
}

// csvRows is a contacts CSV file of n rows.
func csvRows(n int) []byte {
	var b strings.Builder
	b.WriteString("Name,Email,Office phone\r\n")
	for i := range n {
		fmt.Fprintf(&b, "Clerk %d,clerk%d@example.gov,608-555-%04d\r\n", i, i, i%10000)
	}
	return []byte(b.String())
}

func TestHostileContactFilesGrowLinearly(t *testing.T) {
	cases := map[string]struct {
		name string
		make func(int) []byte
		n    int
	}{
		"folded photo": {"card.vcf", vcardWithPhoto, 2000},
	}
	for label, c := range cases {
		t.Run(label, func(t *testing.T) {
			growth.CheckLinear(t, c.make, c.n, func(data []byte) {
				if _, err := ReadFile(c.name, data); err != nil {
					t.Fatal(err)
				}
			})
		})
	}
}

func TestContactsFilePastTheLimitIsRefused(t *testing.T) {
	data := append(csvRows(10), bytes.Repeat([]byte("Clerk,c@example.gov,608-555-0100\n"), MaxFileBytes/32)...)
	_, err := ReadFile("huge.csv", data)
	if err == nil || !strings.Contains(err.Error(), "at most 32 MB") {
		t.Fatalf("got %v, want the size limit", err)
	}
}

func TestUTF16ContactsCutShortAddNoReplacementCharacter(t *testing.T) {
	data := []byte{0xFF, 0xFE}
	for _, r := range "Name,Email\r\nAna,ana@example.gov\r\n" {
		data = append(data, byte(r), 0)
	}
	recs, err := ReadFile("list.csv", append(data, '\n'))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].Contact.Name != "Ana" {
		t.Fatalf("got %+v, want only Ana", recs)
	}
}
