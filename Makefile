# Recondo — every developer and CI entry point. `make run` and `make test` do all set-up on a
# fresh Debian machine with Go and Node.
SHELL := /bin/bash
MODULES := data gateway graphql mcp rest cli migrations web
BIN := $(CURDIR)/bin
GO_PKGS := $(addprefix ./,$(addsuffix /...,$(MODULES)))

.PHONY: run demo test build lint generate check-generated bench test-go tools

## run: start the system on the embedded default (SQLite + local objects under ~/.recondo)
run: build
	@scripts/run.sh

## build: build every binary into bin/
build:
	@mkdir -p $(BIN)
	@for m in $(MODULES); do \
	  if [ -d $$m/cmd ]; then (cd $$m && GOBIN=$(BIN) go install ./cmd/...) || exit 1; fi; \
	done
	@ls $(BIN)

## demo: the whole product offline: fake provider, system, a few agent sessions, then the CLI views
demo:
	@scripts/demo.sh

## test: every test, against SQLite and a real PostgreSQL (installed and started if missing), and
## the dashboard's unit tests (vitest)
test: check-generated
	@scripts/ensure-web-deps.sh && (cd web && npx vitest run)
	@scripts/ensure-test-tools.sh
	@url=$$(scripts/ensure-postgres.sh) && \
	  RECONDO_TEST_POSTGRES_URL=$$url go test -count=1 $(GO_PKGS)

## lint: gofmt, go vet and staticcheck over the whole workspace
lint:
	@out=$$(gofmt -l $(MODULES)); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	go vet $(GO_PKGS)
	$$(scripts/tools.sh staticcheck) $(GO_PKGS)

## generate: regenerate sqlc code from sql/ and migrations/, gqlgen code from graphql/schema/, and
## the dashboard's web/dist from web/src
generate:
	@rm -rf data/internal/sqlitedb data/internal/pgdb
	cd sql && $$(../scripts/tools.sh sqlc) generate
	cd graphql && go run github.com/99designs/gqlgen generate
	@scripts/ensure-web-deps.sh
	cd web && npm run build

## check-generated: fail when committed generated code differs from a fresh generation
check-generated:
	@scripts/check-generated.sh

## bench: every benchmark in BENCHMARKS.md (seeds the 1M-turn dataset once into a cache)
bench:
	cd gateway && go test -run '^$$' -bench . -benchtime=2s -count=3 ./sse/ ./providers/anthropic/ ./providers/openai/
	cd gateway && go test ./bench -run '^$$' -bench . -benchtime=1x -count=3
	@eval "$$(scripts/bench-data.sh)" && cd data && go test ./bench -run '^$$' -bench . -benchtime=200x
	@eval "$$(scripts/bench-data.sh)" && (cd graphql && go test ./bench -run '^$$' -bench . -benchtime=1x -count=3) && (cd rest && go test ./bench -run '^$$' -bench . -benchtime=1x -count=3)
