package app

import (
	"fyne.io/fyne/v2"

	"electionbinder/assets"
)

var resourceIconPng = fyne.NewStaticResource("icon.png", assets.IconPNG)
