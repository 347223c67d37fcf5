package binder

import (
	"fmt"
	"time"
)

// CopyStanding says whether one controlled copy holds a plan's latest
// approved revision, and why.
type CopyStanding struct {
	Copy    Copy
	Current bool
	Why     string // in plain words: how it was brought up to date, or what it needs
}

// CopyStandings tells, for each controlled copy of a plan, whether it holds
// revision revision (approved on approved) as of the day asOf: it does when
// it was handed out on or after the approval, when it was reprinted for its
// holder from that revision, or when replacement pages of that revision were
// printed for it (or for every copy, when printed without a copy number).
func (s *Store) CopyStandings(planID int64, revision int, approved, asOf time.Time) ([]CopyStanding, error) {
	copies, err := s.Copies(planID)
	if err != nil {
		return nil, err
	}
	prints, err := s.printsOf(planID, revision, asOf)
	if err != nil {
		return nil, err
	}
	approvedDay := dayOf(approved)
	out := make([]CopyStanding, 0, len(copies))
	for _, c := range copies {
		out = append(out, standing(c, revision, approvedDay, asOf, prints))
	}
	return out, nil
}

// loggedPrint is one print of the revision in question, as the log keeps it.
type loggedPrint struct {
	copy  string
	since int
	on    time.Time
}

// printsOf reads the prints of a revision made on or before asOf, newest first.
func (s *Store) printsOf(planID int64, revision int, asOf time.Time) ([]loggedPrint, error) {
	rows, err := s.db.Query(`SELECT copy_number, since_revision, printed_at FROM binder_prints
		WHERE plan_id = ? AND revision = ? AND substr(printed_at, 1, 10) <= ? ORDER BY id DESC`,
		planID, revision, asOf.Format(dateLayout))
	if err != nil {
		return nil, fmt.Errorf("reading the print log: %w", err)
	}
	defer rows.Close()
	var list []loggedPrint
	for rows.Next() {
		var p loggedPrint
		var at string
		if err := rows.Scan(&p.copy, &p.since, &at); err != nil {
			return nil, fmt.Errorf("reading the print log: %w", err)
		}
		p.on, _ = time.Parse(dateLayout, at[:min(len(at), len(dateLayout))])
		list = append(list, p)
	}
	return list, rows.Err()
}

func standing(c Copy, revision int, approvedDay, asOf time.Time, prints []loggedPrint) CopyStanding {
	st := CopyStanding{Copy: c}
	if !c.Issued.IsZero() && !c.Issued.Before(approvedDay) && !c.Issued.After(asOf) {
		st.Current = true
		st.Why = fmt.Sprintf("copy %s was handed out on %s, after revision %d was approved", c.Number, dateText(c.Issued), revision)
		return st
	}
	for _, p := range prints {
		switch {
		case p.since == 0 && p.copy == c.Number:
			st.Current = true
			st.Why = fmt.Sprintf("copy %s was reprinted at revision %d on %s", c.Number, revision, dateText(p.on))
		case p.since > 0 && (p.copy == c.Number || p.copy == ""):
			st.Current = true
			st.Why = fmt.Sprintf("replacement pages for revision %d were printed on %s", revision, dateText(p.on))
		}
		if st.Current {
			return st
		}
	}
	st.Why = fmt.Sprintf("copy %s (%s) holds an earlier revision: reprint it or print its replacement pages", c.Number, c.Holder)
	return st
}

// dayOf is the calendar day of t as written, at midnight UTC.
func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
