package surfacetest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/datatest"
	"github.com/recondo/recondo/data/objects"
	"github.com/recondo/recondo/data/sqlite"
	"github.com/recondo/recondo/data/write"
)

// view is what every surface must agree on for a session.
type view struct {
	ID            string
	TurnCount     int64
	CostMicros    int64
	UnpricedTurns int64
	Intent        string
	Output        int64
}

type turnView struct {
	ID         string
	Seq        int64
	Model      string
	CostMicros *int64
	Output     int64
}

type statsView struct {
	Key        string
	Turns      int64
	Sessions   int64
	CostMicros int64
	Output     int64
}

func TestSameAnswersOnEverySurface(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs both servers")
	}
	ctx := context.Background()
	dir := t.TempDir()
	w, err := write.OpenSQLite(ctx, filepath.Join(dir, "recondo.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(ctx, datatest.Exchanges()...); err != nil {
		t.Fatal(err)
	}
	w.Close()
	store, err := sqlite.Open(ctx, filepath.Join(dir, "recondo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	api := data.NewAPI(store, objects.NewFS(dir))

	gqlURL := start(t, "github.com/recondo/recondo/graphql/cmd/recondo-graphql", dir)
	restURL := start(t, "github.com/recondo/recondo/rest/cmd/recondo-rest", dir)

	// Sessions page.
	page, err := api.ListSessions(ctx, data.SessionFilter{Limit: 50}, data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var want []view
	for _, s := range page.Sessions {
		want = append(want, view{s.ID, s.TurnCount, s.CostMicros, s.UnpricedTurns, s.Intent, s.Usage.OutputTokens})
	}
	var g struct {
		Data struct {
			Sessions struct {
				Edges []struct {
					Node struct {
						ID            string
						TurnCount     json.Number
						CostMicros    json.Number
						UnpricedTurns json.Number
						Intent        string
						Usage         struct{ OutputTokens json.Number }
					}
				}
			}
		}
	}
	graphql(t, gqlURL, `{ sessions(first: 50) { edges { node { id turnCount costMicros unpricedTurns intent usage { outputTokens } } } } }`, &g)
	var gotG []view
	for _, e := range g.Data.Sessions.Edges {
		n := e.Node
		gotG = append(gotG, view{n.ID, num(n.TurnCount), num(n.CostMicros), num(n.UnpricedTurns), n.Intent, num(n.Usage.OutputTokens)})
	}
	var r struct{ Sessions []data.Session }
	get(t, restURL+"/v1/sessions?limit=50", &r)
	var gotR []view
	for _, s := range r.Sessions {
		gotR = append(gotR, view{s.ID, s.TurnCount, s.CostMicros, s.UnpricedTurns, s.Intent, s.Usage.OutputTokens})
	}
	same(t, "sessions page", want, gotG, gotR)

	// One session's turns.
	turns, err := api.ListTurns(ctx, data.TurnFilter{SessionID: "s-03", Limit: 100}, data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var wantT []turnView
	for _, x := range turns {
		wantT = append(wantT, turnView{x.ID, x.Seq, x.Model, x.CostMicros, x.Usage.OutputTokens})
	}
	var gt struct {
		Data struct {
			Session struct {
				Turns struct {
					Edges []struct {
						Node struct {
							ID, Model  string
							Seq        json.Number
							CostMicros *json.Number
							Usage      struct{ OutputTokens json.Number }
						}
					}
				}
			}
		}
	}
	graphql(t, gqlURL, `{ session(id: "s-03") { turns(first: 100) { edges { node { id seq model costMicros usage { outputTokens } } } } } }`, &gt)
	var gotGT []turnView
	for _, e := range gt.Data.Session.Turns.Edges {
		n := e.Node
		var c *int64
		if n.CostMicros != nil {
			v := num(*n.CostMicros)
			c = &v
		}
		gotGT = append(gotGT, turnView{n.ID, num(n.Seq), n.Model, c, num(n.Usage.OutputTokens)})
	}
	var rt struct{ Turns []data.Turn }
	get(t, restURL+"/v1/sessions/s-03/turns?limit=100", &rt)
	var gotRT []turnView
	for _, x := range rt.Turns {
		gotRT = append(gotRT, turnView{x.ID, x.Seq, x.Model, x.CostMicros, x.Usage.OutputTokens})
	}
	same(t, "session turns", wantT, gotGT, gotRT)

	// Stats by team over the dataset's days.
	from, to := datatest.Base.Add(-time.Hour), datatest.Base.Add(72*time.Hour)
	rows, err := api.Stats(ctx, data.StatsQuery{From: from, To: to, GroupBy: data.DimTeam})
	if err != nil {
		t.Fatal(err)
	}
	var wantS []statsView
	for _, x := range rows {
		wantS = append(wantS, statsView{x.Key, x.Turns, x.Sessions, x.CostMicros, x.Usage.OutputTokens})
	}
	var gs struct {
		Data struct {
			Stats []struct {
				Key                         string
				Turns, Sessions, CostMicros json.Number
				Usage                       struct{ OutputTokens json.Number }
			}
		}
	}
	graphql(t, gqlURL, fmt.Sprintf(`{ stats(groupBy: TEAM, from: %q, to: %q) { key turns sessions costMicros usage { outputTokens } } }`,
		from.Format(time.RFC3339), to.Format(time.RFC3339)), &gs)
	var gotGS []statsView
	for _, x := range gs.Data.Stats {
		gotGS = append(gotGS, statsView{x.Key, num(x.Turns), num(x.Sessions), num(x.CostMicros), num(x.Usage.OutputTokens)})
	}
	var rs struct{ Rows []data.StatsRow }
	get(t, fmt.Sprintf("%s/v1/stats?group_by=team&from=%s&to=%s", restURL, from.Format(time.RFC3339), to.Format(time.RFC3339)), &rs)
	var gotRS []statsView
	for _, x := range rs.Rows {
		gotRS = append(gotRS, statsView{x.Key, x.Turns, x.Sessions, x.CostMicros, x.Usage.OutputTokens})
	}
	same(t, "stats by team", wantS, gotGS, gotRS)
}

func num(n json.Number) int64 {
	v, _ := n.Int64()
	return v
}

func same[T any](t *testing.T, what string, want, graphql, rest []T) {
	t.Helper()
	w, _ := json.Marshal(want)
	g, _ := json.Marshal(graphql)
	r, _ := json.Marshal(rest)
	if len(want) == 0 {
		t.Fatalf("%s: the data API answered nothing; the test proves nothing", what)
	}
	if !bytes.Equal(w, g) {
		t.Errorf("%s: GraphQL differs from the data API\n data:    %s\n graphql: %s", what, w, g)
	}
	if !bytes.Equal(w, r) {
		t.Errorf("%s: REST differs from the data API\n data: %s\n rest: %s", what, w, r)
	}
}

// start builds a server binary and runs it in loopback dev mode over dir; it returns its URL.
func start(t *testing.T, pkg, dir string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), filepath.Base(pkg))
	if out, err := exec.Command("go", "build", "-o", bin, pkg).CombinedOutput(); err != nil {
		t.Fatalf("build %s: %v\n%s", pkg, err, out)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "serve", "--dev", "--listen", addr, "--data-dir", dir, "--database-url", "")
	cmd.Env = append(os.Environ(), "RECONDO_DATABASE_URL=")
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	url := "http://" + addr
	for i := 0; i < 200; i++ {
		if res, err := http.Get(url + "/healthz"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return url
			}
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("%s did not become healthy", pkg)
	return ""
}

func graphql(t *testing.T, url, query string, out any) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	res, err := http.Post(url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || bytes.Contains(b, []byte(`"errors"`)) {
		t.Fatalf("graphql %d: %s", res.StatusCode, b)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(out); err != nil {
		t.Fatal(err)
	}
}

func get(t *testing.T, url string, out any) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", url, res.StatusCode, b)
	}
	if err := json.Unmarshal(b, out); err != nil {
		t.Fatal(err)
	}
}
