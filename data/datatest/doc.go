// Package datatest is the conformance suite every engine passes: Exercise writes one fixed
// dataset through the engine's writer and checks every read of data.Store against assertions and
// against one golden file shared by all engines, so the engines must answer identically.
package datatest
