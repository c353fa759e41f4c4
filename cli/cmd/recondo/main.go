// Command recondo is the operator's and auditor's tool: it sets up the CA, and (as the read
// commands land) reads captures through the data module. Run `recondo help`.
package main

import (
	"os"

	"github.com/recondo/recondo/cli/command"
)

func main() { os.Exit(command.Run(os.Args[1:], os.Stdout, os.Stderr)) }
