package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/contacts"
	"electionbinder/internal/exercise"
	"electionbinder/internal/plan"
)

// facilitator is facilitator mode: a full-screen window in large type, to
// be read across a room, with the exercise clock, the inject in play and
// the next one, the plan section and the call-tree entries the inject
// touches. One key notes a decision (D) or an observation (O) against the
// clock; the arrow keys (or a presentation clicker's page keys) move
// through the script; S starts and pauses the clock; Esc closes.
type facilitator struct {
	u        *ui
	store    *exercise.Store
	e        *exercise.Exercise
	plan     *plan.Plan
	resolver *plan.Resolver
	tree     map[string]contacts.CallTreeEntry
	now      func() time.Time
	win      fyne.Window
	current  int
	clock    exercise.Clock
	noting   exercise.NoteKind // the kind of note being typed; "" when none
	noteAt   time.Duration
	stop     chan struct{}
	override *container.ThemeOverride
	scale    float32 // of the large theme, from the window's width
	width    float32 // the window width the scale was chosen for

	clockText      *canvas.Text
	clockState     *widget.Label
	position       *widget.Label
	currentText    *widget.Label
	nextText       *widget.Label
	sectionTitle   *widget.Label
	sectionBody    *widget.Label
	callTree       *widget.Label
	steps          *widget.Label
	recent         *widget.Label
	noteLabel      *widget.Label
	noteEntry      *noteEntry
	notePanel      *fyne.Container
	startBtn       *widget.Button
	prevBtn        *widget.Button
	nextBtn        *widget.Button
	decisionBtn    *widget.Button
	observationBtn *widget.Button
	closeBtn       *widget.Button
}

// facilitate opens facilitator mode on the exercise in view.
func (d *exerciseDetail) facilitate() {
	if d.e == nil {
		return
	}
	if len(d.e.Injects) == 0 {
		d.s.u.showInfo("No injects yet", "Add a scenario or an inject on the Script tab first.")
		return
	}
	f, err := openFacilitator(d.s.u, d.e.ID, time.Now)
	if err != nil {
		d.s.u.showError(err)
		return
	}
	go f.tick()
	f.win.SetOnClosed(func() {
		f.closed()
		d.reload()
	})
}

// openFacilitator opens facilitator mode on an exercise, full screen;
// now tells the time (tests pass their own, and start no ticking clock).
func openFacilitator(u *ui, exerciseID int64, now func() time.Time) (*facilitator, error) {
	f := &facilitator{u: u, store: exercise.NewStore(u.db), now: now, stop: make(chan struct{})}
	if err := f.loadData(exerciseID); err != nil {
		return nil, err
	}
	if len(f.e.Injects) == 0 {
		return nil, errors.New("the exercise has no injects yet: add a scenario or an inject on the Script tab")
	}
	f.win = u.app.NewWindow("Facilitator mode · " + f.e.Name)
	f.override = container.NewThemeOverride(f.build(), largeTheme{Theme: u.app.Settings().Theme(), scale: minScale})
	f.scale = minScale
	f.win.SetContent(f.override)
	f.win.Canvas().SetOnTypedKey(f.typedKey)
	f.win.Canvas().SetOnTypedRune(f.typedRune)
	f.win.SetOnClosed(f.closed)
	f.win.Resize(fyne.NewSize(1280, 760))
	f.win.SetFullScreen(true)
	f.show()
	f.win.Show()
	return f, nil
}

// loadData reads the exercise, its plan and the call tree.
func (f *facilitator) loadData(exerciseID int64) error {
	var err error
	if f.e, err = f.store.Load(exerciseID); err != nil {
		return err
	}
	f.current, f.clock = min(f.e.Current, max(len(f.e.Injects)-1, 0)), f.e.Clock
	ps := plan.NewStore(f.u.db)
	if f.e.PlanID != 0 {
		if f.plan, err = ps.Load(f.e.PlanID); err != nil {
			return err
		}
	}
	if f.resolver, err = ps.Resolver(); err != nil {
		return err
	}
	tree, err := contacts.NewStore(f.u.db).CallTree()
	if err != nil {
		return err
	}
	f.tree = map[string]contacts.CallTreeEntry{}
	for _, e := range tree {
		f.tree[e.Role.Slug] = e
	}
	return nil
}

