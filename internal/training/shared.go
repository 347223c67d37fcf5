package training

import "database/sql"

// ImportEventsTx is ImportEvents inside a transaction the caller owns, so
// sessions can be taken in together with other data, all or nothing.
func ImportEventsTx(tx *sql.Tx, events []Event) (ImportResult, error) {
	var res ImportResult
	for _, e := range events {
		if err := importEvent(tx, e, &res); err != nil {
			return ImportResult{}, err
		}
	}
	return res, nil
}
