package app

import (
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/contacts"
)

// roleNamed finds a role of the directory by its name.
func roleNamed(t *testing.T, s *contactsScreen, name string) contacts.Role {
	t.Helper()
	for _, r := range s.index.Roles() {
		if r.Name == name {
			return r
		}
	}
	t.Fatalf("no role %q", name)
	return contacts.Role{}
}

// TestCallTreeBackupWithoutNumberIsAGap: a backup added from the window who
// has no phone number opens a gap in the tab title, the banner and the call
// tree's summary; giving them a number closes it.
func TestCallTreeBackupWithoutNumberIsAGap(t *testing.T) {
	_, s, store := openContacts(t)
	nora, err := store.Create(contacts.Contact{Name: "Nora Nophone", Email: "nora@example.gov", Level: contacts.County, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	s.reload()
	if s.treeTab.Text != "Call tree (2 gaps)" {
		t.Fatalf("before: %q", s.treeTab.Text)
	}
	s.tree.pick(roleNamed(t, s, "Legal counsel"))
	test.Type(s.tree.picker.search, "Nophone")
	s.tree.picker.list.Select(0)
	if s.treeTab.Text != "Call tree (3 gaps)" || !strings.Contains(s.gapText.Text, "Legal counsel") {
		t.Errorf("a backup without a number: tab %q, banner %q", s.treeTab.Text, s.gapText.Text)
	}
	if !strings.Contains(s.tree.summary.Text, "Legal counsel: Nora Nophone has no phone number") {
		t.Errorf("call tree summary %q", s.tree.summary.Text)
	}
	s.open(nora.ID)
	test.Type(s.detail.mobile, "(920) 555-0199")
	s.tabs.Select(s.treeTab)
	if s.treeTab.Text != "Call tree (2 gaps)" || strings.Contains(s.gapText.Text, "Legal counsel") {
		t.Errorf("after adding her number: tab %q, banner %q", s.treeTab.Text, s.gapText.Text)
	}
}

// TestContactDetailOpensAtTopAndListedVerifiedAtOnce: the detail pane of
// the next contact opens at its top, not at the scroll position of the last;
// "Mark listed verified" marks every listed contact at once, after asking.
func TestContactDetailOpensAtTopAndListedVerifiedAtOnce(t *testing.T) {
	u, s, store := openContacts(t)
	u.win.Resize(fyne.NewSize(1100, 500))
	s.list.Select(0)
	s.detail.scroll.ScrollToBottom()
	if s.detail.scroll.Offset.Y == 0 {
		t.Fatal("the detail pane did not scroll")
	}
	s.list.Select(1)
	if s.detail.scroll.Offset.Y != 0 {
		t.Errorf("the next contact opens scrolled %v down", s.detail.scroll.Offset.Y)
	}

	test.Tap(s.due)
	due := len(s.ids)
	if due < 2 {
		t.Fatalf("only %d contacts are due", due)
	}
	test.Tap(s.verify)
	answerDialog(t, u, "Yes")
	if len(s.ids) != 0 || !strings.Contains(s.none.Text, "No contact matches") {
		t.Errorf("after marking them verified, %d are still due", len(s.ids))
	}
	all, err := store.List(contacts.Filter{IncludeRetired: true})
	if err != nil {
		t.Fatal(err)
	}
	verified := 0
	for _, c := range all {
		if c.VerifiedOn.Equal(dateOf(testDay)) {
			verified++
		}
	}
	if verified < due {
		t.Errorf("%d contacts carry today's date, want at least %d", verified, due)
	}
}

// dateOf is the calendar day of t at midnight UTC, as verification dates are kept.
func dateOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// answerDialog taps the button labeled answer on the dialog on top of the window.
func answerDialog(t *testing.T, u *ui, answer string) {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	test.Tap(findButton(t, top, answer))
}

// walkTree visits o and everything drawn inside it: the objects of
// containers, the parts of widgets, and the pages of every tab.
func walkTree(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walkTree(c, visit)
		}
		return
	case *container.AppTabs:
		for _, item := range v.Items {
			walkTree(item.Content, visit)
		}
		return
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(w).Objects() {
			walkTree(c, visit)
		}
	}
}

