module github.com/recondo/recondo/migrations

go 1.26
