package app

func newContactsScreen(u *ui) screen {
	return newPendingScreen("The contact directory arrives with its feature in a coming release.")
}
