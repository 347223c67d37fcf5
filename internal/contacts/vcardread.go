package contacts

import (
	"bytes"
	"fmt"
	"io"
	"mime/quotedprintable"
	"strings"

	"github.com/emersion/go-vcard"
	"golang.org/x/text/encoding/htmlindex"
)

// vcardLine is one unfolded property line with the line it starts on.
type vcardLine struct {
	n    int
	text string
}

// ReadVCard reads contacts from vCard 2.1, 3.0 or 4.0 text, as Apple
// Contacts, Outlook and Thunderbird write it: folded lines, quoted-printable
// values in other character sets, and several phones of a type. Cards that
// cannot be imported come back with a Problem and the line they start on.
func ReadVCard(text string) ([]Record, error) {
	var records []Record
	var card []vcardLine
	inCard := false
	for _, l := range unfold(text) {
		upper := strings.ToUpper(strings.TrimSpace(l.text))
		switch {
		case upper == "BEGIN:VCARD":
			if inCard {
				records = append(records, Record{Line: card[0].n, Problem: "This card has no END:VCARD line."})
			}
			card, inCard = []vcardLine{l}, true
		case upper == "END:VCARD" && inCard:
			records = append(records, recordFromCard(append(card, l)))
			card, inCard = nil, false
		case inCard:
			card = append(card, l)
		}
	}
	if inCard {
		records = append(records, Record{Line: card[0].n, Problem: "This card has no END:VCARD line."})
	}
	if len(records) == 0 {
		return nil, fmt.Errorf("this vCard file holds no cards (no BEGIN:VCARD line)")
	}
	return records, nil
}

// unfold joins continued lines: those starting with a space or tab (all
// versions) and quoted-printable values ending in "=" (vCard 2.1). Its work
// grows with the length of the text, however long one folded value is.
func unfold(text string) []vcardLine {
	var u unfolder
	for i, raw := range strings.Split(plainLineEnds(text), "\n") {
		raw = strings.TrimSuffix(raw, "\r")
		switch {
		case u.qpOpen():
			u.cur = append(u.cur[:len(u.cur)-1], strings.TrimLeft(raw, " \t")...)
		case (strings.HasPrefix(raw, " ") || strings.HasPrefix(raw, "\t")) && u.started():
			u.cur = append(u.cur, raw[1:]...)
		case strings.TrimSpace(raw) == "":
			continue
		default:
			u.flush()
			u.n, u.cur, u.head, u.searched = i+1, append(u.cur[:0], raw...), "", 0
		}
		u.findHead()
	}
	u.flush()
	return u.out
}

// unfolder gathers the physical lines of one property line.
type unfolder struct {
	out      []vcardLine
	n        int    // the line the property starts on; 0 before the first
	cur      []byte // the property line so far
	head     string // its name and parameters, once its colon has been read
	searched int    // how much of cur has been searched for the colon
}

func (u *unfolder) started() bool { return u.n > 0 }

// findHead looks for the colon ending the property's name and parameters in
// what was added to the line since the last look.
func (u *unfolder) findHead() {
	if u.head != "" {
		return
	}
	if i := bytes.IndexByte(u.cur[u.searched:], ':'); i >= 0 {
		u.head = string(u.cur[:u.searched+i+1])
	}
	u.searched = len(u.cur)
}

// qpOpen reports whether the property line continues on the next physical
// line as a quoted-printable soft line break.
func (u *unfolder) qpOpen() bool {
	return u.head != "" && len(u.cur) > 0 && u.cur[len(u.cur)-1] == '=' && isQuotedPrintable(u.head)
}

func (u *unfolder) flush() {
	if u.started() {
		u.out = append(u.out, vcardLine{n: u.n, text: string(u.cur)})
	}
}

func isQuotedPrintable(line string) bool {
	name, _, _ := strings.Cut(line, ":")
	return strings.Contains(strings.ToUpper(name), "QUOTED-PRINTABLE")
}

// wantedProperties are the properties the directory uses; others (photos,
// birthdays, …) are skipped before parsing.
var wantedProperties = map[string]bool{
	"VERSION": true, "FN": true, "N": true, "ORG": true, "TITLE": true, "TEL": true, "EMAIL": true, "ADR": true,
	"LABEL": true, "NOTE": true, "UID": true, "KIND": true, "X-ABSHOWAS": true, "X-ABLABEL": true,
	"CATEGORIES": true, "X-BINDER-LEVEL": true, "X-BINDER-VERIFIED": true, "X-BINDER-ACTIVE": true,
}

