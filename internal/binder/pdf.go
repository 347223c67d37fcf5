// Package binder prints the binder's documents as PDF: the plan binder, the
// sign-in sheet of a training session and the compliance report. Every
// document embeds a Unicode font and is reproducible: the same content gives
// the same bytes.
package binder

import (
	"fmt"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/text/unicode/norm"

	"electionbinder/assets"
	"electionbinder/internal/fonts"
)

// Font is the family name under which the embedded Noto Sans is registered.
const Font = "Noto"

// Paper sizes a clerk can choose in Settings.
const (
	Letter = "letter"
	A4     = "a4"
)

// PageSetup says how pages are laid out.
type PageSetup struct {
	Paper     string  // Letter or A4; empty means Letter
	Landscape bool    // landscape orientation
	Gutter    float64 // extra inner margin in mm for hole punching (0 for none)
}

// fixedDate is written as the creation date so that a document's bytes depend
// on its content alone.
var fixedDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// newPDF starts a document in millimetres with the embedded fonts loaded,
// sorted catalogs and a fixed creation date.
func newPDF(setup PageSetup) (*gofpdf.Fpdf, error) {
	size := "Letter"
	if strings.EqualFold(setup.Paper, A4) {
		size = "A4"
	}
	orientation := "P"
	if setup.Landscape {
		orientation = "L"
	}
	pdf := gofpdf.New(orientation, "mm", size, "")
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(fixedDate)
	pdf.SetModificationDate(fixedDate)
	pdf.SetCreator("Election Security Binder", true)
	pdf.SetProducer("Election Security Binder", true)
	pdf.AddUTF8FontFromBytes(Font, "", assets.FontRegular)
	pdf.AddUTF8FontFromBytes(Font, "B", assets.FontBold)
	pdf.AddUTF8FontFromBytes(Font, "I", assets.FontItalic)
	pdf.AddUTF8FontFromBytes(Font, "BI", assets.FontBoldItalic)
	pdf.SetMargins(18+setup.Gutter, 18, 18)
	pdf.SetAutoPageBreak(true, 20)
	pdf.SetFont(Font, "", 11)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("preparing the PDF: %w", err)
	}
	return pdf, nil
}

// cleanText makes text safe for gofpdf: it is composed (NFC), invisible
// formatting characters are dropped, characters no embedded font has
// (emoji among them, which gofpdf cannot draw) become U+FFFD, which the
// export's warnings and the plan check name, and control characters other
// than newlines and tabs are dropped. Hindi and Bengali vowel signs written
// before their consonant are moved there, since gofpdf does not shape text.
func cleanText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0x7F || fonts.Ignorable(r):
			return -1
		case r > 0xFFFF || fonts.For(r) == nil:
			return '\uFFFD'
		}
		return r
	}, norm.NFC.String(s))
	return reorderIndic(s)
}
