package pricing

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ParseUSD reads a non-negative decimal amount of dollars ("3", "0.125", "22.50") into exact
// micro-dollars. More than six decimals is an error rather than a silent rounding.
func ParseUSD(s string) (int64, error) {
	whole, frac, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(s), "$"), ".")
	if whole == "" && frac == "" || strings.ContainsAny(whole+frac, "+-eE_ ") {
		return 0, fmt.Errorf("%q is not a dollar amount like 3 or 0.125", s)
	}
	if len(frac) > 6 {
		return 0, fmt.Errorf("%q has more than 6 decimals (the unit is one micro-dollar)", s)
	}
	frac += strings.Repeat("0", 6-len(frac))
	w, err := strconv.ParseInt("0"+whole, 10, 64)
	if err != nil || w > math.MaxInt64/1_000_000-1 {
		return 0, fmt.Errorf("%q is not a dollar amount like 3 or 0.125", s)
	}
	f, err := strconv.ParseInt(frac, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a dollar amount like 3 or 0.125", s)
	}
	return w*1_000_000 + f, nil
}

// FormatUSD writes micro-dollars as a dollar amount without trailing zeros: 125000 → "0.125".
func FormatUSD(micros int64) string {
	sign := ""
	u := uint64(micros)
	if micros < 0 {
		sign, u = "-", uint64(-(micros+1))+1
	}
	s := fmt.Sprintf("%s%d.%06d", sign, u/1_000_000, u%1_000_000)
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}
