// Package textfile reads the text files clerks bring from other programs —
// UTF-8 with or without a byte order mark, UTF-16 (Outlook and Notepad
// "Unicode"), or Windows-1252 (older Word, Excel and Notepad "ANSI") — and
// recognises, in plain words, a file that is not text at all.
package textfile

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// ErrNotText is wrapped by every error about a file that is not text.
var ErrNotText = errors.New("not a text file")

// signatures name kinds of file by the bytes they start with.
var signatures = []struct {
	magic string
	kind  string
}{
	{"PK\x03\x04", "a Word or Excel document (.docx, .xlsx) or a zip archive"},
	{"\xD0\xCF\x11\xE0", "an older Word or Excel document (.doc, .xls)"},
	{"%PDF", "a PDF"},
	{"{\\rtf", "a rich-text document (.rtf)"},
	{"\x89PNG", "a picture"},
	{"\xFF\xD8\xFF", "a picture"},
	{"GIF8", "a picture"},
	{"SQLite format 3\x00", "a database"},
}

// NotTextError says what kind of file was given where text was expected.
type NotTextError struct{ Kind string }

func (e NotTextError) Error() string {
	return fmt.Sprintf("this file is %s, not plain text", e.Kind)
}

// Unwrap makes errors.Is(err, ErrNotText) true.
func (e NotTextError) Unwrap() error { return ErrNotText }

// Decode returns the text of data, or a NotTextError for a file that is not text.
func Decode(data []byte) (string, error) {
	for _, s := range signatures {
		if bytes.HasPrefix(data, []byte(s.magic)) {
			return "", NotTextError{s.kind}
		}
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data, unicode.LittleEndian, unicode.UseBOM)
	default:
		if order, ok := utf16WithoutMark(data); ok {
			return decodeUTF16(data, order, unicode.IgnoreBOM)
		}
	}
	if utf8.Valid(data) {
		return checkControl(string(data))
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", NotTextError{"in an unreadable encoding"}
	}
	return checkControl(string(out))
}

// decodeUTF16 decodes UTF-16 text; a lone byte at the end, half of a
// character cut off when the file was cut short, is dropped.
func decodeUTF16(data []byte, order unicode.Endianness, bom unicode.BOMPolicy) (string, error) {
	data = data[:len(data)-len(data)%2]
	out, err := unicode.UTF16(order, bom).NewDecoder().Bytes(data)
	if err != nil {
		return "", NotTextError{"in an unreadable encoding"}
	}
	return checkControl(string(out))
}

// utf16WithoutMark recognizes UTF-16 text saved without a byte order mark:
// in Latin-script text every other byte is zero, the high half of each character.
func utf16WithoutMark(data []byte) (unicode.Endianness, bool) {
	sample := data[:min(len(data), 4096)]
	pairs := len(sample) / 2
	if pairs < 2 {
		return unicode.LittleEndian, false
	}
	var evenZeros, oddZeros int
	for i := 0; i+1 < len(sample); i += 2 {
		if sample[i] == 0 {
			evenZeros++
		}
		if sample[i+1] == 0 {
			oddZeros++
		}
	}
	switch {
	case oddZeros*10 >= pairs*6 && evenZeros*20 <= pairs:
		return unicode.LittleEndian, true
	case evenZeros*10 >= pairs*6 && oddZeros*20 <= pairs:
		return unicode.BigEndian, true
	}
	return unicode.LittleEndian, false
}

// checkControl refuses text holding control characters that no text file has
// (NUL and the like), which marks a program's binary file.
func checkControl(text string) (string, error) {
	for _, r := range text {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' {
			return "", NotTextError{"a program's own file (it holds binary data)"}
		}
	}
	return text, nil
}
