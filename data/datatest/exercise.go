package datatest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/recondo/recondo/data"
	"github.com/recondo/recondo/data/write"
)

// update is -update, for every golden file of the tests that import this package: they must look
// it up (flag.Lookup("update")), not define it again, which would panic.
var update = flag.Bool("update", false, "rewrite the conformance golden file")

// Harness gives the suite a fresh, empty database of one engine.
type Harness struct {
	// Open returns a reader and a writer over one new database, and a way to run raw SQL
	// (only the append-only checks use it).
	Open func(t *testing.T) (data.Store, write.Writer, func(ctx context.Context, sql string) error)
	// Truncate is true where the engine has TRUNCATE (PostgreSQL).
	Truncate bool
}

// Exercise runs the whole suite against h.
func Exercise(t *testing.T, h Harness) {
	ctx := context.Background()
	store, w, exec := h.Open(t)
	xs := Exchanges()
	n, err := w.Write(ctx, xs...)
	if err != nil {
		t.Fatalf("write dataset: %v", err)
	}
	if n != len(xs) {
		t.Fatalf("write dataset: inserted %d of %d", n, len(xs))
	}

	t.Run("ReplayIsIdempotent", func(t *testing.T) {
		n, err := w.Write(ctx, Exchanges()...)
		if err != nil || n != 0 {
			t.Fatalf("replay: inserted %d, err %v; want 0, nil", n, err)
		}
		ok, err := w.HasTurn(ctx, "t-01-1")
		if err != nil || !ok {
			t.Fatalf("HasTurn(t-01-1) = %v, %v", ok, err)
		}
	})
	t.Run("SessionTotalsEqualSumOfTurns", func(t *testing.T) { checkTotals(ctx, t, store) })
	t.Run("PaginationVisitsEverySessionOnce", func(t *testing.T) { checkPagination(ctx, t, store) })
	t.Run("Errors", func(t *testing.T) { checkErrors(ctx, t, store) })
	t.Run("AppendOnly", func(t *testing.T) { checkAppendOnly(ctx, t, exec, h.Truncate) })
	t.Run("AuditLog", func(t *testing.T) { checkAudit(ctx, t, store, exec, h.Truncate) })
	t.Run("RepricingAfterPriceAdded", func(t *testing.T) { checkRepricing(ctx, t, store) })
	t.Run("Governance", func(t *testing.T) { checkGovernance(ctx, t, store) })
	t.Run("AnswersMatchGolden", func(t *testing.T) { checkGolden(t, "answers.golden.json", answers(ctx, t, store)) })
	t.Run("QueryAnswersMatchGolden", func(t *testing.T) { checkQuery(ctx, t, store) })
	t.Run("SessionTotalsProperty", func(t *testing.T) { checkTotalsProperty(ctx, t, store, w, 20261123) })
	t.Run("StatsEqualSumsOfTurns", func(t *testing.T) { checkStatsProperty(ctx, t, store, w, 20261123) })
	t.Run("StatsBefore1970", func(t *testing.T) { checkStatsBefore1970(ctx, t, store, w) })
}

