package app

func newTrainingScreen(u *ui) screen {
	return newPendingScreen("The training tracker arrives with its feature in a coming release.")
}
