package contacts

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"electionbinder/internal/textfile"
)

// Record is one contact as read from a file, before it is matched against
// the directory. Its Contact has no id; Contact.Organization holds the name
// of the organisation the contact belongs to, and an empty Level means the
// file did not say.
type Record struct {
	Line    int // where the row or card starts in its file, counting from 1
	Contact Contact
	Active  *bool  // nil when the file did not say
	Problem string // why the record cannot be imported, in plain words
}

// ErrUnknownFormat is returned for a file that is neither CSV nor vCard.
var ErrUnknownFormat = errors.New("this file is neither a CSV file nor a vCard file (.csv or .vcf)")

// MaxFileBytes is the largest contacts file read: about 150,000 contacts in
// a CSV file, or thousands of vCards with photos, far past any directory.
const MaxFileBytes = 32 << 20

// ReadFile reads the contacts of a CSV or vCard file, telling the format
// from the name and the content.
func ReadFile(name string, data []byte) ([]Record, error) {
	if len(data) > MaxFileBytes {
		return nil, fmt.Errorf("%s is %d MB; a contacts file may be at most %d MB. Split it into smaller files and import them together",
			filepath.Base(name), len(data)>>20, MaxFileBytes>>20)
	}
	text, err := textfile.Decode(repairMixed(data))
	var notText textfile.NotTextError
	if errors.As(err, &notText) && strings.Contains(notText.Kind, "Excel") {
		return nil, fmt.Errorf("%w. In Excel, choose Save As and the type CSV UTF-8, then import that file", err)
	}
	if err != nil {
		return nil, err
	}
	ext := strings.ToLower(filepath.Ext(name))
	head := strings.ToUpper(strings.TrimSpace(text[:min(len(text), 200)]))
	switch {
	case ext == ".vcf" || ext == ".vcard" || strings.HasPrefix(head, "BEGIN:VCARD"):
		return ReadVCard(text)
	case ext == ".csv" || ext == ".txt" || ext == ".tsv":
		return ReadCSV(text)
	}
	return nil, ErrUnknownFormat
}

// repairMixed turns the Windows-1252 bytes of a file that is otherwise
// UTF-8 into UTF-8, as happens when rows from two programs are pasted into
// one file; a file with no UTF-8 accents at all is left for textfile to read.
func repairMixed(data []byte) []byte {
	if utf8.Valid(data) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) ||
		!hasMultibyte(data) {
		return data
	}
	out := make([]byte, 0, len(data)+len(data)/8)
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			out = utf8.AppendRune(out, charmap.Windows1252.DecodeByte(data[0]))
		} else {
			out = append(out, data[:size]...)
		}
		data = data[size:]
	}
	return out
}

// hasMultibyte reports whether data holds at least one well-formed UTF-8
// character beyond ASCII.
func hasMultibyte(data []byte) bool {
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if size > 1 && r != utf8.RuneError {
			return true
		}
		data = data[size:]
	}
	return false
}

// plainLineEnds turns Windows (CR LF) and classic Mac (CR alone) line ends
// into LF, so that files saved on any system read as the lines they show.
func plainLineEnds(text string) string {
	if !strings.Contains(text, "\r") {
		return text
	}
	return strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
}

// phoneSlots fills a contact's three phone fields in order of kind; numbers
// that find no free field are kept as extras for the notes.
type phoneSlots struct {
	c      *Contact
	extras []string
}

// phoneKind says which field a phone goes to.
type phoneKind int

const (
	officeKind phoneKind = iota
	mobileKind
	afterHoursKind
	otherKind
)

// kindOfPhone classifies a phone by the words programs label it with.
func kindOfPhone(labels ...string) phoneKind {
	l := strings.ToLower(strings.Join(labels, " "))
	switch {
	case strings.Contains(l, "after"), strings.Contains(l, "emergency"), strings.Contains(l, "home"):
		return afterHoursKind
	case strings.Contains(l, "cell"), strings.Contains(l, "mobile"), strings.Contains(l, "iphone"):
		return mobileKind
	case strings.Contains(l, "fax"), strings.Contains(l, "pager"), strings.Contains(l, "other"):
		return otherKind
	}
	return officeKind
}

func (p *phoneSlots) add(kind phoneKind, number, label string) {
	number = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(number), "tel:"))
	if number == "" {
		return
	}
	slot := map[phoneKind]*string{officeKind: &p.c.OfficePhone, mobileKind: &p.c.MobilePhone, afterHoursKind: &p.c.AfterHoursPhone}[kind]
	if slot != nil && *slot == "" {
		*slot = number
		return
	}
	if slot != nil && *slot == number {
		return
	}
	if label == "" {
		label = "Other"
	}
	p.extras = append(p.extras, fmt.Sprintf("%s phone: %s", label, number))
}

// addExtras appends the numbers and addresses that had no field of their own to the notes.
func addExtras(c *Contact, extras []string) {
	if len(extras) == 0 {
		return
	}
	lines := strings.Join(extras, "\n")
	if c.Notes == "" {
		c.Notes = lines
	} else {
		c.Notes += "\n" + lines
	}
}

// finish fills in what a record needs from what the file gave: the kind and
// a name, and the first problem found.
func (r *Record) finish() {
	c := &r.Contact
	c.Organization = strings.TrimSpace(c.Organization)
	if strings.TrimSpace(c.Name) == "" && c.Organization != "" && c.Kind != Person {
		c.Kind, c.Name, c.Organization = Organization, c.Organization, ""
	}
	level := c.Level
	*c = tidy(*c)
	defer func() { c.Level = level }() // "" stays: the file did not say
	if c.Kind == Organization && strings.EqualFold(c.Organization, c.Name) {
		c.Organization = ""
	}
	c.Active = r.Active == nil || *r.Active
	if r.Problem != "" {
		return
	}
	if c.Name == "" {
		r.Problem = "It has no name."
		return
	}
	if err := Check(*c); err != nil {
		r.Problem = err.Error()
	}
}

// parseDate reads a verification date written as 2026-03-01, 03/01/2026 or 1 March 2026.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{dateLayout, "1/2/2006", "01/02/2006", "2 January 2006", "January 2, 2006", "20060102", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}

// parseBool reads yes/no, true/false, 1/0 and active/retired.
func parseBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "1", "active":
		return true, true
	case "no", "n", "false", "0", "retired", "inactive":
		return false, true
	}
	return false, false
}

// levelFromWords finds a level among category or group names such as
// "County; Vendors ::: * myContacts".
func levelFromWords(s string) Level {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(",;:*|", r) }) {
		w = strings.TrimSuffix(strings.TrimSpace(strings.ToLower(w)), "s")
		if l, ok := ParseLevel(w); ok {
			return l
		}
	}
	return ""
}
