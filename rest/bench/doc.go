// Package bench measures the REST read server (recondo-rest) over HTTP on the seeded 1M-turn
// dataset (see scripts/bench-data.sh and BENCHMARKS.md): requests per second and p50/p99
// latency for the sessions page and for one session with its turns, on SQLite and PostgreSQL.
//
// The path is the production one: server.Open and server.HTTPConfig (what cmd/recondo-rest
// runs) behind httpserve on a loopback listener, a reader API key (authenticated per request)
// and the access audit log, which writes one row per request into the dataset's
// access_audit_log. 16 keep-alive clients run closed-loop for 5 s per benchmark. Each b.N
// iteration is one such fixed measurement, so run with -benchtime=1x:
//
//	eval "$(scripts/bench-data.sh)" && cd rest && go test ./bench -run '^$' -bench . -benchtime=1x
//
// Benchmarks skip unless RECONDO_BENCH_SQLITE / RECONDO_BENCH_POSTGRES_URL name a dataset, and
// always when CI is set.
package bench
