package contacts

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"electionbinder/internal/db"
	"electionbinder/internal/idlist"
	"electionbinder/internal/validate"
)

// execer is what a write needs: a database or a transaction.
type execer interface {
	Exec(query string, args ...any) (sql.Result, error)
	QueryRow(query string, args ...any) *sql.Row
	Query(query string, args ...any) (*sql.Rows, error)
}

// Check returns the first problem with c in plain words, or nil.
func Check(c Contact) error {
	if strings.TrimSpace(c.Name) == "" {
		return errors.New("A contact needs a name.")
	}
	if c.Kind != Person && c.Kind != Organization {
		return fmt.Errorf("A contact is a person or an organisation, not %q.", c.Kind)
	}
	if _, ok := ParseLevel(string(c.Level)); !ok {
		return fmt.Errorf("The level %q is not one of federal, state, county, municipal, vendor or other.", c.Level)
	}
	for _, p := range []struct{ label, value string }{
		{"office phone", c.OfficePhone}, {"mobile phone", c.MobilePhone}, {"after-hours phone", c.AfterHoursPhone},
	} {
		if problem := validate.Phone(p.value); problem != "" {
			return fmt.Errorf("The %s %q: %s", p.label, p.value, problem)
		}
	}
	if problem := validate.Email(c.Email); problem != "" {
		return fmt.Errorf("The email %q: %s", c.Email, problem)
	}
	return checkLengths(c)
}

// The longest text a field may hold, in characters: beyond these a field is
// not contact details but a pasted document, and the window slows to a halt
// laying it out.
const (
	MaxLineLength = 500    // name, title, organisation, email, phones
	MaxTextLength = 10_000 // address and notes
)

// checkLengths refuses fields longer than the window can show.
func checkLengths(c Contact) error {
	for _, f := range []struct {
		label, value string
		max          int
	}{
		{"name is", c.Name, MaxLineLength}, {"title is", c.Title, MaxLineLength},
		{"organisation's name is", c.Organization, MaxLineLength}, {"email is", c.Email, MaxLineLength},
		{"office phone is", c.OfficePhone, MaxLineLength}, {"mobile phone is", c.MobilePhone, MaxLineLength},
		{"after-hours phone is", c.AfterHoursPhone, MaxLineLength},
		{"address is", c.Address, MaxTextLength}, {"notes are", c.Notes, MaxTextLength},
	} {
		if problem := LengthProblem(f.label, f.value, f.max); problem != "" {
			return errors.New(problem)
		}
	}
	return nil
}

// LengthProblem says in plain words that a field is too long, or "" when it
// holds at most max characters; label is such as "notes are".
func LengthProblem(label, value string, max int) string {
	if n := utf8.RuneCountInString(value); n > max {
		return fmt.Sprintf("The %s too long: %d characters, at most %d.", label, n, max)
	}
	return ""
}

// ErrHasAttendance is returned when deleting a person whose training
// attendance the compliance report counts.
var ErrHasAttendance = errors.New("this person attended training that the compliance report counts; retire them instead of deleting, so the record stays")

// attendanceGuard is the message of the database trigger that keeps attendance.
const attendanceGuard = "contact has training attendance"

// tidy trims the text fields of c and fills in a missing level and kind.
func tidy(c Contact) Contact {
	for _, f := range []*string{&c.Name, &c.Title, &c.OfficePhone, &c.MobilePhone, &c.AfterHoursPhone, &c.Email, &c.Address, &c.Notes} {
		*f = strings.TrimSpace(*f)
	}
	if c.Level == "" {
		c.Level = Other
	}
	if c.Kind == "" {
		c.Kind = Person
	}
	return c
}

// Get returns the contact with the given id, or db.ErrNotFound.
func (s *Store) Get(id int64) (Contact, error) {
	return getContact(s.db, id)
}

