// Package query is the REST query language: a JSON document naming a resource (sessions, turns,
// tool_calls, anomalies), filters, an optional aggregation (group_by + metrics), fields, order,
// limit and cursor. Decode reads it strictly, naming every offending field by its JSON path;
// Validate turns it into a Plan; a Runner executes a Plan through data.API, the only way to
// captured data, so client values only ever reach the database as query parameters.
// QUERY.md in the module root is the user's reference.
package query
