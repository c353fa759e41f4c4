module github.com/recondo/recondo/gateway

go 1.26
