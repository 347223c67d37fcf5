package contacts

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-vcard"
)

// WriteVCard writes contacts as vCard 3.0, the version Outlook, Apple
// Contacts and Thunderbird all read, with long lines folded. The level,
// verification date and status travel as X-BINDER-… properties that other
// programs ignore and our import reads back.
func WriteVCard(w io.Writer, list []Contact) error {
	var buf bytes.Buffer
	for _, c := range list {
		buf.Reset()
		if err := vcard.NewEncoder(&buf).Encode(cardOf(c)); err != nil {
			return err
		}
		if _, err := io.WriteString(w, foldLines(strings.ReplaceAll(buf.String(), semiMark, `\;`))); err != nil {
			return err
		}
	}
	return nil
}

// cardOf builds the card of one contact.
func cardOf(c Contact) vcard.Card {
	card := vcard.Card{}
	card.SetValue(vcard.FieldVersion, "3.0")
	card.SetValue(vcard.FieldUID, c.UUID)
	card.SetValue(vcard.FieldFormattedName, semis(c.Name))
	if c.Kind == Organization {
		card.SetValue(vcard.FieldName, ";;;;") // as Apple Contacts writes a company card
		card.SetValue(vcard.FieldOrganization, semis(firstNonEmpty(c.Organization, c.Name)))
		card.SetValue("X-ABSHOWAS", "COMPANY")
	} else {
		card.SetValue(vcard.FieldName, structuredName(c.Name))
		setIf(card, vcard.FieldOrganization, semis(c.Organization))
	}
	setIf(card, vcard.FieldTitle, semis(c.Title))
	addTel(card, c.OfficePhone, "", "work", "voice")
	addTel(card, c.MobilePhone, "", "cell", "voice")
	addTel(card, c.AfterHoursPhone, "item1", "voice")
	if c.AfterHoursPhone != "" {
		card.Add("X-ABLABEL", &vcard.Field{Value: "After hours", Group: "item1"})
	}
	if c.Email != "" {
		card.Add(vcard.FieldEmail, &vcard.Field{Value: c.Email, Params: vcard.Params{vcard.ParamType: {"internet", "work"}}})
	}
	if c.Address != "" {
		card.Add(vcard.FieldAddress, &vcard.Field{Value: ";;" + semis(c.Address) + ";;;;",
			Params: vcard.Params{vcard.ParamType: {"work"}}})
	}
	setIf(card, vcard.FieldNote, semis(c.Notes))
	card.SetValue(vcard.FieldCategories, c.Level.Label())
	card.SetValue("X-BINDER-LEVEL", string(c.Level))
	setIf(card, "X-BINDER-VERIFIED", dateText(c.VerifiedOn))
	if !c.Active {
		card.SetValue("X-BINDER-ACTIVE", "no")
	}
	markUTF8(card)
	return card
}

// markUTF8 adds CHARSET=UTF-8 to text with accents: vCard 3.0 is UTF-8
// already, but older Outlook reads such text as Windows-1252 without it.
func markUTF8(card vcard.Card) {
	for _, key := range []string{vcard.FieldFormattedName, vcard.FieldName, vcard.FieldOrganization, vcard.FieldTitle,
		vcard.FieldAddress, vcard.FieldNote} {
		for _, f := range card[key] {
			if !isASCII(strings.ReplaceAll(f.Value, semiMark, ";")) {
				if f.Params == nil {
					f.Params = vcard.Params{}
				}
				f.Params.Set("CHARSET", "UTF-8")
			}
		}
	}
}

// semis marks the semicolons of a text value, which the encoder would leave
// bare; WriteVCard writes them escaped, as vCard 3.0 asks.
func semis(v string) string {
	return strings.ReplaceAll(v, ";", semiMark)
}

func setIf(card vcard.Card, key, value string) {
	if value != "" {
		card.SetValue(key, value)
	}
}

func addTel(card vcard.Card, number, group string, types ...string) {
	if number != "" {
		card.Add(vcard.FieldTelephone, &vcard.Field{Value: number, Group: group, Params: vcard.Params{vcard.ParamType: types}})
	}
}

// structuredName splits "Ana María Núñez" into N's family;given parts:
// the last word is taken as the family name.
func structuredName(name string) string {
	words := strings.Fields(strings.ReplaceAll(name, ";", ","))
	if len(words) < 2 {
		return name + ";;;;"
	}
	return words[len(words)-1] + ";" + strings.Join(words[:len(words)-1], " ") + ";;;"
}

// foldLines folds lines longer than 75 octets, as vCard asks, without
// splitting a character.
func foldLines(text string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(text, "\r\n") {
		body := strings.TrimSuffix(line, "\r\n")
		limit := 75
		for len(body) > limit {
			cut := limit
			for cut > 0 && !utf8.RuneStart(body[cut]) {
				cut--
			}
			b.WriteString(body[:cut] + "\r\n ")
			body = body[cut:]
			limit = 74
		}
		b.WriteString(body)
		if strings.HasSuffix(line, "\r\n") {
			b.WriteString("\r\n")
		}
	}
	return b.String()
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