// TestPrintAndApproveSayHowManyGapsRemain: the print and approval dialogs
// say how many gaps the plan has and open the gap list on request.
func TestPrintAndApproveSayHowManyGapsRemain(t *testing.T) {
	u, id := openForPrint(t)
	u.nav.showTitled("Plans")
	s := u.nav.current().(*plansScreen)
	want := len(s.gaps.gaps)
	if want == 0 {
		t.Fatal("the new plan has no gaps to report")
	}
	p, err := newPrintSetup(u, id)
	if err != nil {
		t.Fatal(err)
	}
	p.dlg.Show()
	if p.seeGaps == nil || !dialogSays(u, fmt.Sprintf("%d gaps remain in this plan", want)) {
		t.Fatalf("the print dialog does not say that %d gaps remain", want)
	}
	test.Tap(p.seeGaps)
	if u.win.Canvas().Overlays().Top() != nil || u.win.Canvas().Focused() != s.gaps.list {
		t.Error("See the gaps did not close the dialog and open the gap list")
	}

	s.askApprove()
	if s.approval.seeGaps == nil || !dialogSays(u, fmt.Sprintf("%d gaps remain in this plan", want)) {
		t.Fatal("the approval dialog does not say how many gaps remain")
	}
	test.Tap(s.approval.seeGaps)
	if u.win.Canvas().Overlays().Top() != nil || len(s.plan.Revisions) != 0 {
		t.Error("See the gaps approved the plan or left the dialog open")
	}
}

// dialogSays reports whether a label of the dialog on top of the window holds text.
func dialogSays(u *ui, text string) bool {
	found := false
	walkTree(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, text) {
			found = true
		}
	})
	return found
}

// TestOpenItNowSaysWhyItFailed: when the written file cannot be opened, the
// clerk is told why and where it is.
func TestOpenItNowSaysWhyItFailed(t *testing.T) {
	path, conn := newTestDB(t)
	u := newTestWindow(t, path, conn)
	missing := filepath.Join(t.TempDir(), "binder.pdf")
	u.openFile(missing)
	if !dialogSays(u, "no longer there") || !dialogSays(u, missing) {
		t.Error("a file that is gone is not explained")
	}
	test.Tap(findButton(t, u.win.Canvas().Overlays().Top(), "OK"))
	if err := os.WriteFile(missing, []byte("%PDF-1.4"), 0o644); err != nil {
		t.Fatal(err)
	}
	u.openURL = func(*url.URL) error { return exec.ErrNotFound }
	u.openFile(missing)
	if !dialogSays(u, "no program set up to open it") {
		t.Error("a computer without a PDF program is not explained")
	}
}

// TestStepsNameRolesInWords: a scenario step shows the role's name where
// the plan keeps its slug, offers the directory's roles by name, and saves
// the slug of the role chosen; the new-plan dialog names the built-in
// template in words.
func TestStepsNameRolesInWords(t *testing.T) {
	u := openDemoUI(t)
	u.nav.showTitled("Plans")
	s := u.nav.current().(*plansScreen)
	s.scen.list.Select(0)
	rows := s.scenario.response.rows
	if len(rows) == 0 {
		t.Fatal("the sample scenario has no steps")
	}
	for _, r := range rows {
		if strings.Contains(r.role.Text, "-") && !strings.Contains(r.role.Text, " ") {
			t.Errorf("a step shows the role key %q", r.role.Text)
		}
	}
	if opts := s.roleOptions(); len(opts) == 0 || opts[0] != "Election security lead" {
		t.Errorf("role choices %q", opts)
	}
	rows[0].role.SetText("IT support")
	if rows[0].holder.Text != "Grace Okafor" {
		t.Errorf("the holder of IT support shows as %q", rows[0].holder.Text)
	}
	p, err := s.store.Load(s.plan.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Scenarios[0].Response[0].Role; got != "it-support" {
		t.Errorf("the step saved the role as %q", got)
	}
	s.createNew()
	if !selectOffers(u, "The built-in plan for county and municipal offices (version") {
		t.Error("the new-plan dialog does not name the built-in template in words")
	}
}

// selectOffers reports whether a choice on the dialog on top offers option.
func selectOffers(u *ui, option string) bool {
	found := false
	walkTree(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if sel, ok := o.(*widget.Select); ok {
			for _, opt := range sel.Options {
				found = found || strings.HasPrefix(opt, option)
			}
		}
	})
	return found
}

