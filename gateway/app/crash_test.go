package app_test

import (
	"context"
	"crypto/x509"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/gateway/fakeprovider"
	"github.com/recondo/recondo/gateway/proxy"
)

// TestKill9LosesNoCompletedExchange runs the real binary under load and kills it with SIGKILL
// again and again. Afterwards every exchange whose response a client received in full is in the
// database exactly once, and every stored object re-hashes to its name.
func TestKill9LosesNoCompletedExchange(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test is long")
	}
	bin := filepath.Join(t.TempDir(), "recondo-gateway")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/recondo/recondo/gateway/cmd/recondo-gateway").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	fake, err := fakeprovider.Start(context.Background(), fakeprovider.Options{CADir: t.TempDir(), EventDelay: time.Millisecond, FirstByteDelay: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer fake.Close()
	dataDir := t.TempDir()
	addr := freeAddr(t)
	args := []string{"serve", "--listen", addr, "--data-dir", dataDir, "--log-level", "error"}
	for _, h := range proxy.DefaultIntercept {
		args = append(args, "--resolve", h+":443:"+fake.Addr())
	}
	start := func() *exec.Cmd {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "RECONDO_EXTRA_CA_CERTS="+fake.CAFile())
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waitListening(t, addr)
		return cmd
	}

	var mu sync.Mutex
	completed := map[string]bool{} // request hashes of exchanges the client received in full
	for round := 0; round < 6; round++ {
		cmd := start()
		c := proxiedClient(t, addr, filepath.Join(dataDir, "ca", "ca.crt"))
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for w := 0; w < 4; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					body := fmt.Sprintf(`{"model":"claude-sonnet-4-5","max_tokens":64,"stream":%v,"messages":[{"role":"user","content":"round %d worker %d req %d %d"}]}`,
						i%2 == 0, round, w, i, rand.Int64())
					res, err := c.Post("https://api.anthropic.com/v1/messages", "application/json", strings.NewReader(body))
					if err != nil {
						continue
					}
					_, err = io.ReadAll(res.Body)
					res.Body.Close()
					if err == nil && res.StatusCode == 200 {
						mu.Lock()
						completed[sum([]byte(body))] = true
						mu.Unlock()
					}
				}
			}()
		}
		time.Sleep(time.Duration(300+rand.IntN(700)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		close(stop)
		wg.Wait()
	}
	// A last, clean start replays the WAL into the database.
	cmd := start()
	defer func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() }()
	if len(completed) < 20 {
		t.Fatalf("only %d exchanges completed under load; the test proves nothing", len(completed))
	}
	r := &rig{dataDir: dataDir}
	turns := r.turns(t, len(completed))
	seen := map[string]int{}
	for _, tr := range turns {
		seen[tr.RequestSHA256]++
	}
	for h := range completed {
		if seen[h] != 1 {
			t.Errorf("completed exchange %s is in the database %d times", h[:12], seen[h])
		}
	}
	rep, err := r.api(t).Verify(context.Background(), "", data.VerifyOptions{})
	if err != nil || !rep.OK() {
		t.Fatalf("verify after crashes: %+v %v", rep.Mismatches, err)
	}
	t.Logf("%d completed exchanges across 6 kill -9s, %d turns stored, %d objects verified", len(completed), len(turns), rep.Objects)
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func waitListening(t *testing.T, addr string) {
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("gateway did not listen on %s", addr)
}

func proxiedClient(t *testing.T, addr, caFile string) *http.Client {
	pem, err := os.ReadFile(caFile)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	tr := &http.Transport{Proxy: http.ProxyURL(&url.URL{Scheme: "http", Host: addr}), TLSClientConfig: newTLSConfig()}
	tr.TLSClientConfig.RootCAs = pool
	return &http.Client{Transport: tr, Timeout: 10 * time.Second}
}
