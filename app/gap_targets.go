package app

// placeholderSettings are the Settings fields that fill the profile placeholders.
var placeholderSettings = map[string]string{
	"jurisdiction": "profile.jurisdiction",
	"county":       "profile.county",
	"state":        "profile.state",
	"clerk":        "profile.clerk_name",
}

// openRole shows the call tree with the "Add a holder" dialog of a role
// open, where a role without a primary or a backup is fixed.
func (u *ui) openRole(slug string) {
	u.nav.showTitled("Contacts")
	s, ok := u.nav.current().(*contactsScreen)
	if !ok {
		return // the clerk chose to stay and fix a value first
	}
	s.tabs.Select(s.treeTab)
	for _, e := range s.tree.entries {
		if e.Role.Slug == slug {
			s.tree.pick(e.Role)
			u.win.Canvas().Focus(s.tree.picker.search)
			return
		}
	}
}

// openSetting shows Settings with the cursor in the field of a settings key.
func (u *ui) openSetting(key string) {
	u.nav.showTitled("Settings")
	s, ok := u.nav.current().(*settingsScreen)
	if !ok {
		return
	}
	if f := s.fields[key]; f != nil {
		u.win.Canvas().Focus(f)
	}
}
