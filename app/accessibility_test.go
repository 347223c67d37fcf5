package app

import (
	"electionbinder/internal/sample"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// openDemoUI builds the main window over a new database holding the sample
// county, as `binder demo` loads it.
func openDemoUI(t *testing.T) *ui {
	t.Helper()
	path, conn := newTestDB(t)
	if err := sample.LoadCounty(conn, func(string) {}); err != nil {
		t.Fatal(err)
	}
	return newTestWindow(t, path, conn)
}

// unlabeled lists the interactive elements drawn inside o that a screen
// reader could not name, each with the path of types that leads to it.
func unlabeled(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject, path string, formLabel string)
	walk = func(o fyne.CanvasObject, path string, formLabel string) {
		if o == nil {
			return
		}
		path += "/" + typeName(o)
		if problem := accessibilityProblem(o, formLabel); problem != "" {
			out = append(out, path+": "+problem)
		}
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c, path, "")
			}
			return
		case *widget.Form:
			for _, item := range v.Items {
				walk(item.Widget, path, item.Text)
			}
			return
		case *container.AppTabs:
			for _, item := range v.Items {
				walk(item.Content, path+"["+item.Text+"]", "")
			}
			return
		}
		if isControl(o) {
			return // its parts are named by the control itself
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c, path, "")
			}
		}
	}
	walk(o, "", "")
	return out
}

// typeName is the short name of an object's type, for messages.
func typeName(o fyne.CanvasObject) string {
	return strings.TrimPrefix(fmt.Sprintf("%T", o), "*")
}

// isControl reports whether o is one of Fyne's public interactive widgets,
// whose name comes from its own text, placeholder or form label.
func isControl(o fyne.CanvasObject) bool {
	switch o.(type) {
	case *widget.Button, *widget.Check, *widget.CheckGroup, *widget.RadioGroup, *widget.Entry, *widget.SelectEntry,
		*widget.DateEntry, *widget.Select, *widget.Slider, *widget.Hyperlink:
		return true
	}
	return false
}

// accessibilityProblem says why a screen reader could not name o, or "".
// Our own widgets must implement fyne.Accessible with a label in words;
// Fyne's controls need words of their own or a form label.
func accessibilityProblem(o fyne.CanvasObject, formLabel string) string {
	if formLabel != "" {
		return ""
	}
	switch v := o.(type) {
	case *widget.Button:
		if v.Text == "" {
			return "a button with an icon and no words"
		}
	case *widget.Check:
		if v.Text == "" {
			return "a check box with no words"
		}
	case *widget.Entry:
		if v.PlaceHolder == "" {
			return "a text field with no form label or placeholder"
		}
	case *widget.SelectEntry:
		if v.PlaceHolder == "" {
			return "a text field with no form label or placeholder"
		}
	case *widget.DateEntry:
		if v.PlaceHolder == "" {
			return "a date field with no form label or placeholder"
		}
	case *widget.Select:
		if v.PlaceHolder == "" || v.PlaceHolder == "(Select one)" {
			return "a choice with no form label or placeholder"
		}
	case *widget.Slider:
		return "a slider with no form label"
	}
	if reflect.TypeOf(o).Elem().PkgPath() != reflect.TypeOf(ui{}).PkgPath() {
		return ""
	}
	a, ok := o.(fyne.Accessible)
	switch {
	case !ok:
		return "our widget does not implement fyne.Accessible"
	case strings.TrimSpace(a.AccessibilityLabel()) == "":
		return "our widget has an empty accessible label"
	case a.AccessibilityRole() == "":
		return "our widget has no accessible role"
	}
	return ""
}

// TestEveryScreenNamesEveryControl walks the widget tree of every screen
// the navigation lists, on a new database and on the sample county, and
// finds no interactive element a screen reader could not name.
func TestEveryScreenNamesEveryControl(t *testing.T) {
	for _, db := range []struct {
		name string
		open func(t *testing.T) *ui
	}{
		{"new database", func(t *testing.T) *ui { path, conn := newTestDB(t); return newTestWindow(t, path, conn) }},
		{"sample county", openDemoUI},
	} {
		t.Run(db.name, func(t *testing.T) {
			u := db.open(t)
			u.win.Resize(fyne.NewSize(1366, 768))
			for _, problem := range unlabeled(u.win.Content()) { // the navigation and the status line
				t.Errorf("window: %s", problem)
			}
			for i, p := range pages() {
				u.nav.show(i)
				problems := map[string]bool{}
				for _, problem := range unlabeled(u.nav.content) {
					problems[problem] = true
				}
				openFirstRows(u.nav.content) // the detail panes they open are walked too
				for _, problem := range unlabeled(u.nav.content) {
					problems[problem] = true
				}
				for problem := range problems {
					t.Errorf("%s: %s", p.title, problem)
				}
			}
		})
	}
}

// openFirstRows selects the first row of every list and tree drawn inside o,
// as a clerk opening the first contact, session or section would.
func openFirstRows(o fyne.CanvasObject) {
	var lists []*widget.List
	var trees []*widget.Tree
	walkTree(o, func(c fyne.CanvasObject) {
		switch v := c.(type) {
		case *widget.List:
			lists = append(lists, v)
		case *widget.Tree:
			trees = append(trees, v)
		}
	})
	for _, l := range lists {
		if l.Length() > 0 {
			l.Select(0)
		}
	}
	for _, tr := range trees {
		if tr.ChildUIDs != nil {
			if roots := tr.ChildUIDs(""); len(roots) > 0 {
				tr.Select(roots[0])
			}
		}
	}
}
