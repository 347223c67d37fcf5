package app

func newPlansScreen(u *ui) screen {
	return newPendingScreen("The contingency-plan editor arrives with its feature in a coming release.")
}
