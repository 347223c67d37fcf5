package binder

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// renderOnceEnv makes the test binary render the benchmark binder to the
// file it names and exit, so its peak memory can be measured as a process.
const renderOnceEnv = "BINDER_RENDER_ONCE"

func TestMain(m *testing.M) {
	if out := os.Getenv(renderOnceEnv); out != "" {
		var buf bytes.Buffer
		if _, err := Write(&buf, benchDocument(), Options{}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// benchDocument is a plan that prints as a binder of about 300 pages.
func benchDocument() *Document {
	doc := sampleDocument()
	doc.Sections = manySections(980)
	doc.Sections[0].Children[0].Body += "\n\n" + partnersTable(120)
	base := doc.Scenarios
	for i := 0; len(doc.Scenarios) < 30; i++ {
		s := base[i%len(base)]
		s.Title = fmt.Sprintf("%s (exercise %d)", s.Title, i+1)
		doc.Scenarios = append(doc.Scenarios, s)
	}
	county := &doc.CallTree.Groups[2]
	for i := 0; i < 40; i++ {
		r := county.Roles[1]
		r.Role = fmt.Sprintf("Polling place lead, ward %d", i+1)
		county.Roles = append(county.Roles, r)
	}
	return doc
}

func TestBenchDocumentIsAboutThreeHundredPages(t *testing.T) {
	var buf bytes.Buffer
	res, err := Write(&buf, benchDocument(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages < 270 || res.Pages > 330 {
		t.Fatalf("the benchmark binder has %d pages, want about 300", res.Pages)
	}
}

// BenchmarkBinder300Pages renders the 300-page binder in process.
func BenchmarkBinder300Pages(b *testing.B) {
	doc := benchDocument()
	var pages int
	start := time.Now()
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		res, err := Write(&buf, doc, Options{})
		if err != nil {
			b.Fatal(err)
		}
		pages = res.Pages
	}
	b.ReportMetric(float64(pages*b.N)/time.Since(start).Seconds(), "pages/s")
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkReplacementPages300 prints the replacement packet of the
// 300-page binder after one chapter grew: the whole binder is laid out and
// compared page by page with the one printed before, then the packet drawn.
func BenchmarkReplacementPages300(b *testing.B) {
	doc := benchDocument()
	before, err := Write(io.Discard, doc, Options{})
	if err != nil {
		b.Fatal(err)
	}
	doc.Sections[3].Children[2].Body += "\n\n" + purposeBody
	var pk *Packet
	for i := 0; i < b.N; i++ {
		res, err := Write(io.Discard, doc, Options{Replace: &Replacement{Held: before.Binder, Revision: doc.Revision}})
		if err != nil {
			b.Fatal(err)
		}
		pk = res.Packet
	}
	b.ReportMetric(float64(len(pk.Insert)), "pages-in")
	b.ReportMetric(float64(len(pk.Remove)), "pages-out")
	b.ReportMetric(float64(len(before.Binder)), "binder-pages")
}

// BenchmarkBinderVersusLibreOffice prints the same content twice on this
// machine: as a separate process of this binary (our renderer), and with
// LibreOffice converting the same content as HTML. It reports pages per
// second and peak memory (maximum resident set) of each, and the ratios.
func BenchmarkBinderVersusLibreOffice(b *testing.B) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		b.Skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
	}
	dir := b.TempDir()
	htmlPath := filepath.Join(dir, "binder.html")
	if err := os.WriteFile(htmlPath, []byte(htmlOf(benchDocument())), 0o644); err != nil {
		b.Fatal(err)
	}
	profile := "file://" + filepath.Join(dir, "lo-profile")
	// A first conversion creates LibreOffice's profile; it is not timed.
	if _, _, err := runMeasured(loConvert(soffice, profile, filepath.Join(dir, "warm"), htmlPath)); err != nil {
		b.Fatal(err)
	}
	var ours, lo time.Duration
	var oursRSS, loRSS int64
	oursPDF, loPDF := filepath.Join(dir, "ours.pdf"), filepath.Join(dir, "binder.pdf")
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), renderOnceEnv+"="+oursPDF)
		d, rss, err := runMeasured(cmd)
		if err != nil {
			b.Fatal(err)
		}
		ours, oursRSS = ours+d, max(oursRSS, rss)
		d, rss, err = runMeasured(loConvert(soffice, profile, dir, htmlPath))
		if err != nil {
			b.Fatal(err)
		}
		lo, loRSS = lo+d, max(loRSS, rss)
	}
	ourPages, loPages := countPages(b, oursPDF), countPages(b, loPDF)
	oursRate := float64(ourPages*b.N) / ours.Seconds()
	loRate := float64(loPages*b.N) / lo.Seconds()
	b.ReportMetric(float64(ourPages), "binder-pages")
	b.ReportMetric(oursRate, "binder-pages/s")
	b.ReportMetric(float64(oursRSS)/1024, "binder-peak-MB")
	b.ReportMetric(float64(loPages), "lo-pages")
	b.ReportMetric(loRate, "lo-pages/s")
	b.ReportMetric(float64(loRSS)/1024, "lo-peak-MB")
	b.ReportMetric(oursRate/loRate, "speed-ratio")
	b.ReportMetric(lo.Seconds()/ours.Seconds(), "time-ratio")
	b.ReportMetric(float64(loRSS)/float64(oursRSS), "memory-ratio")
}

