package binder

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// dateLayout is how dates are kept in the database.
const dateLayout = "2006-01-02"

// ErrNotFound is returned for a controlled copy that does not exist.
var ErrNotFound = errors.New("not found")

// Store keeps the binder's own records in one binder database: the
// distribution list of each plan, the binder of each approved revision
// and what each controlled copy holds.
type Store struct {
	db *sql.DB
}

// NewStore returns a Store over an open, migrated binder database.
func NewStore(db *sql.DB) *Store { return &Store{db: db} }

// Copy is one controlled copy of a plan's binder and who holds it.
type Copy struct {
	ID       int64
	UUID     string
	PlanID   int64
	Number   string // as printed, such as "3"
	Holder   string
	Title    string // title or organization of the holder
	Location string // where the copy is kept
	Issued   time.Time
}

// Copies returns a plan's distribution list, by copy number.
func (s *Store) Copies(planID int64) ([]Copy, error) {
	rows, err := s.db.Query(`SELECT id, uuid, plan_id, copy_number, holder, title, location, issued_on
		FROM binder_copies WHERE plan_id = ?`, planID)
	if err != nil {
		return nil, fmt.Errorf("reading the distribution list: %w", err)
	}
	defer rows.Close()
	var list []Copy
	for rows.Next() {
		var c Copy
		var issued string
		if err := rows.Scan(&c.ID, &c.UUID, &c.PlanID, &c.Number, &c.Holder, &c.Title, &c.Location, &issued); err != nil {
			return nil, fmt.Errorf("reading the distribution list: %w", err)
		}
		c.Issued, _ = time.Parse(dateLayout, issued)
		list = append(list, c)
	}
	sort.SliceStable(list, func(i, j int) bool { return copyLess(list[i].Number, list[j].Number) })
	return list, rows.Err()
}

// copyLess orders copy numbers as numbers when both are, else as text.
func copyLess(a, b string) bool {
	x, errA := strconv.Atoi(a)
	y, errB := strconv.Atoi(b)
	if errA == nil && errB == nil {
		return x < y
	}
	if (errA == nil) != (errB == nil) {
		return errA == nil
	}
	return a < b
}

// AddCopy records a controlled copy and returns its id.
func (s *Store) AddCopy(c Copy) (int64, error) {
	if err := c.check(); err != nil {
		return 0, err
	}
	res, err := s.db.Exec(`INSERT INTO binder_copies(uuid, plan_id, copy_number, holder, title, location, issued_on)
		VALUES(?, ?, ?, ?, ?, ?, ?)`, uuid.NewString(), c.PlanID, strings.TrimSpace(c.Number), strings.TrimSpace(c.Holder),
		strings.TrimSpace(c.Title), strings.TrimSpace(c.Location), dateText(c.Issued))
	if err != nil {
		return 0, copyError(c, err)
	}
	return res.LastInsertId()
}

// UpdateCopy saves a controlled copy's number, holder, title, place and date.
func (s *Store) UpdateCopy(c Copy) error {
	if err := c.check(); err != nil {
		return err
	}
	res, err := s.db.Exec(`UPDATE binder_copies SET copy_number = ?, holder = ?, title = ?, location = ?, issued_on = ?
		WHERE id = ?`, strings.TrimSpace(c.Number), strings.TrimSpace(c.Holder), strings.TrimSpace(c.Title),
		strings.TrimSpace(c.Location), dateText(c.Issued), c.ID)
	if err != nil {
		return copyError(c, err)
	}
	return oneRow(res, c.ID)
}

