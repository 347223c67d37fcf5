package binder

import (
	"database/sql"
	"errors"
	"fmt"
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
// distribution list of each plan and the log of full prints.
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
	Title    string // title or organisation of the holder
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

// print is one print of a plan's binder, as the print log keeps it.
type print struct {
	revision      int
	contentHash   string
	directoryHash string
	pages         int
	copy          string // the controlled-copy number printed on it; "" for none
	since         int    // > 0: only the pages changed since this revision
}

// recordPrint adds a print to the log.
func (s *Store) recordPrint(planID int64, p print) error {
	_, err := s.db.Exec(`INSERT INTO binder_prints(uuid, plan_id, revision, content_hash, directory_hash, pages,
		copy_number, since_revision) VALUES(?, ?, ?, ?, ?, ?, ?, ?)`, uuid.NewString(), planID, p.revision,
		p.contentHash, p.directoryHash, p.pages, p.copy, p.since)
	if err != nil {
		return fmt.Errorf("noting the print: %w", err)
	}
	return nil
}

// directoryAt returns the call-tree fingerprint of the last full print of a
// revision, and false when that revision was never printed here.
func (s *Store) directoryAt(planID int64, revision int) (string, bool, error) {
	var h string
	err := s.db.QueryRow(`SELECT directory_hash FROM binder_prints WHERE plan_id = ? AND revision = ?
		AND since_revision = 0 ORDER BY id DESC LIMIT 1`, planID, revision).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("reading the print log: %w", err)
	}
	return h, true, nil
}
