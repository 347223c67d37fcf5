package contacts

import (
	"bytes"
	"fmt"
	"testing"
	"time"
)

// Fictional names for the benchmarks' directory of 10,000 contacts.
var (
	benchFirst = []string{"Ana", "Pao", "Grace", "Tomasz", "Dana", "Luis", "Maren", "Hannah", "Ibrahim", "Beatriz",
		"Samuel", "Keiko", "Ruth", "Marcus", "Jolene", "Chen", "Priya", "José", "Renée", "Amara"}
	benchLast = []string{"Núñez", "Xiong", "Okafor", "Wiśniewski", "Whitecloud", "Ortega", "Lindqvist", "Schultz",
		"Haddad", "Santos", "Oyelaran", "Tanaka", "Amundsen", "Bell", "Red Bird", "Wei", "Raman", "Peña", "Côté", "Mensah",
		"Kowalski", "Nguyen", "Haugen", "Yang", "Vang"}
	benchOrgs = []string{"County Clerk", "County IT", "Sheriff", "Emergency Management", "Police Department",
		"Fire Department", "Public Works", "Corporation Counsel", "Health Department", "Example Voting Systems"}
)

// benchCSV writes n fictional contacts as CSV, as another office might send them.
func benchCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("Name,Title,Organization,Level,Office phone,Mobile phone,Email,Last verified\n")
	for i := 0; i < n; i++ {
		first, last := benchFirst[i%len(benchFirst)], benchLast[(i/len(benchFirst))%len(benchLast)]
		org := fmt.Sprintf("%s %s", benchTowns[i%len(benchTowns)], benchOrgs[(i/7)%len(benchOrgs)])
		fmt.Fprintf(&b, "%s %s %d,Clerk,%s,%s,(%03d) 555-%04d,(%03d) 555-01%02d,user%d@town%d.example.gov,2026-%02d-01\n",
			first, last, i, org, Levels[i%len(Levels)], 200+i%700, 100+i%100, 200+(i*7)%700, i%100, i, i%300, 1+i%11)
	}
	return b.Bytes()
}

var benchTowns = []string{"Lakeshore", "Harbor Point", "Pine Ridge", "Maple Falls", "Cedar Bend", "Fox Hollow",
	"Birch Lake", "Elm Grove", "Granite Hill", "Willow Creek", "Oak Prairie"}

// benchStore returns a database holding the built-in partners and 10,000 contacts.
func benchStore(b *testing.B) *Store {
	s := openStore(b)
	if err := s.LoadSample(time.Now()); err != nil {
		b.Fatal(err)
	}
	recs, err := ReadCSV(string(benchCSV(10000)))
	if err != nil {
		b.Fatal(err)
	}
	plan, err := s.PlanImport(Source{Name: "bench.csv", Records: recs})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.ApplyImport(plan); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkImport10k reads, previews and writes 10,000 contacts into a new database.
func BenchmarkImport10k(b *testing.B) {
	data := benchCSV(10000)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := openStore(b)
		b.StartTimer()
		recs, err := ReadFile("bench.csv", data)
		if err != nil {
			b.Fatal(err)
		}
		plan, err := s.PlanImport(Source{Name: "bench.csv", Records: recs})
		if err != nil {
			b.Fatal(err)
		}
		if n, err := s.ApplyImport(plan); err != nil || n != 10000 {
			b.Fatalf("wrote %d, err %v", n, err)
		}
	}
}

// BenchmarkSearch10k is one query of search as you type over 10,000
// contacts, for each prefix a clerk types on the way to a name or number,
// and with the screen's filters.
func BenchmarkSearch10k(b *testing.B) {
	s := benchStore(b)
	ix, err := s.LoadIndex()
	if err != nil {
		b.Fatal(err)
	}
	today := time.Now()
	queries := []struct {
		name string
		f    Filter
	}{
		{"o", Filter{Search: "o"}}, {"ok", Filter{Search: "ok"}}, {"okafor", Filter{Search: "okafor"}},
		{"okafor_4", Filter{Search: "okafor 4"}}, {"nunez", Filter{Search: "nunez"}}, {"555", Filter{Search: "555"}},
		{"555-0142", Filter{Search: "555-0142"}}, {"harbor_point_sheriff", Filter{Search: "harbor point sheriff"}},
		{"role_legal", Filter{Search: "legal"}}, {"zzz", Filter{Search: "zzz"}},
		{"level_county", Filter{Level: County}},
		{"unverified_90d", Filter{NeedsVerifying: true, VerifyDays: 90, Today: today}},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			var n int
			for i := 0; i < b.N; i++ {
				n = len(ix.SearchIDs(q.f))
			}
			b.ReportMetric(float64(n), "rows")
		})
	}
}

// BenchmarkList10k reads the whole directory of 10,000 contacts with who
// holds which role, as the Contacts screen does when it opens.
func BenchmarkList10k(b *testing.B) {
	s := benchStore(b)
	for i := 0; i < b.N; i++ {
		ix, err := s.LoadIndex()
		if err != nil {
			b.Fatal(err)
		}
		if len(ix.Search(Filter{})) < 10000 {
			b.Fatal("listed too few")
		}
	}
}

// BenchmarkExport10k writes 10,000 contacts as CSV and as vCard.
func BenchmarkExport10k(b *testing.B) {
	s := benchStore(b)
	for _, format := range []string{"csv", "vcf"} {
		b.Run(format, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				var buf bytes.Buffer
				if err := s.Export(&buf, format); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(buf.Len()))
			}
		})
	}
}
