package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/gateway/ca"
	"github.com/recondo/recondo/gateway/fakeprovider"
	"github.com/recondo/recondo/gateway/proxy"
)

// childGateway is cmd/recondo-gateway running as its own process, so that its memory can be
// read from /proc without the load generator's and the fake provider's.
type childGateway struct {
	cmd     *exec.Cmd
	dataDir string
	proxy   *url.URL
	caFile  string
	logMu   sync.Mutex
	logTail []string // the child's last log lines, shown when something fails
}

// buildGateway compiles the gateway binary into a temp dir (the build cache makes repeats
// quick).
func buildGateway(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "recondo-gateway")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/recondo/recondo/gateway/cmd/recondo-gateway")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build recondo-gateway: %v\n%s", err, out)
	}
	return bin
}

// startChild runs `recondo-gateway serve` on a free port with the SQLite default in a temp
// data dir, every provider host resolved to fake, and trusting fake's CA. It is stopped (SIGTERM,
// then SIGKILL) when the benchmark ends.
func startChild(b *testing.B, fake *fakeprovider.Server) *childGateway {
	b.Helper()
	bin := buildGateway(b)
	g := &childGateway{dataDir: b.TempDir()}
	args := []string{"serve", "--listen", "127.0.0.1:0", "--data-dir", g.dataDir, "--database-url", "",
		"--intercept", strings.Join(proxy.DefaultIntercept, ","), "--log-level", "info"}
	for _, r := range resolveAll(fake.Addr()) {
		args = append(args, "--resolve", r)
	}
	g.cmd = exec.Command(bin, args...)
	g.cmd.Env = append(os.Environ(), "RECONDO_EXTRA_CA_CERTS="+fake.CAFile())
	stderr, err := g.cmd.StderrPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := g.cmd.Start(); err != nil {
		b.Fatal(err)
	}
	addr := make(chan string, 1)
	go g.readLog(stderr, addr)
	b.Cleanup(g.stop)
	select {
	case a := <-addr:
		g.proxy = &url.URL{Scheme: "http", Host: a}
	case <-time.After(30 * time.Second):
		b.Fatalf("gateway did not start; log:\n%s", g.log())
	}
	g.caFile = filepath.Join(g.dataDir, "ca", ca.CertFile)
	return g
}

// client is a proxied client of the child that keeps up to conns connections alive.
func (g *childGateway) client(b *testing.B, conns int) *client {
	return newProxiedClient(b, g.proxy, poolFromFile(b, g.caFile), conns)
}

// readLog keeps the tail of the child's JSON log and reports the address from its "gateway
// listening" line.
func (g *childGateway) readLog(r io.Reader, addr chan<- string) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		var rec struct{ Msg, Addr string }
		if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "gateway listening" {
			select {
			case addr <- rec.Addr:
			default:
			}
		}
		g.logMu.Lock()
		g.logTail = append(g.logTail, line)
		if len(g.logTail) > 50 {
			g.logTail = g.logTail[1:]
		}
		g.logMu.Unlock()
	}
}

func (g *childGateway) log() string {
	g.logMu.Lock()
	defer g.logMu.Unlock()
	return strings.Join(g.logTail, "\n")
}

// stop asks the gateway to shut down and kills it if it has not within 10 s.
func (g *childGateway) stop() {
	_ = g.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = g.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = g.cmd.Process.Kill()
		<-done
	}
}

// memory returns the child's current and peak resident set (VmRSS, VmHWM) in bytes.
func (g *childGateway) memory() (rss, hwm int64, err error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", g.cmd.Process.Pid))
	if err != nil {
		return 0, 0, err
	}
	for line := range bytes.Lines(b) {
		f := strings.Fields(string(line))
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmRSS:":
			rss = kb << 10
		case "VmHWM:":
			hwm = kb << 10
		}
	}
	if rss == 0 || hwm == 0 {
		return 0, 0, fmt.Errorf("no VmRSS/VmHWM in /proc/%d/status", g.cmd.Process.Pid)
	}
	return rss, hwm, nil
}

// sampleRSS polls VmRSS every interval until ctx ends and returns the largest value seen, as a
// cross-check of VmHWM.
func (g *childGateway) sampleRSS(ctx context.Context, interval time.Duration) <-chan int64 {
	out := make(chan int64, 1)
	go func() {
		var peak int64
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			if rss, _, err := g.memory(); err == nil {
				peak = max(peak, rss)
			}
			select {
			case <-ctx.Done():
				out <- peak
				return
			case <-t.C:
			}
		}
	}()
	return out
}

// raiseFDLimit lifts this process's open-file limit to its hard limit; the child inherits it.
// 500 streams take ~1,000 descriptors in each process (client and upstream side).
func raiseFDLimit(b *testing.B) {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		b.Fatal(err)
	}
	if lim.Cur < lim.Max {
		lim.Cur = lim.Max
		if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
			b.Fatal(err)
		}
	}
	if lim.Cur < 4*rssStreams {
		b.Skipf("open-file limit %d is too low for %d streams", lim.Cur, rssStreams)
	}
}

// largestResponse reads the child's database (as the read API would, from another process) for
// the largest captured response: its size and whether it is recorded complete.
func (g *childGateway) largestResponse(b *testing.B) (size int64, complete bool) {
	b.Helper()
	db, err := sqlite.OpenDB(b.Context(), filepath.Join(g.dataDir, "recondo.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	err = db.QueryRowContext(b.Context(), `SELECT response_size, complete FROM turns ORDER BY response_size DESC LIMIT 1`).Scan(&size, &complete)
	if err != nil {
		b.Fatalf("read the captured turn: %v", err)
	}
	return size, complete
}

func mb(n int64) float64 { return float64(n) / (1 << 20) }
