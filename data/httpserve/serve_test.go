package httpserve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHealthMetricsAndBodyLimit(t *testing.T) {
	h := Handler(Config{Name: "test", MaxBodyBytes: 10, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := io.ReadAll(r.Body); err != nil {
			http.Error(w, "too large", http.StatusRequestEntityTooLarge)
			return
		}
		io.WriteString(w, "ok")
	})})
	srv := httptest.NewServer(h)
	defer srv.Close()
	get := func(path string) (int, string) {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		return res.StatusCode, string(b)
	}
	if code, body := get("/healthz"); code != 200 || strings.TrimSpace(body) != "ok" {
		t.Fatalf("healthz %d %q", code, body)
	}
	res, _ := http.Post(srv.URL+"/x", "text/plain", strings.NewReader("more than ten bytes"))
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("big body: %d", res.StatusCode)
	}
	get("/y")
	if code, body := get("/metrics"); code != 200 || !strings.Contains(body, `recondo_http_requests_total{code="413",method="POST",surface="test"} 1`) ||
		!strings.Contains(body, "recondo_http_request_duration_seconds_bucket") {
		t.Fatalf("metrics %d:\n%.2000s", code, body)
	}
}

func TestDevModeIsLoopbackOnly(t *testing.T) {
	for listen, ok := range map[string]bool{"127.0.0.1:8080": true, "localhost:1": true, "[::1]:80": true, "0.0.0.0:8080": false, "10.0.0.5:80": false, ":8080": false} {
		if err := CheckDevListen(listen); (err == nil) != ok {
			t.Errorf("%s: %v", listen, err)
		}
	}
}
