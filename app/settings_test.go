package app

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"electionbinder/internal/settings"
)

func openSettings(u *ui) *settingsScreen {
	u.nav.showTitled("Settings")
	return u.nav.current().(*settingsScreen)
}

func TestSettingsSaveAsYouTypeAndReload(t *testing.T) {
	path := filepath.Join(t.TempDir(), "binder.db")
	u := openTestUI(t, path)
	s := openSettings(u)
	test.Type(s.fields["profile.jurisdiction"], "Town of Núñez")
	test.Type(s.fields["profile.clerk_name"], "Pao Xiong")
	test.Type(s.fields["profile.email"], "clerk@example.gov")
	s.kind.SetSelected("Municipality")
	s.paper.SetSelected("A4")
	test.Tap(s.duplex)
	if got := u.status.label.Text; got != "Saved" {
		t.Errorf("status line = %q, want Saved", got)
	}

	profile, err := settings.New(u.db).LoadProfile()
	if err != nil {
		t.Fatal(err)
	}
	if profile.Jurisdiction != "Town of Núñez" || profile.ClerkName != "Pao Xiong" || profile.Kind != settings.Municipality {
		t.Errorf("saved profile = %+v", profile)
	}
	u.db.Close()

	again := openSettings(openTestUI(t, path))
	for key, want := range map[string]string{
		"profile.jurisdiction": "Town of Núñez", "profile.clerk_name": "Pao Xiong", "profile.email": "clerk@example.gov",
	} {
		if got := again.fields[key].Text; got != want {
			t.Errorf("after restart %s = %q, want %q", key, got, want)
		}
	}
	if again.kind.Selected != "Municipality" || again.paper.Selected != "A4" || !again.duplex.Checked {
		t.Errorf("after restart kind=%q paper=%q duplex=%v", again.kind.Selected, again.paper.Selected, again.duplex.Checked)
	}
}

func TestSettingsExplainBadPhoneAndEmail(t *testing.T) {
	s := openSettings(openTestUI(t, filepath.Join(t.TempDir(), "binder.db")))
	test.Type(s.fields["profile.phone"], "call the front desk")
	if err := s.fields["profile.phone"].Validate(); err == nil {
		t.Error("a phone with words passed validation")
	}
	test.Type(s.fields["profile.email"], "clerk at example")
	if err := s.fields["profile.email"].Validate(); err == nil {
		t.Error("a malformed email passed validation")
	}
	s.fields["profile.phone"].SetText("(608) 555-0101 x12")
	if err := s.fields["profile.phone"].Validate(); err != nil {
		t.Errorf("a good phone failed: %v", err)
	}
	s.verify.SetText("0")
	if v, _ := s.u.settings.GetInt(settings.VerifyDaysKey, settings.DefaultVerifyDays); v == 0 {
		t.Error("an invalid day count was saved")
	}
}

func TestWindowSizeIsRemembered(t *testing.T) {
	path := filepath.Join(t.TempDir(), "binder.db")
	u := openTestUI(t, path)
	u.win.Resize(u.savedSize().Add(u.savedSize()))
	want := u.win.Canvas().Size()
	u.saveSize()
	if got := u.savedSize(); got != want {
		t.Errorf("saved size = %v, want %v", got, want)
	}
}
