// Package problem writes RFC 9457 problem details (application/problem+json): the one error
// format of the REST surface, with the data module's error codes mapped to HTTP statuses and
// problem types, and an "errors" extension naming each offending field.
package problem
