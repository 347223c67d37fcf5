package cli

import "errors"

// exportPlanPDF prints the plan with the given id as a binder PDF at out;
// with sinceRevision > 0 it prints only the sections changed since then.
func exportPlanPDF(env *Env, planID int64, out string, sinceRevision int) error {
	return errors.New("printing the plan as a binder arrives with its feature in a coming release")
}
