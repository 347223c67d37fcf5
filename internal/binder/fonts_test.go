package binder

import (
	"strings"
	"testing"
)

// scriptSamples are the characters and scripts the binder must print.
var scriptSamples = []struct{ name, text string }{
	{"symbols", "Done ✓ when turnout ≥ 10 % and ≤ 90 %, A → B, x ≠ y"},
	{"Chinese", "中文 选举安全应急计划"},
	{"Vietnamese", "Tiếng Việt: Kế hoạch an ninh bầu cử"},
	{"Korean", "한국어 선거 보안 비상 계획"},
	{"Japanese", "日本語 ひらがな カタカナ 選挙"},
	{"Tagalog", "Tagalog: Plano sa seguridad ng halalan, Pilipinas"},
	{"Spanish", "Español: Plan de seguridad electoral, año"},
	{"Hindi", "हिन्दी चुनाव सुरक्षा योजना"},
	{"Bengali", "বাংলা নির্বাচন নিরাপত্তা পরিকল্পনা"},
	{"Navajo", "Diné bizaad: Yáʼátʼééh, łeezh, ą́"},
	{"Hebrew", "עברית תוכנית"},
}

func scriptDocument() *Document {
	doc := sampleDocument()
	var b strings.Builder
	for _, s := range scriptSamples {
		b.WriteString("- **" + s.name + "**: " + s.text + "\n")
	}
	doc.Sections[0].Body = b.String()
	return doc
}

func TestEveryScriptPrintsWithAFallbackFont(t *testing.T) {
	path, res, _ := render(t, scriptDocument(), Options{})
	keepPDF(t, "scripts.pdf", path)
	checkValid(t, path)
	first := pagesOf(pageTexts(t, path), res, "Purpose and scope")
	text := strings.Join(first, "\n")
	for _, want := range []string{"✓", "≥", "≤", "→", "≠", "中文", "Tiếng Việt", "한국어", "ひらがな", "カタカナ", "Yáʼátʼééh", "łeezh", "año", "Pilipinas"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext does not find %q on the page:\n%s", want, text)
		}
	}
	fonts := runTool(t, "pdffonts", path)
	for _, want := range []string{"NotoSymbols2", "NotoMath", "DroidCJK", "BinderHangul", "NotoDevanagari", "NotoBengali", "NotoHebrew"} {
		if !strings.Contains(strings.ToLower(fonts), strings.ToLower(want)) {
			t.Errorf("pdffonts does not list %s:\n%s", want, fonts)
		}
	}
}
