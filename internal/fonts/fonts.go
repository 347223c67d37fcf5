// Package fonts knows which embedded font prints each character: Noto Sans
// first, then the fallback fonts for symbols, Chinese, Japanese, Korean,
// Hindi, Bengali and Hebrew. The printed binder picks a font per run of text
// with it, and the plan check uses it to name characters no font can print.
package fonts

import (
	"compress/gzip"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"electionbinder/assets"
)

// Face is one embedded font.
type Face struct {
	Family string // the name a PDF registers it under
	file   string // gzip-compressed TrueType file in assets/fonts; empty for Noto Sans
	ranges [][2]rune

	once sync.Once
	ttf  []byte
	sf   *sfnt.Font
	err  error
}

// Main is Noto Sans, in which all text is set when it has the character.
var Main = &Face{Family: "Noto"}

// Mono is Noto Sans Mono, for code.
var Mono = &Face{Family: "NotoMono", file: "NotoSansMono-Regular.ttf.gz", ranges: [][2]rune{{0x20, 0x24F}, {0x300, 0x36F}, {0x1E00, 0x1EFF}, {0x2000, 0x20BF}}}

// fallbacks are tried in order for a character Noto Sans lacks.
var fallbacks = []*Face{
	{Family: "NotoSymbols2", file: "NotoSansSymbols2-Regular.ttf.gz", ranges: [][2]rune{{0x2190, 0x21FF}, {0x2300, 0x27BF}, {0x2B00, 0x2BFF}}},
	{Family: "NotoMath", file: "NotoSansMath-Regular.ttf.gz", ranges: [][2]rune{{0xB1, 0xF7}, {0x2190, 0x22FF}, {0x27C0, 0x27EF}, {0x2980, 0x2AFF}}},
	{Family: "DroidCJK", file: "DroidSansFallbackFull.ttf.gz", ranges: [][2]rune{{0x2E80, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0xFE30, 0xFE4F}, {0xFF00, 0xFFEF}}},
	{Family: "BinderHangul", file: "BinderHangul-Regular.ttf.gz", ranges: [][2]rune{{0x1100, 0x11FF}, {0x3130, 0x318F}, {0xA960, 0xA97F}, {0xAC00, 0xD7FF}}},
	{Family: "NotoDevanagari", file: "NotoSansDevanagari-Regular.ttf.gz", ranges: [][2]rune{{0x900, 0x97F}, {0x1CD0, 0x1CFF}, {0xA8E0, 0xA8FF}}},
	{Family: "NotoBengali", file: "NotoSansBengali-Regular.ttf.gz", ranges: [][2]rune{{0x980, 0x9FF}}},
	{Family: "NotoHebrew", file: "NotoSansHebrew-Regular.ttf.gz", ranges: [][2]rune{{0x590, 0x5FF}, {0xFB1D, 0xFB4F}}},
}

// TTF returns the font's TrueType data, unpacking it the first time.
func (f *Face) TTF() ([]byte, error) {
	f.load()
	return f.ttf, f.err
}

func (f *Face) load() {
	f.once.Do(func() {
		if f.file == "" {
			f.ttf = assets.FontRegular
		} else {
			f.ttf, f.err = gunzip(f.file)
		}
		if f.err == nil {
			f.sf, f.err = sfnt.Parse(f.ttf)
		}
		if f.err != nil {
			f.err = fmt.Errorf("reading the embedded font %s: %w", f.Family, f.err)
		}
	})
}

func gunzip(name string) ([]byte, error) {
	gz, err := assets.Fonts.Open("fonts/" + name)
	if err != nil {
		return nil, err
	}
	defer gz.Close()
	z, err := gzip.NewReader(gz)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(z)
}

// meantFor reports whether r lies in the blocks the font was cut down to.
func (f *Face) meantFor(r rune) bool {
	if f.ranges == nil {
		return true
	}
	for _, rg := range f.ranges {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

// Has reports whether the font draws r.
func (f *Face) Has(r rune) bool {
	if !f.meantFor(r) {
		return false
	}
	f.load()
	if f.err != nil {
		return false
	}
	var buf sfnt.Buffer
	g, err := f.sf.GlyphIndex(&buf, r)
	return err == nil && g != 0
}

// faceOf caches the face chosen for each character (nil: none prints it).
var faceOf sync.Map // rune → *Face

// For returns the font that prints r: Noto Sans when it can, else the first
// fallback that has it, or nil when no embedded font has it.
func For(r rune) *Face {
	if r < 0x250 && r >= 0x20 && r != 0x7F && (r < 0x80 || r >= 0xA0) {
		return Main
	}
	if f, ok := faceOf.Load(r); ok {
		return f.(*Face)
	}
	var face *Face
	if Main.Has(r) {
		face = Main
	} else {
		for _, f := range fallbacks {
			if f.Has(r) {
				face = f
				break
			}
		}
	}
	faceOf.Store(r, face)
	return face
}

// Ignorable reports whether r is an invisible formatting character (a
// joiner, a variation selector, a soft hyphen) that is left out of print.
func Ignorable(r rune) bool {
	return r == 0xAD || r == 0xFEFF || (r >= 0x200B && r <= 0x200F) || (r >= 0x2060 && r <= 0x2064) ||
		(r >= 0xFE00 && r <= 0xFE0F) || (r >= 0xE0100 && r <= 0xE01EF)
}

// Unprintable returns, once each and in order of appearance, the characters
// of s that no embedded font can print (emoji, Arabic, rarer scripts).
// Spaces, line breaks and invisible formatting characters are not counted.
func Unprintable(s string) []rune {
	var out []rune
	seen := map[rune]bool{}
	for _, r := range norm.NFC.String(s) {
		if r < 0x20 || unicode.IsSpace(r) || Ignorable(r) || seen[r] || For(r) != nil {
			continue
		}
		seen[r] = true
		out = append(out, r)
	}
	return out
}

// Describe names characters for a clerk: each as itself with its code,
// such as "😀 (U+1F600)".
func Describe(rs []rune) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = fmt.Sprintf("%c (U+%04X)", r, r)
	}
	return strings.Join(parts, ", ")
}
