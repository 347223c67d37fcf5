package textfile

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
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

func TestUTF16CutShortDropsTheHalfCharacter(t *testing.T) {
	data := append(utf16le("\ufeffName\r\nAna\r\n"), 'x')
	text, err := Decode(data)
	if err != nil || strings.ContainsRune(text, '\ufffd') {
		t.Fatalf("got %q, %v; want the text without a replacement character", text, err)
	}
}

func TestUTF16WithoutByteOrderMark(t *testing.T) {
	for name, data := range map[string][]byte{
		"little-endian": utf16le("Name,Email\r\nAna,ana@example.gov\r\n"),
		"big-endian":    utf16be("Name,Email\r\nAna,ana@example.gov\r\n"),
	} {
		text, err := Decode(data)
		if err != nil || text != "Name,Email\r\nAna,ana@example.gov\r\n" {
			t.Errorf("%s: got %q, %v", name, text, err)
		}
	}
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16be(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}
