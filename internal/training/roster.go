package training

import (
	"database/sql"
	"electionbinder/internal/db"
	"electionbinder/internal/textfile"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// RosterColumns are the columns of a roster CSV, in the order written.
// On import, columns are found by header name in any order and case;
// an event needs event_uuid, or event and start; a person needs email or name.
var RosterColumns = []string{"event_uuid", "event", "start", "kind", "name", "email", "office",
	"status", "attendance"}

const rosterStartLayout = "2006-01-02 15:04"

// WriteRosterCSV writes every registration of every event as CSV.
func (s *Store) WriteRosterCSV(w io.Writer) error {
	list, err := s.Events("")
	if err != nil {
		return err
	}
	byID := map[int64]Event{}
	for _, e := range list {
		byID[e.ID] = e.Event
	}
	regs, err := s.AllRegistrations()
	if err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(RosterColumns); err != nil {
		return err
	}
	for _, r := range regs {
		e := byID[r.EventID]
		if err := cw.Write(safeCells(e.UUID, e.Title, e.Start.Format(rosterStartLayout), string(e.Kind), r.Name,
			r.Email, r.Office, string(r.Status), string(r.Attendance))); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// rosterRow is one parsed line of a roster CSV.
type rosterRow struct {
	line       int
	eventID    int64
	contactID  int64
	status     Status
	attendance Attendance
}

// RosterError lists the lines of a roster CSV that could not be read.
type RosterError struct{ Lines []string }

func (e *RosterError) Error() string {
	return "the roster was not imported; fix these lines and try again:\n" + strings.Join(e.Lines, "\n")
}

// ImportRosterCSV signs people up from a roster CSV, in file order: a seat
// while seats are free, then the waitlist, then cancellations and check-in as
// the status and attendance columns say. People and events must already be
// known. When any line is wrong nothing is saved, and the error names every
// wrong line by its number. It returns the number of lines applied.
func (s *Store) ImportRosterCSV(r io.Reader) (int, error) {
	rows, err := s.readRoster(r)
	if err != nil {
		return 0, err
	}
	err = db.InTx(s.db, func(tx *sql.Tx) error { return s.applyRoster(tx, rows) })
	if err != nil {
		return 0, err
	}
	return len(rows), nil
}

// applyRoster applies every row in tx, or returns a RosterError naming
// every wrong line.
func (s *Store) applyRoster(tx *sql.Tx, rows []rosterRow) error {
	var bad []string
	for _, row := range rows {
		if err := applyRosterRow(tx, row, s.now()); err != nil {
			bad = append(bad, fmt.Sprintf("line %d: %v", row.line, err))
		}
	}
	if len(bad) > 0 {
		return &RosterError{Lines: bad}
	}
	return nil
}

func (s *Store) readRoster(r io.Reader) ([]rosterRow, error) {
	r, err := readText(r)
	if err != nil {
		return nil, err
	}
	text, comma, skipped := rosterDelimiter(r)
	cr := csv.NewReader(strings.NewReader(text))
	cr.FieldsPerRecord = -1
	cr.Comma = comma
	header, err := cr.Read()
	if err != nil {
		return nil, errors.New("the roster file is empty or not CSV")
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	_, hasUUID := col["event_uuid"]
	_, hasTitle := col["event"]
	_, hasName := col["name"]
	_, hasEmail := col["email"]
	if !(hasUUID || hasTitle) || !(hasName || hasEmail) {
		return nil, errors.New("the roster needs an event_uuid or event column, and a name or email column")
	}
	look := newRosterLookup(s)
	var rows []rosterRow
	var bad []string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return nil, err
			}
			bad = append(bad, fmt.Sprintf("line %d: %v", pe.StartLine+skipped, pe.Err))
			continue
		}
		line, _ := cr.FieldPos(0)
		line += skipped
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return unsafeCell(strings.TrimSpace(rec[i]))
			}
			return ""
		}
		if strings.Join(rec, "") == "" {
			continue
		}
		row, err := look.row(get)
		row.line = line
		if err != nil {
			bad = append(bad, fmt.Sprintf("line %d: %v", line, err))
			continue
		}
		rows = append(rows, row)
	}
	if len(bad) > 0 {
		return nil, &RosterError{Lines: bad}
	}
	if len(rows) == 0 {
		return nil, errors.New("the roster has no rows")
	}
	return rows, nil
}

// rosterLookup finds the events and people a roster names, through maps
// built once per import.
type rosterLookup struct {
	byUUID  map[string]int64
	byTitle map[string][]EventSummary // lower-case title → events
	byEmail map[string][]int64        // lower-case e-mail → people
	byName  map[string][]int64        // lower-case name → people
	err     error
}

func newRosterLookup(s *Store) *rosterLookup {
	l := &rosterLookup{byUUID: map[string]int64{}, byTitle: map[string][]EventSummary{},
		byEmail: map[string][]int64{}, byName: map[string][]int64{}}
	events, err := s.Events("")
	if err != nil {
		l.err = err
		return l
	}
	for _, e := range events {
		l.byUUID[e.UUID] = e.ID
		key := strings.ToLower(e.Title)
		l.byTitle[key] = append(l.byTitle[key], e)
	}
	people, err := s.People("", 0)
	if err != nil {
		l.err = err
		return l
	}
	for _, p := range people {
		if p.Email != "" {
			key := strings.ToLower(p.Email)
			l.byEmail[key] = append(l.byEmail[key], p.ID)
		}
		key := strings.ToLower(p.Name)
		l.byName[key] = append(l.byName[key], p.ID)
	}
	return l
}