// bold is a label in bold.
func bold(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// build lays the window out: the clock and position on top, the inject
// in play and the next on the left, what it touches on the right, the
// note line and the buttons at the foot.
func (f *facilitator) build() fyne.CanvasObject {
	f.clockText = canvas.NewText("00:00", theme.Color(theme.ColorNameForeground))
	f.clockText.TextSize = clockSize * minScale
	f.clockText.TextStyle = fyne.TextStyle{Bold: true, Monospace: true}
	f.clockState = widget.NewLabel("")
	f.position = bold("")
	f.currentText = wrapped("")
	f.currentText.TextStyle = fyne.TextStyle{Bold: true}
	f.currentText.SizeName = theme.SizeNameSubHeadingText // the largest text on screen
	f.nextText = wrapped("")
	f.sectionTitle = bold("")
	f.sectionBody = wrapped("")
	f.callTree = wrapped("")
	f.steps = wrapped("")
	f.recent = wrapped("")
	f.noteLabel = bold("")
	f.noteEntry = newNoteEntry(f.saveNote, f.cancelNote)
	f.notePanel = container.NewBorder(nil, nil, f.noteLabel, nil, f.noteEntry)
	f.notePanel.Hide()
	f.buildButtons()

	title := bold(f.e.Name)
	title.Truncation = fyne.TextTruncateEllipsis
	top := container.NewBorder(nil, nil, nil, container.NewVBox(f.clockText, f.clockState),
		container.NewVBox(title, f.position))
	left := container.NewVBox(bold("Now"), f.currentText, widget.NewSeparator(), bold("Next"), f.nextText)
	right := container.NewVBox(f.sectionTitle, f.sectionBody, widget.NewSeparator(), bold("Who to call"), f.callTree,
		widget.NewSeparator(), bold("What the plan says"), f.steps)
	split := container.NewHSplit(container.NewVScroll(left), container.NewVScroll(right))
	split.SetOffset(0.55)
	buttons := container.NewHBox(f.startBtn, f.prevBtn, f.nextBtn, f.decisionBtn, f.observationBtn, layout.NewSpacer(), f.closeBtn)
	foot := container.NewVBox(widget.NewSeparator(), f.recent, f.notePanel, buttons)
	return container.NewBorder(top, foot, nil, nil, split)
}

func (f *facilitator) buildButtons() {
	act := func(fn func()) func() {
		return func() {
			fn()
			if f.noting == "" {
				f.win.Canvas().Unfocus() // keys go back to the window, not the button
			}
		}
	}
	f.startBtn = widget.NewButtonWithIcon("Start (S)", theme.MediaPlayIcon(), act(f.startPause))
	f.prevBtn = widget.NewButtonWithIcon("Back (←)", theme.NavigateBackIcon(), act(func() { f.move(-1) }))
	f.nextBtn = widget.NewButtonWithIcon("Next (→)", theme.NavigateNextIcon(), act(func() { f.move(1) }))
	f.nextBtn.Importance = widget.HighImportance
	f.decisionBtn = widget.NewButtonWithIcon("Decision (D)", theme.ConfirmIcon(), act(func() { f.beginNote(exercise.Decision) }))
	f.observationBtn = widget.NewButtonWithIcon("Observation (O)", theme.VisibilityIcon(), act(func() { f.beginNote(exercise.Observation) }))
	f.closeBtn = widget.NewButtonWithIcon("Close (Esc)", theme.CancelIcon(), func() { f.win.Close() })
}

// typedKey moves through the script, or closes on Escape.
func (f *facilitator) typedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyRight, fyne.KeyPageDown, fyne.KeyDown:
		f.move(1)
	case fyne.KeyLeft, fyne.KeyPageUp, fyne.KeyUp:
		f.move(-1)
	case fyne.KeyEscape:
		f.win.Close()
	}
}

// typedRune takes the one-key commands.
func (f *facilitator) typedRune(r rune) {
	switch r {
	case 'd', 'D':
		f.beginNote(exercise.Decision)
	case 'o', 'O':
		f.beginNote(exercise.Observation)
	case 'n', 'N':
		f.move(1)
	case 'p', 'P', 'b', 'B':
		f.move(-1)
	case 's', 'S':
		f.startPause()
	}
}

// reading is the exercise clock now; before the start, the start time.
func (f *facilitator) reading() time.Duration {
	if !f.clock.Started() {
		return f.e.StartsAt
	}
	return f.clock.Read(f.now())
}

// startPause starts the clock, or pauses a running one.
func (f *facilitator) startPause() {
	if f.clock.Running() {
		f.clock = f.clock.Pause(f.now())
	} else {
		f.clock = f.clock.Start(f.e.StartsAt, f.now()).JumpTo(f.e.Injects[f.current].At, f.now())
	}
	f.saveProgress()
	f.show()
}

