// Package migrate applies the embedded schema (module migrations) to a database: every file once,
// in name order, each in its own transaction, under a lock so that concurrent starters (a gateway
// and a read server launched together) do not race.
package migrate
