package contacts

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// formulaStarts are the characters with which a spreadsheet cell becomes a
// formula; exported cells starting with one get an apostrophe in front.
const formulaStarts = "=+-@\t\r"

// CSVHeader is the header row of our CSV export; import reads it back.
var CSVHeader = []string{"UUID", "Kind", "Name", "Title", "Organization", "Level", "Office phone", "Mobile phone",
	"After-hours phone", "Email", "Address", "Notes", "Last verified", "Active", "Roles"}

// neutralise keeps a spreadsheet from running a cell as a formula. A value
// that already starts with an apostrophe and a formula character gets one
// more, so that import, which takes one off, gives it back as it was.
func neutralise(v string) string {
	if v != "" && strings.ContainsRune(formulaStarts, rune(v[0])) || unneutralise(v) != v {
		return "'" + v
	}
	return v
}

// WriteCSV writes contacts as CSV that Excel opens with accents intact
// (UTF-8 with a byte order mark, CRLF line ends) and in which no cell can
// run as a formula. holdings, when given, fills the Roles column.
func WriteCSV(w io.Writer, list []Contact, holdings map[int64][]Holding) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, c := range list {
		active := "yes"
		if !c.Active {
			active = "no"
		}
		row := []string{c.UUID, string(c.Kind), c.Name, c.Title, c.Organization, string(c.Level), c.OfficePhone,
			c.MobilePhone, c.AfterHoursPhone, c.Email, c.Address, c.Notes, dateText(c.VerifiedOn), active,
			holdingsText(holdings[c.ID])}
		for i := range row {
			row[i] = neutralise(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// holdingsText writes roles as "IT support (Primary); Facilities (Backup 1)".
func holdingsText(hs []Holding) string {
	parts := make([]string, len(hs))
	for i, h := range hs {
		parts[i] = h.Role + " (" + h.Label() + ")"
	}
	return strings.Join(parts, "; ")
}

// Export writes the whole directory, retired contacts included, as "csv" or "vcf".
func (s *Store) Export(w io.Writer, format string) error {
	list, err := s.List(Filter{IncludeRetired: true})
	if err != nil {
		return err
	}
	switch format {
	case "csv":
		holdings, err := s.Holdings()
		if err != nil {
			return err
		}
		return WriteCSV(w, list, holdings)
	case "vcf":
		return WriteVCard(w, list)
	}
	return fmt.Errorf("unknown export format %q (csv or vcf)", format)
}