// move goes to the next (delta 1) or previous (-1) inject; moving forward
// starts the clock if need be and brings it to the inject's time.
func (f *facilitator) move(delta int) {
	next := min(max(f.current+delta, 0), len(f.e.Injects)-1)
	if next == f.current {
		return
	}
	f.current = next
	if delta > 0 {
		if !f.clock.Started() {
			f.clock = f.clock.Start(f.e.StartsAt, f.now())
		}
		f.clock = f.clock.JumpTo(f.e.Injects[next].At, f.now())
	}
	f.saveProgress()
	f.show()
}

func (f *facilitator) saveProgress() {
	if err := f.store.SaveProgress(f.e.ID, f.current, f.clock); err != nil {
		f.u.showError(err)
	}
}

// beginNote opens the note line, stamped with the clock at the keystroke.
func (f *facilitator) beginNote(kind exercise.NoteKind) {
	f.noting, f.noteAt = kind, f.reading()
	f.noteLabel.SetText(fmt.Sprintf("%s at %s:", noteKindLabel(kind), exercise.ClockText(f.noteAt)))
	f.noteEntry.SetText("")
	f.notePanel.Show()
	f.win.Canvas().Focus(f.noteEntry)
}

// saveNote saves the note being typed (Enter).
func (f *facilitator) saveNote(text string) {
	if f.noting == "" || strings.TrimSpace(text) == "" {
		f.cancelNote()
		return
	}
	n := exercise.Note{At: f.noteAt, Kind: f.noting, Text: text, InjectID: f.e.Injects[f.current].ID}
	id, err := f.store.AddNote(f.e.ID, n)
	if err != nil {
		f.u.showError(err)
		return
	}
	n.ID = id
	f.e.Notes = append(f.e.Notes, n)
	f.cancelNote()
	f.show()
}

// cancelNote closes the note line (Esc) and gives the keys back to the window.
func (f *facilitator) cancelNote() {
	f.noting = ""
	f.notePanel.Hide()
	f.win.Canvas().Unfocus()
}

// show puts the inject in play, the next one and what it touches on screen.
func (f *facilitator) show() {
	in := f.e.Injects[f.current]
	f.showClock()
	f.position.SetText(fmt.Sprintf("Inject %d of %d · set for %s", f.current+1, len(f.e.Injects), exercise.ClockText(in.At)))
	f.currentText.SetText(in.Text)
	f.nextText.SetText("This is the last inject. When the discussion ends, hold the hot wash.")
	if f.current+1 < len(f.e.Injects) {
		next := f.e.Injects[f.current+1]
		f.nextText.SetText(exercise.ClockText(next.At) + "  " + next.Text)
	}
	f.showSection(in)
	f.callTree.SetText(f.callTreeText(in.Roles))
	f.steps.SetText(f.stepsText(in))
	f.recent.SetText(f.recentText())
}

// The large theme's scale at 1366 pixels wide and at most, and the clock's
// size before scaling.
const (
	minScale  = 1.5
	maxScale  = 2.4
	clockSize = 56
)

// fitScale scales the type to the window's width, so that the screen fills
// a projector at 1920 pixels as well as a laptop at 1366.
func (f *facilitator) fitScale() {
	w := f.win.Canvas().Size().Width
	if w == f.width || w < 1 {
		return
	}
	f.width = w
	scale := min(max(minScale*w/1366, minScale), maxScale)
	if scale-f.scale < 0.05 && f.scale-scale < 0.05 {
		return
	}
	f.scale = scale
	f.clockText.TextSize = clockSize * scale
	f.override.Theme = largeTheme{Theme: f.u.app.Settings().Theme(), scale: scale}
	f.override.Refresh()
}

// showClock shows the clock's reading and whether it runs.
func (f *facilitator) showClock() {
	f.fitScale()
	f.clockText.Text = exercise.ClockText(f.reading())
	f.clockText.Color = theme.Color(theme.ColorNameForeground)
	f.clockText.Refresh()
	switch {
	case f.clock.Running():
		f.clockState.SetText("Exercise clock running")
		f.startBtn.SetText("Pause (S)")
		f.startBtn.SetIcon(theme.MediaPauseIcon())
	case f.clock.Started():
		f.clockState.SetText("Exercise clock paused")
		f.startBtn.SetText("Start (S)")
		f.startBtn.SetIcon(theme.MediaPlayIcon())
	default:
		f.clockState.SetText("Not started")
	}
}

func (f *facilitator) showSection(in exercise.Inject) {
	f.sectionTitle.SetText("Plan section: none for this inject")
	f.sectionBody.SetText("")
	if f.plan == nil {
		return
	}
	if s, ok := f.plan.Section(in.SectionID); ok {
		f.sectionTitle.SetText("Plan section: " + s.Title)
		body, _ := f.resolver.Resolve(s.Body)
		f.sectionBody.SetText(shorten(plainWords(body), 420))
	} else if sc, ok := f.plan.Scenario(in.ScenarioID); ok {
		f.sectionTitle.SetText("Plan: the scenario " + sc.Title)
		f.sectionBody.SetText("Its steps for the roles called on are under What the plan says.")
	}
}

