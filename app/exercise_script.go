package app

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/contacts"
	"electionbinder/internal/exercise"
)

// Participants

func participantRow(p exercise.Participant) string {
	s := p.Name
	if p.Office != "" {
		s += " · " + p.Office
	}
	s += " — " + string(p.Role)
	if !p.Attended {
		s += ", absent"
	}
	return s
}

func (d *exerciseDetail) participantsPane() fyne.CanvasObject {
	d.participants = newRowList("person", d.addParticipant, d.editParticipant, d.removeParticipant)
	note := widget.NewLabel("Attendance counts as training of the kind \"tabletop exercise\" for requirements that accept it.")
	note.Wrapping = fyne.TextWrapWord
	return container.NewBorder(note, nil, nil, nil, d.participants.view())
}

// addParticipant lets the clerk find people of the directory and add them.
func (d *exerciseDetail) addParticipant() {
	search := widget.NewEntry()
	search.SetPlaceHolder("Type part of a name or office…")
	var shown []contacts.Contact
	var chosen []int64
	list := widget.NewList(func() int { return len(shown) }, func() fyne.CanvasObject { return widget.NewCheck("Person", nil) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := shown[i]
			check := o.(*widget.Check)
			check.OnChanged = nil
			check.SetText(personLabel(c))
			check.SetChecked(slices.Contains(chosen, c.ID))
			check.OnChanged = func(on bool) { chosen = toggleID(chosen, c.ID, on) }
		})
	filter := func(text string) {
		shown = shown[:0]
		for _, c := range d.people {
			if d.participating(c.ID) < 0 && strings.Contains(strings.ToLower(personLabel(c)), strings.ToLower(strings.TrimSpace(text))) {
				shown = append(shown, c)
			}
		}
		list.Refresh()
	}
	search.OnChanged = filter
	filter("")
	box := container.NewBorder(search, nil, nil, nil, list)
	items := []*widget.FormItem{{Text: "People", Widget: container.NewGridWrap(fyne.NewSize(560, 360), box),
		HintText: "Tick everyone who takes part"}}
	d.s.u.formDialog("Add participants", items, func() error {
		if len(chosen) == 0 {
			return nil
		}
		err := d.s.store.AddParticipants(d.e.ID, chosen...)
		if err == nil {
			d.reload()
		}
		return err
	})
}

func toggleID(ids []int64, id int64, on bool) []int64 {
	ids = slices.DeleteFunc(ids, func(x int64) bool { return x == id })
	if on {
		ids = append(ids, id)
	}
	return ids
}

// participating is the index of a contact among the participants, -1 when absent.
func (d *exerciseDetail) participating(contactID int64) int {
	for i, p := range d.e.Participants {
		if p.ContactID == contactID {
			return i
		}
	}
	return -1
}

func (d *exerciseDetail) editParticipant(i int) {
	p := d.e.Participants[i]
	roles := []exercise.ParticipantRole{exercise.Player, exercise.Evaluator, exercise.Observer}
	role := widget.NewRadioGroup(stringsOf(roles), nil)
	role.Horizontal = true
	role.SetSelected(string(p.Role))
	attended := widget.NewCheck("Took part (counts as training)", nil)
	attended.SetChecked(p.Attended)
	items := []*widget.FormItem{widget.NewFormItem("Role", role), widget.NewFormItem("Attendance", attended)}
	d.s.u.formDialog(p.Name, items, func() error {
		p.Role, p.Attended = exercise.ParticipantRole(role.Selected), attended.Checked
		err := d.s.store.SetParticipant(d.e.ID, p)
		if err == nil {
			d.reload()
		}
		return err
	})
}

func (d *exerciseDetail) removeParticipant(i int) {
	p := d.e.Participants[i]
	d.s.u.deleteAfterAsking("Remove participant", fmt.Sprintf("Take %s off this exercise? Their attendance will no longer count as training.", p.Name),
		func() error { return d.s.store.RemoveParticipant(d.e.ID, p.ContactID) }, d.reload)
}

// Script

func (d *exerciseDetail) scriptPane() fyne.CanvasObject {
	d.injects = newRowList("inject", d.addInject, d.editInject, d.deleteInject)
	note := widget.NewLabel("The timed script: what the facilitator reads out, and when. Open Facilitator mode to run it full screen.")
	note.Wrapping = fyne.TextWrapWord
	return container.NewBorder(note, nil, nil, nil, d.injects.view())
}

func (d *exerciseDetail) injectRows() []string {
	rows := make([]string, len(d.e.Injects))
	for i, in := range d.e.Injects {
		rows[i] = fmt.Sprintf("%s  %s", exercise.ClockText(in.At), in.Text)
	}
	return rows
}

func (d *exerciseDetail) addInject() {
	at := d.e.StartsAt
	if n := len(d.e.Injects); n > 0 {
		at = d.e.Injects[n-1].At + 10*time.Minute
	}
	d.injectForm(exercise.Inject{At: at})
}

func (d *exerciseDetail) editInject(i int) { d.injectForm(d.e.Injects[i]) }

