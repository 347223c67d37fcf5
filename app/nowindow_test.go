package app

import (
	"errors"
	"testing"
)

// The panic of a window system that cannot start becomes a plain error;
// any other panic is not hidden.
func TestNoDisplayIsAPlainError(t *testing.T) {
	glfw := errors.New("NotInitialized: The GLFW library is not initialized")
	if err := explainNoWindow(glfw); !errors.Is(err, errNoWindow) {
		t.Errorf("the window system's panic gave %v", err)
	}
	defer func() {
		if r := recover(); r != "index out of range" {
			t.Errorf("another panic came back as %v", r)
		}
	}()
	explainNoWindow("index out of range")
	t.Error("another panic was swallowed")
}
