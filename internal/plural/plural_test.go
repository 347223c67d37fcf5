package plural

import "testing"

func TestCountAndForm(t *testing.T) {
	for _, c := range []struct {
		n           int
		count, form string
	}{{0, "0 municipalities", "are"}, {1, "1 municipality", "is"}, {2, "2 municipalities", "are"}, {-1, "-1 municipalities", "are"}} {
		if got := Count(c.n, "municipality", "municipalities"); got != c.count {
			t.Errorf("Count(%d) = %q, want %q", c.n, got, c.count)
		}
		if got := Form(c.n, "is", "are"); got != c.form {
			t.Errorf("Form(%d) = %q, want %q", c.n, got, c.form)
		}
	}
}
