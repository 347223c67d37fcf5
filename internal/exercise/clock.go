package exercise

import "time"

// Clock is the exercise clock: the time of day in the exercise's story. It
// starts at the exercise's start time, runs with real time while the
// exercise is in play, can be paused, and jumps forward when the
// facilitator moves to an inject set later than the clock ("it is now 10:20").
type Clock struct {
	Base  time.Duration // the reading when it was last set; negative before the start
	SetAt time.Time     // the real instant it was last set while running; zero while paused
}

// Started reports whether the clock was ever started.
func (c Clock) Started() bool { return c.Base >= 0 }

// Running reports whether the clock is running now.
func (c Clock) Running() bool { return c.Started() && !c.SetAt.IsZero() }

// Read returns the clock's reading at the real instant now.
func (c Clock) Read(now time.Time) time.Duration {
	if !c.Running() {
		return max(c.Base, 0)
	}
	return c.Base + now.Sub(c.SetAt).Truncate(time.Second)
}

// Start starts (or resumes) the clock at now; a clock never started starts at from.
func (c Clock) Start(from time.Duration, now time.Time) Clock {
	if !c.Started() {
		c.Base = from
	}
	if c.Running() {
		return c
	}
	return Clock{Base: c.Base, SetAt: now}
}

// Pause stops the clock at its reading at now.
func (c Clock) Pause(now time.Time) Clock {
	return Clock{Base: c.Read(now)}
}

// JumpTo moves the clock forward to at (never back), keeping it running or paused.
func (c Clock) JumpTo(at time.Duration, now time.Time) Clock {
	if !c.Started() || c.Read(now) >= at {
		return c
	}
	if c.Running() {
		return Clock{Base: at, SetAt: now}
	}
	return Clock{Base: at}
}

// notStarted is the clock of an exercise not yet in play.
var notStarted = Clock{Base: -1}
