module github.com/recondo/recondo/graphql

go 1.26
