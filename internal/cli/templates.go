package cli

import (
	"flag"
	"fmt"

	"electionbinder/internal/plan"
)

func init() {
	Register(Command{Name: "templates list", Summary: "list the plan templates (the built-in one first)", Run: runTemplatesList})
}

func runTemplatesList(env *Env, args []string) error {
	if _, err := ParseFlags(flag.NewFlagSet("templates list", flag.ContinueOnError), args, 0, 0); err != nil {
		return err
	}
	list, err := plan.NewStore(env.DB).Templates()
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "ID\tNAME\tVERSION\tSECTIONS\tSCENARIOS\tDESCRIPTION")
	for _, t := range list {
		fmt.Fprintf(env.Stdout, "%d\t%s\t%d\t%d\t%d\t%s\n", t.ID, t.Name, t.Version, t.Sections, t.Scenarios, t.Description)
	}
	return nil
}