// loConvert is LibreOffice Writer converting an HTML file to PDF. The
// HTML is opened in Writer proper: Writer/Web, the default for .html, takes
// many minutes over a file this size.
func loConvert(soffice, profile, outdir, in string) *exec.Cmd {
	return exec.Command(soffice, "-env:UserInstallation="+profile, "--headless", "--infilter=HTML (StarWriter)",
		"--convert-to", "pdf:writer_pdf_Export", "--outdir", outdir, in)
}

// runMeasured runs a command and returns its wall time and its peak
// resident memory in KiB.
func runMeasured(cmd *exec.Cmd) (time.Duration, int64, error) {
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, 0, fmt.Errorf("%s: %v\n%s", cmd.Path, err, stderr.String())
	}
	d := time.Since(start)
	usage, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if usage == nil {
		return d, 0, nil
	}
	return d, usage.Maxrss, nil
}

func countPages(b *testing.B, path string) int {
	b.Helper()
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		b.Fatalf("pdfinfo %s: %v", path, err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if f := strings.Fields(l); len(f) == 2 && f[0] == "Pages:" {
			n, _ := strconv.Atoi(f[1])
			return n
		}
	}
	b.Fatalf("pdfinfo found no page count in %s", path)
	return 0
}

// htmlOf writes the binder's content as one HTML file for LibreOffice:
// cover facts, record of changes, distribution list, sections (Markdown
// turned to HTML), call tree, scenarios and the pocket card.
func htmlOf(doc *Document) string {
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.TaskList, extension.Strikethrough))
	var b strings.Builder
	e := html.EscapeString
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + e(doc.Title) + "</title>" +
		"<style>body{font-family:'Noto Sans',sans-serif;font-size:10.5pt} table{border-collapse:collapse;width:100%}" +
		"td,th{border:1px solid #999;padding:3px} h1{page-break-before:always}</style></head><body>")
	fmt.Fprintf(&b, "<p>%s</p><h2>%s</h2><p>%s, %s</p><p>Revision %d, approved %s by %s</p>",
		e(doc.Marking), e(doc.Title), e(doc.County), e(doc.State), doc.Revision, formatDate(doc.ApprovedOn), e(doc.ApprovedBy))
	b.WriteString("<h1>Record of changes</h1><table><tr><th>Revision</th><th>Date</th><th>Approved by</th><th>What changed</th></tr>")
	for _, c := range doc.Changes {
		fmt.Fprintf(&b, "<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td></tr>", c.Revision, formatDate(c.Date), e(c.ApprovedBy), e(c.Summary))
	}
	b.WriteString("</table><h2>Distribution list</h2><table>")
	for _, h := range doc.Distribution {
		fmt.Fprintf(&b, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>", e(h.Copy), e(h.Name), e(h.Title), e(h.Location))
	}
	b.WriteString("</table>")
	var walk func([]Section, string, int)
	walk = func(ss []Section, prefix string, level int) {
		for i, s := range ss {
			num := prefix + strconv.Itoa(i+1)
			fmt.Fprintf(&b, "<h%d>%s %s</h%d>", min(level+1, 6), num, e(s.Title), min(level+1, 6))
			md.Convert([]byte(s.Body), &b)
			walk(s.Children, num+".", level+1)
		}
	}
	walk(doc.Sections, "", 0)
	b.WriteString("<h1>Call tree</h1><table><tr><th>Role</th><th>Who</th><th>Office</th><th>Mobile</th><th>After hours</th></tr>")
	for _, g := range doc.CallTree.Groups {
		fmt.Fprintf(&b, "<tr><th colspan=5>%s</th></tr>", e(g.Level))
		for _, r := range g.Roles {
			for _, h := range r.Holders {
				fmt.Fprintf(&b, "<tr><td>%s</td><td><b>%s</b><br>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
					e(r.Role), e(h.Name), e(h.Organization), e(h.Office), e(h.Mobile), e(h.AfterHours))
			}
		}
	}
	b.WriteString("</table>")
	for i, s := range doc.Scenarios {
		fmt.Fprintf(&b, "<h1>Scenario %d: %s</h1><h3>What it looks like</h3>", i+1, e(s.Title))
		md.Convert([]byte(s.Description), &b)
		for _, part := range []struct {
			head  string
			steps []Step
		}{{"Response checklist", s.Steps}, {"Communications", s.Communications}} {
			fmt.Fprintf(&b, "<h3>%s</h3><table><tr><th>Done</th><th>#</th><th>Step</th><th>Responsible</th><th>Time</th></tr>", part.head)
			for k, st := range part.steps {
				fmt.Fprintf(&b, "<tr><td>☐</td><td>%d</td><td>%s</td><td>%s</td><td></td></tr>", k+1, e(st.Text), e(st.Role))
			}
			b.WriteString("</table>")
		}
		b.WriteString("<h3>Notes</h3>" + strings.Repeat("<p>______________________________________________</p>", 8))
	}
	b.WriteString("<h1>Pocket reference card</h1><ul>")
	for _, c := range doc.Pocket.Contacts {
		fmt.Fprintf(&b, "<li>%s: %s %s</li>", e(c.Role), e(c.Name), e(c.Phone))
	}
	b.WriteString("</ul><ol>")
	for _, s := range doc.Pocket.Steps {
		fmt.Fprintf(&b, "<li>%s</li>", e(s))
	}
	b.WriteString("</ol></body></html>")
	return b.String()
}
