package contacts

import (
	"os"
	"path/filepath"
	"testing"

	"electionbinder/internal/db"
)

// openStore opens a fresh binder database in a temporary folder.
func openStore(t testing.TB) *Store {
	t.Helper()
	conn, err := db.Open(filepath.Join(t.TempDir(), "binder.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return NewStore(conn)
}

// readTestdata reads one of the sample files under testdata/.
func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// mustCreate adds a contact or fails the test.
func mustCreate(t testing.TB, s *Store, c Contact) Contact {
	t.Helper()
	if c.Kind == "" {
		c.Kind = Person
	}
	c.Active = true
	saved, err := s.Create(c)
	if err != nil {
		t.Fatal(err)
	}
	return saved
}

// importFile plans and applies the import of one testdata file.
func importFile(t testing.TB, s *Store, name string) *ImportPlan {
	t.Helper()
	recs, err := ReadFile(name, readTestdata(t, name))
	if err != nil {
		t.Fatal(err)
	}
	plan, err := s.PlanImport(Source{Name: name, Records: recs})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApplyImport(plan); err != nil {
		t.Fatal(err)
	}
	return plan
}

// byName finds a contact by exact name or fails the test.
func byName(t testing.TB, s *Store, name string) Contact {
	t.Helper()
	list, err := s.List(Filter{IncludeRetired: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no contact named %q", name)
	return Contact{}
}
