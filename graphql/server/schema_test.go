package server_test

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/vektah/gqlparser/v2/formatter"

	"github.com/recondo/recondo/graphql/internal/gen"
)

// updating reports -update. The flag is registered by data/datatest, which these tests import
// (defining it again would panic); the golden files in testdata/ are rewritten with it.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// TestSchemaMatchesGolden: the printed schema is the surface's contract, so every change to it
// shows up in review as a diff of testdata/schema.graphql (go test ./server -update rewrites it).
func TestSchemaMatchesGolden(t *testing.T) {
	var buf bytes.Buffer
	formatter.NewFormatter(&buf, formatter.WithIndent("  ")).FormatSchema(gen.NewExecutableSchema(gen.Config{}).Schema())
	const golden = "testdata/schema.graphql"
	if updating() {
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
