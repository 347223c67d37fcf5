package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"electionbinder/internal/contacts"
	"electionbinder/internal/exchange"
	"electionbinder/internal/settings"
)

func TestCountyPackageFromTheWindowToAMunicipality(t *testing.T) {
	exchange.PassphraseWorkFactor = 10
	t.Cleanup(func() { exchange.PassphraseWorkFactor = 18 })
	countyPath, countyConn := newTestDB(t)
	addTestPlan(t, countyConn)
	partner, err := contacts.NewStore(countyConn).Create(contacts.Contact{Name: "Lakeshore County Sheriff",
		Kind: contacts.Organization, Level: contacts.County, OfficePhone: "920-555-0110", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	county := newTestWindow(t, countyPath, countyConn)
	cs := newExchangeScreen(county).(*exchangeScreen)

	pkg := filepath.Join(t.TempDir(), "county"+exchange.FileExtension)
	test.Type(cs.passphrase, "short")
	test.Type(cs.confirm, "short")
	if err := cs.saveCountyPackage(pkg); err == nil || !strings.Contains(err.Error(), "at least") {
		t.Fatalf("a short passphrase was taken: %v", err)
	}
	cs.passphrase.SetText("")
	cs.confirm.SetText("")
	test.Type(cs.passphrase, "lake effect snow plow")
	test.Type(cs.confirm, "lake effect snow plough")
	if err := cs.saveCountyPackage(pkg); err == nil {
		t.Fatal("two different passphrases were taken")
	}
	cs.confirm.SetText("lake effect snow plow")
	if err := cs.saveCountyPackage(pkg); err != nil {
		t.Fatal(err)
	}

	townPath, townConn := newTestDB(t)
	town := newTestWindow(t, townPath, townConn)
	ts := newExchangeScreen(town).(*exchangeScreen)
	if !ts.statusButton.Disabled() {
		t.Error("the status package can be saved before the county's key is known")
	}
	if ts.previewCountyPackage(pkg, "the wrong words") != nil {
		t.Fatal("a wrong passphrase opened the package")
	}
	preview := ts.previewCountyPackage(pkg, "lake effect snow plow")
	if preview == nil {
		t.Fatal("the package did not open")
	}
	if preview.list.Length() != 1 {
		t.Fatalf("the preview lists %d changes, want the one partner", preview.list.Length())
	}
	preview.dialog.Confirm()
	if got, err := contacts.NewStore(townConn).ByUUID(partner.UUID); err != nil || got.OfficePhone != "920-555-0110" {
		t.Fatalf("the partner was not taken in: %+v, %v", got, err)
	}
	if ts.statusButton.Disabled() || !strings.Contains(ts.countyLabel.Text, "Lakeshore County") {
		t.Errorf("after the import the screen says %q", ts.countyLabel.Text)
	}

	status := filepath.Join(t.TempDir(), "town"+exchange.FileExtension)
	if err := ts.saveStatusPackage(status); err != nil {
		t.Fatal(err)
	}
	if got := newExchangeScreen(town).(*exchangeScreen).tabs.Selected().Text; got != "From the county" {
		t.Errorf("after taking in the county's package the exchange opens on %q", got)
	}
	cs.rollup.importPaths([]string{status})
	if len(cs.rollup.list) != 1 || !strings.Contains(cs.rollup.summary.Text, "1 municipality: 1 overdue") {
		t.Errorf("roll-up after one status package: %d rows, %q", len(cs.rollup.list), cs.rollup.summary.Text)
	}
}

// The exchange opens where the office works: a municipality on the county's
// package, a county on its package for municipalities until they report,
// then on the roll-up.
func TestExchangeOpensOnTheOfficesOwnTab(t *testing.T) {
	path, conn := newTestDB(t)
	u := newTestWindow(t, path, conn)
	if got := newExchangeScreen(u).(*exchangeScreen).tabs.Selected().Text; got != "To municipalities" {
		t.Errorf("a county opens on %q", got)
	}
	if err := u.settings.Set(settings.KindKey, string(settings.Municipality)); err != nil {
		t.Fatal(err)
	}
	if got := newExchangeScreen(u).(*exchangeScreen).tabs.Selected().Text; got != "From the county" {
		t.Errorf("a municipality opens on %q", got)
	}
}
