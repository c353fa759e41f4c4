package query

import (
	"encoding/json"
	"fmt"
	"time"
)

// Values as table cells. Money and durations are exact decimals (json.Number), not floats, so the
// JSON, NDJSON and CSV forms carry the same digits.

// usd formats micro-dollars as dollars with six decimals.
func usd(micros int64) json.Number {
	sign := ""
	if micros < 0 {
		sign, micros = "-", -micros
	}
	return json.Number(fmt.Sprintf("%s%d.%06d", sign, micros/1_000_000, micros%1_000_000))
}

// usdOrNull is nil for an unpriced turn: unknown cost is never 0.
func usdOrNull(micros *int64) any {
	if micros == nil {
		return nil
	}
	return usd(*micros)
}

func int64OrNull(v *int64) any {
	if v == nil {
		return nil
	}
	return *v
}

// ms formats microseconds as milliseconds with three decimals.
func ms(us int64) json.Number {
	sign := ""
	if us < 0 {
		sign, us = "-", -us
	}
	return json.Number(fmt.Sprintf("%s%d.%03d", sign, us/1000, us%1000))
}

func timeOrNull(t *time.Time) any {
	if t == nil {
		return nil
	}
	return *t
}

// between is the duration from start to an optional end, in milliseconds, or nil.
func between(start time.Time, end *time.Time) any {
	if end == nil {
		return nil
	}
	return ms(end.Sub(start).Microseconds())
}

func stringOrNull(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}
