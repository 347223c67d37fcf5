package app

import (
	"errors"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/settings"
	"electionbinder/internal/validate"
)

var paperChoices = map[string]string{"US Letter": "letter", "A4": "a4"}

// settingsScreen edits the jurisdiction profile and the preferences; every
// change is saved as it is typed.
type settingsScreen struct {
	u       *ui
	fields  map[string]*widget.Entry // by settings key
	kind    *widget.RadioGroup
	verify  *widget.Entry
	paper   *widget.RadioGroup
	duplex  *widget.Check
	marking *widget.Entry
	// appearance picks a light, dark or system theme.
	appearance *widget.RadioGroup
	readiness  *readinessSettings
	backups    *backupSettings
	content    fyne.CanvasObject
}

func newSettingsScreen(u *ui) screen {
	s := &settingsScreen{u: u, fields: map[string]*widget.Entry{}}
	profile, err := u.settings.LoadProfile()
	if err != nil {
		u.showError(err)
	}
	s.content = container.NewVScroll(container.NewVBox(
		widget.NewCard("Jurisdiction", "Printed on the binder's cover and used for {{jurisdiction}}, {{county}} and {{clerk}} in the plan.",
			s.profileForm(profile)),
		widget.NewCard("Preferences", "", s.preferencesForm()),
		s.readinessCard(),
		widget.NewCard("Automatic backups", "", s.backupForm()),
	))
	return s
}

func (s *settingsScreen) view() fyne.CanvasObject { return s.content }

func (s *settingsScreen) profileForm(p settings.Profile) *widget.Form {
	form := widget.NewForm()
	s.kind = widget.NewRadioGroup([]string{"County", "Municipality"}, nil)
	s.kind.Horizontal = true
	s.kind.Required = true
	if p.Kind == settings.Municipality {
		s.kind.SetSelected("Municipality")
	} else {
		s.kind.SetSelected("County")
	}
	s.kind.OnChanged = func(v string) {
		kind := settings.County
		if v == "Municipality" {
			kind = settings.Municipality
		}
		s.u.saved(s.u.settings.Set(settings.KindKey, string(kind)))
	}
	for i, f := range settings.ProfileFields {
		e := s.entryFor(f, f.Value(&p))
		form.Append(f.Label, e)
		if i == 0 {
			form.Append("Kind", s.kind)
		}
	}
	return form
}

func (s *settingsScreen) entryFor(f settings.ProfileField, value string) *widget.Entry {
	e := widget.NewEntry()
	if f.Key == "profile.address" {
		e = widget.NewMultiLineEntry()
		e.SetMinRowsVisible(3)
	}
	e.SetText(value)
	switch f.Key {
	case "profile.phone":
		e.Validator = plainCheck(validate.Phone)
		e.SetPlaceHolder("(608) 555-0100")
	case "profile.email":
		e.Validator = plainCheck(validate.Email)
		e.SetPlaceHolder("clerk@example.gov")
	}
	key := f.Key
	e.OnChanged = func(v string) { s.u.saved(s.u.settings.Set(key, v)) }
	s.fields[key] = e
	return e
}

// plainCheck turns a function that explains a problem into an entry validator.
func plainCheck(check func(string) string) fyne.StringValidator {
	return func(v string) error {
		if problem := check(v); problem != "" {
			return errors.New(problem)
		}
		return nil
	}
}

func (s *settingsScreen) preferencesForm() *widget.Form {
	st := s.u.settings
	days, _ := st.GetInt(settings.VerifyDaysKey, settings.DefaultVerifyDays)
	s.verify = widget.NewEntry()
	s.verify.SetText(strconv.Itoa(days))
	s.verify.Validator = func(v string) error {
		if n, err := strconv.Atoi(v); err != nil || n < 1 || n > 3650 {
			return errors.New("Give a number of days between 1 and 3650.")
		}
		return nil
	}
	s.verify.OnChanged = func(v string) {
		if s.verify.Validator(v) == nil {
			s.u.saved(st.Set(settings.VerifyDaysKey, v))
		}
	}

	paper, _ := st.Get(settings.PaperKey, settings.DefaultPaper)
	s.paper = widget.NewRadioGroup([]string{"US Letter", "A4"}, nil)
	s.paper.Horizontal = true
	s.paper.Required = true
	s.paper.SetSelected(map[string]string{"letter": "US Letter", "a4": "A4"}[paper])
	s.paper.OnChanged = func(v string) { s.u.saved(st.Set(settings.PaperKey, paperChoices[v])) }

	duplex, _ := st.Get(settings.DuplexKey, "false")
	s.duplex = widget.NewCheck("Start each part on a right-hand page (double-sided printing)", nil)
	s.duplex.SetChecked(duplex == "true")
	s.duplex.OnChanged = func(on bool) { s.u.saved(st.Set(settings.DuplexKey, strconv.FormatBool(on))) }

	marking, _ := st.Get(settings.MarkingKey, settings.DefaultMarking)
	s.marking = widget.NewEntry()
	s.marking.SetText(marking)
	s.marking.OnChanged = func(v string) { s.u.saved(st.Set(settings.MarkingKey, v)) }

	look, _ := st.Get(appearanceKey, appearanceLight)
	s.appearance = widget.NewRadioGroup([]string{appearanceLight, appearanceDark, appearanceSystem}, nil)
	s.appearance.Horizontal = true
	s.appearance.Required = true
	s.appearance.SetSelected(look)
	s.appearance.OnChanged = func(v string) {
		s.u.applyAppearance(v)
		s.u.saved(st.Set(appearanceKey, v))
	}

	return widget.NewForm(
		widget.NewFormItem("Appearance", s.appearance),
		widget.NewFormItem("Verify contacts every (days)", s.verify),
		widget.NewFormItem("Paper size", s.paper),
		widget.NewFormItem("Printing", s.duplex),
		widget.NewFormItem("Handling marking", s.marking),
	)
}
