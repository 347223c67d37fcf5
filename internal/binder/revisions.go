package binder

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/google/uuid"

	"electionbinder/internal/plan"
)

// revisionBinder is an approved revision's binder as printed at approval.
type revisionBinder struct {
	Revision int
	Document *Document
	Paper    string
	Duplex   bool
	Pages    []Page
}

// Approve records the plan as approved, as plan.Store.Approve does, and
// keeps the new revision's binder as it prints now, with the directory as
// it stands, so the revision can be reprinted exactly and later binders
// compared with it page by page.
func (s *Store) Approve(planID int64, a plan.Approval) (plan.Revision, error) {
	rev, err := plan.NewStore(s.db).Approve(planID, a)
	if err != nil {
		return rev, err
	}
	if _, err := s.recordRevision(planID); err != nil {
		return rev, fmt.Errorf("revision %d is approved, but its binder could not be kept: %w", rev.Number, err)
	}
	return rev, nil
}

// revisionBinder returns the binder of revision number as printed at
// approval. The latest revision of a plan approved before binders were kept
// is kept now, with the directory as it now stands.
func (s *Store) revisionBinder(planID int64, number int) (revisionBinder, error) {
	rb, ok, err := s.loadRevision(planID, number)
	if err != nil || ok {
		return rb, err
	}
	p, err := plan.NewStore(s.db).Load(planID)
	if err != nil {
		return rb, err
	}
	if last, ok := p.LatestRevision(); !ok || last.Number != number {
		if number < 1 || number > len(p.Revisions) {
			return rb, fmt.Errorf("plan %d has no revision %d", planID, number)
		}
		return rb, fmt.Errorf("revision %d was approved before this version kept printed binders page by page: print the whole binder, or the revision as Markdown", number)
	}
	return s.recordRevision(planID)
}

// recordRevision prints the latest revision's binder and keeps it. Each
// page keeps the edition it had in the revision before when it is drawn
// the same; the record of changes names the pages that changed, which is
// settled by printing again until it no longer moves them.
func (s *Store) recordRevision(planID int64) (revisionBinder, error) {
	doc, opts, err := s.approvedNow(planID)
	if err != nil {
		return revisionBinder{}, err
	}
	n := doc.Revision
	var before []Page
	if n > 1 {
		prev, ok, err := s.loadRevision(planID, n-1)
		if err != nil {
			return revisionBinder{}, err
		}
		if ok {
			before = prev.Pages
		}
		opts.Editions = [][]Page{before}
	}
	var res Result
	for round := 0; ; round++ {
		if res, err = Write(io.Discard, doc, opts); err != nil {
			return revisionBinder{}, err
		}
		affected := affectedText(n, before, res.Binder)
		if affected == doc.Changes[n-1].Pages || round == 3 {
			break
		}
		doc.Changes[n-1].Pages = affected
	}
	rb := revisionBinder{Revision: n, Document: doc, Paper: opts.Paper, Duplex: opts.Duplex, Pages: res.Binder}
	return rb, s.saveRevision(planID, rb, doc.Changes[n-1].Pages)
}

// affectedText names the pages revision n changed, for the record of changes.
func affectedText(n int, before, now []Page) string {
	if n == 1 {
		return "All pages (first revision)"
	}
	if before == nil {
		return ""
	}
	pk := ComparePages(before, now)
	var pages []Page
	in := pk.insertLabels()
	pages = append(pages, pk.Insert...)
	for _, p := range pk.Remove {
		if !in[p.Label] {
			pages = append(pages, p)
		}
	}
	var runs []string
	for _, tab := range packetTabs(&Packet{Insert: pages}) {
		runs = append(runs, labelRanges(pagesOfTab(pages, tab)))
	}
	return strings.Join(runs, "; ")
}

func (s *Store) saveRevision(planID int64, rb revisionBinder, affected string) error {
	doc, err := json.Marshal(rb.Document)
	if err != nil {
		return err
	}
	pages, err := json.Marshal(rb.Pages)
	if err != nil {
		return err
	}
	_, err = s.db.Exec(`INSERT INTO binder_revisions(uuid, plan_id, revision, document, paper, duplex, pages, pages_affected)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?)`, uuid.NewString(), planID, rb.Revision, string(doc), rb.Paper, boolInt(rb.Duplex),
		string(pages), affected)
	if err != nil {
		return fmt.Errorf("keeping the binder of revision %d: %w", rb.Revision, err)
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// loadRevision reads a kept revision binder; false when there is none.
func (s *Store) loadRevision(planID int64, number int) (revisionBinder, bool, error) {
	rb := revisionBinder{Revision: number}
	var doc, pages string
	var duplex int
	err := s.db.QueryRow(`SELECT document, paper, duplex, pages FROM binder_revisions WHERE plan_id = ? AND revision = ?`,
		planID, number).Scan(&doc, &rb.Paper, &duplex, &pages)
	if errors.Is(err, sql.ErrNoRows) {
		return rb, false, nil
	}
	if err == nil {
		err = json.Unmarshal([]byte(doc), &rb.Document)
	}
	if err == nil {
		err = json.Unmarshal([]byte(pages), &rb.Pages)
	}
	if err != nil {
		return rb, false, fmt.Errorf("reading the binder of revision %d: %w", number, err)
	}
	rb.Duplex = duplex == 1
	return rb, true, nil
}

// pagesAffected returns, by revision, the pages each revision changed.
func (s *Store) pagesAffected(planID int64) (map[int]string, error) {
	rows, err := s.db.Query(`SELECT revision, pages_affected FROM binder_revisions WHERE plan_id = ?`, planID)
	if err != nil {
		return nil, fmt.Errorf("reading the kept binders: %w", err)
	}
	defer rows.Close()
	out := map[int]string{}
	for rows.Next() {
		var n int
		var pages string
		if err := rows.Scan(&n, &pages); err != nil {
			return nil, err
		}
		out[n] = pages
	}
	return out, rows.Err()
}

// reprint prints an approved revision exactly as it was printed at approval.
func (s *Store) reprint(w io.Writer, planID int64, opt ExportOptions) (Result, error) {
	rb, err := s.revisionBinder(planID, opt.Revision)
	if err != nil {
		return Result{}, err
	}
	opts := Options{Paper: rb.Paper, Duplex: rb.Duplex, Parse: plan.ParseMarkdown, Editions: [][]Page{rb.Pages}, Progress: opt.Progress}
	return Write(w, rb.Document, opts)
}