// TestAbandonedNewPersonAndSessionLeaveNothing: a New person or New session
// the clerk leaves as it was is gone once another record or screen is
// opened; one the clerk typed into stays.
func TestAbandonedNewPersonAndSessionLeaveNothing(t *testing.T) {
	u, s, store := openContacts(t)
	count := func() int {
		n, err := store.Count()
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count()
	newPerson := findButton(t, s.content, "New person")
	test.Tap(newPerson)
	if count() != before+1 {
		t.Fatal("New person added nothing")
	}
	s.list.Select(s.indexOf(byListedName(t, s, "Grace Okafor")))
	if count() != before || s.detail.name.Text != "Grace Okafor" || s.list.Length() != len(s.ids) {
		t.Errorf("an untouched New person was kept: %d contacts, form shows %q", count(), s.detail.name.Text)
	}
	test.Tap(newPerson)
	s.detail.name.SetText("")
	test.Type(s.detail.name, "Zed Zimmer")
	s.list.Select(0)
	if count() != before+1 {
		t.Errorf("a new person with a name typed was dropped")
	}
	test.Tap(newPerson)
	u.nav.showTitled("Training")
	if count() != before+1 {
		t.Errorf("an untouched New person was kept when the clerk went to Training")
	}

	tr := u.nav.current().(*trainingScreen)
	sessions := func() int {
		events, err := tr.store.Events("")
		if err != nil {
			t.Fatal(err)
		}
		return len(events)
	}
	had := sessions()
	test.Tap(tr.newButton)
	if sessions() != had+1 {
		t.Fatal("New session added nothing")
	}
	u.nav.showTitled("Plans")
	if sessions() != had {
		t.Errorf("an untouched New session was kept when the clerk went to Plans")
	}
	u.nav.showTitled("Training")
	test.Tap(tr.newButton)
	test.Type(tr.detail.title, " for poll workers")
	test.Tap(tr.newButton)
	if sessions() != had+2 {
		t.Errorf("%d sessions: want the edited one and the second new one", sessions()-had)
	}
	for i, e := range tr.events {
		if e.ID != tr.selected && e.Title != "New session for poll workers" {
			tr.list.Select(i)
			break
		}
	}
	if sessions() != had+1 {
		t.Errorf("opening another session kept the untouched New session")
	}
}

// TestFileDialogs: on Linux Open and Save use Fyne's dialog inside the
// window; a saved file gets the offered extension when the clerk typed none.
func TestFileDialogs(t *testing.T) {
	path, conn := newTestDB(t)
	u := newTestWindow(t, path, conn)
	u.askBackup()
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("File → Backup opened no dialog")
	}
	req := fileRequest{exts: []string{".pdf"}}
	for in, want := range map[string]string{"/x/plan": "/x/plan.pdf", "/x/plan.pdf": "/x/plan.pdf", "/x/plan.v2.PDF": "/x/plan.v2.PDF", "": ""} {
		if got := req.withExtension(in); got != want {
			t.Errorf("withExtension(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSampleCountyOpensInAFileOfItsOwn: the sample county is written to the
// file chosen and opened in another window; the clerk's own data file is
// left as it was, and neither it nor a file holding data is overwritten.
func TestSampleCountyOpensInAFileOfItsOwn(t *testing.T) {
	path, conn := newTestDB(t)
	u := newTestWindow(t, path, conn)
	var opened []string
	u.openWindow = func(p string) error { opened = append(opened, p); return nil }
	u.nav.showTitled("Plans")
	test.Tap(findButton(t, u.nav.content, "Try the sample county in a window of its own…"))
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog asks where to save the sample county")
	}
	sample := filepath.Join(t.TempDir(), "sample-county.db")
	u.openSampleCounty(sample)
	if len(opened) != 1 || opened[0] != sample {
		t.Fatalf("windows opened: %q", opened)
	}
	sampleConn := openTestConn(t, sample)
	if n, err := contacts.NewStore(sampleConn).Count(); err != nil || n < 40 {
		t.Errorf("the sample file holds %d contacts (%v)", n, err)
	}
	if n, _ := contacts.NewStore(conn).Count(); n > 20 {
		t.Errorf("the clerk's own file got %d contacts", n)
	}
	u.openSampleCounty(sample)
	u.openSampleCounty(path)
	if len(opened) != 1 {
		t.Errorf("a file holding data was written over: %q", opened)
	}
}

// visibleRows is how many whole rows of a list fit in the height it is given.
func visibleRows(l *widget.List) int {
	if l.Length() == 0 {
		return 0
	}
	row := l.CreateItem().MinSize().Height + theme.Padding()
	return int(l.Size().Height / row)
}

// TestMainListsShowEightRowsAt1366x768: on a 1366×768 screen (the window's
// content about 1366×677 under the title bar, menu and taskbar) the main
// list of each screen shows at least 8 rows, and no screen needs the window
// to be wider or taller than a 1024×700 screen gives it.
func TestMainListsShowEightRowsAt1366x768(t *testing.T) {
	u := openDemoUI(t)
	u.win.Resize(fyne.NewSize(1366, 677))
	u.nav.showTitled("Plans")
	plans := u.nav.current().(*plansScreen)
	treeRows := int(plans.tree.tree.Size().Height / (plans.tree.tree.CreateNode(false).MinSize().Height + theme.Padding()))
	u.nav.showTitled("Contacts")
	contactsList := u.nav.current().(*contactsScreen).list
	u.nav.showTitled("Training")
	sessions := u.nav.current().(*trainingScreen).list
	for what, rows := range map[string]int{"plan sections": treeRows, "contacts": visibleRows(contactsList), "sessions": visibleRows(sessions)} {
		if rows < 8 {
			t.Errorf("%s: %d rows show at 1366×768", what, rows)
		}
	}
	for i, p := range pages() {
		u.nav.show(i)
		if min := u.win.Content().MinSize(); min.Width > 1024 || min.Height > 610 {
			t.Errorf("%s needs a window of at least %.0f×%.0f", p.title, min.Width, min.Height)
		}
	}
}

// TestGapWarningReadsWhole: the call tree's gap warning is read whole on a
// 1024×700 screen, where it takes a line under the toolbar, and on a
// 1366×768 one, where it fits beside the toolbar.
func TestGapWarningReadsWhole(t *testing.T) {
	u := openDemoUI(t)
	u.nav.showTitled("Contacts")
	s := u.nav.current().(*contactsScreen)
	whole := widget.NewLabel(s.gapText.Text).MinSize().Width
	for _, size := range []fyne.Size{{Width: 1024, Height: 610}, {Width: 1366, Height: 677}} {
		u.win.Resize(size.SubtractWidthHeight(1, 1))
		u.win.Resize(size) // the second layout knows the width the first one found
		if !s.banner.Visible() || s.gapText.Size().Width < whole {
			t.Errorf("at %.0f wide, the warning %q is %.0f wide and needs %.0f", size.Width, s.gapText.Text, s.gapText.Size().Width, whole)
		}
		below := s.banner.Position().Y > 0
		if below != (size.Width < 1366) {
			t.Errorf("at %.0f wide, the warning is below the toolbar: %v", size.Width, below)
		}
	}
}
