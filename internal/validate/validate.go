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
// optional extension such as "x204" or "ext. 204", and numbers spelled in
// letters on the keypad, such as 1-800-FLOWERS.
func Phone(phone string) string {
	problem := digitPhone(phone)
	if problem == "" {
		return ""
	}
	phone = strings.TrimSpace(phone)
	if vanityNumber.MatchString(phone) && vanityWord.MatchString(phone) && digitPhone(keypad.Replace(phone)) == "" {
		return ""
	}
	return problem
}

// vanityNumber is a phone number written partly in letters, such as
// 1-800-FLOWERS: it starts with digits and spells a word of three or more
// capitals (so that a typo such as 555-01OO is still refused).
var (
	vanityNumber = regexp.MustCompile(`^\+?[0-9][0-9A-Z ().\-/]*$`)
	vanityWord   = regexp.MustCompile(`[A-Z]{3}`)
)

// keypad turns the letters of a phone number into the digits they stand on.
var keypad = strings.NewReplacer("A", "2", "B", "2", "C", "2", "D", "3", "E", "3", "F", "3", "G", "4", "H", "4", "I", "4",
	"J", "5", "K", "5", "L", "5", "M", "6", "N", "6", "O", "6", "P", "7", "Q", "7", "R", "7", "S", "7", "T", "8", "U", "8",
	"V", "8", "W", "9", "X", "9", "Y", "9", "Z", "9")

// digitPhone checks a number written in digits.
func digitPhone(phone string) string {
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