func (d *exerciseDetail) deleteInject(i int) {
	in := d.e.Injects[i]
	d.s.u.deleteAfterAsking("Delete inject", fmt.Sprintf("Delete the %s inject from the script?", exercise.ClockText(in.At)),
		func() error { return d.s.store.DeleteInject(in.ID) }, d.reload)
}

// injectForm adds (ID 0) or changes an inject: its time, words, the roles
// it calls on and the plan section it touches.
func (d *exerciseDetail) injectForm(in exercise.Inject) {
	at := exClockEntry(in.At)
	text := exMultiLine(in.Text)
	slugs, names := d.roleChoices()
	roles := widget.NewCheckGroup(names, nil)
	for i, slug := range slugs {
		if slices.Contains(in.Roles, slug) {
			roles.Selected = append(roles.Selected, names[i])
		}
	}
	roleScroll := container.NewVScroll(roles)
	roleScroll.SetMinSize(fyne.NewSize(300, 150))
	section, sectionAt := d.sectionSelect(in.SectionID)
	items := []*widget.FormItem{
		{Text: "Time", Widget: at, HintText: "HH:MM on the exercise clock"},
		widget.NewFormItem("Inject", text),
		{Text: "Calls on", Widget: roleScroll, HintText: "Facilitator mode shows who holds these roles"},
		widget.NewFormItem("Plan section", section),
	}
	d.s.u.formDialog("Inject", items, func() error {
		in.At, _ = exercise.ParseClock(at.Text)
		in.Text, in.SectionID, in.Roles = text.Text, sectionAt(), nil
		for i, name := range names {
			if slices.Contains(roles.Selected, name) {
				in.Roles = append(in.Roles, slugs[i])
			}
		}
		var err error
		if in.ID == 0 {
			_, err = d.s.store.AddInject(d.e.ID, in)
		} else {
			err = d.s.store.UpdateInject(in)
		}
		if err == nil {
			d.reload()
		}
		return err
	})
}

// roleChoices lists the directory's roles: their slugs and names.
func (d *exerciseDetail) roleChoices() (slugs, names []string) {
	roles, err := contacts.NewStore(d.s.u.db).Roles()
	if err != nil {
		d.s.u.showError(err)
	}
	for _, r := range roles {
		slugs, names = append(slugs, r.Slug), append(names, r.Name)
	}
	return slugs, names
}

// sectionSelect is a select of the plan's sections with "none" first, and
// a function that returns the chosen section's id.
func (d *exerciseDetail) sectionSelect(chosen int64) (*widget.Select, func() int64) {
	options := []string{"(none)"}
	var ids []int64
	if d.plan != nil {
		for _, s := range d.plan.Sections {
			options = append(options, strings.Repeat("   ", s.Depth)+s.Title)
			ids = append(ids, s.ID)
		}
	}
	sel := widget.NewSelect(options, nil)
	sel.SetSelectedIndex(slices.Index(ids, chosen) + 1)
	return sel, func() int64 {
		if i := sel.SelectedIndex(); i > 0 {
			return ids[i-1]
		}
		return 0
	}
}

// Notes

func noteRow(n exercise.Note) string {
	return fmt.Sprintf("%s  %s — %s", exercise.ClockText(n.At), noteKindLabel(n.Kind), n.Text)
}

func noteKindLabel(k exercise.NoteKind) string {
	if k == exercise.Decision {
		return "Decision"
	}
	return "Observation"
}

func (d *exerciseDetail) notesPane() fyne.CanvasObject {
	d.notes = newRowList("note", d.addNote, d.editNote, d.deleteNote)
	return d.notes.view()
}

func (d *exerciseDetail) addNote() {
	d.noteForm(exercise.Note{At: d.e.StartsAt, Kind: exercise.Observation})
}

func (d *exerciseDetail) editNote(i int) { d.noteForm(d.e.Notes[i]) }

func (d *exerciseDetail) deleteNote(i int) {
	n := d.e.Notes[i]
	d.s.u.deleteAfterAsking("Delete note", fmt.Sprintf("Delete the %s note?", exercise.ClockText(n.At)),
		func() error { return d.s.store.DeleteNote(n.ID) }, d.reload)
}

func (d *exerciseDetail) noteForm(n exercise.Note) {
	at := exClockEntry(n.At)
	kind := widget.NewRadioGroup([]string{"Decision", "Observation"}, nil)
	kind.Horizontal = true
	kind.SetSelected(noteKindLabel(n.Kind))
	text := exMultiLine(n.Text)
	items := []*widget.FormItem{
		{Text: "Time", Widget: at, HintText: "HH:MM on the exercise clock"},
		widget.NewFormItem("Kind", kind),
		widget.NewFormItem("Note", text),
	}
	d.s.u.formDialog("Note", items, func() error {
		n.At, _ = exercise.ParseClock(at.Text)
		n.Text, n.Kind = text.Text, exercise.Observation
		if kind.Selected == "Decision" {
			n.Kind = exercise.Decision
		}
		var err error
		if n.ID == 0 {
			n.InjectID = d.e.InjectIDAt(n.At)
			_, err = d.s.store.AddNote(d.e.ID, n)
		} else {
			err = d.s.store.UpdateNote(n)
		}
		if err == nil {
			d.reload()
		}
		return err
	})
}
