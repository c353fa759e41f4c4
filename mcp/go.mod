module github.com/recondo/recondo/mcp

go 1.26
