package readiness

import (
	"io"
	"strconv"
	"testing"
	"time"

	"electionbinder/internal/binder"
	"electionbinder/internal/plan"
	"electionbinder/internal/training"
)

// BenchmarkBoard computes the board of the sample county with an approved
// plan and three printed controlled copies, whose pages are compared with
// the binder as it is now.
func BenchmarkBoard(b *testing.B) {
	s, e := countyWithElection(b)
	if err := training.NewStore(s.db).LoadSample(time.Now()); err != nil {
		b.Fatal(err)
	}
	ps := plan.NewStore(s.db)
	id, err := ps.CreateFromTemplate(plan.BuiltinTemplate, "Plan")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := ps.Approve(id, plan.Approval{ApprovedBy: "Ana Núñez"}); err != nil {
		b.Fatal(err)
	}
	bs := binder.NewStore(s.db)
	for i := 1; i <= 3; i++ {
		n := strconv.Itoa(i)
		if _, err := bs.AddCopy(binder.Copy{PlanID: id, Number: n, Holder: "Holder " + n}); err != nil {
			b.Fatal(err)
		}
		if _, err := bs.Export(io.Discard, id, binder.ExportOptions{Copy: n}); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Board(e.ID, date("2027-02-25")); err != nil {
			b.Fatal(err)
		}
	}
}
