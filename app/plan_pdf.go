package app

import "fyne.io/fyne/v2/dialog"

// exportPlanPDF prints the plan with the given id as a binder PDF.
func (u *ui) exportPlanPDF(planID int64) {
	dialog.ShowInformation("Print the binder", "Printing the plan as a binder arrives with its feature in a coming release.", u.win)
}
