package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/readiness"
)

// tickForm is the name and day a judgement tick is made with.
type tickForm struct {
	by, on *widget.Entry
}

// newTickForm starts with the tick's own name and day, else the clerk's
// name from Settings and today.
func (s *readinessScreen) newTickForm(tick *readiness.Tick) *tickForm {
	f := &tickForm{by: widget.NewEntry(), on: widget.NewEntry()}
	profile, _ := s.u.settings.LoadProfile()
	f.by.SetText(profile.ClerkName)
	f.on.SetText(s.now().Format("2006-01-02"))
	if tick != nil {
		f.by.SetText(tick.By)
		f.on.SetText(tick.On.Format("2006-01-02"))
	}
	f.by.SetPlaceHolder("Name")
	f.on.SetPlaceHolder("YYYY-MM-DD")
	f.on.Validator = func(v string) error {
		_, err := readiness.ParseDay(v)
		return err
	}
	return f
}

// tick reads the form as a tick of task.
func (f *tickForm) tick(task string) (readiness.Tick, error) {
	on, err := readiness.ParseDay(f.on.Text)
	if err != nil {
		return readiness.Tick{}, err
	}
	return readiness.Tick{Task: task, By: f.by.Text, On: on}, nil
}

// askTick ticks a judgement task done with a name and a day, or opens the
// checklist of a task that has one.
func (s *readinessScreen) askTick(t readiness.Task) {
	if len(t.Items) > 0 {
		s.showChecklist(t)
		return
	}
	electionID := s.current.Election.ID
	f := s.newTickForm(t.Tick)
	items := []*widget.FormItem{widget.NewFormItem("Done by", f.by), widget.NewFormItem("Done on", f.on)}
	var d *dialog.FormDialog
	if t.Tick != nil {
		undo := widget.NewButton("Undo the tick", func() {
			s.u.saved(s.store.ClearTick(electionID, t.Key))
			d.Hide()
			s.showSelected()
		})
		items = append(items, widget.NewFormItem("", undo))
	}
	d = dialog.NewForm(t.Title, "Mark done", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		tick, err := f.tick(t.Key)
		if err == nil {
			err = s.store.SetTick(electionID, tick)
		}
		s.u.saved(err)
		s.showSelected()
	}, s.u.win)
	d.Resize(fyne.NewSize(460, 0))
	s.tickDialog, s.tickForm = d, f
	d.Show()
}

// showChecklist lets the clerk tick the lines of a checklist (the go-kit)
// one by one; each tick is saved at once with the name and day above.
func (s *readinessScreen) showChecklist(t readiness.Task) {
	electionID := s.current.Election.ID
	f := s.newTickForm(nil)
	s.tickForm, s.checks = f, nil
	box := container.NewVBox()
	for _, it := range t.Items {
		it := it
		check := widget.NewCheck(itemText(it), nil)
		check.SetChecked(it.Tick != nil)
		check.OnChanged = func(on bool) {
			if !on {
				s.u.saved(s.store.ClearTick(electionID, it.Key))
				check.Text = it.Text
				check.Refresh()
				return
			}
			tick, err := f.tick(it.Key)
			if err == nil {
				err = s.store.SetTick(electionID, tick)
			}
			s.u.saved(err)
			if err == nil {
				check.Text = itemText(readiness.Item{Text: it.Text, Tick: &tick})
				check.Refresh()
			}
		}
		box.Add(check)
		s.checks = append(s.checks, check)
	}
	form := widget.NewForm(widget.NewFormItem("Checked by", f.by), widget.NewFormItem("On", f.on))
	hint := widget.NewLabel("Tick each thing once you have seen it in the kit. Each tick is saved at once.")
	hint.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(container.NewVBox(form, hint), nil, nil, nil, container.NewVScroll(box))
	d := dialog.NewCustom(t.Title, "Close", content, s.u.win)
	d.SetOnClosed(s.showSelected)
	s.checklist = d
	d.Resize(fyne.NewSize(560, 480))
	d.Show()
}

// itemText is a checklist line with who ticked it and when.
func itemText(it readiness.Item) string {
	if it.Tick == nil {
		return it.Text
	}
	return fmt.Sprintf("%s — %s, %s", it.Text, it.Tick.By, it.Tick.On.Format("Jan 2"))
}
