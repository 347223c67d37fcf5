package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/atomicfile"
	"electionbinder/internal/binder"
	"electionbinder/internal/plan"
)

// templateLabel is a template's name as the clerk reads it: the built-in
// template by what it is, the clerk's own by the name they gave it.
func templateLabel(name string) string {
	switch name {
	case plan.BuiltinTemplate:
		return "The built-in plan for county and municipal offices"
	case plan.DefaultPack:
		return "Wisconsin (built-in state pack)"
	}
	return name
}

// noPackChoice is the state pack choice that makes a plan from the template alone.
const noPackChoice = "None: the core template alone"

// createNew asks for a template, a state pack and a title and starts a plan (Ctrl+N).
func (s *plansScreen) createNew() {
	all, err := s.store.Templates()
	if err != nil {
		s.u.showError(err)
		return
	}
	var templates []plan.Template
	var names []string
	packNames, packs := []string{noPackChoice}, []string{plan.NoPack}
	for _, t := range all {
		label := fmt.Sprintf("%s (version %d)", templateLabel(t.Name), t.Version)
		if t.Kind == plan.KindPack {
			packNames, packs = append(packNames, label), append(packs, t.Name)
			continue
		}
		templates, names = append(templates, t), append(names, label)
	}
	choice := widget.NewSelect(names, nil)
	pack := widget.NewSelect(packNames, nil)
	choice.OnChanged = func(string) { // the built-in template comes with the default state pack
		if i := choice.SelectedIndex(); i >= 0 && templates[i].Name == plan.BuiltinTemplate {
			pack.SetSelectedIndex(max(slices.Index(packs, plan.DefaultPack), 0))
		} else {
			pack.SetSelectedIndex(0)
		}
	}
	choice.SetSelectedIndex(0)
	title := newFormEntry()
	title.SetPlaceHolder("Leave blank for “<jurisdiction> election-security contingency plan”")
	d := dialog.NewForm("New plan", "Create", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Template", choice),
		widget.NewFormItem("State pack", pack),
		widget.NewFormItem("Title", title),
	}, func(ok bool) {
		if !ok || choice.SelectedIndex() < 0 {
			return
		}
		id, err := s.store.CreateFromTemplatePack(templates[choice.SelectedIndex()].Name, packs[max(pack.SelectedIndex(), 0)], title.Text)
		s.u.saved(err)
		if err == nil {
			s.reloadList(id)
		}
	}, s.u.win)
	d.Resize(fyne.NewSize(560, 260))
	s.newPlan = d
	s.newPlanPack = pack
	s.u.showForm(d, title)
}

// askImport reads a Markdown file into a new plan.
func (s *plansScreen) askImport() {
	req := fileRequest{title: "Import a plan from a Markdown file", kind: "Markdown or text", exts: []string{".md", ".markdown", ".txt"}}
	chooseOpenFile(s.u.win, req, s.importFile)
}

// importFile reads a Markdown file into a new plan and opens it.
func (s *plansScreen) importFile(path string) {
	src, err := os.ReadFile(path)
	if err != nil {
		s.u.showError(err)
		return
	}
	name := filepath.Base(path)
	title := strings.TrimSuffix(name, filepath.Ext(name))
	if doc, err := plan.ReadMarkdown(src); err == nil && doc.Title != "" {
		title = ""
	}
	id, err := s.store.ImportMarkdown(src, title)
	if err != nil {
		s.u.showError(fmt.Errorf("%s could not be imported: %w", name, err))
		return
	}
	s.u.status.set("Imported " + name)
	s.reloadList(id)
}

// askExport writes the plan as a Markdown file.
func (s *plansScreen) askExport() {
	if s.plan == nil {
		return
	}
	id := s.plan.ID
	req := fileRequest{title: "Export the plan as Markdown", name: planFileName(s.plan.Title) + ".md", kind: "Markdown", exts: []string{".md"}}
	chooseSaveFile(s.u.win, req, func(path string) {
		data, err := s.store.ExportMarkdown(id)
		if err == nil {
			err = atomicfile.WriteFile(path, data)
		}
		if err != nil {
			s.u.showError(err)
			return
		}
		s.u.offerToOpen(path)
	})
}

// planFileName turns a title into a file name without troublesome characters.
func planFileName(title string) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(title))
	if name == "" {
		return "plan"
	}
	return name
}

// approveForm holds the fields of the approval dialog.
type approveForm struct {
	by, summary, review *formEntry
	seeGaps             *widget.Button // nil when the plan has no gaps
	dialog              *dialog.FormDialog
}

