package settings

import (
	"path/filepath"
	"testing"

	"electionbinder/internal/db"
)

func openStore(t *testing.T, path string) *Store {
	t.Helper()
	conn, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return New(conn)
}

func TestProfileSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "binder.db")
	want := Profile{
		Jurisdiction: "Village of Núñez", Kind: Municipality, County: "Dane", State: "Wisconsin",
		ClerkName: "Pao Xiong", ClerkTitle: "Village Clerk", Phone: "(608) 555-0101",
		Email: "clerk@example.gov", Address: "1 Main St\nNúñez, WI",
	}
	if err := openStore(t, path).SaveProfile(want); err != nil {
		t.Fatal(err)
	}
	got, err := openStore(t, path).LoadProfile()
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestDefaults(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "binder.db"))
	p, err := s.LoadProfile()
	if err != nil || p.Kind != County || p.Jurisdiction != "" {
		t.Errorf("empty profile = %+v, %v", p, err)
	}
	if n, _ := s.GetInt(VerifyDaysKey, DefaultVerifyDays); n != 90 {
		t.Errorf("verify days default = %d", n)
	}
	s.Set(VerifyDaysKey, "not a number")
	if n, _ := s.GetInt(VerifyDaysKey, DefaultVerifyDays); n != 90 {
		t.Errorf("a garbled number should fall back to the default, got %d", n)
	}
	s.SetInt(VerifyDaysKey, 30)
	if n, _ := s.GetInt(VerifyDaysKey, DefaultVerifyDays); n != 30 {
		t.Errorf("verify days = %d, want 30", n)
	}
}