func getContact(q execer, id int64) (Contact, error) {
	c, err := scanContact(q.QueryRow(`SELECT `+contactColumns+` FROM `+contactFrom+` WHERE c.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, db.ErrNotFound
	}
	if err != nil {
		return c, fmt.Errorf("reading contact %d: %w", id, err)
	}
	return c, nil
}

// Create adds c to the directory (a new UUID unless c carries a valid one)
// and returns it as saved.
func (s *Store) Create(c Contact) (Contact, error) {
	tx, err := s.db.Begin()
	if err != nil {
		return c, err
	}
	defer tx.Rollback()
	id, err := insertContact(tx, c)
	if err != nil {
		return c, err
	}
	if err := tx.Commit(); err != nil {
		return c, err
	}
	return s.Get(id)
}

func insertContact(tx execer, c Contact) (int64, error) {
	c = tidy(c)
	if err := Check(c); err != nil {
		return 0, err
	}
	if _, err := uuid.Parse(c.UUID); err != nil || c.UUID == "" {
		c.UUID = uuid.NewString()
	}
	if err := fillOrgName(tx, &c); err != nil {
		return 0, err
	}
	res, err := tx.Exec(`INSERT INTO contacts(uuid, kind, name, title, org_id, level, office_phone, mobile_phone,
		after_hours_phone, email, address, notes, verified_on, active, builtin, sort_name, search_text, source)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		strings.ToLower(c.UUID), c.Kind, c.Name, c.Title, nullID(c.OrgID), c.Level, c.OfficePhone, c.MobilePhone,
		c.AfterHoursPhone, c.Email, c.Address, c.Notes, dateText(c.VerifiedOn), c.Active, c.Builtin,
		fold(c.Name), searchText(c), c.Source)
	if err != nil {
		return 0, fmt.Errorf("saving %s: %w", c.Name, err)
	}
	return res.LastInsertId()
}

// Update saves every field of c (found by its id) and returns it as saved.
func (s *Store) Update(c Contact) (Contact, error) {
	tx, err := s.db.Begin()
	if err != nil {
		return c, err
	}
	defer tx.Rollback()
	if err := updateContact(tx, c); err != nil {
		return c, err
	}
	if err := tx.Commit(); err != nil {
		return c, err
	}
	return s.Get(c.ID)
}

func updateContact(tx execer, c Contact) error {
	c = tidy(c)
	if err := Check(c); err != nil {
		return err
	}
	if c.OrgID == c.ID {
		return errors.New("A contact cannot belong to itself.")
	}
	if err := fillOrgName(tx, &c); err != nil {
		return err
	}
	res, err := tx.Exec(`UPDATE contacts SET kind = ?, name = ?, title = ?, org_id = ?, level = ?, office_phone = ?,
		mobile_phone = ?, after_hours_phone = ?, email = ?, address = ?, notes = ?, verified_on = ?, active = ?,
		sort_name = ?, search_text = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?`,
		c.Kind, c.Name, c.Title, nullID(c.OrgID), c.Level, c.OfficePhone, c.MobilePhone, c.AfterHoursPhone,
		c.Email, c.Address, c.Notes, dateText(c.VerifiedOn), c.Active, fold(c.Name), searchText(c), c.ID)
	if err != nil {
		return fmt.Errorf("saving %s: %w", c.Name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return db.ErrNotFound
	}
	if c.Kind == Organization {
		return refreshMembers(tx, c.ID)
	}
	return nil
}

// fillOrgName looks up the name of c's organisation, which its search text holds.
func fillOrgName(q execer, c *Contact) error {
	c.Organization = ""
	if c.OrgID == 0 {
		return nil
	}
	err := q.QueryRow(`SELECT name FROM contacts WHERE id = ? AND kind = 'organization'`, c.OrgID).Scan(&c.Organization)
	if errors.Is(err, sql.ErrNoRows) {
		return errors.New("The organisation chosen for this contact no longer exists.")
	}
	return err
}

// refreshMembers recomputes the search text of the members of an
// organisation after its name changed.
func refreshMembers(tx execer, orgID int64) error {
	rows, err := tx.Query(`SELECT `+contactColumns+` FROM `+contactFrom+` WHERE c.org_id = ?`, orgID)
	if err != nil {
		return err
	}
	var members []Contact
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			rows.Close()
			return err
		}
		members = append(members, c)
	}
	rows.Close()
	for _, m := range members {
		if _, err := tx.Exec(`UPDATE contacts SET search_text = ? WHERE id = ?`, searchText(m), m.ID); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Delete removes a contact; its role assignments go with it, and people of a
// deleted organisation keep their details without it.
//
// A person who attended training cannot be deleted (ErrHasAttendance): the
// compliance record would go with them.
func (s *Store) Delete(id int64) error {
	return db.InTx(s.db, func(tx *sql.Tx) error { return deleteContact(tx, id) })
}

func deleteContact(tx execer, id int64) error {
	members, err := idlist.Query(tx, `SELECT id FROM contacts WHERE org_id = ?`, id)
	if err != nil {
		return err
	}
	if err := deleteHolder(tx, id); err != nil {
		return err
	}
	if _, err := tx.Exec(`DELETE FROM contacts WHERE id = ?`, id); err != nil {
		if strings.Contains(err.Error(), attendanceGuard) {
			return ErrHasAttendance
		}
		return fmt.Errorf("deleting the contact: %w", err)
	}
	for _, m := range members {
		c, err := getContact(tx, m)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE contacts SET search_text = ? WHERE id = ?`, searchText(c), m); err != nil {
			return err
		}
	}
	return nil
}

// MarkVerified stamps the contact as verified on the given day.
func (s *Store) MarkVerified(id int64, day time.Time) error {
	res, err := s.db.Exec(`UPDATE contacts SET verified_on = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
		WHERE id = ?`, dateText(day), id)
	if err != nil {
		return fmt.Errorf("marking the contact verified: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return db.ErrNotFound
	}
	return nil
}

// Count returns how many contacts the directory holds.
func (s *Store) Count() (int, error) {
	var n int
	err := s.db.QueryRow(`SELECT count(*) FROM contacts`).Scan(&n)
	return n, err
}

// Organizations returns every organisation, by name.
func (s *Store) Organizations() ([]Contact, error) {
	return s.List(Filter{Kind: Organization, IncludeRetired: true})
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

// stmtCache runs a transaction's repeated statements from one preparation
// each, for imports of thousands of rows; the statements close with the
// transaction.
type stmtCache struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func newStmtCache(tx *sql.Tx) *stmtCache {
	return &stmtCache{tx: tx, stmts: map[string]*sql.Stmt{}}
}

func (c *stmtCache) stmt(query string) (*sql.Stmt, error) {
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	st, err := c.tx.Prepare(query)
	if err == nil {
		c.stmts[query] = st
	}
	return st, err
}

func (c *stmtCache) Exec(query string, args ...any) (sql.Result, error) {
	st, err := c.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.Exec(args...)
}

func (c *stmtCache) QueryRow(query string, args ...any) *sql.Row {
	st, err := c.stmt(query)
	if err != nil {
		return c.tx.QueryRow(query, args...) // reports the same error
	}
	return st.QueryRow(args...)
}

func (c *stmtCache) Query(query string, args ...any) (*sql.Rows, error) {
	st, err := c.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.Query(args...)
}
