// Package growth measures, for tests, how the work of reading a file grows
// with its size: the bytes allocated and the processor time spent for a file
// and for one four times as large. Work that grows linearly grows about
// fourfold; work that grows with the square of the size grows sixteenfold.
package growth

import (
	"runtime"
	"testing"
	"time"
)

// Factor is how much larger the second input is than the first.
const Factor = 4

// MaxRatio is the most the work may grow when the input grows by Factor:
// twice the linear growth, which leaves room for noise and rounding and is
// half of what quadratic growth gives.
const MaxRatio = 2 * Factor

// minSample is the processor time over which one measurement is averaged.
const minSample = 40 * time.Millisecond

// Work is what reading one input cost.
type Work struct {
	Allocated uint64        // bytes allocated
	CPU       time.Duration // processor time
}

// Measure returns what run costs on input, averaged over enough runs to take
// at least minSample of processor time.
func Measure(input []byte, run func([]byte)) Work {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := cpuTime()
	runs := 0
	for runs == 0 || cpuTime()-start < minSample {
		run(input)
		runs++
	}
	cpu := cpuTime() - start
	runtime.ReadMemStats(&after)
	return Work{Allocated: (after.TotalAlloc - before.TotalAlloc) / uint64(runs), CPU: cpu / time.Duration(runs)}
}

// CheckLinear fails t when reading make(Factor*n) costs more than MaxRatio
// times what reading make(n) does, in memory or in processor time.
func CheckLinear(t testing.TB, make func(n int) []byte, n int, run func([]byte)) {
	t.Helper()
	small, large := make(n), make(Factor*n)
	run(small) // warm up: tables built on first use are not part of the growth
	a, b := Measure(small, run), Measure(large, run)
	memory := float64(b.Allocated) / float64(max(a.Allocated, 1))
	cpu := float64(b.CPU) / float64(max(a.CPU, 1))
	t.Logf("%d bytes: %d allocated, %v; %d bytes: %d allocated, %v (memory ×%.1f, time ×%.1f)",
		len(small), a.Allocated, a.CPU, len(large), b.Allocated, b.CPU, memory, cpu)
	if memory > MaxRatio || cpu > MaxRatio {
		t.Errorf("making the input %d times larger (%d to %d bytes) multiplied the memory by %.1f and the processor time by %.1f",
			Factor, len(small), len(large), memory, cpu)
	}
}
