package api_test

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/recondo/recondo/rest/internal/resttest"
)

func TestPathTraversalIDsNeverTouchTheFilesystem(t *testing.T) {
	f := resttest.New(t)
	srv := f.Serve(t, false)
	for _, path := range []string{
		"/v1/sessions/..%2F..%2Fetc%2Fpasswd",
		"/v1/sessions/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
		"/v1/turns/..%2F..%2Fetc%2Fpasswd/request",
		"/v1/turns/..%5C..%5Cwindows%5Cwin.ini/response",
		"/v1/turns/%252e%252e%252fetc%252fpasswd/request",
		"/v1/turns/..%00/request",
		"/v1/turns/%E0%80%AF/request",
		"/v1/turns/" + strings.Repeat("a", 200) + "/request",
		"/v1/sessions/%2e%2e/%2e%2e/etc/passwd",
		"/v1/policies/..%2F..%2Fetc%2Fpasswd",
	} {
		method := "GET"
		if strings.HasPrefix(path, "/v1/policies/") {
			method = "DELETE"
		}
		res := resttest.Do(t, method, srv.URL+path, f.Admin, "", "")
		if res.Status != 404 && res.Status != 400 {
			t.Errorf("%s %s: %d, want 404 or 400: %s", method, path, res.Status, res.Body)
		}
		assertProblem(t, path, res, res.Status)
		if strings.Contains(string(res.Body), "root:") {
			t.Fatalf("%s leaked a file: %s", path, res.Body)
		}
	}
	// An unencoded traversal, sent raw so no client cleans the path first. The server's mux
	// redirects it to its clean form, /etc/passwd, which is no route.
	status, location := rawRequest(t, srv.Listener.Addr().String(), "GET /v1/turns/../../../../etc/passwd HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "+f.Admin+"\r\nConnection: close\r\n\r\n")
	if status == http.StatusTemporaryRedirect || status == http.StatusMovedPermanently || status == http.StatusPermanentRedirect {
		if location != "/etc/passwd" {
			t.Errorf("raw ../ path redirected to %q", location)
		}
		status = resttest.Do(t, "GET", srv.URL+location, f.Admin, "", "").Status
	}
	if status != 404 && status != 400 {
		t.Errorf("raw ../ path: %d", status)
	}
	if got := f.Objects.Opened(); len(got) != 0 {
		t.Fatalf("traversal requests opened objects: %v", got)
	}
	// The legitimate read does open its two objects, by the hashes stored in the turn.
	resttest.Do(t, "GET", srv.URL+"/v1/turns/"+resttest.BodyTurn+"/request", f.Admin, "", "")
	if got := f.Objects.Opened(); len(got) != 2 || !strings.HasPrefix(got[0], "req/") {
		t.Fatalf("a real body read opened %v", got)
	}
}

func rawRequest(t *testing.T, addr, req string) (int, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, req)
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode, res.Header.Get("Location")
}

func TestHugeBodiesGet413(t *testing.T) {
	f := resttest.New(t)
	srv := f.Serve(t, false)
	huge := `{"resource":"turns","filters":{"text":"` + strings.Repeat("x", 10<<20) + `"}}`
	// With Content-Length: refused before the body is read.
	res := resttest.Query(t, srv.URL, f.Reader, huge)
	if res.Status != 413 {
		t.Fatalf("10 MB body: %d", res.Status)
	}
	assertProblem(t, "10 MB body", res, 413)
	// Chunked, so the size is only known by reading: the decoder stops at its limit.
	req, _ := http.NewRequest("POST", srv.URL+"/v1/query", io.MultiReader(strings.NewReader(huge)))
	req.Header.Set("Authorization", "Bearer "+f.Reader)
	req.Header.Set("Content-Type", "application/json")
	req.ContentLength = -1
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != 413 || r.Header.Get("Content-Type") != "application/problem+json" {
		t.Fatalf("10 MB chunked body: %d %s", r.StatusCode, r.Header.Get("Content-Type"))
	}
	// A policy past the server-wide limit.
	res = resttest.Do(t, "POST", srv.URL+"/v1/policies", f.Admin, "application/json", `{"name":"x","kind":"k","spec":{"a":"`+strings.Repeat("y", 2<<20)+`"}}`)
	if res.Status != 413 {
		t.Fatalf("2 MB policy: %d", res.Status)
	}
}

func TestQueryRefusesWhatIsNotAQuery(t *testing.T) {
	f := resttest.New(t)
	srv := f.Serve(t, false)
	for _, c := range []struct {
		name, contentType, path, body string
		status                        int
		field                         string
	}{
		{"form post", "application/x-www-form-urlencoded", "/v1/query", "resource=turns", 415, ""},
		{"text/plain (a CSRF simple request)", "text/plain", "/v1/query", `{"resource":"turns"}`, 415, ""},
		{"unknown URL parameter", "application/json", "/v1/query?sql=SELECT", `{"resource":"turns"}`, 400, "sql"},
		{"unknown filter", "application/json", "/v1/query", `{"resource":"turns","filters":{"modle":"x"}}`, 400, "filters.modle"},
		{"wrong type", "application/json", "/v1/query", `{"resource":"turns","limit":"ten"}`, 400, "limit"},
		{"limit too large", "application/json", "/v1/query", `{"resource":"turns","limit":100000}`, 400, "limit"},
		{"bad group_by", "application/json", "/v1/query", `{"resource":"turns","group_by":["weekday"]}`, 400, "group_by[0]"},
		{"bad time", "application/json", "/v1/query", `{"resource":"turns","filters":{"from":"last tuesday"}}`, 400, "filters.from"},
		{"injection in a filter", "application/json", "/v1/query", `{"resource":"turns","filters":{"provider":"'; DROP TABLE turns; --"}}`, 200, ""},
		{"injection in order", "application/json", "/v1/query", `{"resource":"turns","metrics":["count"],"order":["count; DROP TABLE turns"]}`, 400, "order[0]"},
		{"NUL in a filter", "application/json", "/v1/query", `{"resource":"turns","filters":{"model":"a\u0000"}}`, 400, "filters.model"},
	} {
		res := resttest.Do(t, "POST", srv.URL+c.path, f.Reader, c.contentType, c.body)
		if res.Status != c.status {
			t.Errorf("%s: %d, want %d: %s", c.name, res.Status, c.status, res.Body)
			continue
		}
		if c.status == 200 {
			var tb jsonTable
			if json.Unmarshal(res.Body, &tb) != nil || len(tb.Rows) != 0 {
				t.Errorf("%s: want no rows: %s", c.name, res.Body)
			}
			continue
		}
		assertProblem(t, c.name, res, c.status)
		var p struct {
			Errors []struct{ Field, Message string } `json:"errors"`
		}
		json.Unmarshal(res.Body, &p)
		if c.field != "" && (len(p.Errors) == 0 || p.Errors[0].Field != c.field) {
			t.Errorf("%s: errors %+v, want field %q", c.name, p.Errors, c.field)
		}
	}
	res := resttest.Query(t, srv.URL, f.Reader, `{"resource":"turns","metrics":["count","sessions"],"filters":{"from":"2026-01-01","to":"2026-02-01"}}`)
	if !strings.Contains(string(res.Body), `[{"count":19,"sessions":6}]`) {
		t.Fatalf("data after hostile queries: %s", res.Body)
	}
}
