package app

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"
)

// A picture added to a section is stored with the plan, survives reopening
// the plan, and the section shows it by name.
func TestAddPictureStoresItWithThePlan(t *testing.T) {
	s, store, id := openPlanEditor(t)
	first := s.plan.Sections[0]
	s.tree.selectSection(first.ID)
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 30, 20))); err != nil {
		t.Fatal(err)
	}
	if err := s.section.addPicture("Polling place map.png", buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(s.section.body.Text, "\n\n![Polling-place-map](Polling-place-map.png)\n") {
		t.Errorf("the section reads %q", s.section.body.Text)
	}
	imgs, err := store.Images(id)
	if err != nil || len(imgs) != 1 || imgs[0].Name != "Polling-place-map.png" {
		t.Fatalf("stored pictures: %v %v", imgs, err)
	}
	p, err := store.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Sections[0].Body, "](Polling-place-map.png)") {
		t.Error("the line showing the picture was not saved")
	}
	if err := s.section.addPicture("notes.png", []byte("plain text")); err == nil || !strings.Contains(err.Error(), "not a PNG, JPEG or GIF") {
		t.Errorf("a text file was taken as a picture: %v", err)
	}
}
