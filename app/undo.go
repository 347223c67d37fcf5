package app

import (
	"time"

	"fyne.io/fyne/v2"

	"electionbinder/internal/contacts"
)

// undoWindow is how long the status line offers to undo a delete or a
// cancellation; Edit → Undo (Ctrl+Z) does the same while it is offered.
var undoWindow = 20 * time.Second

// pendingUndo is a delete or a cancellation that can still be taken back.
type pendingUndo struct {
	undo func() error
}

// offerUndo says what was done and offers, for a short while, to take it
// back with the status line's Undo button or Ctrl+Z.
func (u *ui) offerUndo(message string, undo func() error) {
	p := &pendingUndo{undo: undo}
	u.pending = p
	u.status.set(message)
	u.status.undo.OnTapped = u.undoPending
	u.status.undo.Show()
	time.AfterFunc(undoWindow, func() {
		fyne.Do(func() {
			if u.pending == p {
				u.dropUndo()
			}
		})
	})
}

// dropUndo stops offering to undo.
func (u *ui) dropUndo() {
	u.pending = nil
	u.status.undo.Hide()
}

// undoPending takes back the delete or cancellation on offer.
func (u *ui) undoPending() {
	p := u.pending
	if p == nil {
		return
	}
	u.dropUndo()
	if err := p.undo(); err != nil {
		u.showError(err)
		return
	}
	u.status.set("Undone")
}

// undo takes back the delete or cancellation the status line offers to
// undo; otherwise it undoes the typing in the field that has the focus.
func (u *ui) undo() {
	if u.pending != nil {
		u.undoPending()
		return
	}
	u.toFocused(&fyne.ShortcutUndo{})
}

// redo redoes the typing undone in the field that has the focus.
func (u *ui) redo() {
	u.toFocused(&fyne.ShortcutRedo{})
}

// removeHolder takes a contact out of a role's calling order, and offers
// for a short while to put the order back as it was.
func (v *callTreeView) removeHolder(role contacts.Role, c contacts.Contact) {
	order, err := v.s.store.HolderIDs(role.ID)
	if err == nil {
		err = v.s.store.RemoveHolder(role.ID, c.ID)
	}
	v.s.changeRoles(err)
	if err != nil {
		return
	}
	v.s.u.offerUndo(c.Name+" no longer holds "+role.Name+".", func() error {
		err := v.s.store.SetHolders(role.ID, order)
		v.s.changeRoles(err)
		return err
	})
}
