package bench

import (
	"context"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/httpserve"
	"github.com/recondo/recondo/data/objects"
	"github.com/recondo/recondo/data/postgres"
	"github.com/recondo/recondo/data/pricing"
	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/graphql/server"
)

const (
	clients  = 16
	duration = 5 * time.Second
)

// engine is one seeded database served over HTTP, with a reader key and every session id.
type engine struct {
	name, env string
	err       error
	api       *data.API
	base      string // http://127.0.0.1:port
	secret    string
	keyID     string
	sessions  []string
	stop      context.CancelFunc
	client    *http.Client
	tmp       string // the PostgreSQL run's empty object store
}

var (
	openOnce sync.Once
	engines  = []*engine{{name: "sqlite", env: "RECONDO_BENCH_SQLITE"}, {name: "postgres", env: "RECONDO_BENCH_POSTGRES_URL"}}
	quiet    = slog.New(slog.DiscardHandler)
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, e := range engines {
		e.close()
	}
	os.Exit(code)
}

// eachEngine runs fn per engine, skipping an engine whose dataset is not set.
func eachEngine(b *testing.B, fn func(b *testing.B, e *engine)) {
	if os.Getenv("CI") != "" {
		b.Skip("CI is set: the HTTP benchmarks need the seeded 1M-turn dataset and run only in `make bench`")
	}
	openOnce.Do(func() {
		for _, e := range engines {
			if os.Getenv(e.env) != "" {
				e.err = e.open(context.Background())
			}
		}
	})
	for _, e := range engines {
		b.Run(e.name, func(b *testing.B) {
			if e.api == nil && e.err == nil {
				b.Skipf("%s is not set: run `make bench` (scripts/bench-data.sh seeds the dataset and sets it)", e.env)
			}
			if e.err != nil {
				b.Fatalf("%s=%s: %v", e.env, os.Getenv(e.env), e.err)
			}
			fn(b, e)
		})
	}
}

// open wires what cmd/recondo-graphql serves: the engine, objects, prices, server.New with keys.
func (e *engine) open(ctx context.Context) error {
	where := os.Getenv(e.env)
	var (
		store data.Store
		dir   string
		err   error
	)
	if e.name == "sqlite" {
		dir = filepath.Dir(where)
		store, err = sqlite.Open(ctx, where)
	} else {
		if dir, err = os.MkdirTemp("", "recondo-http-bench-"); err != nil {
			return err
		}
		e.tmp = dir
		store, err = postgres.Open(ctx, where)
	}
	if err != nil {
		return err
	}
	prices, err := pricing.Load(pricing.DefaultOverride(dir))
	if err != nil {
		return err
	}
	e.api = data.NewAPI(store, objects.NewFS(dir)).WithPrices(prices)
	if err := e.load(ctx); err != nil {
		return err
	}
	k, err := e.api.CreateKey(ctx, "http-bench "+time.Now().UTC().Format(time.RFC3339), data.RoleReader, "")
	if err != nil {
		return err
	}
	e.secret, e.keyID = k.Secret, k.Key.ID
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	ctx, e.stop = context.WithCancel(ctx)
	cfg := httpserve.Config{Name: data.SurfaceGraphQL, Log: quiet, Handler: server.New(e.api, server.Options{Log: quiet})}
	go httpserve.ServeListener(ctx, cfg, ln)
	e.base = "http://" + ln.Addr().String()
	e.client = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}}
	return nil
}

// load reads every session id once, outside any timed loop.
func (e *engine) load(ctx context.Context) error {
	f := data.SessionFilter{Limit: data.MaxLimit}
	for {
		page, err := e.api.Store().ListSessions(ctx, f)
		if err != nil {
			return err
		}
		for _, s := range page.Sessions {
			e.sessions = append(e.sessions, s.ID)
		}
		if f.Cursor = page.NextCursor; f.Cursor == "" {
			return nil
		}
	}
}

// close revokes the key and stops the server (the audit rows stay in the dataset).
func (e *engine) close() {
	if e.api == nil {
		return
	}
	if e.stop != nil {
		e.stop()
	}
	if e.keyID != "" {
		_ = e.api.RevokeKey(context.Background(), e.keyID)
	}
	e.api.Close()
	if e.tmp != "" {
		os.RemoveAll(e.tmp)
	}
}

// do sends req with the key and reads the whole answer (so the connection is reused).
func (e *engine) do(req *http.Request) ([]byte, int, error) {
	req.Header.Set("Authorization", "Bearer "+e.secret)
	resp, err := e.client.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return body, resp.StatusCode, err
}

// drive runs `clients` closed-loop workers for `duration`, each calling op back to back, and
// reports ops/s, p50/p99/max latency and process CPU per op (client, server and, for SQLite,
// the engine: they share this process). Each b.N iteration is one whole measurement.
func drive(b *testing.B, op func(r *rand.Rand) error) {
	for b.Loop() {
		var (
			mu  sync.Mutex
			all []time.Duration
			wg  sync.WaitGroup
			bad error
		)
		cpu0, start := cpuTime(), time.Now()
		deadline := start.Add(duration)
		for w := range clients {
			wg.Go(func() {
				r := rng(w)
				var ds []time.Duration
				for time.Now().Before(deadline) {
					t := time.Now()
					if err := op(r); err != nil {
						mu.Lock()
						bad = err
						mu.Unlock()
						return
					}
					ds = append(ds, time.Since(t))
				}
				mu.Lock()
				all = append(all, ds...)
				mu.Unlock()
			})
		}
		wg.Wait()
		elapsed, cpu := time.Since(start), cpuTime()-cpu0
		if bad != nil {
			b.Fatal(bad)
		}
		slices.Sort(all)
		b.ReportMetric(float64(len(all))/elapsed.Seconds(), "req/s")
		b.ReportMetric(ms(percentile(all, 50)), "p50-ms")
		b.ReportMetric(ms(percentile(all, 99)), "p99-ms")
		b.ReportMetric(ms(all[len(all)-1]), "max-ms")
		b.ReportMetric(float64(cpu.Microseconds())/float64(len(all)), "cpu-us/req")
	}
	b.ReportMetric(0, "ns/op") // one fixed measurement per op: only the metrics above count
}

// rng is a fixed-seed source per worker; RECONDO_BENCH_SEED picks another sequence of sessions.
func rng(worker int) *rand.Rand {
	seed, err := strconv.ParseUint(os.Getenv("RECONDO_BENCH_SEED"), 10, 64)
	if err != nil {
		seed = 42
	}
	return rand.New(rand.NewPCG(seed, uint64(worker)))
}

func percentile(sorted []time.Duration, p int) time.Duration {
	rank := (len(sorted)*p + 99) / 100
	return sorted[max(rank, 1)-1]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
