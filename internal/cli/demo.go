package cli

import (
	"fmt"

	"electionbinder/internal/sample"
)

func init() {
	Register(Command{Name: "demo", Summary: "load a sample county to try things out", Run: runDemo})
}

func runDemo(env *Env, args []string) error {
	if _, err := parseArgs("demo", args, 0, 0); err != nil {
		return err
	}
	return sample.LoadCounty(env.DB, func(what string) { fmt.Fprintf(env.Stdout, "Loaded the sample %s\n", what) })
}
