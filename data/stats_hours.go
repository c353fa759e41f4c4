package data

import "time"

// StatsHours splits a stats range for the engines' hourly rollups: whole UTC hours
// [hourFrom, hourTo) come from the rollup tables, the partial hours [from, hourFrom) and
// [hourTo, to) from raw turns. A range without a whole hour gives hourFrom = hourTo = to, so
// everything comes from raw turns.
func StatsHours(from, to time.Time) (hourFrom, hourTo time.Time) {
	hourFrom = from.UTC().Truncate(time.Hour)
	if hourFrom.Before(from) {
		hourFrom = hourFrom.Add(time.Hour)
	}
	hourTo = to.UTC().Truncate(time.Hour)
	if !hourFrom.Before(hourTo) {
		return to, to
	}
	return hourFrom, hourTo
}
