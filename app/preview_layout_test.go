package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// In the live preview a heading followed by a list stands on its own line,
// as in the binder, and a table too wide for the pane scrolls sideways.
func TestPreviewDrawsHeadingsListsAndWideTablesRight(t *testing.T) {
	s, _, _ := openPlanEditor(t)
	s.u.win.Resize(fyne.NewSize(1100, 720))
	s.tree.selectSection(s.plan.Sections[1].ID)
	e := s.section
	e.body.SetText("## Who to call\n- Sheriff\n- IT support\n\n### Steps\n1. Call\n2. Write it down\n\n" +
		"| Role | Office | Mobile | After hours | Email | Radio | Backup | Notes |\n|---|---|---|---|---|---|---|---|\n" +
		"| Facilities lead | 608-555-0100 | 608-555-0101 | 608-555-0102 | facilities@lakeshore.example.gov | channel 4 | Pao Xiong | keys in the vault |\n")

	y := map[string]float32{}
	for _, o := range test.LaidOutObjects(e.preview) {
		if tx, ok := o.(*canvas.Text); ok && tx.Text != "" {
			if _, seen := y[tx.Text]; !seen {
				y[tx.Text] = tx.Position().Y
			}
		}
	}
	for heading, item := range map[string]string{"Who to call": "Sheriff", "Steps": "Call"} {
		if y[item] <= y[heading] {
			t.Errorf("the list item %q is drawn on the line of the heading %q (y %v, %v)", item, heading, y[item], y[heading])
		}
	}

	var table *container.Scroll
	for _, o := range test.LaidOutObjects(e.preview) {
		if sc, ok := o.(*container.Scroll); ok && sc.Direction == container.ScrollHorizontalOnly {
			table = sc
		}
	}
	if table == nil {
		t.Fatal("the table does not scroll sideways")
	}
	if table.Content.MinSize().Width <= table.Size().Width {
		t.Fatalf("the table (%v wide) fits the pane (%v): the test needs a wider one", table.Content.MinSize().Width, table.Size().Width)
	}
	table.ScrollToOffset(fyne.NewPos(table.Content.MinSize().Width, 0))
	if end := table.Offset.X + table.Size().Width; end < table.Content.MinSize().Width {
		t.Errorf("scrolling sideways stops %v short of the last column", table.Content.MinSize().Width-end)
	}
}
