package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Appearance choices on the Settings screen, saved under appearanceKey.
const (
	appearanceKey    = "window.appearance"
	appearanceSystem = "System"
	appearanceLight  = "Light"
	appearanceDark   = "Dark"
)

// binderTheme is Fyne's default theme with colors that meet WCAG AA contrast:
// 4.5:1 for text (descriptions, placeholders, colored labels, text on colored
// buttons) and 3:1 for the outlines of controls (unchecked boxes, radio
// buttons, text fields). When fixed it holds to its variant whatever the
// system prefers.
type binderTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
	fixed   bool
}

// newBinderTheme returns the theme for an appearance choice.
func newBinderTheme(choice string) binderTheme {
	switch choice {
	case appearanceLight:
		return binderTheme{Theme: theme.DefaultTheme(), variant: theme.VariantLight, fixed: true}
	case appearanceDark:
		return binderTheme{Theme: theme.DefaultTheme(), variant: theme.VariantDark, fixed: true}
	}
	return binderTheme{Theme: theme.DefaultTheme()}
}

// Color returns the readable color for name, else Fyne's own.
func (t binderTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.fixed {
		v = t.variant
	}
	palette := lightColors
	if v == theme.VariantDark {
		palette = darkColors
	}
	if c, ok := palette[name]; ok {
		return c
	}
	return t.Theme.Color(name, v)
}

// Size tightens the padding inside buttons, fields and list rows a little,
// so that lists show more rows on the 1366×768 and 1024×700 screens clerks
// have.
func (t binderTheme) Size(name fyne.ThemeSizeName) float32 {
	if name == theme.SizeNameInnerPadding {
		return 6
	}
	return t.Theme.Size(name)
}

// rgb is an opaque color from its hex value 0xRRGGBB.
func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

// lightColors replace the default light colors that fall below AA on white:
// pale grey descriptions and placeholders, nearly invisible unchecked boxes,
// bright green, and white on orange, red or blue.
var lightColors = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameForeground:          rgb(0x333333),
	theme.ColorNameDisabled:            rgb(0x666666),
	theme.ColorNamePlaceHolder:         rgb(0x666666),
	theme.ColorNameInputBorder:         rgb(0x808080),
	theme.ColorNamePrimary:             rgb(0x1f5fcc),
	theme.ColorNameHyperlink:           rgb(0x1f5fcc),
	theme.ColorNameForegroundOnPrimary: rgb(0xffffff),
	theme.ColorNameSuccess:             rgb(0x1e7b34),
	theme.ColorNameForegroundOnSuccess: rgb(0xffffff),
	theme.ColorNameWarning:             rgb(0x9c5000),
	theme.ColorNameForegroundOnWarning: rgb(0xffffff),
	theme.ColorNameError:               rgb(0xb3261e),
	theme.ColorNameForegroundOnError:   rgb(0xffffff),
	theme.ColorNameFocus:               color.NRGBA{R: 0x1f, G: 0x5f, B: 0xcc, A: 0x60},
}

// darkColors do the same on the dark background: lighter greys and blue,
// a softer red, and dark text on every colored button.
var darkColors = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameDisabled:            rgb(0x9a9a9a),
	theme.ColorNameInputBorder:         rgb(0x8a8a8a),
	theme.ColorNamePrimary:             rgb(0x6ea8ff),
	theme.ColorNameHyperlink:           rgb(0x6ea8ff),
	theme.ColorNameForegroundOnPrimary: rgb(0x171718),
	theme.ColorNameForegroundOnSuccess: rgb(0x171718),
	theme.ColorNameForegroundOnWarning: rgb(0x171718),
	theme.ColorNameError:               rgb(0xff6b5e),
	theme.ColorNameForegroundOnError:   rgb(0x171718),
	theme.ColorNameFocus:               color.NRGBA{R: 0x6e, G: 0xa8, B: 0xff, A: 0x60},
}

// applyAppearance sets the app's theme for an appearance choice.
func (u *ui) applyAppearance(choice string) {
	u.app.Settings().SetTheme(newBinderTheme(choice))
}
