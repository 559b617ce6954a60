package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Printf("%d\n", os.Getenv("PULUMI_ACCESS_TOKEN"))
}
