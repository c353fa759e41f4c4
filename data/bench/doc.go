// Package bench measures the read paths the issue sets latency targets for, on a seeded
// 1M-turn dataset of each engine (see scripts/bench-data.sh and BENCHMARKS.md). It has only
// benchmarks, which skip unless RECONDO_BENCH_SQLITE / RECONDO_BENCH_POSTGRES_URL name a dataset.
package bench
