package analyze

import (
	"github.com/recondo/recondo/gateway/providers"
	"github.com/recondo/recondo/gateway/providers/anthropic"
	"github.com/recondo/recondo/gateway/providers/gemini"
	"github.com/recondo/recondo/gateway/providers/openai"
)

// Parsers are the provider parsers, tried in order; the first whose Match accepts an exchange
// parses it.
func Parsers() []providers.Parser {
	return []providers.Parser{anthropic.New(), openai.New(), gemini.New()}
}
