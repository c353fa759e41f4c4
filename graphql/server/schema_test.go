package server_test

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/vektah/gqlparser/v2/formatter"

	"github.com/recondo/recondo/graphql/internal/gen"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestSchemaMatchesGolden: the printed schema is the surface's contract, so every change to it
// shows up in review as a diff of testdata/schema.graphql (go test ./server -update rewrites it).
func TestSchemaMatchesGolden(t *testing.T) {
	var buf bytes.Buffer
	formatter.NewFormatter(&buf, formatter.WithIndent("  ")).FormatSchema(gen.NewExecutableSchema(gen.Config{}).Schema())
	const golden = "testdata/schema.graphql"
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./server -run TestSchemaMatchesGolden -update)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Fatalf("the schema differs from %s; if the change is intended, run go test ./server -update and commit", golden)
	}
}
