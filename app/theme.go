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

// fixedVariantTheme is Fyne's default theme held to light or dark whatever
// the system prefers.
type fixedVariantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t fixedVariantTheme) Color(name fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(name, t.variant)
}

// applyAppearance sets the app's theme for an appearance choice.
func (u *ui) applyAppearance(choice string) {
	switch choice {
	case appearanceLight:
		u.app.Settings().SetTheme(fixedVariantTheme{theme.DefaultTheme(), theme.VariantLight})
	case appearanceDark:
		u.app.Settings().SetTheme(fixedVariantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		u.app.Settings().SetTheme(theme.DefaultTheme())
	}
}
