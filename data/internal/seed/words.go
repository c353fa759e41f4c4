package seed

// The word lists below are in rough frequency order: vocabulary ranks words by list position, and
// Zipf sampling over ranks gives the skew real prompts have (a few words everywhere, a long tail
// of identifiers seen once or twice).

var commonWords = []string{
	"the", "to", "a", "and", "of", "in", "is", "it", "that", "for", "this", "i", "you", "be", "on",
	"with", "not", "we", "have", "are", "can", "will", "as", "if", "but", "at", "so", "from", "or",
	"do", "an", "now", "all", "by", "then", "there", "use", "should", "which", "need", "what", "when",
	"one", "just", "also", "make", "see", "like", "let", "me", "get", "new", "no", "more", "was",
	"only", "into", "because", "still", "other", "first", "after", "before", "instead", "here",
	"these", "them", "its", "some", "than", "up", "out", "how", "where", "any", "each", "both",
	"same", "my", "our", "your", "they", "been", "has", "were", "would", "could", "does", "did",
	"two", "way", "look", "next", "again", "already", "right", "sure", "think", "want", "looks",
	"seems", "works", "keep", "add", "fix", "run", "check", "read", "write", "change", "update",
	"remove", "move", "try", "call", "found", "done", "now", "good", "wrong", "missing", "please",
}

var devWords = []string{
	"file", "test", "error", "function", "code", "config", "build", "tests", "value", "type",
	"return", "string", "package", "import", "module", "server", "client", "request", "response",
	"handler", "api", "endpoint", "database", "query", "table", "index", "migration", "schema",
	"column", "row", "cache", "timeout", "retry", "deploy", "staging", "production", "branch",
	"commit", "merge", "review", "lint", "format", "log", "logs", "logger", "metric", "trace", "span",
	"context", "cancel", "goroutine", "channel", "mutex", "lock", "race", "panic", "nil", "pointer",
	"slice", "map", "interface", "method", "field", "json", "yaml", "http", "grpc", "token", "auth",
	"session", "user", "account", "invoice", "payment", "ledger", "balance", "order", "cart",
	"checkout", "price", "currency", "webhook", "event", "queue", "worker", "job", "batch", "stream",
	"message", "topic", "consumer", "producer", "offset", "partition", "cluster", "node", "pod",
	"container", "image", "docker", "kubernetes", "helm", "terraform", "bucket", "object", "key",
	"secret", "env", "variable", "flag", "option", "default", "path", "directory", "folder", "line",
	"lines", "output", "input", "result", "status", "state", "step", "plan", "task", "issue", "bug",
	"failure", "failing", "passes", "passed", "failed", "flaky", "suite", "case", "assert",
	"expected", "actual", "mock", "fixture", "helper", "util", "utils", "service", "repository",
	"controller", "model", "view", "component", "props", "hook", "render", "route", "router",
	"middleware", "cors", "header", "body", "payload", "parse", "parser", "serialize", "decode",
	"encode", "marshal", "unmarshal", "struct", "class", "instance", "constructor", "async", "await",
	"promise", "callback", "closure", "scope", "variable", "constant", "enum", "generic", "template",
	"compile", "compiler", "runtime", "memory", "cpu", "latency", "throughput", "benchmark",
	"profile", "allocation", "leak", "heap", "stack", "thread", "process", "signal", "shutdown",
	"graceful", "health", "readiness", "liveness", "probe", "port", "host", "dns", "tls",
	"certificate", "proxy", "gateway", "load", "balancer", "replica", "primary", "failover",
	"backup", "restore", "snapshot", "version", "release", "changelog", "tag", "semver", "upgrade",
	"dependency", "dependencies", "vendor", "lockfile", "npm", "yarn", "pip", "poetry", "cargo",
	"go", "python", "typescript", "javascript", "rust", "java", "sql", "postgres", "sqlite", "redis",
	"kafka", "s3", "lambda", "cron", "schedule", "rate", "limit", "limiter", "throttle", "backoff",
	"jitter", "idempotent", "idempotency", "transaction", "rollback", "commit", "isolation",
	"deadlock", "constraint", "foreign", "unique", "null", "nullable", "default", "trigger", "view",
	"permission", "role", "admin", "tenant", "org", "team", "project", "workspace", "feature",
	"experiment", "rollout", "canary", "alert", "incident", "oncall", "runbook", "dashboard",
	"grafana", "prometheus", "otel", "sentry", "pagerduty", "slack", "email", "notification",
	"template", "locale", "i18n", "timezone", "utc", "timestamp", "duration", "interval", "window",
	"pagination", "cursor", "sort", "filter", "search", "refactor", "rename", "extract", "inline",
	"cleanup", "deprecated", "legacy", "todo", "comment", "docs", "readme", "example", "snippet",
}

