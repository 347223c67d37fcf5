package app

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/atomicfile"
	"electionbinder/internal/contacts"
)

// largeImport is the number of contacts from which an import is written
// behind a progress bar instead of at once.
const largeImport = 500

// askImport lets the clerk choose a CSV or vCard file and shows what
// importing it would do.
func (s *contactsScreen) askImport() {
	req := fileRequest{title: "Import contacts", kind: "Contacts (CSV or vCard)", exts: []string{".csv", ".vcf", ".vcard", ".txt"}}
	s.u.openAndRead(req, 64<<20, s.previewImport)
}

// previewImport works out behind a progress bar what importing a file
// would do, then shows the preview; nothing is written until it is confirmed.
func (s *contactsScreen) previewImport(name string, data []byte) {
	s.u.runThen("Reading "+name, func(func(float64)) (func(), error) {
		plan, err := s.planImport(name, data)
		if err != nil {
			return nil, err
		}
		return func() { s.preview = s.showPreview(plan) }, nil
	})
}

// planImport reads a file and works out, without writing, what importing it would do.
func (s *contactsScreen) planImport(name string, data []byte) (*contacts.ImportPlan, error) {
	recs, err := contacts.ReadFile(name, data)
	if err != nil {
		return nil, fmt.Errorf("%s cannot be imported: %w", name, err)
	}
	return s.store.PlanImport(contacts.Source{Name: name, Records: recs})
}

// importPreview is the dialog that shows an import's plan before anything is written.
type importPreview struct {
	plan    *contacts.ImportPlan
	summary *widget.Label
	show    *widget.Select
	items   []contacts.ImportItem
	list    *widget.List
	dialog  *dialog.ConfirmDialog
}

var previewChoices = []string{"Everything", "New", "Updated", "Duplicate", "Rejected"}

// showPreview lists what the import will do, row by row with line numbers;
// the import is written only when the clerk confirms.
func (s *contactsScreen) showPreview(plan *contacts.ImportPlan) *importPreview {
	p := &importPreview{plan: plan, summary: widget.NewLabel(plan.Summary())}
	p.summary.Wrapping = fyne.TextWrapWord
	if len(plan.NewOrganizations) > 0 {
		orgs := make([]string, len(plan.NewOrganizations))
		for i, o := range plan.NewOrganizations {
			orgs[i] = strings.Join(strings.Fields(o), " ")
		}
		p.summary.SetText(plan.Summary() + ".\nOrganisations to be added: " + joinShort(orgs, 5) + ".")
	}
	p.list = widget.NewList(func() int { return len(p.items) },
		func() fyne.CanvasObject { return newPreviewRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*previewRow).show(p.items[i]) })
	p.show = widget.NewSelect(previewChoices, func(v string) { p.filter(v) })
	p.show.SetSelected("Everything")
	count := plan.Count(contacts.ActionNew) + plan.Count(contacts.ActionUpdate)
	confirm := fmt.Sprintf("Import %d contacts", count)
	content := container.NewBorder(container.NewVBox(p.summary, container.NewHBox(widget.NewLabel("Show"), p.show)), nil, nil, nil, p.list)
	p.dialog = dialog.NewCustomConfirm("Import preview: nothing is written yet", confirm, "Cancel", content, func(ok bool) {
		if ok {
			s.applyImport(plan)
		}
	}, s.u.win)
	p.dialog.SetConfirmImportance(widget.HighImportance)
	p.dialog.Resize(fyne.NewSize(760, 520))
	s.u.showKeyed(p.dialog, p.dialog.Confirm, p.dialog.Dismiss)
	if count == 0 {
		p.dialog.SetConfirmText("Nothing to import")
	}
	return p
}

// filter shows only the items with the chosen action.
func (p *importPreview) filter(choice string) {
	p.items = p.items[:0]
	for _, it := range p.plan.Items {
		if choice == "Everything" || it.Action.String() == choice {
			p.items = append(p.items, it)
		}
	}
	p.list.Refresh()
}

// previewRow is one line of the import preview: line number and action, then what happens.
type previewRow struct {
	widget.BaseWidget
	action *widget.Label
	text   *widget.Label
}

func newPreviewRow() *previewRow {
	r := &previewRow{action: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		text: widget.NewLabel("")}
	r.text.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *previewRow) CreateRenderer() fyne.WidgetRenderer {
	width := widget.NewLabel("Line 00000  Duplicate").MinSize()
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, container.NewGridWrap(width, r.action), nil, r.text))
}

var actionImportance = map[contacts.Action]widget.Importance{contacts.ActionNew: widget.SuccessImportance,
	contacts.ActionUpdate: widget.HighImportance, contacts.ActionDuplicate: widget.LowImportance,
	contacts.ActionRejected: widget.DangerImportance}

func (r *previewRow) show(it contacts.ImportItem) {
	r.action.SetText(fmt.Sprintf("Line %d  %s", it.Line, it.Action))
	r.action.Importance = actionImportance[it.Action]
	r.action.Refresh()
	switch it.Action {
	case contacts.ActionUpdate:
		r.text.SetText(fmt.Sprintf("%s: changes %s", it.Contact.Name, joinShort(it.Changes, 6)))
	case contacts.ActionRejected:
		r.text.SetText(it.Reason)
	case contacts.ActionDuplicate:
		r.text.SetText(fmt.Sprintf("%s: %s", it.Contact.Name, it.Reason))
	default:
		r.text.SetText(it.Contact.Name + " · " + rowDetail(it.Contact))
	}
}

func joinShort(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}

// applyImport writes the plan: at once when small, behind a progress bar when large.
func (s *contactsScreen) applyImport(plan *contacts.ImportPlan) {
	write := func() error {
		n, err := s.store.ApplyImport(plan)
		if err != nil {
			return fmt.Errorf("The import failed and nothing was written: %w", err)
		}
		s.u.status.set(fmt.Sprintf("Imported %d contacts", n))
		return nil
	}
	if len(plan.Items) < largeImport {
		if err := write(); err != nil {
			s.u.showError(err)
		}
		s.reload()
		return
	}
	s.u.runThen("Importing contacts", func(progress func(float64)) (func(), error) {
		progress(0.1)
		return s.reload, write()
	})
}

// askExport lets the clerk choose where to write the directory as CSV or vCard.
func (s *contactsScreen) askExport(format string) {
	kind := map[string]string{"csv": "CSV (Excel, Outlook, Google)", "vcf": "vCard"}[format]
	req := fileRequest{title: "Export the directory", name: fmt.Sprintf("contacts-%s.%s", time.Now().Format("2006-01-02"), format),
		kind: kind, exts: []string{"." + format}}
	chooseSaveFile(s.u.win, req, func(path string) {
		s.u.runWithProgress("Exporting contacts", func(func(float64)) (string, error) {
			return path, s.exportTo(path, format)
		})
	})
}

// exportTo writes the whole directory to path, replacing the empty file a
// save dialog leaves there.
func (s *contactsScreen) exportTo(path, format string) error {
	if err := removeEmptyFile(path); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := s.store.Export(&buf, format); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, buf.Bytes())
}
