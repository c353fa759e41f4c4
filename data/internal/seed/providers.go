package seed

// family is the wire dialect a provider speaks: it decides id shapes, the native usage JSON, the
// stop reasons and the agent (and so the tool set) that talks to it.
type family int

const (
	famAnthropic family = iota
	famOpenAI
	famGoogle
)

// price is in dollars per million tokens, which is also micro-dollars per token: cost in
// micro-dollars is simply tokens × price.
type price struct{ in, cacheRead, write5m, write1h, out float64 }

type model struct {
	request  string // what the client asks for
	response string // what the provider says answered (often a dated snapshot)
	weight   float64
	price    price
}

type provider struct {
	name      string
	family    family
	host      string
	path      string // "%s" is replaced by the response model where the model is in the path
	api       string
	client    string
	versions  []string
	transport string // the usual transport; chatgpt codex also uses websockets
	share     float64
	models    []model
	// unpriced is a fresh snapshot the price table does not know yet: turns the provider answers
	// with it cost NULL and raise an unpriced_model anomaly.
	unpriced string
}

var (
	sonnet = price{3, 0.30, 3.75, 6, 15}
	opus   = price{15, 1.50, 18.75, 30, 75}
	haiku  = price{1, 0.10, 1.25, 2, 5}
	gpt5   = price{1.25, 0.125, 0, 0, 10}
	gpt5m  = price{0.25, 0.025, 0, 0, 2}
	gemPro = price{1.25, 0.31, 0, 0, 10}
	gemFl  = price{0.30, 0.075, 0, 0, 2.5}
)

// catalogue lists the providers in the order Config.Providers takes them.
var catalogue = []provider{
	{
		name: "anthropic", family: famAnthropic, host: "api.anthropic.com", path: "/v1/messages",
		api: "anthropic.messages", client: "claude-code", versions: []string{"2.0.14", "2.0.22", "2.0.31", "2.1.3"},
		transport: "http-sse", share: 0.38, unpriced: "claude-sonnet-4-6-20260219",
		models: []model{
			{"claude-sonnet-4-5", "claude-sonnet-4-5-20250929", 0.70, sonnet},
			{"claude-opus-4-1", "claude-opus-4-1-20250805", 0.12, opus},
			{"claude-haiku-4-5", "claude-haiku-4-5-20251001", 0.18, haiku},
		},
	},
	{
		name: "openai", family: famOpenAI, host: "api.openai.com", path: "/v1/responses",
		api: "openai.responses", client: "codex", versions: []string{"0.46.0", "0.50.0", "0.58.0"},
		transport: "http-sse", share: 0.18, unpriced: "gpt-5.1-2026-02-12",
		models: []model{
			{"gpt-5", "gpt-5-2025-08-07", 0.65, gpt5},
			{"gpt-5-mini", "gpt-5-mini-2025-08-07", 0.35, gpt5m},
		},
	},
	{
		name: "google", family: famGoogle, host: "generativelanguage.googleapis.com",
		path: "/v1beta/models/%s:streamGenerateContent", api: "google.generateContent", client: "gemini-cli",
		versions: []string{"0.9.0", "0.11.2", "0.13.0"}, transport: "http-sse", share: 0.12,
		unpriced: "gemini-3-pro-preview-0211",
		models: []model{
			{"gemini-2.5-pro", "gemini-2.5-pro", 0.6, gemPro},
			{"gemini-2.5-flash", "gemini-2.5-flash", 0.4, gemFl},
		},
	},
	{
		name: "openai-chatgpt", family: famOpenAI, host: "chatgpt.com", path: "/backend-api/codex/responses",
		api: "openai.responses", client: "codex", versions: []string{"0.50.0", "0.58.0", "0.63.0"},
		transport: "websocket", share: 0.17, unpriced: "gpt-5.1-codex-2026-02-12",
		models: []model{
			{"gpt-5-codex", "gpt-5-codex", 0.8, gpt5},
			{"gpt-5", "gpt-5", 0.2, gpt5},
		},
	},
	{
		name: "anthropic-bedrock", family: famAnthropic, host: "bedrock-runtime.us-east-1.amazonaws.com",
		path: "/model/%s/invoke-with-response-stream", api: "bedrock.invoke", client: "claude-code",
		versions: []string{"2.0.14", "2.0.22", "2.0.31"}, transport: "http-sse", share: 0.15,
		unpriced: "us.anthropic.claude-sonnet-4-6-20260219-v1:0",
		models: []model{
			{"us.anthropic.claude-sonnet-4-5-20250929-v1:0", "us.anthropic.claude-sonnet-4-5-20250929-v1:0", 0.8, sonnet},
			{"us.anthropic.claude-haiku-4-5-20251001-v1:0", "us.anthropic.claude-haiku-4-5-20251001-v1:0", 0.2, haiku},
		},
	},
}
