package fakeprovider

import (
	"net/http"
	"strconv"
	"strings"
)

// Request headers that steer the fake provider. They are sent by tests and benchmarks through
// the gateway, which forwards unknown headers untouched.
const (
	HeaderFault  = "X-Fake-Fault"
	HeaderSizeMB = "X-Fake-Size-MB"
	HeaderEvents = "X-Fake-Events"
)

// Fault names accepted in X-Fake-Fault (comma separated).
const (
	FaultDieMidstream = "die-midstream" // cut the connection after half the events
	FaultStatus529    = "status-529"    // overloaded error before any streaming
	FaultStatus429    = "status-429"    // rate-limit error before any streaming
	FaultSlow         = "slow"          // EventDelay x10
	FaultHuge         = "huge"          // X-Fake-Size-MB of text deltas, unpaced
)

type faults struct {
	names   []string
	die     bool
	status  int
	slow    bool
	hugeMB  int
	nEvents int
}

func parseFaults(h http.Header) faults {
	var f faults
	for _, v := range h.Values(HeaderFault) {
		for name := range strings.SplitSeq(v, ",") {
			name = strings.ToLower(strings.TrimSpace(name))
			switch name {
			case FaultDieMidstream:
				f.die = true
			case FaultStatus529:
				f.status = 529
			case FaultStatus429:
				f.status = http.StatusTooManyRequests
			case FaultSlow:
				f.slow = true
			case FaultHuge:
				f.hugeMB = 1
			default:
				continue
			}
			f.names = append(f.names, name)
		}
	}
	if f.hugeMB > 0 {
		if n, err := strconv.Atoi(strings.TrimSpace(h.Get(HeaderSizeMB))); err == nil && n > 0 {
			f.hugeMB = min(n, 4096)
		}
	}
	if n, err := strconv.Atoi(strings.TrimSpace(h.Get(HeaderEvents))); err == nil && n > 0 {
		f.nEvents = min(n, 1_000_000)
	}
	return f
}
