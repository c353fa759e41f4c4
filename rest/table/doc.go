// Package table is the tabular form of REST answers (named columns, rows of plain values) and its
// three encodings: JSON, NDJSON and CSV, chosen by ?format= or the Accept header. One table
// feeds all three, so a spreadsheet sees exactly the values a script sees.
package table
