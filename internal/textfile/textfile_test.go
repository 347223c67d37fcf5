package textfile

import (
	"errors"
	"testing"
)

func TestDecode(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
		want string
		ok   bool
	}{
		{"utf-8", []byte("Núñez"), "Núñez", true},
		{"utf-8 with bom", []byte("\xEF\xBB\xBFNúñez"), "Núñez", true},
		{"utf-16le with bom", []byte{0xFF, 0xFE, 'N', 0, 0xFA, 0, 'n', 0}, "Nún", true},
		{"windows-1252", []byte("Jos\xe9 \x93quoted\x94"), "José “quoted”", true},
		{"crlf and tabs", []byte("a\tb\r\nc"), "a\tb\r\nc", true},
		{"docx", []byte("PK\x03\x04\x14\x00"), "", false},
		{"pdf", []byte("%PDF-1.7\n"), "", false},
		{"nul bytes", []byte("abc\x00def"), "", false},
		{"png", []byte("\x89PNG\r\n\x1a\n"), "", false},
	}
	for _, c := range cases {
		got, err := Decode(c.in)
		if c.ok && (err != nil || got != c.want) {
			t.Errorf("%s: Decode = %q, %v; want %q", c.name, got, err, c.want)
		}
		if !c.ok && !errors.Is(err, ErrNotText) {
			t.Errorf("%s: Decode = %q, %v; want a not-text error", c.name, got, err)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("Name,Email\nAna,ana@example.gov\n"))
	f.Add([]byte("\xFF\xFEa\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := Decode(data)
		if err == nil {
			for _, r := range text {
				if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' {
					t.Fatalf("control character %U in decoded text", r)
				}
			}
		}
	})
}
