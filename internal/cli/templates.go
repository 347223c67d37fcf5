package cli

import (
	"flag"
	"fmt"

	"electionbinder/internal/plan"
)

func init() {
	Register(Command{Name: "templates list", Summary: "list the plan templates, then the state packs", Run: runTemplatesList})
	Register(Command{Name: "templates export", Args: "NAME --out FILE.md",
		Summary: "write a template or state pack as Markdown, to share with another office", Run: runTemplatesExport})
	Register(Command{Name: "templates import", Args: "FILE.md [--name NAME]",
		Summary: "add a template or state pack another office shared (same name: a new version)", Run: runTemplatesImport})
}

func runTemplatesExport(env *Env, args []string) error {
	fs := flag.NewFlagSet("templates export", flag.ContinueOnError)
	out := fs.String("out", "", "Markdown file to write")
	pos, err := ParseFlags(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if *out == "" {
		return UsageError{"--out FILE.md is required"}
	}
	data, err := plan.NewStore(env.DB).TemplateMarkdown(pos[0])
	if err != nil {
		return err
	}
	return saveFile(env, *out, data)
}

func runTemplatesImport(env *Env, args []string) error {
	fs := flag.NewFlagSet("templates import", flag.ContinueOnError)
	name := fs.String("name", "", "name to keep the template under (default: the name in the file)")
	pos, err := ParseFlags(fs, args, 1, 1)
	if err != nil {
		return err
	}
	src, err := readInput(pos[0])
	if err != nil {
		return err
	}
	t, err := plan.NewStore(env.DB).ImportTemplate(src, *name)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	what := "Template"
	if t.Kind == plan.KindPack {
		what = "State pack"
	}
	fmt.Fprintf(env.Stdout, what+" %q, version %d: %d sections, %d scenarios.\n", t.Name, t.Version, t.Sections, t.Scenarios)
	fmt.Fprintln(env.Stdout, t.ID)
	return nil
}

func runTemplatesList(env *Env, args []string) error {
	if _, err := parseArgs("templates list", args, 0, 0); err != nil {
		return err
	}
	list, err := plan.NewStore(env.DB).Templates()
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "ID\tNAME\tKIND\tVERSION\tSECTIONS\tSCENARIOS\tDESCRIPTION")
	for _, t := range list {
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%d\t%d\t%d\t%s\n", t.ID, t.Name, t.Kind, t.Version, t.Sections, t.Scenarios, t.Description)
	}
	return nil
}
