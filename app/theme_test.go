package app

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// luminance is the WCAG 2 relative luminance of an opaque color.
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	channel := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(n.R) + 0.7152*channel(n.G) + 0.0722*channel(n.B)
}

// contrast is the WCAG 2 contrast ratio of two opaque colors, 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// over paints a possibly translucent color over an opaque one.
func over(top, under color.Color) color.Color {
	t := color.NRGBAModel.Convert(top).(color.NRGBA)
	u := color.NRGBAModel.Convert(under).(color.NRGBA)
	a := float64(t.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(t.R, u.R), G: mix(t.G, u.G), B: mix(t.B, u.B), A: 0xff}
}

func TestThemeMeetsWCAGContrast(t *testing.T) {
	const text, control = 4.5, 3.0
	for _, choice := range []string{appearanceLight, appearanceDark} {
		th := newBinderTheme(choice)
		col := func(n fyne.ThemeColorName) color.Color { return th.Color(n, theme.VariantLight) }
		bg := col(theme.ColorNameBackground)
		checks := []struct {
			what     string
			fg, bg   fyne.ThemeColorName
			minRatio float64
		}{
			{"text", theme.ColorNameForeground, theme.ColorNameBackground, text},
			{"text on a button", theme.ColorNameForeground, theme.ColorNameButton, text},
			{"text in a field", theme.ColorNameForeground, theme.ColorNameInputBackground, text},
			{"text in a menu", theme.ColorNameForeground, theme.ColorNameMenuBackground, text},
			{"text in a dialog", theme.ColorNameForeground, theme.ColorNameOverlayBackground, text},
			{"table headers", theme.ColorNameForeground, theme.ColorNameHeaderBackground, text},
			{"descriptions (low importance)", theme.ColorNameDisabled, theme.ColorNameBackground, text},
			{"descriptions on a button", theme.ColorNameDisabled, theme.ColorNameButton, text},
			{"placeholder in a field", theme.ColorNamePlaceHolder, theme.ColorNameInputBackground, text},
			{"blue text", theme.ColorNamePrimary, theme.ColorNameBackground, text},
			{"links", theme.ColorNameHyperlink, theme.ColorNameBackground, text},
			{"green text", theme.ColorNameSuccess, theme.ColorNameBackground, text},
			{"orange text", theme.ColorNameWarning, theme.ColorNameBackground, text},
			{"red text", theme.ColorNameError, theme.ColorNameBackground, text},
			{"text on a blue button", theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary, text},
			{"text on a green button", theme.ColorNameForegroundOnSuccess, theme.ColorNameSuccess, text},
			{"text on an orange button", theme.ColorNameForegroundOnWarning, theme.ColorNameWarning, text},
			{"text on a red button", theme.ColorNameForegroundOnError, theme.ColorNameError, text},
			{"unchecked box and radio outline", theme.ColorNameInputBorder, theme.ColorNameBackground, control},
			{"text field outline", theme.ColorNameInputBorder, theme.ColorNameInputBackground, control},
			{"checked box", theme.ColorNamePrimary, theme.ColorNameBackground, control},
		}
		for _, c := range checks {
			under := over(col(c.bg), bg)
			if got := contrast(over(col(c.fg), under), under); got < c.minRatio {
				t.Errorf("%s, %s: contrast %.2f:1, want at least %.1f:1", choice, c.what, got, c.minRatio)
			}
		}
		for _, blend := range []fyne.ThemeColorName{theme.ColorNameSelection, theme.ColorNameFocus, theme.ColorNameHover} {
			under := over(col(blend), col(theme.ColorNameButton))
			if got := contrast(col(theme.ColorNameForeground), under); got < text {
				t.Errorf("%s, text on a %s highlight: contrast %.2f:1", choice, blend, got)
			}
		}
	}
}

// TestAppearanceSettingUsesReadableTheme: the window's theme, light or dark,
// is the readable one: a description (a low-importance label) is dark enough.
func TestAppearanceSettingUsesReadableTheme(t *testing.T) {
	path, conn := newTestDB(t)
	u := newTestWindow(t, path, conn)
	for _, choice := range []string{appearanceLight, appearanceDark} {
		u.applyAppearance(choice)
		th := u.app.Settings().Theme()
		variant := u.app.Settings().ThemeVariant()
		fg := th.Color(theme.ColorNameDisabled, variant)
		if got := contrast(fg, th.Color(theme.ColorNameBackground, variant)); got < 4.5 {
			t.Errorf("%s: a description is drawn at %.2f:1", choice, got)
		}
	}
}
