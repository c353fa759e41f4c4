// Package model holds the types gqlgen generates for schema types that have no domain type in
// data (connections, edges, inputs, enums). Generated; never edited by hand.
package model
