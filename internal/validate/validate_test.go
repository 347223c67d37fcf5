package validate

import "testing"

func TestPhone(t *testing.T) {
	cases := []struct {
		in string
		ok bool
	}{
		{"", true},
		{"(608) 261-2028", true},
		{"608-261-2028 x204", true},
		{"+1 608.261.2028 ext. 12", true},
		{"261-20", false},
		{"call Bob", false},
		{"608-261-2028; 555", false},
		{"1234567890123456789012", false},
		{"1-800-FLOWERS", true},
		{"555-01OO", false},
	}
	for _, c := range cases {
		if got := Phone(c.in) == ""; got != c.ok {
			t.Errorf("Phone(%q) ok = %v, want %v (%s)", c.in, got, c.ok, Phone(c.in))
		}
	}
}

func TestEmail(t *testing.T) {
	cases := []struct {
		in string
		ok bool
	}{
		{"", true},
		{"clerk@dane.wi.gov", true},
		{"ana.núñez@example.gov", true},
		{"clerk@localhost", false},
		{"Clerk <clerk@x.gov>", false},
		{"not an address", false},
	}
	for _, c := range cases {
		if got := Email(c.in) == ""; got != c.ok {
			t.Errorf("Email(%q) ok = %v, want %v", c.in, got, c.ok)
		}
	}
}
