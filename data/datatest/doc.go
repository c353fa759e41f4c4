// Package datatest is the conformance suite every engine passes: Exercise writes one fixed
// dataset through the engine's writer and checks every read of data.Store against assertions and
// against golden files shared by all engines, so the engines must answer identically. The
// repricing check also reads through data.API, whose read-time prices rest on engine queries.
package datatest
