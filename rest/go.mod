module github.com/recondo/recondo/rest

go 1.26
