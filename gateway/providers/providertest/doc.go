// Package providertest runs provider parsers against the shared capture fixtures: it finds the
// fixture directory, loads one case into a providers.Exchange, and compares a parser's Result with
// the case's expected.json, key by key, so every parser package is held to the same contract.
package providertest
