package idlist

import (
	"database/sql"
	"path/filepath"
	"slices"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

func TestMove(t *testing.T) {
	cases := []struct {
		id    int64
		delta int
		want  []int64
	}{
		{3, -1, []int64{1, 3, 2, 4}},
		{2, 1, []int64{1, 3, 2, 4}},
		{1, -1, []int64{1, 2, 3, 4}},
		{4, 1, []int64{1, 2, 3, 4}},
		{4, -9, []int64{4, 1, 2, 3}},
		{1, 2, []int64{2, 3, 1, 4}},
		{9, 1, []int64{1, 2, 3, 4}},
	}
	for _, c := range cases {
		if got := Move([]int64{1, 2, 3, 4}, c.id, c.delta); !slices.Equal(got, c.want) {
			t.Errorf("Move(%d, %d) = %v, want %v", c.id, c.delta, got, c.want)
		}
	}
}

func TestWithoutAndIndex(t *testing.T) {
	ids := []int64{5, 6, 5, 7}
	if got := Without(ids, 5); !slices.Equal(got, []int64{6, 7}) || !slices.Equal(ids, []int64{5, 6, 5, 7}) {
		t.Errorf("Without = %v (ids now %v)", got, ids)
	}
	if Index(ids, 7) != 3 || Index(ids, 8) != -1 {
		t.Errorf("Index: %d %d", Index(ids, 7), Index(ids, 8))
	}
}

func TestQuery(t *testing.T) {
	conn, err := sql.Open("sqlite3", filepath.Join(t.TempDir(), "ids.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Exec(`CREATE TABLE t(id INTEGER PRIMARY KEY, pos INTEGER); INSERT INTO t VALUES (1, 3), (2, 1), (3, 2)`); err != nil {
		t.Fatal(err)
	}
	got, err := Query(conn, `SELECT id FROM t WHERE pos > ? ORDER BY pos`, 0)
	if err != nil || !slices.Equal(got, []int64{2, 3, 1}) {
		t.Fatalf("Query = %v, %v", got, err)
	}
	if _, err := Query(conn, `SELECT id FROM nowhere`); err == nil {
		t.Error("a query of a missing table succeeded")
	}
}
