package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recondo/recondo/data/httpserve"
)

func TestOpenRefusesABadPriceList(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "prices.json")
	os.WriteFile(bad, []byte("{not json"), 0o600)
	if _, err := Open(context.Background(), Config{DataDir: dir, PricingFile: bad}); err == nil || !strings.Contains(err.Error(), "price list") {
		t.Fatalf("err = %v, want a price-list error", err)
	}
}

func TestHealthzReadsTheDatabase(t *testing.T) {
	a, err := Open(context.Background(), Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(httpserve.Handler(HTTPConfig(a, Config{}, nil)))
	defer srv.Close()
	res, err := http.Get(srv.URL + "/healthz")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("healthz with the database up: %v %v", res, err)
	}
	a.Close()
	res, err = http.Get(srv.URL + "/healthz")
	if err != nil || res.StatusCode != 503 {
		t.Fatalf("healthz with the database closed: %v %v", res.StatusCode, err)
	}
}
