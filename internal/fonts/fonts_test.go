package fonts

import (
	"strings"
	"testing"
)

func TestEachScriptHasItsFont(t *testing.T) {
	for r, want := range map[rune]string{'a': "Noto", 'ệ': "Noto", 'ł': "Noto", '✓': "NotoSymbols2", '≥': "NotoMath",
		'中': "DroidCJK", 'ひ': "DroidCJK", '한': "BinderHangul", 'ह': "NotoDevanagari", 'ব': "NotoBengali", 'ש': "NotoHebrew"} {
		f := For(r)
		if f == nil || f.Family != want {
			t.Errorf("%c is printed with %v, want %s", r, f, want)
			continue
		}
		if ttf, err := f.TTF(); err != nil || len(ttf) < 1000 {
			t.Errorf("%s does not unpack: %v", want, err)
		}
	}
	if got := Describe(Unprintable("Call 📞 now ✓ بيان\u200d x\ufe0f")); got != "📞 (U+1F4DE), ب (U+0628), ي (U+064A), ا (U+0627), ن (U+0646)" {
		t.Errorf("unprintable: %s", got)
	}
	if strings.TrimSpace(Describe(Unprintable("中文 한국어 Tiếng Việt ≠ →"))) != "" {
		t.Error("printable text is reported as unprintable")
	}
}
