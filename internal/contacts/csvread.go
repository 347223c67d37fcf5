package contacts

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// column is what a CSV header names.
type column int

const (
	colIgnore column = iota
	colUUID
	colKind
	colName
	colFirst
	colMiddle
	colLast
	colTitle
	colJobTitle
	colOrg
	colDepartment
	colLevel
	colOffice
	colMobile
	colAfterHours
	colOtherPhone
	colEmail
	colOtherEmail
	colAddress
	colStreet
	colCity
	colRegion
	colPostal
	colCountry
	colNotes
	colVerified
	colActive
	colCategories
	colPhoneLabel // Google's "Phone 1 - Type"/"Label", paired with the next value
	colPhoneValue
	colEmailValue
)

// headerColumns maps a header, lowered and stripped to letters and digits,
// to its column: our own names, Outlook's and Google Contacts'.
var headerColumns = map[string]column{
	"uuid": colUUID, "uid": colUUID,
	"kind": colKind,
	"name": colName, "fullname": colName, "displayname": colName, "contactname": colName, "contact": colName,
	"firstname": colFirst, "givenname": colFirst,
	"middlename": colMiddle, "additionalname": colMiddle,
	"lastname": colLast, "familyname": colLast, "surname": colLast,
	"title":    colTitle,
	"jobtitle": colJobTitle, "organization1title": colJobTitle, "organizationtitle": colJobTitle, "position": colJobTitle,
	"organization": colOrg, "organisation": colOrg, "company": colOrg, "organization1name": colOrg,
	"organizationname": colOrg, "agency": colOrg,
	"department": colDepartment, "organization1department": colDepartment, "organizationdepartment": colDepartment,
	"level": colLevel, "levelofgovernment": colLevel,
	"officephone": colOffice, "businessphone": colOffice, "workphone": colOffice, "phone": colOffice,
	"telephone": colOffice, "mainphone": colOffice, "companymainphone": colOffice, "primaryphone": colOffice,
	"mobilephone": colMobile, "mobile": colMobile, "cellphone": colMobile, "cell": colMobile,
	"afterhoursphone": colAfterHours, "afterhours": colAfterHours, "homephone": colAfterHours, "emergencyphone": colAfterHours,
	"businessphone2": colOtherPhone, "homephone2": colOtherPhone, "otherphone": colOtherPhone, "carphone": colOtherPhone,
	"pager": colOtherPhone, "assistantsphone": colOtherPhone,
	"email": colEmail, "emailaddress": colEmail, "email1address": colEmail,
	"email2address": colOtherEmail, "email3address": colOtherEmail,
	"address": colAddress, "businessaddress": colAddress, "address1formatted": colAddress, "mailingaddress": colAddress,
	"businessstreet": colStreet, "address1street": colStreet, "street": colStreet, "businessstreet2": colStreet,
	"businessstreet3": colStreet, "address1extendedaddress": colStreet,
	"businesscity": colCity, "address1city": colCity, "city": colCity,
	"businessstate": colRegion, "address1region": colRegion, "state": colRegion,
	"businesspostalcode": colPostal, "address1postalcode": colPostal, "zip": colPostal, "postalcode": colPostal,
	"businesscountryregion": colCountry, "address1country": colCountry, "country": colCountry,
	"notes": colNotes, "note": colNotes, "comments": colNotes,
	"lastverified": colVerified, "verified": colVerified, "verifiedon": colVerified,
	"active":     colActive,
	"categories": colCategories, "groupmembership": colCategories, "labels": colCategories,
}

var (
	headerJunk  = regexp.MustCompile(`[^a-z0-9]+`)
	googlePhone = regexp.MustCompile(`^phone\d+(type|label|value)$`)
	googleEmail = regexp.MustCompile(`^email\d+value$`)
)