// callTreeText names, for each role the inject calls on, who to call first
// and who next, with their numbers.
func (f *facilitator) callTreeText(roles []string) string {
	if len(roles) == 0 {
		return "This inject names no role."
	}
	var lines []string
	for _, slug := range roles {
		e, ok := f.tree[slug]
		switch {
		case !ok:
			lines = append(lines, slug+": not a role in the directory")
		case len(e.Holders) == 0:
			lines = append(lines, e.Role.Name+": nobody holds this role yet")
		default:
			line := e.Role.Name + ": " + holderText(e.Holders[0])
			if len(e.Holders) > 1 {
				line += "; backup " + holderText(e.Holders[1])
			}
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}

func holderText(c contacts.Contact) string {
	phones := c.Phones()
	if len(phones) == 0 {
		return c.Name
	}
	return c.Name + " " + phones[0].Number
}

// stepsText lists the scenario's steps for the roles the inject calls on.
func (f *facilitator) stepsText(in exercise.Inject) string {
	if f.plan == nil {
		return ""
	}
	sc, ok := f.plan.Scenario(in.ScenarioID)
	if !ok {
		return "This inject is the facilitator's own."
	}
	var lines []string
	for _, st := range append(append([]plan.Step(nil), sc.Response...), sc.Communications...) {
		if !slices.Contains(in.Roles, st.Role) {
			continue
		}
		text := st.Action
		if st.Kind == plan.Communication {
			text = "tell " + st.Audience + ": " + st.Statement
		}
		resolved, _ := f.resolver.Resolve(text)
		lines = append(lines, "• "+f.roleName(st.Role)+": "+plainWords(resolved))
	}
	if len(lines) == 0 {
		return "The scenario names no step for these roles."
	}
	return strings.Join(lines, "\n")
}

func (f *facilitator) roleName(slug string) string {
	if e, ok := f.tree[slug]; ok {
		return e.Role.Name
	}
	return slug
}

// recentText lists the last three notes taken.
func (f *facilitator) recentText() string {
	notes := slices.Clone(f.e.Notes)
	slices.SortStableFunc(notes, func(a, b exercise.Note) int { return int(a.ID - b.ID) })
	if len(notes) == 0 {
		return "No notes yet. Press D to note a decision, O an observation."
	}
	var lines []string
	for _, n := range notes[max(len(notes)-3, 0):] {
		lines = append(lines, noteRow(n))
	}
	return strings.Join(lines, "\n")
}

// tick moves the clock on screen every half second until the window closes.
func (f *facilitator) tick() {
	t := time.NewTicker(500 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-f.stop:
			return
		case <-t.C:
			fyne.Do(f.showClock)
		}
	}
}

// closed stops the clock's ticking once, when the window goes; a running
// exercise clock is paused, as play stops with the window.
func (f *facilitator) closed() {
	select {
	case <-f.stop:
		return
	default:
		close(f.stop)
	}
	if f.clock.Running() {
		f.clock = f.clock.Pause(f.now())
		f.saveProgress()
	}
}

// plainWords drops Markdown marks and folds white space, so a section
// reads as running text across the room.
func plainWords(md string) string {
	r := strings.NewReplacer("**", "", "__", "", "`", "", "#", "", "> ", "", "- [ ] ", "", "- ", "")
	return strings.Join(strings.Fields(r.Replace(plan.HTMLWords(md))), " ")
}

func shorten(s string, n int) string {
	runes := []rune(s)
	if len(runes) <= n {
		return s
	}
	return string(runes[:n]) + "…"
}

// noteEntry is the note line: Enter saves, Escape cancels.
type noteEntry struct {
	widget.Entry
	onEscape func()
}

func newNoteEntry(save func(string), cancel func()) *noteEntry {
	e := &noteEntry{onEscape: cancel}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("Type the note, then press Enter (Esc cancels)")
	e.OnSubmitted = save
	return e
}

// TypedKey cancels the note on Escape and otherwise types as an entry does.
func (e *noteEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// largeTheme is the app's theme with text, icons and padding scaled up,
// for a screen read across a room.
type largeTheme struct {
	fyne.Theme
	scale float32
}

// Size scales the sizes of text and of what surrounds it.
func (t largeTheme) Size(n fyne.ThemeSizeName) float32 {
	size := t.Theme.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText, theme.SizeNameCaptionText,
		theme.SizeNameInlineIcon, theme.SizeNameInnerPadding, theme.SizeNameLineSpacing:
		return size * t.scale
	}
	return size
}
