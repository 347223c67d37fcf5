package app

import (
	"log"
	"reflect"
)

// newRecord remembers the record that New person or New session has just
// added, so that it can be dropped again when the clerk moves on without
// changing it: an abandoned "New person" leaves nothing behind.
type newRecord[T any] struct {
	id      int64
	made    T                      // the record as it was saved when added
	load    func(int64) (T, error) // reads the record as it is now
	inUse   func(int64) bool       // something else refers to it (a role, a sign-up)
	discard func(int64) error      // deletes it
}

// added notes the record just created with the given id.
func (r *newRecord[T]) added(id int64) {
	made, err := r.load(id)
	if err != nil {
		log.Printf("reading the new record %d: %v", id, err)
		return
	}
	r.id, r.made = id, made
}

// dropIfUntouched deletes the record noted by added when it is still as it
// was made and nothing refers to it, unless it is keep (the record the clerk
// is opening); it returns the id of the record it deleted, or 0.
func (r *newRecord[T]) dropIfUntouched(keep int64) int64 {
	id := r.id
	if id == 0 || id == keep {
		return 0
	}
	r.id = 0
	now, err := r.load(id)
	if err != nil || !reflect.DeepEqual(now, r.made) || r.inUse(id) {
		return 0
	}
	if err := r.discard(id); err != nil {
		log.Printf("dropping the untouched new record %d: %v", id, err)
		return 0
	}
	return id
}

// leaver is a screen that tidies up when the clerk moves to another screen
// or quits: it drops a new record left untouched.
type leaver interface{ leave() }

// leaveCurrent lets the screen in view tidy up before another replaces it.
func (n *navigation) leaveCurrent() {
	if l, ok := n.current().(leaver); ok {
		l.leave()
	}
}