// columnsOf reads a header row. Outlook's "Title" is a courtesy title (Mr.,
// Dr.) when the file also has "Job Title", and is then ignored.
func columnsOf(header []string) []column {
	cols := make([]column, len(header))
	hasJob := false
	for i, h := range header {
		key := headerJunk.ReplaceAllString(strings.ToLower(strings.TrimSpace(h)), "")
		cols[i] = headerColumns[key]
		switch m := googlePhone.FindStringSubmatch(key); {
		case m != nil && m[1] == "value":
			cols[i] = colPhoneValue
		case m != nil:
			cols[i] = colPhoneLabel
		case googleEmail.MatchString(key):
			cols[i] = colEmailValue
		}
		hasJob = hasJob || cols[i] == colJobTitle
	}
	for i, c := range cols {
		if c == colTitle && hasJob {
			cols[i] = colIgnore
		} else if c == colTitle {
			cols[i] = colJobTitle
		}
	}
	return cols
}

// delimiter guesses a CSV file's separator from its first line: comma,
// semicolon (Excel in many European settings) or tab.
func delimiter(text string) rune {
	line, _, _ := strings.Cut(text, "\n")
	best, count := ',', 0
	for _, d := range []rune{',', ';', '\t'} {
		n, quoted := 0, false
		for _, r := range line {
			if r == '"' {
				quoted = !quoted
			} else if r == d && !quoted {
				n++
			}
		}
		if n > count {
			best, count = d, n
		}
	}
	return best
}

// ReadCSV reads contacts from CSV text whose first row names the columns.
// Rows that cannot be imported come back with a Problem and their line number.
func ReadCSV(text string) ([]Record, error) {
	text = plainLineEnds(text)
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delimiter(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("this CSV file is empty")
	}
	if err != nil {
		return nil, fmt.Errorf("this CSV file could not be read: %w", err)
	}
	cols := columnsOf(header)
	if !hasNameColumn(cols) {
		return nil, errors.New("this CSV file has no column for names (such as Name, First Name or Company)")
	}
	var records []Record
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			records = append(records, Record{Line: line, Problem: "This line could not be read as CSV."})
			if pe == nil {
				break
			}
			continue
		}
		if blank(row) {
			continue
		}
		rec := recordFromRow(cols, row)
		rec.Line = line
		if swallowed(row, len(cols), r.Comma) {
			rec.Problem = "A quotation mark on this line is never closed, so the rows after it were read as part of " +
				"this one. Close the quotation mark (or remove it) and import again."
		}
		rec.finish()
		records = append(records, rec)
	}
	if len(records) == 0 {
		return nil, errors.New("this CSV file has column names but no contacts under them")
	}
	return records, nil
}

// swallowed reports whether a field of row holds lines that look like rows
// of their own (as many separators as the header has, less one): the sign
// of a quotation mark that was opened and never closed.
func swallowed(row []string, columns int, comma rune) bool {
	need := max(2, columns-1)
	for _, f := range row {
		lines := strings.Split(f, "\n")
		for _, l := range lines[1:] {
			if strings.Count(l, string(comma)) >= need {
				return true
			}
		}
	}
	return false
}

func hasNameColumn(cols []column) bool {
	for _, c := range cols {
		if c == colName || c == colFirst || c == colLast || c == colOrg {
			return true
		}
	}
	return false
}

