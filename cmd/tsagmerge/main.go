// Command tsagmerge reads the ITU Regional Offices' half-yearly Word
// contributions, checks them for what must not be published, merges them
// into one TSAG TD on the ITU-T template and keeps the activity index.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
