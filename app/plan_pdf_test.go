package app

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"electionbinder/internal/binder"
	"electionbinder/internal/plan"
)

// openForPrint starts the window over a new database holding one plan from
// the built-in template.
func openForPrint(t *testing.T) (*ui, int64) {
	t.Helper()
	path, conn := newTestDB(t)
	id := addTestPlan(t, conn)
	return newTestWindow(t, path, conn), id
}

func TestDistributionListFeedsTheCopyChoice(t *testing.T) {
	u, id := openForPrint(t)
	p, err := newPrintSetup(u, id)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.copySel.Options; len(got) != 1 || got[0] != "No copy number" {
		t.Fatalf("copy choices before any copy: %q", got)
	}
	d := newDistributionEditor(u, id)
	d.now = func() time.Time { return time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC) }
	if d.number.Text != "1" {
		t.Fatalf("the first copy number offered is %q", d.number.Text)
	}
	test.Type(d.holder, "Mai Xiong")
	test.Type(d.title, "IT Director")
	test.Tap(d.add)
	copies, err := binder.NewStore(u.db).Copies(id)
	if err != nil || len(copies) != 1 {
		t.Fatalf("after adding: %v, %v", copies, err)
	}
	if c := copies[0]; c.Number != "1" || c.Holder != "Mai Xiong" || c.Title != "IT Director" || !c.Issued.Equal(d.now()) {
		t.Fatalf("saved copy %+v", c)
	}
	if d.holder.Text != "" || d.number.Text != "2" || d.list.Length() != 1 {
		t.Fatalf("after adding the form reads %q/%q and the list has %d rows", d.number.Text, d.holder.Text, d.list.Length())
	}
	test.Tap(d.add) // no holder: refused, nothing saved
	if copies, _ := binder.NewStore(u.db).Copies(id); len(copies) != 1 {
		t.Fatalf("a copy without a holder was saved: %v", copies)
	}

	if err := p.reloadCopies(); err != nil {
		t.Fatal(err)
	}
	p.copySel.SetSelectedIndex(1)
	if opt := p.options(); opt.Copy != "1" || opt.Since != 0 {
		t.Fatalf("options %+v", opt)
	}
	if name := p.fileName(); name != "Test plan - copy 1.pdf" {
		t.Fatalf("suggested file name %q", name)
	}
	d.removeNow(copies[0])
	if d.list.Length() != 0 {
		t.Fatal("the removed copy is still listed")
	}
}

func TestPrintChoosesChangedPagesAndWritesThePDF(t *testing.T) {
	u, id := openForPrint(t)
	st := binder.NewStore(u.db)
	if _, err := st.Approve(id, plan.Approval{ApprovedBy: "Ana Núñez", At: time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	p, err := newPrintSetup(u, id)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(p.pages.Options, "|"); got != "The whole binder|Pages changed since revision 1" {
		t.Fatalf("page choices %q", got)
	}
	out := filepath.Join(t.TempDir(), p.fileName())
	if err := writeBinderFile(u, id, out, p.options()); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	p.pages.SetSelectedIndex(1)
	if opt := p.options(); opt.Since != 1 {
		t.Fatalf("options %+v", opt)
	}
	// Nothing changed since revision 1: the print is refused in plain words
	// and no file is left behind.
	out2 := filepath.Join(t.TempDir(), p.fileName())
	err = writeBinderFile(u, id, out2, p.options())
	if err == nil || !strings.Contains(err.Error(), "up to date") {
		t.Fatalf("changed pages of an unchanged plan: %v", err)
	}
	if _, statErr := os.Stat(out2); !os.IsNotExist(statErr) {
		t.Fatal("a failed print left a file")
	}
	if entries, _ := os.ReadDir(filepath.Dir(out2)); len(entries) != 0 {
		t.Fatalf("a failed print left %d files", len(entries))
	}
}

// A controlled copy prints from the approved revision and is then offered
// the replacement pages it needs, which the dialog says before printing.
func TestPrintOffersACopyItsReplacementPages(t *testing.T) {
	u, id := openForPrint(t)
	st := binder.NewStore(u.db)
	if _, err := st.AddCopy(binder.Copy{PlanID: id, Number: "4", Holder: "Mai Xiong"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Approve(id, plan.Approval{ApprovedBy: "Ana Núñez", At: time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	p, err := newPrintSetup(u, id)
	if err != nil {
		t.Fatal(err)
	}
	p.copySel.SetSelectedIndex(1)
	if got := strings.Join(p.pages.Options, "|"); got != "The whole binder|Replacement pages this copy needs" {
		t.Fatalf("page choices for a copy: %q", got)
	}
	if got := copyStateText(u, p.copies[0]); got != "Copy 4 has not been printed yet." {
		t.Errorf("state before printing: %q", got)
	}
	if err := writeBinderFile(u, id, filepath.Join(t.TempDir(), p.fileName()), p.options()); err != nil {
		t.Fatal(err)
	}
	if got := copyStateText(u, p.copies[0]); !strings.Contains(got, "holds revision 1") || !strings.Contains(got, "up to date") {
		t.Errorf("state after printing: %q", got)
	}
	p.pages.SetSelectedIndex(1)
	if opt := p.options(); opt.Copy != "4" || !opt.Packet || p.fileName() != "Test plan - copy 4 - replacement pages.pdf" {
		t.Fatalf("options %+v, file %q", opt, p.fileName())
	}
	err = writeBinderFile(u, id, filepath.Join(t.TempDir(), p.fileName()), p.options())
	if !errors.Is(err, binder.ErrUpToDate) {
		t.Fatalf("replacement pages for an up-to-date copy: %v", err)
	}
}
