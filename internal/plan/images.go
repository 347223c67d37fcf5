package plan

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"
	_ "image/gif" // GIF files are taken and kept as PNG
	_ "image/jpeg"
	"image/png"
	"path"
	"strings"

	"github.com/google/uuid"
	"github.com/yuin/goldmark/ast"
)

// MaxImageBytes is the largest picture file a plan takes.
const MaxImageBytes = 12 << 20

// Image is a picture stored with a plan, such as a polling-place map or a
// floor plan, shown in a section body by its name: ![Map](map.png).
type Image struct {
	ID            int64
	UUID          string
	PlanID        int64
	Name          string
	Format        string // "png" or "jpeg"
	Width, Height int    // in pixels
	Data          []byte
}

// AddImage stores a picture file with a plan under name (its file name).
// PNG, JPEG and GIF files are taken; PNG and GIF are kept as plain 8-bit
// PNG so that every PDF reader shows them. It marks the plan edited.
func (s *Store) AddImage(planID int64, name string, data []byte) (Image, error) {
	name = ImageName(name)
	if name == "" {
		return Image{}, errors.New("the picture needs a file name")
	}
	if len(data) > MaxImageBytes {
		return Image{}, fmt.Errorf("%s is %.1f MB; a picture can be at most %d MB (save it smaller or as JPEG)",
			name, float64(len(data))/(1<<20), MaxImageBytes>>20)
	}
	img, err := normalizeImage(data)
	if err != nil {
		return Image{}, fmt.Errorf("%s: %w", name, err)
	}
	img.PlanID, img.Name, img.UUID = planID, name, uuid.NewString()
	tx, err := s.db.Begin()
	if err != nil {
		return Image{}, err
	}
	defer tx.Rollback()
	var taken int
	if err := tx.QueryRow(`SELECT count(*) FROM plan_images WHERE plan_id = ? AND name = ?`, planID, name).Scan(&taken); err != nil {
		return Image{}, err
	}
	if taken > 0 {
		return Image{}, fmt.Errorf("this plan already has a picture named %s; rename the file or remove the old picture first", name)
	}
	res, err := tx.Exec(`INSERT INTO plan_images(uuid, plan_id, name, format, width, height, data) VALUES(?, ?, ?, ?, ?, ?, ?)`,
		img.UUID, planID, name, img.Format, img.Width, img.Height, img.Data)
	if err != nil {
		return Image{}, fmt.Errorf("saving the picture %s: %w", name, err)
	}
	img.ID, _ = res.LastInsertId()
	if err := touch(tx, planID); err != nil {
		return Image{}, err
	}
	return img, tx.Commit()
}

// Images returns a plan's pictures, by name.
func (s *Store) Images(planID int64) ([]Image, error) {
	rows, err := s.db.Query(`SELECT id, uuid, plan_id, name, format, width, height, data FROM plan_images
		WHERE plan_id = ? ORDER BY name`, planID)
	if err != nil {
		return nil, fmt.Errorf("reading the plan's pictures: %w", err)
	}
	defer rows.Close()
	var out []Image
	for rows.Next() {
		var img Image
		if err := rows.Scan(&img.ID, &img.UUID, &img.PlanID, &img.Name, &img.Format, &img.Width, &img.Height, &img.Data); err != nil {
			return nil, err
		}
		out = append(out, img)
	}
	return out, rows.Err()
}

// ImageName is the name a picture is stored and referred to by: the base
// name of its file, without spaces.
func ImageName(file string) string {
	base := path.Base(strings.ReplaceAll(strings.TrimSpace(file), `\`, "/"))
	if base == "." || base == "/" {
		return ""
	}
	return strings.Join(strings.Fields(base), "-")
}

// normalizeImage checks a picture file and keeps JPEG as it is; PNG and
// GIF are decoded and written again as 8-bit PNG.
func normalizeImage(data []byte) (Image, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Image{}, errors.New("this is not a PNG, JPEG or GIF picture the binder can print")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > 60_000_000 {
		return Image{}, fmt.Errorf("a picture of %d × %d pixels is too large to print", cfg.Width, cfg.Height)
	}
	img := Image{Width: cfg.Width, Height: cfg.Height}
	switch format {
	case "jpeg":
		img.Format, img.Data = "jpeg", data
		return img, nil
	case "png", "gif":
		decoded, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			return Image{}, fmt.Errorf("the picture is damaged: %w", err)
		}
		flat := image.NewNRGBA(decoded.Bounds())
		draw.Draw(flat, flat.Bounds(), decoded, decoded.Bounds().Min, draw.Src)
		var buf bytes.Buffer
		if err := png.Encode(&buf, flat); err != nil {
			return Image{}, err
		}
		img.Format, img.Data = "png", buf.Bytes()
		return img, nil
	}
	return Image{}, errors.New("this is not a PNG, JPEG or GIF picture the binder can print")
}

// ImageRefs lists the pictures a Markdown body shows, by name, in order.
func ImageRefs(body string) []string {
	if !strings.Contains(body, "![") {
		return nil
	}
	src := []byte(body)
	var out []string
	ast.Walk(ParseMarkdown(src), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			out = append(out, string(img.Destination))
		}
		return ast.WalkContinue, nil
	})
	return out
}

// GapMissingImage is a picture a section shows that is not stored with the plan.
const GapMissingImage GapKind = "missing-picture"

// missingImages lists, per section, the pictures it shows that the plan
// does not have.
func (s *Store) missingImages(p *Plan) ([]Gap, error) {
	var names map[string]bool
	var gaps []Gap
	for _, sec := range p.Sections {
		for _, ref := range ImageRefs(sec.Body) {
			if names == nil {
				imgs, err := s.Images(p.ID)
				if err != nil {
					return nil, err
				}
				names = map[string]bool{}
				for _, img := range imgs {
					names[img.Name] = true
				}
			}
			if !names[ImageName(ref)] {
				gaps = append(gaps, Gap{Kind: GapMissingImage, SectionID: sec.ID,
					Message: fmt.Sprintf("Section %q shows the picture %s, which is not stored with the plan; add it with Add picture.", sec.Title, ref)})
			}
		}
	}
	return gaps, nil
}
