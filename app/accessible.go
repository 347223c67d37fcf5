package app

import (
	"strings"

	"fyne.io/fyne/v2"
)

// Screen readers (Fyne's accessibility build) read the widgets that
// implement fyne.Accessible; these are the app's own widgets.
var (
	_ fyne.Accessible = (*refreshWatch)(nil)
	_ fyne.Accessible = (*contactRow)(nil)
	_ fyne.Accessible = (*previewRow)(nil)
	_ fyne.Accessible = (*editorEntry)(nil)
)

// AccessibilityLabel names the editor by what it holds.
func (e *editorEntry) AccessibilityLabel() string { return "Section text (Markdown)" }

// AccessibilityRole is text: the editor holds the section's words.
func (e *editorEntry) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleText }

// AccessibilityLabel names the screen the watch wraps.
func (w *refreshWatch) AccessibilityLabel() string { return w.name }

// AccessibilityRole says the watch only holds the screen's parts.
func (w *refreshWatch) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleContainer }

// AccessibilityLabel reads the row as it is shown: name, level, roles and
// details, and whether the contact is due for verifying.
func (r *contactRow) AccessibilityLabel() string {
	return strings.Join([]string{r.name.Text, r.level.Text, r.detail.Text, r.status.Text}, ", ")
}

// AccessibilityRole is text: choosing the row opens the contact.
func (r *contactRow) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleText }

// AccessibilityLabel reads the preview line: its line number and action,
// then what the import will do with it.
func (r *previewRow) AccessibilityLabel() string { return r.action.Text + ": " + r.text.Text }

// AccessibilityRole is text: the preview only tells.
func (r *previewRow) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleText }
