package web

import (
	"embed"
	"io"
	"io/fs"
	"net/http"
	"strings"
)

// dist is Vite's output. "all:" keeps files whose names start with "." or "_", which Vite may
// emit for chunks.
//
//go:embed all:dist
var dist embed.FS

// securityHeaders go on every response, errors included. The CSP allows only this origin's own
// scripts, styles and /graphql: the bundle has no inline code, so no 'unsafe-inline' is needed,
// and an injected <script> from captured text cannot run or send data elsewhere.
var securityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
	"X-Content-Type-Options": "nosniff",
	"Referrer-Policy":        "no-referrer",
	"X-Frame-Options":        "DENY",
}

const (
	// index.html names the current bundle, so a browser must revalidate it on every load.
	indexCache = "no-cache"
	// Vite puts a content hash in every asset's name: a changed file is a new URL.
	assetCache = "public, max-age=31536000, immutable"
)

// Handler serves the embedded dashboard: "/" and "/index.html" are the page, "/assets/<name>"
// its files; anything else is 404 (the app routes with the URL hash, so the server never sees
// its routes and needs no fallback to index.html). Only GET and HEAD are answered.
func Handler() http.Handler {
	root, err := fs.Sub(dist, "dist")
	if err != nil {
		panic("web: dist is not embedded: " + err.Error()) // cannot happen: the path is a constant
	}
	return handler{root: root}
}

type handler struct{ root fs.FS }

func (h handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for k, v := range securityHeaders {
		w.Header().Set(k, v)
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed: the dashboard is read with GET", http.StatusMethodNotAllowed)
		return
	}
	switch name, isAsset := strings.CutPrefix(r.URL.Path, "/assets/"); {
	case r.URL.Path == "/" || r.URL.Path == "/index.html":
		h.serveFile(w, r, "index.html", indexCache)
	case isAsset && name != "" && !strings.Contains(name, "/"):
		h.serveFile(w, r, "assets/"+name, assetCache)
	default:
		http.NotFound(w, r)
	}
}

// serveFile serves one regular file, never a directory listing; http.ServeContent sets the
// Content-Type from the name's extension and answers HEAD and Range requests.
func (h handler) serveFile(w http.ResponseWriter, r *http.Request, name, cache string) {
	f, err := h.root.Open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	info, err := f.Stat()
	content, ok := f.(io.ReadSeeker) // every embedded file is
	if err != nil || info.IsDir() || !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", cache)
	// Embedded files have a zero ModTime, for which ServeContent sends no Last-Modified.
	http.ServeContent(w, r, name, info.ModTime(), content)
}