func (l *rosterLookup) row(get func(string) string) (rosterRow, error) {
	if l.err != nil {
		return rosterRow{}, l.err
	}
	var row rosterRow
	var err error
	if row.eventID, err = l.event(get("event_uuid"), get("event"), get("start")); err != nil {
		return row, err
	}
	if row.contactID, err = l.person(get("email"), get("name")); err != nil {
		return row, err
	}
	if row.status, err = parseStatus(get("status")); err != nil {
		return row, err
	}
	if row.attendance, err = parseAttendance(get("attendance")); err != nil {
		return row, err
	}
	if row.attendance != NotMarked && row.status != Registered {
		return row, fmt.Errorf("only a person with a seat can be marked %s", row.attendance.Label())
	}
	return row, nil
}

func (l *rosterLookup) event(id, title, start string) (int64, error) {
	if id != "" {
		if found, ok := l.byUUID[id]; ok {
			return found, nil
		}
		return 0, fmt.Errorf("no session has the id %s", id)
	}
	var found []int64
	for _, e := range l.byTitle[strings.ToLower(title)] {
		if start == "" || sameStart(e.Start, start) {
			found = append(found, e.ID)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return 0, fmt.Errorf("no session is called %q at %q", title, start)
	}
	return 0, fmt.Errorf("several sessions are called %q; give the start (YYYY-MM-DD HH:MM) or event_uuid", title)
}

// startLayouts are the ways a roster may write a start: ours, and the ways
// Excel rewrites it when the clerk opens and saves the file.
var startLayouts = []string{rosterStartLayout, "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02T15:04:05",
	"1/2/2006 15:04", "1/2/2006 15:04:05", "1/2/2006 3:04 PM", "1/2/2006 3:04:05 PM", "1/2/06 15:04", "1/2/06 3:04 PM"}

// sameStart tells whether a roster's start names the start of a session,
// read as a clock time in the session's zone.
func sameStart(start time.Time, text string) bool {
	for _, layout := range startLayouts {
		if t, err := time.ParseInLocation(layout, text, start.Location()); err == nil {
			return t.Equal(start)
		}
	}
	return false
}

func (l *rosterLookup) person(email, name string) (int64, error) {
	if email == "" && name == "" {
		return 0, errors.New("the name and e-mail are both empty")
	}
	found := l.byName[strings.ToLower(name)]
	if byEmail := l.byEmail[strings.ToLower(email)]; email != "" && (len(byEmail) > 0 || name == "") {
		found = byEmail // the e-mail decides; the name only when the directory lacks that address
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return 0, fmt.Errorf("nobody in the directory matches %q", strings.TrimSpace(name+" "+email))
	}
	return 0, fmt.Errorf("several people in the directory match %q; give the e-mail address", name+email)
}

func parseStatus(s string) (Status, error) {
	switch strings.ToLower(s) {
	case "", "registered", "waitlisted", "waitlist":
		return Registered, nil // the seat or the waitlist is decided by capacity, in file order
	case "cancelled", "canceled":
		return Cancelled, nil
	}
	return "", fmt.Errorf("status %q is not registered, waitlisted or cancelled", s)
}

func parseAttendance(s string) (Attendance, error) {
	switch strings.ToLower(strings.ReplaceAll(s, "-", "_")) {
	case "":
		return NotMarked, nil
	case "attended", "present", "yes":
		return Attended, nil
	case "no_show", "noshow", "absent", "no":
		return NoShow, nil
	}
	return "", fmt.Errorf("attendance %q is not attended or no-show", s)
}

// applyRosterRow brings one person's registration in line with a row.
func applyRosterRow(tx *sql.Tx, row rosterRow, now time.Time) error {
	var id int64
	var status Status
	err := tx.QueryRow(`SELECT id, status FROM training_registrations WHERE event_id=? AND contact_id=?`,
		row.eventID, row.contactID).Scan(&id, &status)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && status == Cancelled && row.status != Cancelled) {
		id, status, err = register(tx, row.eventID, row.contactID, now)
	}
	if err != nil {
		return err
	}
	if row.status == Cancelled {
		if status == Cancelled {
			return nil
		}
		_, err := cancelRegistration(tx, id, row.eventID)
		return err
	}
	if row.attendance == NotMarked {
		return nil
	}
	if status != Registered {
		return errors.New("the session is full, so this person is on the waitlist and cannot be marked present")
	}
	_, err = tx.Exec(`UPDATE training_registrations SET attendance=?, checked_in_at=? WHERE id=?`,
		string(row.attendance), checkedStamp(row.attendance, now), id)
	return err
}

// rosterDelimiter finds how a roster's fields are separated: by commas, or
// by the semicolons Excel writes where the comma is the decimal mark, or by
// the tabs of Excel's "Unicode Text"; a first line "sep=;" says it outright.
// It returns the text without that line and the number of lines left out.
func rosterDelimiter(r io.Reader) (string, rune, int) {
	data, _ := io.ReadAll(r) // r reads a string
	text := string(data)
	first, rest, _ := strings.Cut(text, "\n")
	first = strings.TrimSuffix(first, "\r")
	if strings.HasPrefix(strings.ToLower(first), "sep=") && len(first) == 5 {
		return rest, rune(first[4]), 1
	}
	best, count := ',', strings.Count(first, ",")
	for _, c := range []rune{';', '\t'} {
		if n := strings.Count(first, string(c)); n > count {
			best, count = c, n
		}
	}
	return text, best, 0
}

func checkedStamp(a Attendance, now time.Time) string {
	if a == Attended {
		return stamp(now)
	}
	return ""
}

// readText reads a file clerks bring from another program (UTF-8, UTF-16 or
// Windows-1252) as UTF-8 text, and refuses one that is not text.
func readText(r io.Reader) (io.Reader, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	text, err := textfile.Decode(data)
	if err != nil {
		return nil, err
	}
	return strings.NewReader(text), nil
}