// askApprove records the plan as approved, as a new numbered revision.
func (s *plansScreen) askApprove() {
	if s.plan == nil {
		return
	}
	f := &approveForm{by: newFormEntry(), summary: newMultiLineFormEntry(), review: newFormEntry()}
	if s.resolver != nil {
		f.by.SetText(s.resolver.Profile().ClerkName)
	}
	f.summary.SetPlaceHolder("Leave blank to describe the changes automatically")
	f.review.SetText(s.today().AddDate(1, 0, 0).Format("2006-01-02"))
	f.by.Validator = func(t string) error {
		if strings.TrimSpace(t) == "" {
			return errors.New("say who approved the plan")
		}
		return nil
	}
	f.review.Validator = func(t string) error {
		_, err := time.Parse("2006-01-02", strings.TrimSpace(t))
		if err != nil {
			return errors.New("type the date as YYYY-MM-DD")
		}
		return nil
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Approved by", f.by),
		widget.NewFormItem("Summary of changes", f.summary),
		widget.NewFormItem("Next review", f.review),
	}
	planID := s.plan.ID
	notice, see := gapNotice(len(s.gaps.gaps), "You can approve it as it is, or fill them first.", func() {
		f.dialog.Hide()
		s.u.showPlanGaps(planID)
	})
	if notice != nil {
		items = append(items, widget.NewFormItem("Gaps", notice))
		f.seeGaps = see
	}
	f.dialog = dialog.NewForm("Approve this plan", "Approve", "Cancel", items, func(ok bool) {
		if ok {
			s.approve(f)
		}
	}, s.u.win)
	f.dialog.Resize(fyne.NewSize(560, 320))
	s.approval = f
	s.u.showForm(f.dialog, f.by, f.summary, f.review)
}

func (s *plansScreen) approve(f *approveForm) {
	next, _ := time.Parse("2006-01-02", strings.TrimSpace(f.review.Text))
	a := plan.Approval{ApprovedBy: f.by.Text, Summary: f.summary.Text, At: s.today(), NextReview: next}
	id := s.plan.ID
	// Approving prints the new revision's binder to keep it, which takes a
	// moment for a long plan.
	s.u.runThen("Approving the plan", func(func(float64)) (func(), error) {
		rev, err := binder.NewStore(s.u.db).Approve(id, a)
		if rev.Number == 0 {
			return nil, err
		}
		return func() {
			s.u.status.set(fmt.Sprintf("Approved as revision %d", rev.Number))
			s.plan = nil
			s.reloadList(id)
			s.u.showError(err)
		}, nil
	})
}

// askSaveTemplate keeps the plan as a template other offices can start from.
func (s *plansScreen) askSaveTemplate() {
	if s.plan == nil {
		return
	}
	name := newFormEntry()
	name.SetPlaceHolder("for example lakeshore-municipal")
	desc := newFormEntry()
	id := s.plan.ID
	d := dialog.NewForm("Save as template", "Save", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Template name", name),
		widget.NewFormItem("Description", desc),
	}, func(ok bool) {
		if !ok {
			return
		}
		t, err := s.store.SaveAsTemplate(id, name.Text, desc.Text)
		if err != nil {
			s.u.showError(err)
			return
		}
		s.u.status.set(fmt.Sprintf("Saved as template %q, version %d", t.Name, t.Version))
	}, s.u.win)
	d.Resize(fyne.NewSize(520, 200))
	s.u.showForm(d, name, desc)
}

// pasteForm holds the fields of the "paste text" dialog.
type pasteForm struct {
	title, text *formEntry
	dialog      *dialog.FormDialog
}

// askPaste makes a new plan from text pasted from a word processor:
// headings (# Title, or a line underlined with === or ---) become sections.
func (s *plansScreen) askPaste() {
	f := &pasteForm{title: newFormEntry(), text: newMultiLineFormEntry()}
	f.title.SetPlaceHolder("Title of the plan")
	f.text.SetPlaceHolder("Paste the plan here. Lines starting with # become sections; ## subsections.")
	f.text.SetMinRowsVisible(14)
	f.text.Wrapping = fyne.TextWrapWord
	f.dialog = dialog.NewForm("Paste text as a new plan", "Create plan", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Title", f.title),
		widget.NewFormItem("Text", f.text),
	}, func(ok bool) {
		if !ok {
			return
		}
		id, err := s.store.ImportMarkdown([]byte(f.text.Text), f.title.Text)
		if err != nil {
			s.u.showError(fmt.Errorf("no plan was made from the pasted text: %w", err))
			return
		}
		s.u.status.set("Made a plan from the pasted text")
		s.reloadList(id)
	}, s.u.win)
	f.dialog.Resize(fyne.NewSize(760, 560))
	s.paste = f
	s.u.showForm(f.dialog, f.title, f.text)
}

// askDelete removes the plan being edited, with its revisions, once confirmed.
func (s *plansScreen) askDelete() {
	if s.plan == nil {
		return
	}
	id := s.plan.ID
	s.deletion = s.u.askDestructive("Delete this plan?", fmt.Sprintf("Delete “%s” with its %d sections, %d scenarios and %d approved revisions?\n\nThis cannot be undone. Export it as Markdown first if you may need it again.",
		s.plan.Title, len(s.plan.Sections), len(s.plan.Scenarios), len(s.plan.Revisions)), "Delete plan", func(ok bool) {
		s.deletion = nil
		if !ok {
			return
		}
		if err := s.store.Delete(id); err != nil {
			s.u.showError(err)
			return
		}
		s.u.status.set("Plan deleted")
		s.plan = nil
		s.reloadList(0)
	})
}
