module github.com/recondo/recondo/cli

go 1.26
