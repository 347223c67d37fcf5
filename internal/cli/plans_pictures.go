package cli

import (
	"fmt"
	"os"

	"electionbinder/internal/plan"
)

func init() {
	Register(Command{Name: "plans picture", Args: "ID FILE...",
		Summary: "store pictures (PNG, JPEG, GIF) with a plan; a section shows one as ![Map](FILE-NAME)", Run: runPlansPicture})
}

// runPlansPicture stores picture files with a plan and prints the name
// each is stored under, the name a section's Markdown shows it by.
func runPlansPicture(env *Env, args []string) error {
	pos, err := parseArgs("plans picture", args, 2, -1)
	if err != nil {
		return err
	}
	id, err := parseID(pos[0], "plans picture needs a plan id (see binder plans list)")
	if err != nil {
		return err
	}
	store := plan.NewStore(env.DB)
	for _, path := range pos[1:] {
		if st, err := os.Stat(path); err == nil && st.Size() > plan.MaxImageBytes {
			return fmt.Errorf("%s is %d MB; a picture can be at most %d MB", path, st.Size()>>20, plan.MaxImageBytes>>20)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("reading %s: %w", path, err)
		}
		img, err := store.AddImage(id, path, data)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "![%s](%s)\n", img.Name, img.Name)
	}
	return nil
}