func blank(row []string) bool {
	for _, f := range row {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// unneutralise undoes the apostrophe our export puts before a cell that
// starts like a formula (after any apostrophes of its own), so that
// importing our own export changes nothing.
func unneutralise(v string) string {
	rest := strings.TrimLeft(v, "'")
	if len(rest) < len(v) && rest != "" && strings.ContainsRune(formulaStarts, rune(rest[0])) {
		return v[1:]
	}
	return v
}

// rowParts gathers the pieces of one row that are put together after reading it.
type rowParts struct {
	first, middle, last   string
	street, city, region  string
	postal, country, dept string
	phoneLabel            string
	extras                []string
}

func recordFromRow(cols []column, row []string) Record {
	var rec Record
	c := &rec.Contact
	phones := phoneSlots{c: c}
	var p rowParts
	for i, v := range row {
		if i >= len(cols) {
			break
		}
		v = strings.TrimSpace(unneutralise(v))
		if v == "" {
			continue
		}
		p.apply(&rec, &phones, cols[i], v)
	}
	if c.Name == "" {
		c.Name = strings.Join(strings.Fields(strings.Join([]string{p.first, p.middle, p.last}, " ")), " ")
	}
	if c.Address == "" {
		c.Address = joinAddress(p.street, p.city, p.region, p.postal, p.country)
	}
	if p.dept != "" && c.Title == "" {
		c.Title = p.dept
	}
	addExtras(c, append(phones.extras, p.extras...))
	return rec
}

// apply puts one cell's value where its column says.
func (p *rowParts) apply(rec *Record, phones *phoneSlots, col column, v string) {
	c := &rec.Contact
	switch col {
	case colUUID:
		c.UUID = v
	case colKind:
		if strings.HasPrefix(strings.ToLower(v), "org") {
			c.Kind = Organization
		} else {
			c.Kind = Person
		}
	case colName:
		c.Name = v
	case colFirst:
		p.first = v
	case colMiddle:
		p.middle = v
	case colLast:
		p.last = v
	case colJobTitle:
		c.Title = v
	case colOrg:
		c.Organization = v
	case colDepartment:
		p.dept = v
	case colLevel:
		if l, ok := ParseLevel(v); ok {
			c.Level = l
		} else {
			rec.Problem = fmt.Sprintf("The level %q is not one of federal, state, county, municipal, vendor or other.", v)
		}
	case colOffice:
		phones.add(officeKind, v, "Office")
	case colMobile:
		phones.add(mobileKind, v, "Mobile")
	case colAfterHours:
		phones.add(afterHoursKind, v, "After-hours")
	case colOtherPhone:
		phones.add(otherKind, v, "Other")
	case colPhoneLabel:
		p.phoneLabel = v
	case colPhoneValue:
		p.addGooglePhones(phones, v)
	case colEmail, colEmailValue:
		p.addEmails(c, v)
	case colOtherEmail:
		p.extras = append(p.extras, "Other email: "+v)
	case colAddress:
		c.Address = v
	case colStreet:
		p.street = strings.Join(nonEmpty(p.street, v), "\n")
	case colCity:
		p.city = v
	case colRegion:
		p.region = v
	case colPostal:
		p.postal = v
	case colCountry:
		p.country = v
	case colNotes:
		c.Notes = v
	case colVerified:
		if t, ok := parseDate(v); ok {
			c.VerifiedOn = t
		} else {
			rec.Problem = fmt.Sprintf("The date last verified %q is not a date such as 2026-03-01.", v)
		}
	case colActive:
		if b, ok := parseBool(v); ok {
			rec.Active = &b
		}
	case colCategories:
		if l := levelFromWords(v); l != "" && c.Level == "" {
			c.Level = l
		}
	}
}

// addGooglePhones files the numbers of one Google "Phone N - Value" cell,
// which may hold several joined by " ::: ".
func (p *rowParts) addGooglePhones(phones *phoneSlots, v string) {
	for _, n := range strings.Split(v, ":::") {
		phones.add(kindOfPhone(p.phoneLabel), n, labelOr(p.phoneLabel, "Other"))
	}
	p.phoneLabel = ""
}

// addEmails keeps the first address and notes the others.
func (p *rowParts) addEmails(c *Contact, v string) {
	for _, e := range strings.Split(v, ":::") {
		e = strings.TrimSpace(e)
		switch {
		case e == "":
		case c.Email == "":
			c.Email = e
		case !strings.EqualFold(c.Email, e):
			p.extras = append(p.extras, "Other email: "+e)
		}
	}
}

func labelOr(label, def string) string {
	label = strings.TrimSpace(strings.TrimPrefix(label, "*"))
	if label == "" {
		return def
	}
	return label
}

// joinAddress writes an address from its parts as lines.
func joinAddress(street, city, region, postal, country string) string {
	last := strings.TrimSpace(strings.Join(nonEmpty(strings.Join(nonEmpty(city, region), ", "), postal), " "))
	return strings.Join(nonEmpty(street, last, country), "\n")
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
