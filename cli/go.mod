module github.com/recondo/recondo/cli

go 1.26

require (
	github.com/recondo/recondo/data v0.0.0
	github.com/recondo/recondo/gateway v0.0.0
)

replace (
	github.com/recondo/recondo/data => ../data
	github.com/recondo/recondo/gateway => ../gateway
	github.com/recondo/recondo/migrations => ../migrations
)