// DeleteCopy removes a controlled copy from the distribution list.
func (s *Store) DeleteCopy(id int64) error {
	res, err := s.db.Exec(`DELETE FROM binder_copies WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("removing copy %d: %w", id, err)
	}
	return oneRow(res, id)
}

func oneRow(res sql.Result, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("copy %d: %w", id, ErrNotFound)
	}
	return nil
}

// check says in plain words what a copy is missing.
func (c Copy) check() error {
	switch {
	case strings.TrimSpace(c.Number) == "":
		return errors.New("give the copy a number")
	case strings.TrimSpace(c.Holder) == "":
		return errors.New("say who holds the copy")
	}
	return nil
}

// copyError turns a constraint failure into plain words.
func copyError(c Copy, err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "UNIQUE"):
		return fmt.Errorf("copy number %s is already given out for this plan", strings.TrimSpace(c.Number))
	case strings.Contains(msg, "FOREIGN KEY"):
		return fmt.Errorf("plan %d: %w", c.PlanID, ErrNotFound)
	}
	return fmt.Errorf("saving copy %s: %w", c.Number, err)
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

// copyByNumber finds a plan's controlled copy by its number.
func (s *Store) copyByNumber(planID int64, number string) (Copy, error) {
	copies, err := s.Copies(planID)
	if err != nil {
		return Copy{}, err
	}
	for _, c := range copies {
		if c.Number == strings.TrimSpace(number) {
			return c, nil
		}
	}
	return Copy{}, fmt.Errorf("plan %d has no controlled copy numbered %q: %w", planID, strings.TrimSpace(number), ErrNotFound)
}

// heldBinder is what a controlled copy holds: the pages of its last print.
type heldBinder struct {
	Revision int
	Printed  time.Time
	Pages    []Page
}

// heldPages returns what a copy holds, and false when it was never printed.
func (s *Store) heldPages(copyID int64) (heldBinder, bool, error) {
	var h heldBinder
	var pages, at string
	err := s.db.QueryRow(`SELECT revision, pages, printed_at FROM binder_copy_prints WHERE copy_id = ?
		ORDER BY id DESC LIMIT 1`, copyID).Scan(&h.Revision, &pages, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return h, false, nil
	}
	if err == nil {
		err = json.Unmarshal([]byte(pages), &h.Pages)
	}
	if err != nil {
		return h, false, fmt.Errorf("reading what copy %d holds: %w", copyID, err)
	}
	h.Printed, _ = time.Parse(time.RFC3339, at)
	return h, true, nil
}

// notePrint records that a copy now holds pages, after a whole binder or a
// replacement packet was printed for it.
func (s *Store) notePrint(copyID int64, revision int, packet bool, pages []Page) error {
	data, err := json.Marshal(pages)
	if err != nil {
		return err
	}
	kind := "binder"
	if packet {
		kind = "packet"
	}
	_, err = s.db.Exec(`INSERT INTO binder_copy_prints(uuid, copy_id, revision, kind, pages) VALUES(?, ?, ?, ?, ?)`,
		uuid.NewString(), copyID, revision, kind, string(data))
	if err != nil {
		return fmt.Errorf("noting the print of the copy: %w", err)
	}
	return nil
}

// CopyState is what a controlled copy holds and what it needs to be current.
type CopyState struct {
	Printed   bool      // a binder was ever printed for it
	Revision  int       // the revision it holds
	PrintedOn time.Time // its last print
	Needs     Packet    // the replacement pages it needs; empty when it is up to date
}

// CopyState works out what copy c holds and which pages it needs, by
// printing its binder as it would be now and comparing the pages.
func (s *Store) CopyState(c Copy) (CopyState, error) {
	held, printed, err := s.heldPages(c.ID)
	if err != nil || !printed {
		return CopyState{}, err
	}
	res, err := s.Export(io.Discard, c.PlanID, ExportOptions{Copy: c.Number, DryRun: true})
	if err != nil {
		return CopyState{}, err
	}
	return CopyState{Printed: true, Revision: held.Revision, PrintedOn: held.Printed, Needs: ComparePages(held.Pages, res.Binder)}, nil
}

// Summary says in a few words what the copy needs.
func (c CopyState) Summary() string {
	switch {
	case !c.Printed:
		return "not printed yet"
	case c.Needs.Empty():
		return "up to date"
	}
	return fmt.Sprintf("needs replacement pages: take out %d, put in %d", len(c.Needs.Remove), len(c.Needs.Insert))
}
