module github.com/recondo/recondo/web

go 1.26.0
