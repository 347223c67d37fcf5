package contacts

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold lowers s and strips its accents, so that "nunez" finds "Núñez".
func fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// digits keeps only the digits of s.
func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// searchText is what a search looks through for c: its name, title,
// organization, email and phones, folded, and the phones again as bare digits.
func searchText(c Contact) string {
	parts := []string{c.Name, c.Title, c.Organization, c.Email, c.OfficePhone, c.MobilePhone, c.AfterHoursPhone}
	text := fold(strings.Join(parts, " | "))
	for _, p := range []string{c.OfficePhone, c.MobilePhone, c.AfterHoursPhone} {
		if d := digits(p); d != "" {
			text += " | " + d
		}
	}
	return text
}

// searchTerms splits a query into folded words; a word of phone characters
// becomes its digits, so "555-0142" finds "(920) 555 0142".
func searchTerms(query string) []string {
	var terms []string
	for _, w := range strings.Fields(fold(query)) {
		if d := digits(w); d != "" && strings.Trim(w, "0123456789()-.+/") == "" {
			w = d
		}
		terms = append(terms, w)
	}
	return terms
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
