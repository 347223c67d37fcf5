// Package idlist handles ordered lists of row ids: reading one from the
// database, finding, dropping and moving an id in it. The directory keeps its
// roles and each role's calling order this way, the plan its sections and
// scenarios, training its waitlist.
package idlist

import "database/sql"

// Querier is a *sql.DB or a *sql.Tx.
type Querier interface {
	Query(query string, args ...any) (*sql.Rows, error)
}

// Query runs a query whose rows are one id each and returns the ids in the
// order of the rows.
func Query(q Querier, query string, args ...any) ([]int64, error) {
	rows, err := q.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Index returns where id stands in ids, or -1.
func Index(ids []int64, id int64) int {
	for i, x := range ids {
		if x == id {
			return i
		}
	}
	return -1
}

// Without returns a new list of ids with every id equal to drop left out.
func Without(ids []int64, drop int64) []int64 {
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if id != drop {
			out = append(out, id)
		}
	}
	return out
}

// Move moves id delta places along ids (negative: earlier), stopping at
// either end, and returns the list; it reorders ids in place. A list without
// id comes back unchanged.
func Move(ids []int64, id int64, delta int) []int64 {
	i := Index(ids, id)
	if i < 0 {
		return ids
	}
	j := min(max(i+delta, 0), len(ids)-1)
	for ; i < j; i++ {
		ids[i] = ids[i+1]
	}
	for ; i > j; i-- {
		ids[i] = ids[i-1]
	}
	ids[j] = id
	return ids
}