func checkTotals(ctx context.Context, t *testing.T, store data.Store) {
	for _, s := range sessions {
		got, err := store.GetSession(ctx, s.id)
		if err != nil {
			t.Fatal(err)
		}
		turns, err := store.ListTurns(ctx, data.TurnFilter{SessionID: s.id, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		var sum data.Usage
		var cost, unpriced int64
		for i, tr := range turns {
			if tr.Seq != int64(i+1) {
				t.Errorf("%s: turn %d has seq %d", s.id, i, tr.Seq)
			}
			sum = sum.Add(tr.Usage)
			if tr.CostMicros == nil {
				unpriced++
			} else {
				cost += *tr.CostMicros
			}
		}
		if got.TurnCount != int64(len(turns)) || got.Usage != sum || got.CostMicros != cost || got.UnpricedTurns != unpriced {
			t.Errorf("%s: totals %d turns %+v cost %d unpriced %d; sum of turns %d %+v %d %d",
				s.id, got.TurnCount, got.Usage, got.CostMicros, got.UnpricedTurns, len(turns), sum, cost, unpriced)
		}
	}
}

func checkPagination(ctx context.Context, t *testing.T, store data.Store) {
	seen := map[string]bool{}
	cursor := ""
	for page := 0; ; page++ {
		p, err := store.ListSessions(ctx, data.SessionFilter{Limit: 4, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range p.Sessions {
			if seen[s.ID] {
				t.Fatalf("session %s seen twice", s.ID)
			}
			seen[s.ID] = true
		}
		if p.NextCursor == "" {
			break
		}
		if page > 10 {
			t.Fatal("pagination does not end")
		}
		cursor = p.NextCursor
	}
	if len(seen) != len(sessions) {
		t.Fatalf("pagination saw %d sessions, want %d", len(seen), len(sessions))
	}
}

func checkErrors(ctx context.Context, t *testing.T, store data.Store) {
	for name, err := range map[string]error{
		"GetSession": second(store.GetSession(ctx, "nope")),
		"GetTurn":    second(store.GetTurn(ctx, "../../etc/passwd")),
	} {
		if data.ErrorCode(err) != data.ENOTFOUND {
			t.Errorf("%s: code %q (%v), want %q", name, data.ErrorCode(err), err, data.ENOTFOUND)
		}
	}
	_, err := store.ListSessions(ctx, data.SessionFilter{Limit: 5, Cursor: "garbage!"})
	if data.ErrorCode(err) != data.EINVALID {
		t.Errorf("bad cursor: code %q, want %q", data.ErrorCode(err), data.EINVALID)
	}
	_, err = store.Search(ctx, data.SearchQuery{Text: `" OR 1=1 --`, Limit: 5})
	if err != nil {
		t.Errorf("search with quotes and operators must be plain words, got %v", err)
	}
	_, err = store.Search(ctx, data.SearchQuery{Text: `*:() & |`, Limit: 5})
	if data.ErrorCode(err) != data.EINVALID {
		t.Errorf("search without words: code %q, want %q", data.ErrorCode(err), data.EINVALID)
	}
}

func second[T any](_ T, err error) error { return err }

// checkAppendOnly proves the triggers refuse every change to captured rows.
func checkAppendOnly(ctx context.Context, t *testing.T, exec func(context.Context, string) error, truncate bool) {
	stmts := []string{
		"UPDATE turns SET status = 500 WHERE id = 't-01-1'",
		"DELETE FROM turns WHERE id = 't-01-1'",
		"UPDATE tool_calls SET name = 'x' WHERE id = 't-01-1-c0'",
		"DELETE FROM tool_calls WHERE id = 't-01-1-c0'",
		"UPDATE tool_results SET is_error = false WHERE id = 't-01-2-r1'",
		"DELETE FROM tool_results",
		"UPDATE turn_texts SET body = 'x'",
		"DELETE FROM turn_texts",
		"UPDATE anomaly_events SET message = 'x'",
		"DELETE FROM anomaly_events",
		"UPDATE artifacts SET path = 'x'",
		"DELETE FROM artifacts",
	}
	if truncate {
		// CASCADE, so that it is the trigger that refuses and not a foreign key.
		for _, table := range []string{"turns", "tool_calls", "tool_results", "turn_texts", "anomaly_events", "artifacts"} {
			stmts = append(stmts, "TRUNCATE "+table+" CASCADE")
		}
	}
	for _, s := range stmts {
		err := exec(ctx, s)
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: err %v, want an append-only refusal", s, err)
		}
	}
}

func checkAudit(ctx context.Context, t *testing.T, store data.Store, exec func(context.Context, string) error, truncate bool) {
	for i, op := range []string{"sessions", "turn", "search"} {
		e := data.AccessEntry{ID: "acc-" + op, At: Base.Add(time.Duration(i) * time.Second), KeyID: "k1", Principal: "auditor",
			Surface: data.SurfaceCLI, Operation: op, ResourceIDs: []string{"s-01"}, ClientAddr: "127.0.0.1", Outcome: data.OutcomeAllowed, Unmasked: i == 1}
		if err := store.AppendAccess(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	got, err := store.ListAccess(ctx, data.AccessFilter{Surface: data.SurfaceCLI, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Operation != "search" || !got[1].Unmasked || got[1].ResourceIDs[0] != "s-01" {
		t.Fatalf("ListAccess = %+v", got)
	}
	more, err := store.ListAccess(ctx, data.AccessFilter{Surface: data.SurfaceCLI, Limit: 2, Cursor: data.EncodeCursor(got[1].At, got[1].ID)})
	if err != nil || len(more) != 1 || more[0].Operation != "sessions" {
		t.Fatalf("ListAccess page 2 = %+v, %v", more, err)
	}
	stmts := []string{"UPDATE access_audit_log SET outcome = 'denied'", "DELETE FROM access_audit_log"}
	if truncate {
		stmts = append(stmts, "TRUNCATE access_audit_log")
	}
	for _, s := range stmts {
		if err := exec(ctx, s); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: err %v, want an append-only refusal", s, err)
		}
	}
}

// answers runs every read the suite pins down and returns them by name.
func answers(ctx context.Context, t *testing.T, store data.Store) map[string]any {
	out := map[string]any{}
	must := func(name string, v any, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = v
	}
	for name, f := range map[string]data.SessionFilter{
		"sessions/all":          {Limit: 50},
		"sessions/page1":        {Limit: 2},
		"sessions/provider":     {Provider: "anthropic", Limit: 50},
		"sessions/model":        {Model: "gpt-5.1-codex", Limit: 50},
		"sessions/developer":    {Developer: "alice", Limit: 50},
		"sessions/team":         {Team: "payments", Limit: 50},
		"sessions/repo":         {Repo: "ledger", Limit: 50},
		"sessions/range":        {From: Base.Add(24 * time.Hour), To: Base.Add(48 * time.Hour), Limit: 50},
		"sessions/text":         {Text: "ledger migration", Limit: 50},
		"sessions/text+team":    {Text: "deploy", Team: "platform", Limit: 50},
		"sessions/external-id":  {Text: "ext-cccc", Limit: 50},
		"sessions/none":         {Developer: "nobody", Limit: 50},
		"sessions/team+page":    {Team: "platform", Limit: 1},
		"sessions/text-nomatch": {Text: "kubernetes", Limit: 50},
	} {
		p, err := store.ListSessions(ctx, f)
		must(name, p, err)
	}
	s, err := store.GetSession(ctx, "s-03")
	must("session/s-03", s, err)
	many, err := store.GetSessions(ctx, []string{"s-05", "s-01", "missing"})
	sortByID(many)
	must("sessions/batch", many, err)
	turns, err := store.ListTurns(ctx, data.TurnFilter{SessionID: "s-03", Limit: 100})
	must("turns/s-03", turns, err)
	turns, err = store.ListTurns(ctx, data.TurnFilter{SessionID: "s-03", AfterSeq: 2, Limit: 2})
	must("turns/s-03-after2", turns, err)
	turns, err = store.ListTurnsOfSessions(ctx, []string{"s-04", "s-02"})
	must("turns/of-sessions", turns, err)
	tr, err := store.GetTurn(ctx, "t-06-1")
	must("turn/t-06-1", tr, err)
	calls, err := store.ListToolCalls(ctx, []string{"t-03-1", "t-03-3", "t-03-5", "t-01-2"})
	must("tool_calls", calls, err)
	texts, err := store.ListTurnTexts(ctx, "t-03-2")
	must("texts/t-03-2", texts, err)
	for name, q := range map[string]data.SearchQuery{
		"search/deploy":        {Text: "deploy", Limit: 5},
		"search/deploy-page2":  {Text: "deploy", Limit: 5, Cursor: mustCursor(ctx, t, store, data.SearchQuery{Text: "deploy", Limit: 5})},
		"search/two-words":     {Text: "TestLedger FAIL", Limit: 50},
		"search/session+role":  {Text: "migration", SessionID: "s-02", Role: data.RoleAssistant, Limit: 50},
		"search/path-part":     {Text: "deploy.yaml", Limit: 3},
		"search/case":          {Text: "STAGING", Limit: 2},
		"search/nomatch":       {Text: "kubernetes", Limit: 50},
		"search/injection":     {Text: `" OR 1=1 --`, Limit: 50},
		"search/tsquery-chars": {Text: "deploy & !staging | (x:*)", Limit: 50},
	} {
		p, err := store.Search(ctx, q)
		must(name, p, err)
	}
	for _, dim := range []string{data.DimNone, data.DimProvider, data.DimModel, data.DimDeveloper, data.DimTeam, data.DimRepo} {
		for _, b := range []string{data.BucketNone, data.BucketHour, data.BucketDay} {
			rows, err := store.Stats(ctx, data.StatsQuery{From: Base.Add(-time.Hour), To: Base.Add(72 * time.Hour), GroupBy: dim, Bucket: b})
			must("stats/"+dim+"/"+b, rows, err)
		}
	}
	rows, err := store.Stats(ctx, data.StatsQuery{From: Base, To: Base.Add(26 * time.Hour), GroupBy: data.DimTeam, Provider: "anthropic"})
	must("stats/team-anthropic-day1", rows, err)
	rows, err = store.Stats(ctx, data.StatsQuery{From: Base.Add(100 * time.Hour), To: Base.Add(200 * time.Hour), GroupBy: data.DimTeam})
	must("stats/empty", rows, err)
	for name, f := range map[string]data.AnomalyFilter{
		"anomalies/all":      {Limit: 50},
		"anomalies/critical": {Severity: data.SeverityCritical, Limit: 50},
		"anomalies/kind":     {Kind: data.AnomalyUnpricedModel, Limit: 1},
		"anomalies/session":  {SessionID: "s-06", Limit: 50},
	} {
		p, err := store.ListAnomalies(ctx, f)
		must(name, p, err)
	}
	arts, err := store.ListSessionArtifacts(ctx, "s-03")
	must("artifacts/session-s-03", arts, err)
	touched, err := store.ListPathArtifacts(ctx, "/home/carol/src/ledger/main.go", "", 2)
	must("artifacts/path-page1", touched, err)
	touched, err = store.ListPathArtifacts(ctx, "/home/carol/src/ledger/main.go", touched.NextCursor, 10)
	must("artifacts/path-page2", touched, err)
	touched, err = store.ListPathArtifacts(ctx, "/nowhere", "", 10)
	must("artifacts/path-none", touched, err)
	devs, err := store.ListDevelopers(ctx)
	must("developers", devs, err)
	teams, err := store.ListTeams(ctx)
	must("teams", teams, err)
	hs, err := store.ListTurnHashes(ctx, "s-02", "", 2)
	must("hashes/s-02", hs, err)
	hs, err = store.ListTurnHashes(ctx, "", "t-06-1", 10)
	must("hashes/all-after", hs, err)
	return out
}

func mustCursor(ctx context.Context, t *testing.T, store data.Store, q data.SearchQuery) string {
	p, err := store.Search(ctx, q)
	if err != nil || p.NextCursor == "" {
		t.Fatalf("search %q: no next page (%v)", q.Text, err)
	}
	return p.NextCursor
}

func sortByID(s []data.Session) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].ID < s[j-1].ID; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// checkGolden compares got with the golden file testdata/name (-update rewrites it).
func checkGolden(t *testing.T, name string, got map[string]any) {
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	_, file, _, _ := runtime.Caller(0)
	path := filepath.Join(filepath.Dir(file), "testdata", name)
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Fatalf("golden file %s is missing: run the test with -update", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, want) {
		// Outside t.TempDir, which is gone by the time anyone reads the message.
		diffPath := filepath.Join(os.TempDir(), fmt.Sprintf("recondo-%d-%s", os.Getpid(), name))
		_ = os.WriteFile(diffPath, b, 0o644)
		t.Fatalf("answers differ from %s (this engine's answers are in %s; diff them)", path, diffPath)
	}
}
