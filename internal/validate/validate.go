// Package validate checks what clerks type into contact fields (phone numbers,
// email addresses) and explains a problem in plain words.
package validate

import (
	"net/mail"
	"regexp"
	"strings"
)

var phonePattern = regexp.MustCompile(`(?i)^\+?[0-9 ().\-/]+?(\s*(x|ext\.?|extension)\s*[0-9]{1,6})?$`)

// Phone returns a plain-language problem with a phone number, or "" when it is
// empty or fine. It accepts the usual ways of writing a number, with an
// optional extension such as "x204" or "ext. 204".
func Phone(phone string) string {
	phone = strings.TrimSpace(phone)
	if phone == "" {
		return ""
	}
	if !phonePattern.MatchString(phone) {
		return "A phone number may hold only digits, spaces, ( ) - . + and an extension such as x204."
	}
	digits := 0
	for _, r := range phone {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if digits < 7 {
		return "This phone number is too short: give at least seven digits, with the area code."
	}
	if digits > 20 {
		return "This phone number has too many digits."
	}
	return ""
}

// Email returns a plain-language problem with an email address, or "" when it
// is empty or fine.
func Email(email string) string {
	email = strings.TrimSpace(email)
	if email == "" {
		return ""
	}
	a, err := mail.ParseAddress(email)
	at := strings.LastIndex(email, "@")
	if err != nil || a.Address != email || at < 0 || !strings.Contains(email[at:], ".") {
		return "This does not look like an email address (for example clerk@example.gov)."
	}
	return ""
}