var techWords = []string{
	"reconcile", "reconciliation", "settlement", "chargeback", "refund", "dispute", "payout",
	"subscription", "entitlement", "quota", "usage", "meter", "billing", "pricing", "discount",
	"coupon", "tax", "vat", "invoice", "receipt", "ledger", "journal", "posting", "accrual",
	"tokenizer", "embedding", "vector", "similarity", "ranking", "relevance", "snippet",
	"highlight", "stemmer", "analyzer", "shard", "segment", "compaction", "tombstone", "vacuum",
	"checkpoint", "wal", "fsync", "durability", "consistency", "linearizable", "quorum", "raft",
	"leader", "follower", "election", "heartbeat", "lease", "fencing", "watermark", "backpressure",
	"debounce", "memoize", "hydrate", "suspense", "reducer", "selector", "dispatcher", "saga",
	"thunk", "observable", "subscriber", "emitter", "listener", "broker", "outbox", "inbox",
	"dedupe", "deduplication", "fanout", "scatter", "gather", "sidecar", "mesh", "envoy", "istio",
	"ingress", "egress", "nat", "vpc", "subnet", "iam", "kms", "sts", "oidc", "saml", "jwt", "jwks",
	"nonce", "hmac", "signature", "digest", "sha256", "base64", "utf8", "unicode", "normalize",
	"sanitize", "escape", "injection", "xss", "csrf", "ssrf", "allowlist", "denylist", "audit",
	"compliance", "retention", "gdpr", "pii", "redact", "mask", "anonymize", "encrypt", "decrypt",
	"rotate", "rotation", "keyring", "vault", "bootstrap", "scaffold", "codegen", "protobuf",
	"openapi", "swagger", "graphql", "resolver", "dataloader", "federation", "subgraph", "mutation",
	"fragment", "directive", "introspection", "persisted", "batching", "prefetch", "lazy", "eager",
	"preload", "hydration", "serializer", "deserializer", "codec", "varint", "bitmap", "bloom",
	"hyperloglog", "trie", "btree", "skiplist", "arena", "allocator", "gc", "escape", "inlining",
	"vectorize", "simd", "pprof", "flamegraph", "tracepoint", "ebpf", "syscall", "epoll", "io",
	"uring", "mmap", "pagecache", "readahead", "zstd", "brotli", "gzip", "lz4", "snappy", "parquet",
	"arrow", "avro", "csv", "ndjson", "etl", "airflow", "dag", "dbt", "warehouse", "lakehouse",
	"bigquery", "snowflake", "redshift", "clickhouse", "duckdb", "materialized", "rollup", "cube",
	"cohort", "funnel", "retention", "churn", "attribution", "uplift", "holdout", "variant",
	"bucketing", "hashing", "consistent", "ring", "vnode", "rebalance", "migration", "backfill",
	"cutover", "dualwrite", "shadow", "mirror", "replay", "reprocess", "poison", "dlq", "visibility",
	"exactlyonce", "atleastonce", "watermarking", "windowing", "tumbling", "sliding", "session",
	"jetstream", "nats", "rabbitmq", "sqs", "sns", "pubsub", "eventbridge", "kinesis", "firehose",
}

var firstNames = []string{
	"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory",
	"niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yuki", "zara", "amir",
	"bea", "chen", "diego", "elif", "farah", "goran", "hana", "igor", "jonas", "kemal", "lena",
	"mateo", "nora", "oskar", "priya", "quinn", "rosa", "sanjay", "tomas", "ursula", "vera", "wei",
	"ximena", "yosef", "zoe", "aiko", "bruno", "chloe", "dmitri", "emeka", "fatima", "gustav",
	"hiro", "ines", "jamal", "kasia", "luca", "maya",
}

var lastNames = []string{
	"nguyen", "smith", "garcia", "mueller", "rossi", "kowalski", "tanaka", "silva", "okafor",
	"larsen", "dubois", "novak", "haddad", "park", "ivanova", "jensen", "costa", "moreau", "yilmaz",
	"schmidt", "kim", "ali", "brown", "chen", "patel", "fischer", "lopez", "sato", "wright", "berg",
}

var teamNames = []string{
	"platform", "payments", "search", "growth", "infra", "data", "mobile", "web", "identity",
	"billing", "ml", "security", "observability", "checkout", "catalog", "messaging", "devex",
	"risk", "ads", "support",
}

var repoSuffixes = []string{"api", "service", "web", "worker", "sdk", "infra", "cli", "jobs"}