// normalise rewrites a vCard 2.1 property line in the 3.0 form the parser
// reads: bare parameters become TYPE=…, quoted-printable and other character
// sets are decoded. It returns "" for a property the directory does not use.
func normalise(line string) (string, error) {
	head, value, ok := strings.Cut(line, ":")
	if !ok {
		return "", nil
	}
	parts := strings.Split(head, ";")
	name := parts[0]
	if _, after, grouped := strings.Cut(name, "."); grouped {
		name = after
	}
	if !wantedProperties[strings.ToUpper(name)] {
		return "", nil
	}
	kept := []string{parts[0]}
	qp, charset := false, ""
	for _, p := range parts[1:] {
		key, val, hasValue := strings.Cut(p, "=")
		switch k := strings.ToUpper(strings.TrimSpace(key)); {
		case !hasValue && k == "QUOTED-PRINTABLE", k == "ENCODING" && strings.EqualFold(val, "QUOTED-PRINTABLE"):
			qp = true
		case k == "CHARSET":
			charset = val
		case k == "ENCODING":
			return "", nil // base64 data such as a photo
		case !hasValue && k != "":
			kept = append(kept, "TYPE="+k)
		case k != "":
			kept = append(kept, p)
		}
	}
	if qp {
		decoded, err := decodeQP(value, charset)
		if err != nil {
			return "", err
		}
		value = decoded
	}
	return strings.Join(kept, ";") + ":" + reescape(value), nil
}

// semiMark stands for a semicolon that is part of a value, not a separator
// between the parts of a structured one, between our reading of the escapes
// and the parser's.
const semiMark = "\uE03B"

