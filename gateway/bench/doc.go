// Package bench measures the gateway against the targets (see BENCHMARKS.md): added
// latency per non-streamed request, added delay per SSE event, captured requests per second,
// and resident memory under 500 open streams and under one 200 MB response.
//
// Every number is a comparison made inside one run — direct to the fake provider vs. through
// the gateway, or capture vs. the same proxy with capture off — because the machines these run
// on are small and noisy and absolute times drift between runs. The paths are interleaved
// request by request (or segment by segment) so that drift hits both sides alike.
//
// The package holds only benchmarks and their helpers. Each benchmark does one fixed-size
// measurement per b.N iteration; run them with -benchtime=1x:
//
//	cd gateway && go test ./bench -run '^$' -bench . -benchtime=1x
//
// The memory benchmarks build cmd/recondo-gateway and run it as a child process, so that its
// VmHWM is the gateway's alone; they need Linux (/proc).
package bench
