package exchange

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// writeStatusFolder writes n status packages addressed to the county, as
// n municipalities with ten roles and eight trained people each would.
func writeStatusFolder(tb testing.TB, county *office, n int, now time.Time) string {
	tb.Helper()
	id, err := ownIdentity(county.conn)
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	for i := range n {
		rep := sampleStatus(i, id.UUID, now)
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("m%04d%s", i, FileExtension)))
		if err != nil {
			tb.Fatal(err)
		}
		if err := seal(f, StatusKind, rep, id.key.Recipient()); err != nil {
			tb.Fatal(err)
		}
		f.Close()
	}
	return dir
}

func sampleStatus(i int, county string, now time.Time) *StatusReport {
	rep := &StatusReport{envelope: envelope{FormatVersion, StatusKind}, CreatedAt: now.Add(-time.Duration(i) * time.Hour),
		Office: Office{UUID: fmt.Sprintf("00000000-0000-4000-8000-%012d", i), Name: fmt.Sprintf("Town %04d", i)}, CountyUUID: county}
	plan := PlanStatus{Title: "Contingency plan", Revision: i % 4, Gaps: []string{"Role 'facilities' has no backup contact"}}
	if plan.Revision > 0 {
		plan.ApprovedOn, plan.NextReview = now.AddDate(0, -3, 0), now.AddDate(0, 9-i%12, 0)
	}
	rep.Plans = []PlanStatus{plan}
	for r := range 10 {
		rep.Roles = append(rep.Roles, RoleStatus{Role: fmt.Sprintf("Role %d", r), Primary: true, Backups: (i + r) % 3})
	}
	for p := range 8 {
		rep.Training = append(rep.Training, PersonTraining{Name: fmt.Sprintf("Person %d", p), Applies: 2, Met: (i + p) % 3})
	}
	return rep
}

// BenchmarkRollup1850 takes in the status packages of Wisconsin's 1,850
// municipalities from one folder and lists the roll-up.
func BenchmarkRollup1850(b *testing.B) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	county := newOffice(b, "Dane County")
	dir := writeStatusFolder(b, county, 1850, now)
	b.ResetTimer()
	for range b.N {
		if _, err := county.conn.Exec(`DELETE FROM rollup_status`); err != nil {
			b.Fatal(err)
		}
		res, err := ImportStatusFiles(county.conn, []string{dir})
		if err != nil || res.Added != 1850 {
			b.Fatalf("%+v %v", res, err)
		}
		list, err := Rollup(county.conn, now)
		if err != nil || len(list) != 1850 {
			b.Fatal(len(list), err)
		}
	}
}

func TestRollupOfManyKeepsTheNewestOfEach(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	county := newOffice(t, "Dane County")
	dir := writeStatusFolder(t, county, 30, now)
	if res, err := ImportStatusFiles(county.conn, []string{dir}); err != nil || res.Added != 30 {
		t.Fatalf("%+v %v", res, err)
	}
	id, _ := ownIdentity(county.conn)
	newer := sampleStatus(7, id.UUID, now.Add(time.Hour))
	newer.Office.Name = "Town 0007 (renamed)"
	path := filepath.Join(t.TempDir(), "newer"+FileExtension)
	f, _ := os.Create(path)
	seal(f, StatusKind, newer, id.key.Recipient())
	f.Close()
	res, err := ImportStatusFiles(county.conn, []string{path, dir})
	if err != nil || res.Replaced != 1 || res.Older != 30 {
		t.Fatalf("newer then older = %+v (%v)", res, err)
	}
	list, _ := Rollup(county.conn, now)
	found := false
	for i, m := range list {
		found = found || m.Name() == "Town 0007 (renamed)"
		if i > 0 {
			prev, _ := list[i-1].Standing(now)
			cur, _ := m.Standing(now)
			if prev > cur {
				t.Fatalf("row %d (%v) is listed after a better standing (%v)", i, cur, prev)
			}
		}
	}
	if len(list) != 30 || !found {
		t.Errorf("roll-up has %d rows; renamed town found: %v", len(list), found)
	}
}
