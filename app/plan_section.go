package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/plan"
)

// sectionEditor edits one section: its title, its Markdown body beside a
// live preview with the placeholders filled in, and shows the template's
// guidance for it. Each keystroke is saved.
type sectionEditor struct {
	s        *plansScreen
	id       int64
	title    *widget.Entry
	guidance *widget.Label
	body     *editorEntry
	tooLong  *widget.Label // says why a very long body cannot be edited here
	long     string        // the body of the section shown, when it is too long to edit
	preview  *widget.RichText
	picture  *widget.Button // stores a picture with the plan and shows it in the section
	content  fyne.CanvasObject
}

// maxEditableBody is the longest body, in bytes, the editor loads into its
// text field: Fyne's multi-line entry slows down with the square of its
// length (about a second a keystroke at 100 KB, minutes to open 2 MB), so a
// longer section is shown in the preview only, and the window stays usable.
const maxEditableBody = 64 << 10

func newSectionEditor(s *plansScreen) *sectionEditor {
	e := &sectionEditor{s: s}
	e.title = widget.NewEntry()
	e.title.OnChanged = e.saveTitle
	e.guidance = widget.NewLabel("")
	e.guidance.Wrapping = fyne.TextWrapWord
	e.guidance.TextStyle = fyne.TextStyle{Italic: true}
	e.body = newEditorEntry()
	e.body.SetPlaceHolder("Write this section in Markdown: # headings, - lists, - [ ] checklists, **bold**, *italic*, | tables |.\nPlaceholders: {{jurisdiction}}, {{county}}, {{clerk}}, {{role:it-support}}.")
	e.body.OnChanged = e.saveBody
	e.tooLong = widget.NewLabel("")
	e.tooLong.Wrapping = fyne.TextWrapWord
	e.tooLong.Importance = widget.WarningImportance
	e.tooLong.Hide()
	e.preview = widget.NewRichText()
	e.preview.Wrapping = fyne.TextWrapWord
	e.picture = widget.NewButtonWithIcon("Add picture…", theme.FileImageIcon(), e.askPicture)
	split := container.NewHSplit(
		container.NewBorder(container.NewBorder(nil, nil, widget.NewLabel("Markdown"), e.picture), nil, nil, nil, e.body),
		container.NewBorder(widget.NewLabel("Preview"), nil, nil, nil, container.NewVScroll(e.preview)),
	)
	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel("Section"), nil, e.title),
		e.guidance,
		e.tooLong,
	)
	e.content = container.NewBorder(top, nil, nil, nil, split)
	return e
}

// edit shows the section with the given id.
func (e *sectionEditor) edit(id int64) {
	i := e.s.sectionIndex(id)
	if i < 0 {
		return
	}
	sec := e.s.plan.Sections[i]
	e.id = id
	e.s.loading = true
	e.title.SetText(sec.Title)
	e.showBody(sec.Body)
	e.s.loading = false
	if g := strings.TrimSpace(sec.Guidance); g != "" {
		e.guidance.SetText("Guidance: " + g)
		e.guidance.Show()
	} else {
		e.guidance.Hide()
	}
	e.refreshPreview()
	e.s.editor.Objects = []fyne.CanvasObject{e.content}
	e.s.editor.Refresh()
}

// showBody puts a body in the text field, or, when it is too long to edit
// there, says so and leaves the field empty and disabled.
func (e *sectionEditor) showBody(body string) {
	if len(body) <= maxEditableBody {
		e.long = ""
		e.tooLong.Hide()
		e.body.Enable()
		e.body.SetText(body)
		return
	}
	e.long = body
	e.body.SetText("")
	e.body.Disable()
	e.tooLong.SetText(fmt.Sprintf("This section is %d KB long, too long to edit here without freezing the window. "+
		"It prints in full. To edit it, export the plan as Markdown, add headings to split it into smaller sections, and import it again.",
		len(body)>>10))
	e.tooLong.Show()
}

func (e *sectionEditor) focusTitle() { focusPlanField(e.title) }

// refreshPreview renders the body with its placeholders filled in; of a
// body too long to edit, the start.
func (e *sectionEditor) refreshPreview() {
	if e.s.resolver == nil {
		return
	}
	source := e.body.Text
	if e.long != "" {
		source = e.long[:strings.LastIndexByte(e.long[:maxEditableBody], '\n')+1] +
			"\n\n*The preview stops here; the printed binder has the whole section.*"
	}
	text, _ := e.s.resolver.Resolve(source)
	e.preview.Segments = markdownSegments(text)
	e.preview.Refresh()
}

func (e *sectionEditor) saveTitle(text string) {
	i := e.s.sectionIndex(e.id)
	if e.s.loading || i < 0 || strings.TrimSpace(text) == "" || text == e.s.plan.Sections[i].Title {
		return
	}
	err := e.s.store.RenameSection(e.id, text)
	if err == nil {
		e.s.plan.Sections[i].Title = strings.TrimSpace(text)
		e.rehash(i)
		e.s.tree.retitle(e.id, e.s.plan.Sections[i].Title)
		e.s.markEdited()
	}
	e.s.u.saved(err)
}

func (e *sectionEditor) saveBody(text string) {
	i := e.s.sectionIndex(e.id)
	if e.s.loading || i < 0 || e.long != "" {
		return
	}
	e.refreshPreview()
	if text == e.s.plan.Sections[i].Body {
		return
	}
	err := e.s.store.SetSectionBody(e.id, text)
	if err == nil {
		e.s.plan.Sections[i].Body = text
		e.rehash(i)
		e.s.markEdited()
	}
	e.s.u.saved(err)
}

// rehash keeps the in-memory content hash in step with an edit.
func (e *sectionEditor) rehash(i int) {
	sec := &e.s.plan.Sections[i]
	sec.Hash = plan.SectionHash(sec.Title, sec.Body)
}