// reescape reads the escapes of a vCard value (\\, \n, \N, \, and \;) and
// writes the value again in the form the parser reads back exactly, once:
// the parser itself knows neither \; nor \N, and would leave them for a
// second, wrong, round of unescaping. A semicolon that was escaped becomes
// semiMark, so that only real separators split structured values.
func reescape(v string) string {
	if !strings.ContainsAny(v, "\\,") {
		return v
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == '\\' && i+1 < len(v) {
			i++
			switch v[i] {
			case 'n', 'N':
				b.WriteString(`\n`)
			case ',':
				b.WriteString(`\,`)
			case ';':
				b.WriteString(semiMark)
			case '\\':
				b.WriteString(`\\`)
			default: // not an escape: a backslash in the text
				b.WriteString(`\\`)
				b.WriteByte(v[i])
			}
			continue
		}
		switch c {
		case '\\':
			b.WriteString(`\\`)
		case ',':
			b.WriteString(`\,`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// decodeQP decodes a quoted-printable value in the given character set and
// escapes its line breaks as vCard 3.0 does.
func decodeQP(value, charset string) (string, error) {
	raw, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(value)))
	if err != nil {
		return "", fmt.Errorf("a quoted-printable value could not be decoded")
	}
	text := string(raw)
	if charset != "" && !strings.EqualFold(charset, "utf-8") {
		if enc, err := htmlindex.Get(charset); err == nil {
			if out, err := enc.NewDecoder().Bytes(raw); err == nil {
				text = string(out)
			}
		}
	}
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", `\n`)
	return text, nil
}

// recordFromCard turns the lines of one card into a record.
func recordFromCard(lines []vcardLine) Record {
	rec := Record{Line: lines[0].n}
	var b strings.Builder
	for _, l := range lines {
		norm, err := normalise(l.text)
		if err != nil {
			rec.Problem = fmt.Sprintf("Line %d: %v.", l.n, err)
			return rec
		}
		if l.n == lines[0].n || strings.EqualFold(strings.TrimSpace(l.text), "END:VCARD") {
			norm = strings.TrimSpace(l.text)
		}
		if norm != "" {
			b.WriteString(norm + "\r\n")
		}
	}
	card, err := vcard.NewDecoder(strings.NewReader(b.String())).Decode()
	if err != nil {
		rec.Problem = "This card could not be read."
		return rec
	}
	fillFromCard(&rec, card)
	rec.finish()
	return rec
}

// fillFromCard copies the card's properties into the record.
func fillFromCard(rec *Record, card vcard.Card) {
	c := &rec.Contact
	c.UUID = strings.TrimPrefix(strings.ToLower(card.Value(vcard.FieldUID)), "urn:uuid:")
	kind := strings.ToLower(card.Value(vcard.FieldKind) + card.Value("X-ABSHOWAS"))
	if strings.HasPrefix(kind, "org") || kind == "company" {
		c.Kind = Organization
	}
	c.Name = unescape(card.Value(vcard.FieldFormattedName))
	if org := card.Get(vcard.FieldOrganization); org != nil {
		c.Organization = unescape(components(org.Value)[0])
	}
	if c.Name == "" {
		c.Name = nameFromN(card)
	}
	c.Title = unescape(card.Value(vcard.FieldTitle))
	c.Notes = unescape(card.Value(vcard.FieldNote))
	phones := phoneSlots{c: c}
	for _, f := range card[vcard.FieldTelephone] {
		label := abLabel(card, f.Group)
		types := strings.Join(f.Params.Types(), " ")
		phones.add(kindOfPhone(types, label), f.Value, labelOr(label, phoneLabel(types)))
	}
	var extras []string
	for i, f := range preferredFirst(card[vcard.FieldEmail]) {
		if i == 0 {
			c.Email = strings.TrimSpace(f.Value)
		} else {
			extras = append(extras, "Other email: "+strings.TrimSpace(f.Value))
		}
	}
	c.Address = cardAddress(card)
	fillBinderFields(rec, card)
	addExtras(c, append(phones.extras, extras...))
}

// fillBinderFields reads the level, verification date and status that our
// export writes as X-BINDER-… properties (or a level among the categories).
func fillBinderFields(rec *Record, card vcard.Card) {
	c := &rec.Contact
	if l, ok := ParseLevel(card.Value("X-BINDER-LEVEL")); ok {
		c.Level = l
	} else {
		c.Level = levelFromWords(card.Value(vcard.FieldCategories))
	}
	if v := card.Value("X-BINDER-VERIFIED"); v != "" {
		if t, ok := parseDate(v); ok {
			c.VerifiedOn = t
		}
	}
	if v := card.Value("X-BINDER-ACTIVE"); v != "" {
		if b, ok := parseBool(v); ok {
			rec.Active = &b
		}
	}
}

// nameFromN builds "Given Additional Family" from the structured name.
func nameFromN(card vcard.Card) string {
	f := card.Get(vcard.FieldName)
	if f == nil {
		return ""
	}
	parts := components(f.Value)
	for len(parts) < 5 {
		parts = append(parts, "")
	}
	return strings.Join(nonEmpty(parts[3], parts[1], parts[2], parts[0], parts[4]), " ")
}

// abLabel returns Apple's X-ABLabel for a grouped property, such as "After hours".
func abLabel(card vcard.Card, group string) string {
	if group == "" {
		return ""
	}
	for _, f := range card["X-ABLABEL"] {
		if strings.EqualFold(f.Group, group) {
			return strings.Trim(strings.TrimSuffix(strings.TrimPrefix(f.Value, "_$!<"), ">!$_"), " ")
		}
	}
	return ""
}

func phoneLabel(types string) string {
	switch kindOfPhone(types) {
	case mobileKind:
		return "Mobile"
	case afterHoursKind:
		return "After-hours"
	case officeKind:
		return "Office"
	}
	for _, t := range strings.Fields(types) {
		if t == "fax" || t == "pager" {
			return strings.ToUpper(t[:1]) + t[1:]
		}
	}
	return "Other"
}

// preferredFirst orders fields with the preferred one (PREF or TYPE=pref) first.
func preferredFirst(fields []*vcard.Field) []*vcard.Field {
	out := make([]*vcard.Field, 0, len(fields))
	for _, f := range fields {
		if f.Params.Get(vcard.ParamPreferred) != "" || f.Params.HasType("pref") {
			out = append([]*vcard.Field{f}, out...)
		} else {
			out = append(out, f)
		}
	}
	return out
}

// cardAddress writes the card's work address (or its first) as lines.
func cardAddress(card vcard.Card) string {
	fields := card[vcard.FieldAddress]
	var pick *vcard.Field
	for _, f := range fields {
		if pick == nil || (f.Params.HasType("work") && !pick.Params.HasType("work")) {
			pick = f
		}
	}
	if pick == nil {
		return unescape(card.Value("LABEL"))
	}
	p := components(pick.Value)
	for len(p) < 7 {
		p = append(p, "")
	}
	for i := range p {
		p[i] = unescape(p[i])
	}
	street := strings.Join(nonEmpty(p[0], p[1], p[2]), "\n")
	return joinAddress(street, p[3], p[4], p[5], p[6])
}

// components splits a structured value at its separators; semicolons that
// belong to a part were turned into semiMark when the line was read.
func components(v string) []string {
	return strings.Split(v, ";")
}

// unescape puts back the semicolons that belong to a value and trims it; the
// other escapes were read by the parser.
func unescape(v string) string {
	return strings.TrimSpace(strings.ReplaceAll(v, semiMark, ";"))
}
