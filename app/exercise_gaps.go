package app

import (
	"electionbinder/internal/exercise"
	"electionbinder/internal/plan"
)

// improvementGaps are the open improvement items of the exercises of the
// plan in view: each is a gap of the plan until it is closed.
func (s *plansScreen) improvementGaps() []plan.Gap {
	gaps, err := exercise.NewStore(s.u.db).ItemGaps(s.plan.ID)
	if err != nil {
		s.u.showError(err)
	}
	return gaps
}

// jumpToItem goes to the Exercises screen, where improvement items are
// closed, for an item gap that names no plan section.
func (g *gapPanel) jumpToItem() {
	g.s.u.nav.showTitled("Exercises")
}

// refreshPlanGaps reruns the gap check of the Plans screen, when it was
// built, after improvement items changed on the Exercises screen.
func (u *ui) refreshPlanGaps() {
	for _, s := range u.nav.built {
		if p, ok := s.(*plansScreen); ok {
			p.refreshGaps()
		}
	}
}
