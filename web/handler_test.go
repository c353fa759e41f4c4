package web

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path"
	"regexp"
	"strings"
	"testing"
)

// embeddedAsset returns the name of one embedded asset with the extension ext: Vite hashes the
// names, so the tests find them rather than hard-coding today's.
func embeddedAsset(t *testing.T, ext string) (name string, content []byte) {
	t.Helper()
	names, err := fs.Glob(dist, "dist/assets/*"+ext)
	if err != nil || len(names) == 0 {
		t.Fatalf("no dist/assets/*%s embedded (%v): run 'make generate'", ext, err)
	}
	content, err = fs.ReadFile(dist, names[0])
	if err != nil {
		t.Fatal(err)
	}
	return path.Base(names[0]), content
}

func TestHandler(t *testing.T) {
	js, jsContent := embeddedAsset(t, ".js")
	css, _ := embeddedAsset(t, ".css")
	index, err := fs.ReadFile(dist, "dist/index.html")
	if err != nil {
		t.Fatal(err)
	}
	const (
		html  = "text/html; charset=utf-8"
		plain = "text/plain; charset=utf-8"
	)
	cases := []struct {
		name, method, target string
		status               int
		contentType, cache   string
		allow                string
		body                 string // exact body; "" with HEAD, or when only the status matters
	}{
		{"root", "GET", "/", 200, html, indexCache, "", string(index)},
		{"index.html", "GET", "/index.html", 200, html, indexCache, "", string(index)},
		{"HEAD root", "HEAD", "/", 200, html, indexCache, "", ""},
		{"script", "GET", "/assets/" + js, 200, "text/javascript; charset=utf-8", assetCache, "", string(jsContent)},
		{"stylesheet", "GET", "/assets/" + css, 200, "text/css; charset=utf-8", assetCache, "", ""},
		{"HEAD asset", "HEAD", "/assets/" + js, 200, "text/javascript; charset=utf-8", assetCache, "", ""},
		{"assets directory", "GET", "/assets/", 404, plain, "", "", "404 page not found\n"},
		{"assets without slash", "GET", "/assets", 404, plain, "", "", ""},
		{"missing asset", "GET", "/assets/index-0000.js", 404, plain, "", "", ""},
		{"nested asset path", "GET", "/assets/x/" + js, 404, plain, "", "", ""},
		{"dot-dot in assets", "GET", "/assets/..", 404, plain, "", "", ""},
		{"encoded dot-dot", "GET", "/assets/%2e%2e", 404, plain, "", "", ""},
		{"dist prefix", "GET", "/dist/index.html", 404, plain, "", "", ""},
		{"app route: hash routing, no fallback", "GET", "/sessions/s-001", 404, plain, "", "", ""},
		{"POST root", "POST", "/", 405, plain, "", "GET, HEAD", ""},
		{"DELETE asset", "DELETE", "/assets/" + js, 405, plain, "", "GET, HEAD", ""},
	}
	h := Handler()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(c.method, c.target, nil))
			res := rec.Result()
			if res.StatusCode != c.status {
				t.Errorf("status %d, want %d", res.StatusCode, c.status)
			}
			for header, want := range map[string]string{
				"Content-Type": c.contentType, "Cache-Control": c.cache, "Allow": c.allow,
			} {
				if got := res.Header.Get(header); got != want {
					t.Errorf("%s %q, want %q", header, got, want)
				}
			}
			for header, want := range securityHeaders {
				if got := res.Header.Get(header); got != want {
					t.Errorf("%s %q, want %q", header, got, want)
				}
			}
			body := rec.Body.String()
			if c.method == "HEAD" && body != "" {
				t.Errorf("HEAD answered with a body of %d bytes", len(body))
			}
			if c.body != "" && body != c.body {
				t.Errorf("body %.80q, want %.80q", body, c.body)
			}
		})
	}
}

// TestSecurityHeadersAreTheDocumentedPolicy pins the exact CSP: a change to it is a security
// decision and should show in review, not only in handler.go.
func TestSecurityHeadersAreTheDocumentedPolicy(t *testing.T) {
	want := map[string]string{
		"Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
		"X-Frame-Options":         "DENY",
	}
	if len(securityHeaders) != len(want) {
		t.Errorf("%d security headers, want %d", len(securityHeaders), len(want))
	}
	for k, v := range want {
		if got := securityHeaders[k]; got != v {
			t.Errorf("%s %q, want %q", k, got, v)
		}
	}
}

// TestIndexReferencesOnlyEmbeddedAssets catches a dist committed half-built: every script and
// stylesheet index.html names must be served, and nothing may come from another origin or another
// path (the CSP or the handler would refuse it).
func TestIndexReferencesOnlyEmbeddedAssets(t *testing.T) {
	index, err := fs.ReadFile(dist, "dist/index.html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(index), "<title>Recondo</title>") {
		t.Errorf("index.html has no <title>Recondo</title>:\n%s", index)
	}
	refs := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(string(index), -1)
	if len(refs) == 0 {
		t.Fatalf("index.html references no script or stylesheet:\n%s", index)
	}
	h := Handler()
	for _, ref := range refs {
		url := ref[1]
		if strings.HasPrefix(url, "data:") {
			continue // inline, which the CSP allows for images (an empty favicon stops a /favicon.ico 404)
		}
		if !strings.HasPrefix(url, "/assets/") {
			t.Errorf("index.html references %s: only /assets/ is served", url)
			continue
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, url, nil))
		if rec.Code != http.StatusOK {
			t.Errorf("GET %s: %d, want 200", url, rec.Code)
		}
	}
}
