// Package assets holds what the binary carries inside it: the app icon, and
// the fonts, the built-in plan template and the partner list.
package assets

import "embed"

// IconPNG is the application icon, 512×512.
//
//go:embed icon.png
var IconPNG []byte

// Noto Sans (SIL Open Font License, see fonts/LICENSE-NotoSans.txt), embedded
// in every PDF so names such as Núñez print as written.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	FontRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	FontBold []byte
	//go:embed fonts/NotoSans-Italic.ttf
	FontItalic []byte
	//go:embed fonts/NotoSans-BoldItalic.ttf
	FontBoldItalic []byte
)

// Fonts holds the fallback fonts, gzip-compressed, for characters Noto Sans
// lacks; fonts/README.md lists them with their licenses.
//
//go:embed fonts/*.ttf.gz
var Fonts embed.FS
